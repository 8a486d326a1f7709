import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SERVER = resolve(__dirname, '../../../dist/server.js');

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface DiagnosticItem {
  code: string;
  message: string;
  severity: number;
  source: string;
  range: Range;
  codeDescription?: { href: string };
}

export interface TextEditItem {
  range: Range;
  newText: string;
}

export interface CompletionEntry {
  label: string;
  kind?: number;
  detail?: string;
  sortText?: string;
  insertTextFormat?: number;
  insertTextMode?: number;
  documentation?: { kind: string; value: string } | string;
  textEdit?: TextEditItem;
}

export interface CodeActionItem {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: DiagnosticItem[];
  edit?: { changes?: Record<string, TextEditItem[]>; documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: TextEditItem[] }> };
}

/** How a client reaches a server: the built bundle as a child process (the default), or a server in this process. */
export interface LspTransport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Stops the server end. */
  close(): void;
  /** The server runs in this process: it must not watch our process id, and is never sent `exit`. */
  readonly inProcess: boolean;
}

/** The built language server as a child process, spoken to over stdio like any LSP client would. */
function spawnedServer(): LspTransport {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { stdout, stdin } = child;
  if (!stdout || !stdin) throw new Error('server pipes missing');
  return { reader: new StreamMessageReader(stdout), writer: new StreamMessageWriter(stdin), close: () => child.kill(), inProcess: false };
}

/** An LSP client of the language server: the built bundle by default, or any transport (test/support/inProcessServer). */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly transport: LspTransport;
  private version = 1;
  /** What `workspace/configuration` answers, by section. */
  configuration: Record<string, unknown> = {};
  /** How many times the server asked for diagnostics to be pulled again. */
  refreshes = 0;
  /** Messages the server asked to show (`window/showMessageRequest`), in order. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  private refreshWaiters: Array<() => void> = [];
  private readonly texts = new Map<string, string>();

  constructor(transport: LspTransport = spawnedServer()) {
    this.transport = transport;
    this.connection = createMessageConnection(transport.reader, transport.writer);
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((i) => this.configuration[i.section ?? ''] ?? null));
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      const waiters = this.refreshWaiters;
      this.refreshWaiters = [];
      for (const wake of waiters) wake();
      return null;
    });
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      return null;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown = { recordsFolder: 'docs/changes' }, workspace: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: this.transport.inProcess ? null : process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true }, ...workspace },
        textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } }, codeAction: {} },
      },
      initializationOptions,
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string): Promise<void> {
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: this.version++, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: this.version++ }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The text the client last sent for a document. */
  text(uri: string): string {
    const text = this.texts.get(uri);
    if (text === undefined) throw new Error(`${uri} is not open`);
    return text;
  }

  async diagnostics(uri: string): Promise<DiagnosticItem[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: DiagnosticItem[] };
    return report.items;
  }

  async hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range?: Range } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionEntry[]> {
    const result = (await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionEntry[] | { items: CompletionEntry[] } | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async codeActions(uri: string, diagnostics: DiagnosticItem[], range: Range = diagnostics[0].range): Promise<CodeActionItem[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  async watchedFilesChanged(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** Resolves at the next `workspace/diagnostic/refresh` request, or rejects after `ms`. */
  nextRefresh(ms = 15_000): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostic refresh within ${ms} ms`)), ms);
      this.refreshWaiters.push(() => {
        clearTimeout(timer);
        resolvePromise();
      });
    });
  }

  /** Applies a code action's edit to the client's copy of the document and sends the result, as an editor would. */
  async apply(uri: string, action: CodeActionItem): Promise<string> {
    const edits = action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.find((c) => c.textDocument.uri === uri)?.edits ?? [];
    if (edits.length === 0) throw new Error(`"${action.title}" edits nothing in ${uri}`);
    const text = applyEdits(this.text(uri), edits);
    await this.change(uri, text);
    return text;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // In this process, `exit` would end the test run itself.
      if (!this.transport.inProcess) await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.transport.close();
    }
  }
}

/** Applies LSP text edits to a text, as the client does with a WorkspaceEdit. */
export function applyEdits(text: string, edits: readonly TextEditItem[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edit.md', 'markdown', 1, text), [...edits]);
}

/** The position of the first occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** A before-action reflection with every prompt answered and its `author` removed: exactly one problem. */
export async function reflectionMissingAuthor(): Promise<string> {
  const { renderReflectionTemplate } = await import('../../src/core/records/reflectionTemplate');
  return renderReflectionTemplate({ phase: 'before-action', version: 'v1.2.0', date: '2026-11-25', author: 'A' })
    .replace(/^> \*\*Prompt:\*\* .*$/gm, 'Answered.')
    .replace('author: A\n', '');
}
