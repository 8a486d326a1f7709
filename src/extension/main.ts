import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { changeLogPreviewPlugin } from '../core/preview/previewPlugin';
import { systemClock } from '../core/vocabulary/clock';
import { startBenchProbe } from './benchProbe';
import { AddDeploymentLogEntryCommand, DraftNoticeCommand } from './commands/changeControlCommands';
import { registerCommands } from './commands/command';
import { commitCommands } from './commands/commitCommands';
import { CompareReleasesCommand, RemoveComparisonCommand } from './commands/compareReleases';
import { PickReleaseFamilyCommand } from './commands/pickReleaseFamily';
import { CreateRollbackChecklistCommand } from './commands/createRollbackChecklist';
import { ExportEvidencePackCommand } from './commands/exportEvidencePack';
import { OpenOnActionBesideCommand, registerRereadCodeLens } from './commands/openOnActionBeside';
import { GenerateReleaseNotesCommand } from './commands/generateReleaseNotes';
import { NewReflectionCommand } from './commands/newReflection';
import { CreateRecordDocumentCommand, OpenActionPlanCommand, StartChangeRecordCommand } from './commands/recordCommands';
import { CreateRollbackPackageCommand, VerifyRollbackPackageCommand } from './commands/rollbackPackageCommands';
import { affectsViews } from './configuration';
import { RepositoryRegistry } from './repositoryRegistry';
import { COMMIT_DETAILS_SCHEME, CommitDetailsProvider } from './commitDetailsProvider';
import { GIT_CONTENT_SCHEME, GitContentProvider } from './gitContentProvider';
import { ChangeLogLanguageClient } from './languageClient';
import { RecordStatusBar } from './recordStatusBar';
import { RepositoryWatcher } from './repositoryWatcher';
import { WorkspaceContextKeys } from './workspaceContextKeys';
import type { ReleaseNode } from './views/repositoryReleases';
import { ChangeRecordsTreeProvider, RECORDS_VIEW_ID } from './views/changeRecordsView';
import { RELEASES_VIEW_ID, ReleasesTreeProvider } from './views/releasesView';
import { locateRepositories } from './workspaceRepository';

type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

let client: ChangeLogLanguageClient | undefined;

/** What `activate` returns: used by the extension-host tests to read the views. */
export interface ChangeLogApi {
  /** Called by VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownItInstance): MarkdownItInstance;
  readonly releases: ReleasesTreeProvider;
  readonly records: ChangeRecordsTreeProvider;
  readonly languageClient: ChangeLogLanguageClient;
  readonly contextKeys: WorkspaceContextKeys;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChangeLogApi> {
  // The workbench benchmark's probe: starts nothing unless the benchmark asked for it.
  context.subscriptions.push(startBenchProbe());
  // Nothing runs git at activation: the Releases view locates repositories
  // when it is shown, and the watcher follows what it found.
  // The one registry of the workspace's repositories, handed to every view and command.
  const registry = new RepositoryRegistry(systemClock, locateRepositories);
  const watcher = new RepositoryWatcher(() => releases.refresh());
  const releases = new ReleasesTreeProvider(registry, (repositories) => void watcher.watch(repositories));
  const records = new ChangeRecordsTreeProvider(registry);
  const releasesView = vscode.window.createTreeView(RELEASES_VIEW_ID, { treeDataProvider: releases, showCollapseAll: true });
  const recordsView = vscode.window.createTreeView(RECORDS_VIEW_ID, { treeDataProvider: records, showCollapseAll: true });
  // The walkthrough's and the palette's keys are read once a Change Log view shows, not at activation.
  const contextKeys = new WorkspaceContextKeys(registry, [releasesView, recordsView]);
  const notesFindings = vscode.languages.createDiagnosticCollection('changeLog.releaseNotes');
  const refresh = () => {
    registry.forgetRepositories();
    registry.forgetConfigurations();
    releases.refresh();
    records.refresh();
  };
  context.subscriptions.push(
    releases,
    records,
    watcher,
    new RecordStatusBar(registry),
    contextKeys,
    notesFindings,
    releasesView,
    recordsView,
    vscode.workspace.registerTextDocumentContentProvider(GIT_CONTENT_SCHEME, new GitContentProvider()),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_DETAILS_SCHEME, new CommitDetailsProvider(registry)),
    registerCommands([
      new GenerateReleaseNotesCommand(registry, notesFindings),
      new CreateRollbackChecklistCommand(registry),
      new CreateRollbackPackageCommand(registry),
      new VerifyRollbackPackageCommand(registry),
      new NewReflectionCommand(registry),
      new StartChangeRecordCommand(registry),
      new OpenActionPlanCommand(registry),
      new CreateRecordDocumentCommand(registry),
      new DraftNoticeCommand(registry),
      new AddDeploymentLogEntryCommand(registry),
      new ExportEvidencePackCommand(registry, context.asAbsolutePath('media/evidence-pack.css'), context.globalState),
      new CompareReleasesCommand(releases),
      new OpenOnActionBesideCommand(),
      new RemoveComparisonCommand(releases),
      new PickReleaseFamilyCommand(registry, releases),
      ...commitCommands(releases),
      { id: 'changeLog.refresh', execute: refresh },
      { id: 'changeLog.loadMore', execute: (node: unknown) => releases.loadMore(node as ReleaseNode) },
    ]),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.workspace.onDidChangeWorkspaceFolders(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsViews(event)) refresh();
    }),
    configFileWatcher(refresh),
    registerRereadCodeLens(),
  );
  client = new ChangeLogLanguageClient(context);
  context.subscriptions.push(client);
  return { releases, records, contextKeys, languageClient: client, extendMarkdownIt: changeLogPreviewPlugin };
}

/** A repository's reflect.config.json changed: its configuration is resolved again and the views redrawn. */
function configFileWatcher(onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/reflect.config.json');
  return vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
