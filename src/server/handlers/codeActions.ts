import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextRange } from '../../core/validate/problem';
import { fixableProblems, type FixableProblem } from '../../core/validate/problemFixes';
import { analyseDocument, MAX_VALIDATED_LENGTH } from '../../core/validate/validateDocument';
import type { RiskMatrix } from '../../core/validate/riskMatrix';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';

/**
 * Quick fixes for our diagnostics: the document is analysed again and each
 * diagnostic matched to the problem it reports (same rule, place and
 * message); the problem's fix becomes a WorkspaceEdit. With `versioned`, the
 * edit names the document version, so a client refuses it once the text moved on.
 */
export function codeActionsFor(document: TextDocument, params: CodeActionParams, riskMatrix: RiskMatrix | undefined, versioned: boolean): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const text = document.getText();
  if (ours.length === 0 || text.length > MAX_VALIDATED_LENGTH) return [];
  const fixable = fixableProblems(analyseDocument(text, { riskMatrix }), { riskMatrix });
  const actions: CodeAction[] = [];
  for (const diagnostic of ours) {
    const match = fixable.find((f) => reports(f, diagnostic));
    if (!match) continue;
    actions.push({
      title: match.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: match.preferred,
      edit: editOf(document, match, versioned),
    });
  }
  return actions;
}

function reports(fixable: FixableProblem, diagnostic: Diagnostic): boolean {
  const { problem } = fixable;
  return problem.code === diagnostic.code && problem.message === diagnostic.message && sameRange(problem.range, diagnostic.range);
}

function editOf(document: TextDocument, fixable: FixableProblem, versioned: boolean): WorkspaceEdit {
  const edit = { range: fixable.fix.range, newText: fixable.fix.newText };
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }] };
  return { changes: { [document.uri]: [edit] } };
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
