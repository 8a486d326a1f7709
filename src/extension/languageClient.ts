import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './configuration';

/** Starts the language server (dist/server.js) for Markdown files; the server picks change-record documents. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    initializationOptions: { recordsFolder: readSettings().recordsFolder },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  const client = new LanguageClient('changeLog', 'Reflective Change Log', serverOptions, clientOptions);
  await client.start();
  return client;
}
