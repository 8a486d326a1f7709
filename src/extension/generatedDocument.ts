import * as vscode from 'vscode';
import { readFences } from '../core/markdown/generatedFences';
import { regenerate } from '../core/markdown/regenerate';
import { createOrOpenDocument } from './recordFiles';
import { CancelledByUser } from './workspaceRepository';

/** What happened to a generated document. */
export type GeneratedOutcome = 'created' | 'regenerated' | 'unchanged' | 'no-generated-parts';

/**
 * Writes a generated document: creates it when absent; otherwise replaces
 * only its generated parts through the editor (a WorkspaceEdit), keeping
 * every other character, including unsaved changes. Parts the person edited
 * are replaced only if they agree. `finish` adjusts the regenerated text
 * (release notes set their front matter's range end, from core).
 */
export async function writeGeneratedDocument(uri: vscode.Uri, fresh: string, what: string, finish: (regenerated: string) => string = (text) => text): Promise<{ outcome: GeneratedOutcome; editor: vscode.TextEditor }> {
  const created = await createOrOpenDocument(uri, fresh);
  if (created.created) return { outcome: 'created', editor: created.editor };
  const document = created.editor.document;
  const existing = document.getText();
  const { fences, problems } = readFences(existing);
  if (fences.length === 0 && problems.length === 0) return { outcome: 'no-generated-parts', editor: created.editor };
  // Duplicate, unmatched or nested markers: regenerate raises a message naming their lines, before any edit.
  let result = regenerate(existing, fresh, { name: vscode.workspace.asRelativePath(uri) });
  if (finish(result.text) === existing && result.editedFences.length === 0) return { outcome: 'unchanged', editor: created.editor };
  if (result.editedFences.length > 0) {
    const replace = vscode.l10n.t('Replace Them');
    const keep = vscode.l10n.t('Keep My Edits');
    const answer = await vscode.window.showWarningMessage(
      result.editedFences.length === 1
        ? vscode.l10n.t('You edited a generated part of {0} ({1}). Replace it with freshly generated {2}?', vscode.workspace.asRelativePath(uri), result.editedFences.join(', '), what)
        : vscode.l10n.t('You edited {0} generated parts of {1} ({2}). Replace them with freshly generated {3}?', result.editedFences.length, vscode.workspace.asRelativePath(uri), result.editedFences.join(', '), what),
      { modal: true, detail: vscode.l10n.t('Everything outside the generated parts stays as it is either way.') },
      replace,
      keep,
    );
    if (answer === undefined) throw new CancelledByUser();
    if (answer === keep) result = regenerate(existing, fresh, { keep: result.editedFences });
  }
  const text = finish(result.text);
  if (text === existing) return { outcome: 'unchanged', editor: created.editor };
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(existing.length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('Could not update {0}.', vscode.workspace.asRelativePath(uri)));
  // Saving a document that had no unsaved changes writes only our edit; a
  // document with unsaved changes is left for the person to save.
  if (!wasDirty) await document.save();
  return { outcome: 'regenerated', editor: created.editor };
}

