import * as os from 'node:os';
import * as vscode from 'vscode';
import { PHASE_GUIDES, PHASE_IDS, isPhaseId, type PhaseId } from '../../core/records/phases';
import { phaseFileName, recordDocumentPath } from '../../core/records/recordLayout';
import { renderReflectionTemplate } from '../../core/records/reflectionTemplate';
import { resolveWorkingVersion } from '../../core/records/workingVersion';
import { readSettings } from '../configuration';
import { createOrOpenDocument } from '../recordFiles';
import { requireRepository } from '../workspaceRepository';
import { localToday, type Command } from './command';

interface PhasePick extends vscode.QuickPickItem {
  readonly phase: PhaseId;
}

/** Creates (or opens) the reflection for a phase in the current change record. */
export class NewReflectionCommand implements Command {
  readonly id = 'changeLog.newReflection';

  async execute(phaseArgument?: unknown): Promise<vscode.Uri | undefined> {
    const { folder, repository } = await requireRepository();
    const phase = isPhaseId(phaseArgument) ? phaseArgument : await pickPhase();
    if (!phase) return undefined;
    const [version, gitAuthor] = await Promise.all([resolveWorkingVersion(repository), repository.configValue('user.name')]);
    const relativePath = recordDocumentPath(readSettings(folder).recordsFolder, version, phaseFileName(phase));
    const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), relativePath);
    const content = renderReflectionTemplate({ phase, version, date: localToday(), author: gitAuthor ?? os.userInfo().username });
    const { created } = await createOrOpenDocument(uri, content);
    if (!created) void vscode.window.showInformationMessage(`${relativePath} already exists: opened it as it is.`);
    return uri;
  }
}

async function pickPhase(): Promise<PhaseId | undefined> {
  const items: PhasePick[] = PHASE_IDS.map((id) => ({ phase: id, label: PHASE_GUIDES[id].title, description: id, detail: PHASE_GUIDES[id].when }));
  const picked = await vscode.window.showQuickPick(items, { title: 'New Reflection', placeHolder: 'Which phase are you reflecting on?', matchOnDescription: true, matchOnDetail: true });
  return picked?.phase;
}
