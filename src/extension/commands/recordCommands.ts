import * as vscode from 'vscode';
import { NOTIFICATION, withProgress } from '../progress';
import { ACTION_PLAN_FILE, CHANGE_FILE } from '../../core/vocabulary/documentKinds';
import { recordFolderName } from '../../core/vocabulary/recordLayout';
import { currentRecord } from '../recordChoice';
import { createRecordDocument } from '../recordDocuments';
import { releaseTargetOf, versionOf } from '../releaseTarget';
import { CancelledByUser } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/**
 * Starts a change record for a release (Unreleased by default): proposes the
 * version the commits call for, then creates `change.md` from its template.
 */
export class StartChangeRecordCommand implements Command {
  readonly id = 'changeLog.startChangeRecord';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(node?: unknown, versionArgument?: unknown): Promise<vscode.Uri | undefined> {
    const target = await releaseTargetOf(this.registry, node, node === undefined && typeof versionArgument !== 'string' ? 'ask' : 'unreleased');
    const version =
      typeof versionArgument === 'string'
        ? versionArgument
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Start Change Record'),
            prompt: vscode.l10n.t('The version this change will release ({0}..{1})', target.range.from ?? vscode.l10n.t('first commit'), target.range.to),
            value: await withProgress(NOTIFICATION, vscode.l10n.t('Proposing the next version from {0}..{1}', target.range.from ?? vscode.l10n.t('the first commit'), target.range.to), () => versionOf(this.registry, target)),
            validateInput: (value) => (value.trim().length === 0 ? vscode.l10n.t('Give the version, for example v1.4.0.') : recordFolderName(value.trim()) !== value.trim() ? vscode.l10n.t('Will be stored as "{0}".', recordFolderName(value.trim())) : undefined),
          });
    if (version === undefined) throw new CancelledByUser();
    const { uri } = await createRecordDocument(this.registry, target.repository, version.trim(), CHANGE_FILE, {
      range: { from: target.range.from, to: target.range.to === 'HEAD' ? version.trim() : target.range.to },
      previousTag: target.range.from,
    });
    return uri;
  }
}

/** Opens the action plan of the current change record, creating it from its template first. */
export class OpenActionPlanCommand implements Command {
  readonly id = 'changeLog.openActionPlan';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(versionArgument?: unknown): Promise<vscode.Uri | undefined> {
    const record = await currentRecord(this.registry, typeof versionArgument === 'string' ? versionArgument : undefined);
    return (await createRecordDocument(this.registry, record.repository, record.version, ACTION_PLAN_FILE)).uri;
  }
}

/** Creates one missing document of a record (from the Change Records view). */
export class CreateRecordDocumentCommand implements Command {
  readonly id = 'changeLog.createRecordDocument';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(version?: unknown, fileName?: unknown): Promise<vscode.Uri | undefined> {
    if (typeof version !== 'string' || typeof fileName !== 'string') throw new Error(vscode.l10n.t('Choose a missing document in the Change Records view.'));
    const record = await currentRecord(this.registry, version);
    return (await createRecordDocument(this.registry, record.repository, record.version, fileName)).uri;
  }
}
