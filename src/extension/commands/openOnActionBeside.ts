import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { enclosingRepository, requireInsideRepository } from '../../core/files/safePaths';
import { onActionCompanionOf, rereadHeadingLine } from '../../core/records/rereadReflection';
import type { Command } from './command';

export const OPEN_ON_ACTION_BESIDE = 'changeLog.openOnActionBeside';

/**
 * Opens the record's on-action reflection beside the beyond-action one the
 * person is writing, so they can re-read it; focus stays where they write.
 */
export class OpenOnActionBesideCommand implements Command {
  readonly id = OPEN_ON_ACTION_BESIDE;

  /** `resource` is the beyond-action document (from a CodeLens or menu); the active editor's otherwise. */
  async execute(resource?: unknown): Promise<vscode.TextEditor> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    const companion = uri?.scheme === 'file' ? onActionCompanionOf(uri.fsPath) : undefined;
    if (!uri || companion === undefined) throw new Error(vscode.l10n.t('Open a beyond-action reflection (beyond-action.md) first: its on-action reflection opens beside it.'));
    if (!existsSync(companion)) throw new Error(vscode.l10n.t('This change record has no on-action reflection yet ({0}).', vscode.workspace.asRelativePath(companion)));
    // Read only inside the repository: an on-action.md that is a link out of it is refused, not opened.
    const root = enclosingRepository(companion);
    if (root !== undefined) await requireInsideRepository(root, companion, vscode.workspace.asRelativePath(companion));
    return vscode.window.showTextDocument(vscode.Uri.file(companion), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }
}

/** Offers "Open on-action reflection beside" above the re-reading heading of a beyond-action reflection whose on-action one exists. */
export class RereadCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const companion = document.uri.scheme === 'file' ? onActionCompanionOf(document.uri.fsPath) : undefined;
    if (companion === undefined || !existsSync(companion)) return [];
    const line = rereadHeadingLine(document.getText()) ?? 0;
    return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: vscode.l10n.t('Open on-action reflection beside'), command: OPEN_ON_ACTION_BESIDE, arguments: [document.uri] })];
  }
}

/** Registers the CodeLens for beyond-action reflections. */
export function registerRereadCodeLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file', pattern: '**/beyond-action.md' }, new RereadCodeLensProvider());
}
