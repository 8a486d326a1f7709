import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isChangeRecordDocument } from './changeRecordDocument';

/**
 * Starts the language server (dist/server.js) when the first change-record
 * document opens, and only ever hands it change-record documents.
 */
export class ChangeLogLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.listener = vscode.workspace.onDidOpenTextDocument((document) => {
      if (isChangeRecordDocument(document)) void this.start();
    });
    if (vscode.workspace.textDocuments.some(isChangeRecordDocument)) void this.start();
  }

  /** Starts the client once; later calls return the same start. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.create().then(
      (client) => (this.client = client),
      (error: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: the language server did not start: {0}', error instanceof Error ? error.message : String(error)));
        throw error;
      },
    );
    this.starting.catch(() => undefined);
    return this.starting;
  }

  async dispose(): Promise<void> {
    this.listener.dispose();
    await this.client?.stop();
    this.client = undefined;
  }

  private async create(): Promise<LanguageClient> {
    // The client and its library are read only now (import() of a module of
    // the bundle: esbuild keeps it out of activation).
    const { startLanguageClient } = await import('./languageClientStart');
    return startLanguageClient(this.context);
  }
}
