import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { buildRecordPack, evidencePackPathIn, prepareDefaultPackFolder, writeRecordPack } from '../../core/usecases/exportPack';
import { currentRecord, pickRecord, type RecordChoice } from '../recordChoice';
import { CancelledByUser } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/**
 * Writes a change record as one self-contained HTML evidence pack where the
 * person chooses (by default outside tracked files); an existing file is
 * replaced only when they agree.
 */
export class ExportEvidencePackCommand implements Command {
  readonly id = 'changeLog.exportEvidencePack';

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly stylesheetPath: string,
  ) {}

  /** `record` may be a Change Records view item or a version; `target` a path (for scripts and tests). */
  async execute(record?: unknown, target?: unknown): Promise<string | undefined> {
    const choice = await recordOf(this.registry, record);
    const config = await this.registry.configurationFor(choice.repository.root, { forCommand: true });
    const root = choice.repository.root;
    const pack = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building the evidence pack of {0}', choice.version) }, () =>
      buildRecordPack(choice.folder, { repository: choice.repository, root, config, clock: this.registry.clock, stylesheetPath: this.stylesheetPath }),
    );
    const defaultPath = evidencePackPathIn(root, pack.fileName);
    // The proposed folder exists (and is ignored by git) before the save dialog opens.
    if (typeof target !== 'string') await prepareDefaultPackFolder(root, defaultPath);
    const path = typeof target === 'string' ? target : await chooseTarget(defaultPath);
    let force = false;
    if (existsSync(path)) {
      const replace = vscode.l10n.t('Replace');
      const answer = typeof target === 'string' ? undefined : await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with a new evidence pack?', vscode.workspace.asRelativePath(path)), { modal: true }, replace);
      if (answer !== replace) {
        if (typeof target === 'string') throw new Error(vscode.l10n.t('{0} already exists; it was not replaced.', path));
        throw new CancelledByUser();
      }
      force = true;
    }
    await writeRecordPack(path, pack, { force, keepOutOfGit: path === defaultPath, root });
    const open = vscode.l10n.t('Open in Browser');
    const { error, warning } = pack.problems;
    const status = error + warning > 0 ? vscode.l10n.t('{0} errors and {1} warnings are listed in it.', error, warning) : vscode.l10n.t('No open problems.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Evidence pack of {0} written to {1}. {2} SHA-256 {3}.{4}', choice.version, vscode.workspace.asRelativePath(path), status, pack.sha256, pack.clean === false ? ` ${vscode.l10n.t('The working tree was not clean: the pack lists the uncommitted changes.')}` : ''), open).then((answer) => {
      if (answer === open) void vscode.env.openExternal(vscode.Uri.file(path));
    });
    return path;
  }
}

async function recordOf(registry: RepositoryRegistry, record: unknown): Promise<RecordChoice> {
  if (typeof record === 'string') return currentRecord(registry, record);
  if (typeof record === 'object' && record !== null && (record as { type?: unknown }).type === 'record') return currentRecord(registry, (record as { version: string }).version);
  const current = await currentRecord(registry);
  // Only a record that exists can be exported: otherwise let the person pick one.
  return existsSync(current.folder) ? current : pickRecord(registry, current, { existingOnly: true });
}

async function chooseTarget(defaultPath: string): Promise<string> {
  const uri = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(defaultPath), filters: { HTML: ['html'] }, title: vscode.l10n.t('Export Evidence Pack'), saveLabel: vscode.l10n.t('Export') });
  if (!uri) throw new CancelledByUser();
  return uri.fsPath;
}
