import { join } from 'node:path';
import * as vscode from 'vscode';
import { recordSummary } from '../recordSummary';
import type { DocumentAssessment, RecordAssessment } from '../../core/records/recordStatus';
import { assessRecordFolderOf } from '../../core/usecases/checkRecord';
import type { RepositoryRegistry } from '../repositoryRegistry';
import { listRecordVersions } from '../recordDocuments';

export const RECORDS_VIEW_ID = 'changeLog.records';

/** A node of the Change Records view: plain data (the repository named by its root). */
export type RecordNode =
  | { readonly type: 'record'; readonly root: string; readonly version: string; readonly folder: string; readonly assessment: RecordAssessment }
  | { readonly type: 'document'; readonly record: Extract<RecordNode, { type: 'record' }>; readonly document: DocumentAssessment };

const STATE_ICONS: Record<DocumentAssessment['state'], [string, string | undefined]> = {
  missing: ['circle-large-outline', 'disabledForeground'],
  'has-problems': ['warning', 'editorWarning.foreground'],
  complete: ['pass-filled', 'testing.iconPassed'],
};

/** Percentage of a record's documents that are complete. */
export function completenessLabel(assessment: RecordAssessment): string {
  return vscode.l10n.t('{0}/{1} complete', assessment.complete, assessment.expected);
}

/**
 * Each change record with its documents and their state (missing, has
 * problems, complete). Choosing a missing document creates it from its template.
 */
export class ChangeRecordsTreeProvider implements vscode.TreeDataProvider<RecordNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RecordNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly registry: RepositoryRegistry) {
    // Any Markdown change may change a record's state; redraw at most every 300 ms.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const schedule = () => this.schedule();
    this.disposables.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule), vscode.workspace.onDidSaveTextDocument(schedule));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }

  getTreeItem(node: RecordNode): vscode.TreeItem {
    if (node.type === 'record') {
      const item = new vscode.TreeItem(node.version, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = completenessLabel(node.assessment);
      item.tooltip = recordSummary(node.version, node.assessment);
      item.iconPath = new vscode.ThemeIcon(node.assessment.complete === node.assessment.expected ? 'pass-filled' : 'notebook');
      item.contextValue = 'record';
      item.id = `record:${node.folder}`;
      return item;
    }
    const { document, record } = node;
    const item = new vscode.TreeItem(document.fileName, vscode.TreeItemCollapsibleState.None);
    // A document whose only problems are unanswered prompts is a draft, not a warning.
    const draft = document.state === 'has-problems' && document.counts.error === 0 && document.counts.warning === 0;
    const [icon, color] = draft ? ['edit', undefined] : STATE_ICONS[document.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.description = describeState(document);
    item.tooltip = document.problems.slice(0, 10).map((p) => `${p.severity}: ${p.message}`).join('\n') || describeState(document);
    item.contextValue = `document-${document.state}`;
    item.id = `record:${record.folder}/${document.fileName}`;
    item.command =
      document.state === 'missing'
        ? { command: 'changeLog.createRecordDocument', title: vscode.l10n.t('Create from Template'), arguments: [record.version, document.fileName] }
        : { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(join(record.folder, document.fileName))] };
    return item;
  }

  async getChildren(node?: RecordNode): Promise<RecordNode[]> {
    if (node?.type === 'record') return node.assessment.documents.map((document) => ({ type: 'document', record: node, document }));
    if (node) return [];
    const { repositories } = await this.registry.locate();
    const nodes: RecordNode[] = [];
    for (const located of repositories) {
      if (located.state !== 'ready' || !located.repository) continue;
      // The same findings as the Problems panel, `reflect check` and the evidence pack (core use case checkRecord).
      const config = await this.registry.configurationFor(located.repository.root);
      const check = { config, today: this.registry.today(), repository: located.repository };
      for (const version of await listRecordVersions(located.repository.root, config.recordsFolder)) {
        const assessment = await assessRecordFolderOf(located.repository.root, version, check);
        if (assessment) nodes.push({ type: 'record', root: located.repository.root, version, folder: join(located.repository.root, config.recordsFolder, version), assessment });
      }
    }
    return nodes;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 300);
  }
}

function describeState(document: DocumentAssessment): string {
  if (document.state === 'missing') return vscode.l10n.t('missing: choose to create');
  if (document.state === 'complete') return vscode.l10n.t('complete');
  const parts: string[] = [];
  if (document.counts.error > 0) parts.push(document.counts.error === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', document.counts.error));
  if (document.counts.warning > 0) parts.push(document.counts.warning === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', document.counts.warning));
  if (document.counts.info > 0) parts.push(vscode.l10n.t('{0} to answer', document.counts.info));
  return parts.join(', ');
}
