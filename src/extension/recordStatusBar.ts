import { join, sep } from 'node:path';
import * as vscode from 'vscode';
import { assessRecordFolderOf } from '../core/usecases/checkRecord';
import type { RepositoryRegistry } from './repositoryRegistry';
import { readRecordsFolder } from './configuration';
import { recordSummary } from './recordSummary';

/**
 * A status bar item for the change record of the active document, such as
 * `v1.4.0 · 4/9`; choosing it opens the record's manifest.
 */
export class RecordStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('changeLog.record', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;

  constructor(private readonly registry: RepositoryRegistry) {
    this.item.name = vscode.l10n.t('Change Record');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidSaveTextDocument(() => void this.update()),
    );
    void this.update();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /** Shows the record of the active editor's document, or hides the item. */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const record = await this.recordOfActiveEditor();
    if (generation !== this.generation) return;
    if (!record) {
      this.item.hide();
      return;
    }
    const { version, folder, assessment } = record;
    this.item.text = `$(notebook) ${version} · ${assessment.complete}/${assessment.expected}`;
    this.item.tooltip = `${recordSummary(version, assessment)} ${vscode.l10n.t('Choose to open its manifest.')}`;
    this.item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Change Record'), arguments: [vscode.Uri.file(join(folder, 'change.md'))] };
    this.item.show();
  }

  private async recordOfActiveEditor() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
    // Most editors are not in a records folder: answer without running git.
    if (!uri.path.includes(`/${readRecordsFolder(uri)}/`)) return undefined;
    const { repositories } = await this.registry.locate();
    for (const located of repositories) {
      if (!located.repository) continue;
      const config = await this.registry.configurationFor(located.repository.root);
      const recordsFolder = config.recordsFolder;
      const recordsRoot = join(located.repository.root, recordsFolder);
      if (!uri.fsPath.startsWith(`${recordsRoot}${sep}`)) continue;
      const version = uri.fsPath.slice(recordsRoot.length + 1).split(sep)[0];
      if (!version) return undefined;
      const assessment = await assessRecordFolderOf(located.repository.root, version, { config, today: this.registry.today(), repository: located.repository });
      return assessment && { version, folder: join(recordsRoot, version), assessment };
    }
    return undefined;
  }
}
