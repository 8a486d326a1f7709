import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localIsoDate, localIsoDateTime } from '../core/vocabulary/clock';
import type { InitializationOptions } from '../shared/protocol';
import { DiagnosticsRefresh } from './diagnosticsRefresh';
import { codeActionsFor } from './handlers/codeActions';
import { completionsAt } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { hoverAt } from './handlers/hover';
import { RecordHistory } from './recordHistory';
import { folderOf, OpenRecordFolders } from './recordSiblings';
import type { ServerRuntime } from './serverRuntime';
import { SettingsSource } from './serverSettings';

/**
 * Serves the language server protocol on `connection` (any transport: the
 * process's stdio, or in-memory streams in tests), reading the clock and the
 * file system only through `runtime`, and starts listening.
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsSource(connection, runtime.files);
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

  registerDiagnostics(connection, documents, settings, folders, runtime, history);

  // A sibling changed on disk: documents open in its record folder may have new cross-document problems.
  // An open file's own changes arrive as edits, and its open text is what counts.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    // A repository's reflect.config.json changed: every document of it may be graded differently.
    if (changes.some((change) => change.uri.endsWith('/reflect.config.json'))) {
      settings.invalidate();
      refresh.now();
      return;
    }
    // The hazard log at the records root changed on disk: the open records checked against it are pulled again.
    if (changes.some((change) => !documents.get(change.uri) && (folders.hasOpenDocumentIn(folderOf(change.uri)) || folders.dependsOnHazardLog(change.uri)))) refresh.schedule();
  });

  // An open sibling, or the open hazard log, was edited, opened or closed: the documents that read it are pulled again.
  documents.onDidChangeContent(({ document }) => {
    if (folders.hasOpenDocumentIn(folderOf(document.uri), document.uri) || folders.dependsOnHazardLog(document.uri)) refresh.schedule();
  });
  documents.onDidClose(({ document }) => {
    folders.forget(document.uri);
    settings.forget(document.uri);
    // A closed log counts as on disk again.
    if (folders.hasOpenDocumentIn(folderOf(document.uri)) || folders.dependsOnHazardLog(document.uri)) refresh.schedule();
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? hoverAt(document, position) : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? completionsAt(document, position, { date: localIsoDate(runtime.clock.now()), dateTime: localIsoDateTime(runtime.clock.now()) }) : [];
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActionsFor(document, params, versionedEdits) : [];
  });

  connection.onShutdown(() => refresh.cancel());

  documents.listen(connection);
  connection.listen();
}
