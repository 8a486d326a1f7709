import * as vscode from 'vscode';
import type { Problem } from '../core/validate/problem';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';

/** A core Problem as a VS Code diagnostic from "Change Log". */
export function toVscodeDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.range.start.line, problem.range.start.character, problem.range.end.line, problem.range.end.character);
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
