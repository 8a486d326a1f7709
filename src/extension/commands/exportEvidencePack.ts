import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { isPackFormat, packFormatOfPath, type PackFormat } from '../../core/export/packFormat';
import { buildRecordPack, evidencePackPathIn, prepareDefaultPackFolder, writeRecordPack } from '../../core/usecases/exportPack';
import { NOTIFICATION, withProgress } from '../progress';
import { currentRecord, pickRecord, type RecordChoice } from '../recordChoice';
import { CancelledByUser } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/** Where the format last chosen is remembered (per user, across workspaces). */
export const LAST_FORMAT_KEY = 'changeLog.exportEvidencePack.format';

/**
 * Writes a change record as one self-contained HTML evidence pack, or as a
 * PDF, where the person chooses (by default outside tracked files); an
 * existing file is replaced only when they agree.
 */
export class ExportEvidencePackCommand implements Command {
  readonly id = 'changeLog.exportEvidencePack';

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly stylesheetPath: string,
    private readonly memory: vscode.Memento,
  ) {}

  /**
   * `record` may be a Change Records view item or a version; `target` a path
   * and `format` `html` or `pdf` (for scripts and tests; without it a target's
   * extension decides). Asked for neither, the person picks the format.
   */
  async execute(record?: unknown, target?: unknown, format?: unknown): Promise<string | undefined> {
    const choice = await recordOf(this.registry, record);
    const chosen = typeof target === 'string' ? (isPackFormat(format) ? format : (packFormatOfPath(target) ?? 'html')) : await this.chooseFormat();
    const config = await this.registry.configurationFor(choice.repository.root, { forCommand: true });
    const root = choice.repository.root;
    // Building only reads: cancelling it stops between its steps and writes nothing.
    const pack = await withProgress(NOTIFICATION, vscode.l10n.t('Building the evidence pack of {0}', choice.version), (signal) =>
      buildRecordPack(choice.folder, { repository: choice.repository, root, config, clock: this.registry.clock, stylesheetPath: this.stylesheetPath, format: chosen, signal }),
    );
    const defaultPath = evidencePackPathIn(root, pack.fileName);
    // The proposed folder exists (and is ignored by git) before the save dialog opens.
    if (typeof target !== 'string') await prepareDefaultPackFolder(root, defaultPath);
    const path = typeof target === 'string' ? target : await chooseTarget(defaultPath, chosen);
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
    const unprintable = pack.pdf && pack.pdf.unprintable > 0 ? ` ${vscode.l10n.t('{0} characters cannot be shown in the PDF\'s standard fonts and are printed as [U+XXXX]; the HTML pack shows every character.', pack.pdf.unprintable)}` : '';
    const { error, warning } = pack.problems;
    const status = error + warning > 0 ? vscode.l10n.t('{0} errors and {1} warnings are listed in it.', error, warning) : vscode.l10n.t('No open problems.');
    const uri = vscode.Uri.file(path);
    const actions = packActionsFor(vscode.env, vscode.workspace.getWorkspaceFolder(uri) !== undefined);
    const labels = actions.map(packActionLabel);
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Evidence pack of {0} written to {1}. {2} SHA-256 {3}.{4}', choice.version, vscode.workspace.asRelativePath(path), status, pack.sha256, pack.clean === false ? ` ${vscode.l10n.t('The working tree was not clean: the pack lists the uncommitted changes.')}` : '') + unprintable, ...labels)
      .then((answer) => {
        const action = actions[labels.indexOf(answer ?? '')];
        if (action) void runPackAction(action, uri);
      });
    return path;
  }

  // HTML or PDF, the last choice offered first; remembered once a pack is chosen.
  private async chooseFormat(): Promise<PackFormat> {
    const last = this.memory.get<unknown>(LAST_FORMAT_KEY);
    const items: Array<vscode.QuickPickItem & { format: PackFormat }> = [
      { format: 'html', label: vscode.l10n.t('HTML'), description: vscode.l10n.t('one self-contained page: accessible, opens in any browser') },
      { format: 'pdf', label: vscode.l10n.t('PDF'), description: vscode.l10n.t('A4, for an e-portfolio that takes PDF uploads') },
    ];
    if (last === 'pdf') items.reverse();
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Evidence Pack'), placeHolder: vscode.l10n.t('Which format?') });
    if (!picked) throw new CancelledByUser();
    await this.memory.update(LAST_FORMAT_KEY, picked.format);
    return picked.format;
  }
}

async function recordOf(registry: RepositoryRegistry, record: unknown): Promise<RecordChoice> {
  if (typeof record === 'string') return currentRecord(registry, record);
  if (typeof record === 'object' && record !== null && (record as { type?: unknown }).type === 'record') return currentRecord(registry, (record as { version: string }).version);
  const current = await currentRecord(registry);
  // Only a record that exists can be exported: otherwise let the person pick one.
  return existsSync(current.folder) ? current : pickRecord(registry, current, { existingOnly: true });
}

async function chooseTarget(defaultPath: string, format: PackFormat): Promise<string> {
  const filters: Record<string, string[]> = format === 'pdf' ? { PDF: ['pdf'] } : { HTML: ['html'] };
  const uri = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(defaultPath), filters, title: vscode.l10n.t('Export Evidence Pack'), saveLabel: vscode.l10n.t('Export') });
  if (!uri) throw new CancelledByUser();
  return uri.fsPath;
}

/** What the person can do with a written pack. */
export type PackAction = 'open-in-browser' | 'open-in-editor' | 'download' | 'reveal';

/** Where the extension runs, as far as opening a file goes. */
export interface PackEnvironment {
  readonly remoteName: string | undefined;
  readonly uiKind: vscode.UIKind;
}

/**
 * The actions offered after export. On a desktop with the files local, the
 * browser opens the pack. In a remote workspace (Remote-SSH, WSL, a
 * container, code-server) the pack is on another machine, where opening it
 * "externally" cannot reach the person's browser: it opens inside VS Code,
 * or is downloaded through the workbench, or shown in the Explorer (the
 * last two only for a file inside the workspace, where the Explorer can select it).
 */
export function packActionsFor(environment: PackEnvironment, inWorkspace: boolean): PackAction[] {
  const local = environment.remoteName === undefined && environment.uiKind === vscode.UIKind.Desktop;
  if (local) return ['open-in-browser'];
  return inWorkspace ? ['open-in-editor', 'download', 'reveal'] : ['open-in-editor'];
}

function packActionLabel(action: PackAction): string {
  switch (action) {
    case 'open-in-browser':
      return vscode.l10n.t('Open in Browser');
    case 'open-in-editor':
      return vscode.l10n.t('Open in Editor');
    case 'download':
      return vscode.l10n.t('Download…');
    case 'reveal':
      return vscode.l10n.t('Reveal in Explorer');
  }
}

/** Carries out an action on the written pack. */
export async function runPackAction(action: PackAction, uri: vscode.Uri): Promise<void> {
  switch (action) {
    case 'open-in-browser':
      await vscode.env.openExternal(uri);
      return;
    case 'open-in-editor':
      await vscode.commands.executeCommand('vscode.open', uri);
      return;
    case 'reveal':
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return;
    case 'download':
      // The workbench's download takes no file argument: it downloads what the
      // Explorer has selected, so the pack is revealed (and selected) first.
      await vscode.commands.executeCommand('revealInExplorer', uri);
      await vscode.commands.executeCommand('explorer.download');
      return;
  }
}
