import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './configuration';

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
      void vscode.window.showErrorMessage('Reflective Change Log: the language server stopped repeatedly, so change-record checks are off. Run "Developer: Reload Window" to try again; the Output panel ("Reflective Change Log") has details.');
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('Reflective Change Log: the language server stopped unexpectedly and was restarted.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

/** Starts the language server (dist/server.js) for Markdown files; the server picks change-record documents. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    initializationOptions: { recordsFolder: readSettings().recordsFolder },
    diagnosticPullOptions: { onChange: true, onSave: true },
    synchronize: { fileEvents: watcher },
    errorHandler: new RestartingErrorHandler(),
  };
  const client = new LanguageClient('changeLog', 'Reflective Change Log', serverOptions, clientOptions);
  await client.start();
  return client;
}
