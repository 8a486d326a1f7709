import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = resolve(__dirname, '../../../dist/server.js');

describe('language server over stdio', () => {
  let server: ChildProcess;
  let connection: MessageConnection;

  before(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    if (!server.stdout || !server.stdin) throw new Error('server pipes missing');
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.listen();
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { recordsFolder: 'docs/changes' } })) as { capabilities: { diagnosticProvider?: unknown } };
    assert.ok(result.capabilities.diagnosticProvider, 'server offers pull diagnostics');
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    server.kill();
  });

  async function diagnosticsFor(uri: string, text: string) {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Array<{ code: string; message: string; severity: number; source: string; range: unknown }> };
  }

  it('reports a missing required field of a reflection', async () => {
    const report = await diagnosticsFor('file:///work/docs/changes/v1.2.0/before-action.md', '---\nkind: reflection\nphase: before-action\nchange: v1.2.0\ndate: 2026-11-25\n---\n\n# Before action\n');
    assert.equal(report.kind, 'full');
    assert.equal(report.items.length, 1);
    assert.equal(report.items[0].code, 'missing-field');
    assert.equal(report.items[0].source, 'Change Log');
    assert.equal(report.items[0].severity, 2);
    assert.match(report.items[0].message, /author/);
  });

  it('leaves other Markdown alone', async () => {
    const report = await diagnosticsFor('file:///work/README.md', '---\ntitle: not ours\n---\n# Readme\n');
    assert.deepEqual(report.items, []);
  });
});
