import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = resolve(__dirname, '../../../dist/server.js');

export interface DiagnosticItem {
  code: string;
  message: string;
  severity: number;
  source: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  codeDescription?: { href: string };
}

/** The built language server as a child process, spoken to over stdio like any LSP client would. */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private version = 1;
  /** What `workspace/configuration` answers, by section. */
  configuration: Record<string, unknown> = {};

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const { stdout, stdin } = this.process;
    if (!stdout || !stdin) throw new Error('server pipes missing');
    this.connection = createMessageConnection(new StreamMessageReader(stdout), new StreamMessageWriter(stdin));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((i) => this.configuration[i.section ?? ''] ?? null));
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown = { recordsFolder: 'docs/changes' }): Promise<{ capabilities: Record<string, unknown> }> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
      initializationOptions,
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: this.version++, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: this.version++ }, contentChanges: [{ text }] });
  }

  async diagnostics(uri: string): Promise<DiagnosticItem[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: DiagnosticItem[] };
    return report.items;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/** A before-action reflection with every prompt answered and its `author` removed: exactly one problem. */
export async function reflectionMissingAuthor(): Promise<string> {
  const { renderReflectionTemplate } = await import('../../src/core/records/reflectionTemplate');
  return renderReflectionTemplate({ phase: 'before-action', version: 'v1.2.0', date: '2026-11-25', author: 'A' })
    .replace(/^> \*\*Prompt:\*\* .*$/gm, 'Answered.')
    .replace('author: A\n', '');
}
