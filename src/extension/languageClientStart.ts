import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, type InitializationOptions } from '../shared/protocol';
import { readEditorSettings, readRecordsFolder } from './configuration';
import { isChangeRecordDocument } from './changeRecordDocument';

// Loaded by languageClient.ts when the first change-record document opens, and
// with it vscode-languageclient (its own bundle, dist/language-client.js): a
// window that never opens one never parses either.

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a crashed server a few times, telling the person once; after too
 * many crashes in a short time it stops and says so, once.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  error(): { action: ErrorAction; handled: boolean } {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): { action: CloseAction; handled: boolean; message?: string } {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: the language server stopped repeatedly, so change-record checks are off. Run "Developer: Reload Window" to try again; the Output panel ("Reflective Change Log") has details.'));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('Reflective Change Log: the language server stopped unexpectedly and was restarted.'));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

/** Starts the client of the language server (dist/server.js) with the extension's options. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  const configFiles = vscode.workspace.createFileSystemWatcher('**/reflect.config.json');
  context.subscriptions.push(watcher, configFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map((filter) => ({ ...filter })),
    // The client watches **/*.md itself (synchronize.fileEvents), so the server need not register a watcher.
    initializationOptions: { recordsFolder: readRecordsFolder(), watchesRecordFiles: true, readsGitHistory: vscode.workspace.isTrusted } satisfies InitializationOptions,
    diagnosticPullOptions: { onChange: true, onSave: true, filter: (document) => !isChangeRecordDocument(document) },
    synchronize: { fileEvents: [watcher, configFiles] },
    errorHandler: new RestartingErrorHandler(),
    middleware: {
      // Other Markdown never reaches the server.
      didOpen: (document, next) => (isChangeRecordDocument(document) ? next(document) : Promise.resolve()),
      workspace: {
        // The server gets only the settings the person set (the editor layer), never the
        // defaults, so the repository's reflect.config.json is not overridden by them.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, index) => (item.section === 'changeLog' ? readEditorSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answers[index]));
        },
      },
    },
  };
  const client = new LanguageClient('changeLog', 'Reflective Change Log', serverOptions, clientOptions);
  await client.start();
  return client;
}
