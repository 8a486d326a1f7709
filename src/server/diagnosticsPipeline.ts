import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, ProblemSeverity } from '../core/validate/problem';
import { fixData } from './handlers/fixData';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';


/** Quiet time after the last keystroke before a document is validated. */
export const DEBOUNCE_MS = 150;

/** Where each rule is explained: the README shipped beside the server bundle. */
const README_URL = pathToFileURL(join(__dirname, '..', 'README.md')).toString();

/** The README section that explains a rule. */
export function ruleDocumentationUrl(code: string): string {
  return `${README_URL}#${code}`;
}

/** Waits out the debounce; fails with ServerCancelled when the document moved on or the request was cancelled. */
export async function settle(document: () => TextDocument | undefined, version: number, token: CancellationToken, delayMs = DEBOUNCE_MS): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, delayMs);
    token.onCancellationRequested(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  assertCurrent(document(), version, token);
}

/**
 * Throws the LSP "server cancelled" error when a result would be stale: the
 * client then asks again for the current version.
 */
export function assertCurrent(document: TextDocument | undefined, version: number, token: CancellationToken): void {
  if (token.isCancellationRequested || !document || document.version !== version) {
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; validation restarts.', { retriggerRequest: true });
  }
}

/**
 * Converts problems (already graded by the core with the person's rule
 * severities) to LSP diagnostics and caps their count, keeping errors first
 * and ending with one note that says how many there were. A problem's fix
 * travels in `data`, with the document `version` it was worked out on.
 */
export function toDiagnostics(problems: readonly Problem[], maxProblems: number, version: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = problems.map((problem) => ({
    range: problem.range,
    severity: lspSeverity(problem.severity),
    code: problem.code,
    codeDescription: { href: ruleDocumentationUrl(problem.code) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    ...(problem.fix ? { data: fixData(problem.fix, version) } : {}),
  }));
  if (diagnostics.length <= maxProblems) return diagnostics.sort(byPosition);
  diagnostics.sort((a, b) => (a.severity ?? 4) - (b.severity ?? 4) || a.range.start.line - b.range.start.line);
  const kept = diagnostics.slice(0, maxProblems - 1).sort(byPosition);
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    codeDescription: { href: ruleDocumentationUrl('too-many-problems') },
    source: DIAGNOSTIC_SOURCE,
    message: `Showing ${maxProblems - 1} of ${diagnostics.length} problems (changeLog.validation.maxProblems).`,
  });
  return kept;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function lspSeverity(severity: ProblemSeverity): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}
