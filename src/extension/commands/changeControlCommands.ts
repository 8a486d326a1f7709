import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { isLogEntryType, LOG_ENTRY_TYPES, LogEntryError, formatLogEntry, type LogEntryType } from '../../core/records/deploymentLog';
import { isNoticeType, NOTICE_TYPES, type NoticeType } from '../../core/render/deploymentNotice';
import { appendDeploymentLogEntry, deploymentLogEdit, DEPLOYMENT_LOG_FILE } from '../../core/usecases/deploymentLog';
import { draftRecordNotice } from '../../core/usecases/deploymentNotice';
import type { Clock } from '../../core/vocabulary/clock';
import { currentRecord } from '../recordChoice';
import { createRecordDocument } from '../recordDocuments';
import type { RepositoryRegistry } from '../repositoryRegistry';
import { CancelledByUser } from '../workspaceRepository';
import type { Command } from './command';

/**
 * Drafts a downtime, go-live or rollback notice of the current change record
 * and opens it as an untitled Markdown document, ready to copy into an email.
 */
export class DraftNoticeCommand implements Command {
  readonly id = 'changeLog.draftNotice';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(recordArgument?: unknown, typeArgument?: unknown): Promise<vscode.TextDocument> {
    const record = await currentRecord(this.registry, versionOf(recordArgument));
    const type = isNoticeType(typeArgument) ? typeArgument : await pickNoticeType();
    const notice = await draftRecordNotice(record.folder, type, record.repository.root);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: notice.markdown });
    await vscode.window.showTextDocument(document);
    if (notice.gaps.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('change.md does not record {0}; the draft marks each gap.', notice.gaps.join(', ')));
    return document;
  }
}

/** The record a command was given: a version, or a record of the Change Records view; undefined for the current one. */
function versionOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && (argument as { type?: unknown }).type === 'record') {
    const version = (argument as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  }
  return undefined;
}

async function pickNoticeType(): Promise<NoticeType> {
  const picked = await vscode.window.showQuickPick(
    NOTICE_TYPES.map((t) => ({ label: t.label, description: t.id, detail: t.description, id: t.id })),
    { title: vscode.l10n.t('Draft Notice: which notice?') },
  );
  if (!picked) throw new CancelledByUser();
  return picked.id;
}

/**
 * Adds a timestamped entry to the current record's deployment log (the
 * "Deployment log" section of in-action-execution.md). When the reflection
 * is open, the entry goes into the editor as an edit (saved only if the
 * document had no unsaved changes before); otherwise the file is updated in
 * place, and only if it did not change meanwhile. A missing reflection is
 * created from its template first.
 */
export class AddDeploymentLogEntryCommand implements Command {
  readonly id = 'changeLog.addDeploymentLogEntry';

  constructor(private readonly registry: RepositoryRegistry) {}

  private get clock(): Clock {
    return this.registry.clock;
  }

  async execute(recordArgument?: unknown, typeArgument?: unknown, textArgument?: unknown): Promise<string> {
    const record = await currentRecord(this.registry, versionOf(recordArgument));
    const type = isLogEntryType(typeArgument) ? typeArgument : await pickLogEntryType();
    const text = typeof textArgument === 'string' ? textArgument : await askEntryText(type, this.clock);
    const path = join(record.folder, DEPLOYMENT_LOG_FILE);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (open) return this.logInEditor(open, type, text);
    if (!existsSync(path)) {
      // Created from its template and opened: the entry then goes through the editor like any open document.
      const { uri } = await createRecordDocument(this.registry, record.repository, record.version, DEPLOYMENT_LOG_FILE);
      return this.logInEditor(await vscode.workspace.openTextDocument(uri), type, text);
    }
    const edit = await appendDeploymentLogEntry(record.folder, { type, text, clock: this.clock }, record.repository.root);
    return edit.line;
  }

  private async logInEditor(document: vscode.TextDocument, type: LogEntryType, text: string): Promise<string> {
    const wasDirty = document.isDirty;
    const edit = deploymentLogEdit(document.getText(), { type, text, clock: this.clock });
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(document.uri, document.positionAt(edit.offset), edit.insert);
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw new Error(vscode.l10n.t('The log entry could not be added to {0}; the document was left as it was.', DEPLOYMENT_LOG_FILE));
    // Saved only when nothing of the person's was unsaved: their pending edits are theirs to save.
    if (!wasDirty) await document.save();
    return edit.line;
  }
}

async function pickLogEntryType(): Promise<LogEntryType> {
  const picked = await vscode.window.showQuickPick(
    LOG_ENTRY_TYPES.map((t) => ({ label: t.label, detail: t.description, id: t.id })),
    { title: vscode.l10n.t('Deployment log: what kind of entry?') },
  );
  if (!picked) throw new CancelledByUser();
  return picked.id;
}

async function askEntryText(type: LogEntryType, clock: Clock): Promise<string> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Deployment log: {0}', LOG_ENTRY_TYPES.find((t) => t.id === type)?.label ?? type),
    prompt: vscode.l10n.t('What happened? The time is added when you press Enter.'),
    validateInput: (value) => {
      try {
        formatLogEntry(type, value, clock);
        return undefined;
      } catch (error) {
        return error instanceof LogEntryError ? error.message : undefined;
      }
    },
  });
  if (text === undefined) throw new CancelledByUser();
  return text;
}
