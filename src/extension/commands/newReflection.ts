import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fileNameOfDocument } from '../../core/vocabulary/documentKinds';
import { PHASE_GUIDES } from '../../core/records/phases';
import { PHASE_IDS, isPhaseId, type PhaseId } from '../../core/vocabulary/phaseIds';
import { currentRecord, pickRecord, type RecordChoice } from '../recordChoice';
import { createRecordDocument } from '../recordDocuments';
import { nextDuePhase } from '../../core/usecases/recordDocuments';
import { CancelledByUser } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

type PhasePick = vscode.QuickPickItem & { readonly phase?: PhaseId; readonly other?: true };

/**
 * Creates (or opens) a phase's reflection in a change record. The quick pick
 * shows which reflections exist and which is due next.
 */
export class NewReflectionCommand implements Command {
  readonly id = 'changeLog.newReflection';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(phaseArgument?: unknown, versionArgument?: unknown): Promise<vscode.Uri | undefined> {
    let record = await currentRecord(this.registry, typeof versionArgument === 'string' ? versionArgument : undefined);
    let phase = isPhaseId(phaseArgument) ? phaseArgument : undefined;
    while (!phase) {
      const picked = await pickPhase(record);
      if (picked === 'other') record = await pickRecord(this.registry, record);
      else phase = picked;
    }
    const fileName = fileNameOfDocument('reflection', phase) ?? `${phase}.md`;
    return (await createRecordDocument(this.registry, record.repository, record.version, fileName)).uri;
  }
}

async function pickPhase(record: RecordChoice): Promise<PhaseId | 'other'> {
  const exists = (phase: PhaseId) => existsSync(join(record.folder, fileNameOfDocument('reflection', phase) ?? ''));
  const due = nextDuePhase(exists);
  const items: PhasePick[] = PHASE_IDS.map((phase) => {
    const written = exists(phase);
    return {
      phase,
      label: `${written ? '$(check)' : phase === due ? '$(arrow-right)' : '$(circle-outline)'} ${PHASE_GUIDES[phase].title}`,
      description: `${phase}${written ? ' · written, opens it' : phase === due ? ' · due next' : ''}`,
      detail: PHASE_GUIDES[phase].when,
    };
  });
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('$(folder) Another change record…'), other: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Reflection for {0}', record.version),
    placeHolder: vscode.l10n.t('Which phase are you reflecting on?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) throw new CancelledByUser();
  if (picked.other) return 'other';
  return picked.phase ?? PHASE_IDS[0];
}
