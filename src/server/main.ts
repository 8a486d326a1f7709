import {
  createConnection,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_RECORDS_FOLDER, normaliseRecordsFolder } from '../core/records/recordLayout';
import type { Problem } from '../core/validate/problem';
import { validateDocument } from '../core/validate/validateDocument';
import { isChangeRecordDocument } from './documentSelection';

/** The name shown as the source of every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'Change Log';

// `createConnection` picks stdio, IPC or sockets from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`), so the same entry serves the
// extension and any other LSP client.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let recordsFolder = DEFAULT_RECORDS_FOLDER;

connection.onInitialize((params) => {
  const options = params.initializationOptions as { recordsFolder?: string } | undefined;
  recordsFolder = normaliseRecordsFolder(options?.recordsFolder);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { identifier: 'changeLog', interFileDependencies: false, workspaceDiagnostics: false },
    },
    serverInfo: { name: 'reflect-language-server' },
  };
});

connection.languages.diagnostics.on((params): DocumentDiagnosticReport => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const text = document.getText();
  if (!isChangeRecordDocument(document.uri, text, recordsFolder)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  return { kind: DocumentDiagnosticReportKind.Full, items: validateDocument(text).map(toDiagnostic) };
});

function toDiagnostic(problem: Problem): Diagnostic {
  return {
    range: problem.range,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

documents.listen(connection);
connection.listen();
