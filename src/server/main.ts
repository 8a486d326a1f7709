import { CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localIsoDate, localIsoDateTime } from '../core/vocabulary/clock';
import { DiagnosticsRefresh } from './diagnosticsRefresh';
import { codeActionsFor } from './handlers/codeActions';
import { completionsAt } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { hoverAt } from './handlers/hover';
import { RecordHistory } from './recordHistory';
import { folderOf, OpenRecordFolders } from './recordSiblings';
import { MessageFramingGuard } from './messageFraming';
import { SettingsSource } from './serverSettings';
import type { InitializationOptions } from '../shared/protocol';

// Run by hand (`reflect-language-server`) without a transport, the connection
// would fail with a stack trace; say how to start it instead.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(arg))) {
  process.stderr.write('reflect-language-server: the Reflective Change Log language server.\nStart it from an LSP client with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>).\n');
  process.exit(2);
}

// `createConnection` picks IPC or sockets from the command line (`--node-ipc`,
// `--socket=N`), so the same entry serves the extension and any other LSP
// client. Over stdio the client's bytes pass a framing check first: a broken
// stream ends the server with a message, and the client starts a new one.
const connection = process.argv.includes('--stdio') ? createConnection(ProposedFeatures.all, checkedStdin(), process.stdout) : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsSource(connection);
const refresh = new DiagnosticsRefresh(connection);
const folders = new OpenRecordFolders();
const history = new RecordHistory();
let dynamicConfiguration = false;
let registerWatcher = false;
let versionedEdits = false;

connection.onInitialize((params) => {
  const options = params.initializationOptions as InitializationOptions | undefined;
  const workspace = params.capabilities.workspace;
  settings.configure(workspace?.configuration === true, options?.recordsFolder);
  history.configure(options?.readsGitHistory === true);
  refresh.configure(workspace?.diagnostics?.refreshSupport === true);
  dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  // The VS Code client watches `**/*.md` itself and says so; other clients are asked to.
  registerWatcher = workspace?.didChangeWatchedFiles?.dynamicRegistration === true && options?.watchesRecordFiles !== true;
  versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { identifier: 'changeLog', interFileDependencies: true, workspaceDiagnostics: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' '] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'reflect-language-server' },
  };
});

connection.onInitialized(() => {
  // A refused registration leaves the server working without it; it must not become an unhandled rejection.
  if (dynamicConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'changeLog' }).catch(() => undefined);
  if (registerWatcher) connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/reflect.config.json' }] }).catch(() => undefined);
});

connection.onDidChangeConfiguration(() => {
  settings.invalidate();
  refresh.now();
});

registerDiagnostics(connection, documents, settings, folders, history);

// A sibling changed on disk: documents open in its record folder may have new cross-document problems.
// An open file's own changes arrive as edits, and its open text is what counts.
connection.onDidChangeWatchedFiles(({ changes }) => {
  // A repository's reflect.config.json changed: every document of it may be graded differently.
  if (changes.some((change) => change.uri.endsWith('/reflect.config.json'))) {
    settings.invalidate();
    refresh.now();
    return;
  }
  if (changes.some((change) => !documents.get(change.uri) && folders.hasOpenDocumentIn(folderOf(change.uri)))) refresh.schedule();
});

// An open sibling was edited, opened or closed: the others in its folder are pulled again.
documents.onDidChangeContent(({ document }) => {
  if (folders.hasOpenDocumentIn(folderOf(document.uri), document.uri)) refresh.schedule();
});
documents.onDidClose(({ document }) => {
  folders.forget(document.uri);
  settings.forget(document.uri);
  if (folders.hasOpenDocumentIn(folderOf(document.uri))) refresh.schedule();
});

connection.onHover(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  return document ? hoverAt(document, position) : null;
});

connection.onCompletion(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  return document ? completionsAt(document, position, { date: localIsoDate(), dateTime: localIsoDateTime() }) : [];
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const { riskMatrix } = (await settings.forDocument(document.uri)).validation;
  const current = documents.get(params.textDocument.uri);
  return current ? codeActionsFor(current, params, riskMatrix, versionedEdits) : [];
});

connection.onShutdown(() => refresh.cancel());

documents.listen(connection);
connection.listen();

/** Standard input behind the framing check; stdout then carries nothing but messages, so console output goes to stderr. */
function checkedStdin(): NodeJS.ReadableStream {
  // Given streams, the library no longer moves console output off stdout itself, where it would corrupt the stream.
  console.log = console.info = console.debug = console.warn = console.error;
  const guard = new MessageFramingGuard((reason) => {
    process.stderr.write(`reflect-language-server: the client's message stream is broken: ${reason}. Exiting so that the client can start a new server.\n`);
    process.exit(1);
  });
  return process.stdin.pipe(guard);
}
