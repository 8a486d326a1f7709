import { createConnection, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateDocument } from '../core/validate/validateDocument';
import { assertCurrent, settle, toDiagnostics } from './diagnosticsPipeline';
import { isChangeRecordDocument } from './documentSelection';
import { SettingsSource } from './serverSettings';

// `createConnection` picks stdio, IPC or sockets from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`), so the same entry serves the
// extension and any other LSP client.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsSource(connection);
let dynamicConfiguration = false;

connection.onInitialize((params) => {
  const options = params.initializationOptions as { recordsFolder?: string } | undefined;
  const workspace = params.capabilities.workspace;
  settings.configure(workspace?.configuration === true, options?.recordsFolder);
  dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { identifier: 'changeLog', interFileDependencies: true, workspaceDiagnostics: false },
    },
    serverInfo: { name: 'reflect-language-server' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'changeLog' });
});

connection.onDidChangeConfiguration(() => {
  settings.invalidate();
  connection.languages.diagnostics.refresh();
});

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const version = document.version;
  await settle(() => documents.get(uri), version, token);
  const current = documents.get(uri);
  const text = current?.getText() ?? '';
  const documentSettings = await settings.forDocument(uri);
  if (!isChangeRecordDocument(uri, text, documentSettings.recordsFolder)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const problems = validateDocument(text);
  assertCurrent(documents.get(uri), version, token);
  return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(problems, documentSettings) };
});

documents.listen(connection);
connection.listen();
