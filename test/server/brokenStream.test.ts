import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { LspClient } from '../support/lspClient';

const SERVER = resolve(__dirname, '../../../dist/server.js');
// Only a server that stays up trips this: a broken stream ends it at once.
const HANG_MS = 20_000;

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Starts the built server, writes raw bytes, then a well-formed initialize; resolves with how it ended. */
function feed(bytes: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    // The server may be gone before the second write lands.
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server was still running after ${HANG_MS} ms; it answered: ${JSON.stringify(stdout.slice(0, 80))}`));
    }, HANG_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stderr, stdout });
    });
    child.stdin.write(bytes);
    child.stdin.write(frame(INITIALIZE));
  });
}

describe('a broken message stream ends the server (reliability promise 5)', function () {
  this.timeout(HANG_MS + 5000);

  const BROKEN: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['a Content-Length that is not a number', `Content-Length: abc\r\n\r\n${INITIALIZE}`, /Content-Length that is not a byte count \("abc"\)/],
    ['a negative Content-Length', `Content-Length: -5\r\n\r\n${INITIALIZE}`, /not a byte count \("-5"\)/],
    ['a huge Content-Length', `Content-Length: 9999999999\r\n\r\n${INITIALIZE}`, /Content-Length of 9999999999 bytes, over the 64 MB limit/],
    ['no Content-Length', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${INITIALIZE}`, /without a Content-Length header/],
    ['two Content-Length headers', `Content-Length: 10\r\nContent-Length: ${INITIALIZE.length}\r\n\r\n${INITIALIZE}`, /more than one Content-Length header/],
    ['a header line without a colon', `garbage\r\n\r\n`, /not "Name: value"/],
    ['a Content-Length shorter than the body', `Content-Length: 10\r\n\r\n${INITIALIZE}`, /not "Name: value"|without a Content-Length/],
    ['a header that never ends', 'X-Padding: '.padEnd(10_000, 'x'), /header block longer than 4096 bytes/],
  ];

  for (const [name, bytes, reason] of BROKEN) {
    it(`${name}: exits non-zero with a message on stderr`, async () => {
      const { code, stderr, stdout } = await feed(bytes);
      assert.equal(code, 1);
      assert.match(stderr, /^reflect-language-server: the client's message stream is broken: /);
      assert.match(stderr, reason);
      assert.equal(stdout, '', 'nothing was answered after the broken frame');
    });
  }

  it('a healthy client is unaffected, also when its stream arrives a byte at a time', async () => {
    const client = new LspClient();
    try {
      const result = await client.initialize();
      assert.ok(result.capabilities.hoverProvider);
    } finally {
      await client.dispose();
    }
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const answered = new Promise<string>((done) => {
        let stdout = '';
        child.stdout.on('data', (data: Buffer) => {
          stdout += data.toString();
          if (stdout.includes('"id":1')) done(stdout);
        });
      });
      for (const byte of Buffer.from(frame(INITIALIZE))) child.stdin.write(Buffer.from([byte]));
      assert.match(await answered, /"serverInfo":\{"name":"reflect-language-server"\}/);
    } finally {
      child.kill();
    }
  });
});
