import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';
import { fixDataOf, type FixData } from './fixData';

/**
 * Quick fixes for our diagnostics: each fixable diagnostic carries its edit
 * in `data` (worked out when it was produced), which becomes a
 * WorkspaceEdit; nothing is analysed again. With `versioned`, the edit names
 * the version the fix was made for, so a client refuses it once the text
 * moved on; without, a fix made for another version is not offered.
 */
export function codeActionsFor(document: TextDocument, params: CodeActionParams, versioned: boolean): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = fixDataOf(diagnostic.data);
    if (!data || (!versioned && data.version !== document.version)) continue;
    actions.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: data.preferred, edit: editOf(document, data, versioned) });
  }
  return actions;
}

function editOf(document: TextDocument, data: FixData, versioned: boolean): WorkspaceEdit {
  const edit = { range: data.fix.range, newText: data.fix.newText };
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: data.version }, edits: [edit] }] };
  return { changes: { [document.uri]: [edit] } };
}
