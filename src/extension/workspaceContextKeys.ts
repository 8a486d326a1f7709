import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CHANGE_FILE, RECORD_DOCUMENT_TYPES, writtenContextKey } from '../core/vocabulary/documentKinds';
import { listRecordVersions } from './recordDocuments';
import type { RepositoryRegistry } from './repositoryRegistry';
import { folderMayHoldRepository } from './workspaceRepository';

/** Most record folders looked into; a workspace with more has long finished the walkthrough. */
const MAX_RECORDS = 500;

/** The record documents' names as one glob: other Markdown files (a README, docs) never cause a read. */
const RECORD_DOCUMENTS_GLOB = `**/{${RECORD_DOCUMENT_TYPES.map((d) => d.fileName.replace(/\.md$/, '')).join(',')}}.md`;

/**
 * The context keys the walkthrough and the palette read, from the file system
 * alone (no git): for each kind of record document, whether any record of the
 * workspace holds it (`changeLog.written.beforeAction` …; each walkthrough
 * step completes on its own key, so creating the before-action reflection
 * ticks that step only); `changeLog.noRecord` while no record has its
 * change.md; `changeLog.noRepository` when no folder may hold a repository.
 * Commands that cannot apply are hidden from the palette by these keys; they
 * say "no", so before the first read (keys unset) every command shows.
 *
 * Nothing is read at activation: the first read comes when one of `views`
 * shows (a Change Log view is or becomes visible), or when a record document or a
 * repository appears or goes. Events during a read cause one more read, not
 * one each, so a checkout that creates a thousand files costs two reads.
 */
export class WorkspaceContextKeys implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private written: ReadonlySet<string> = new Set();
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  private readonly read$ = new vscode.EventEmitter<void>();
  /** Fires after each read of the records has set the keys. */
  readonly onDidRead = this.read$.event;

  constructor(
    private readonly registry: RepositoryRegistry,
    views: readonly Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'>[] = [],
  ) {
    const documents = vscode.workspace.createFileSystemWatcher(RECORD_DOCUMENTS_GLOB, false, true, false);
    const repositories = vscode.workspace.createFileSystemWatcher('**/.git', false, true, false);
    const update = () => void this.update();
    this.disposables.push(documents, repositories, documents.onDidCreate(update), documents.onDidDelete(update), repositories.onDidCreate(update), repositories.onDidDelete(update), vscode.workspace.onDidChangeWorkspaceFolders(update));
    for (const view of views) {
      this.disposables.push(
        view.onDidChangeVisibility((change) => {
          if (change.visible && !this.started) void this.update();
        }),
      );
    }
    // A view restored open is already shown: its own reading starts now too.
    if (views.some((view) => view.visible)) void this.update();
  }

  /** Whether the keys have been read at all (nothing is read until a view shows or a record changes). */
  get hasRead(): boolean {
    return this.started;
  }

  dispose(): void {
    this.read$.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  /** The record document file names some record of the workspace holds (as last read). */
  writtenDocuments(): readonly string[] {
    return [...this.written].sort();
  }

  /** Reads the records again (one read at a time; changes meanwhile cause one more) and sets the keys. */
  update(): Promise<void> {
    this.started = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.read();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    const names = new Set(RECORD_DOCUMENT_TYPES.map((d) => d.fileName));
    const found = new Set<string>();
    let hasRepository = false;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = folder.uri.fsPath;
      hasRepository ||= await folderMayHoldRepository(root);
      const recordsFolder = (await this.registry.configurationFor(root).catch(() => undefined))?.recordsFolder;
      if (recordsFolder === undefined) continue;
      for (const version of (await listRecordVersions(root, recordsFolder)).slice(0, MAX_RECORDS)) {
        const entries = await readdir(join(root, recordsFolder, version), { withFileTypes: true }).catch(() => []);
        for (const entry of entries) if (entry.isFile() && names.has(entry.name)) found.add(entry.name);
      }
    }
    this.written = found;
    await Promise.all([
      ...RECORD_DOCUMENT_TYPES.map(({ fileName }) => vscode.commands.executeCommand('setContext', writtenContextKey(fileName), found.has(fileName))),
      vscode.commands.executeCommand('setContext', 'changeLog.noRecord', !found.has(CHANGE_FILE)),
      vscode.commands.executeCommand('setContext', 'changeLog.noRepository', !hasRepository),
    ]);
    this.read$.fire();
  }
}
