import * as assert from 'node:assert/strict';
import { MessageFramingGuard } from '../../src/server/messageFraming';

/** What the guard passes on and what it reports for the chunks given. */
function run(chunks: readonly string[]): { passed: string; broken: string[] } {
  const broken: string[] = [];
  const guard = new MessageFramingGuard((reason) => broken.push(reason));
  const passed: Buffer[] = [];
  guard.on('data', (data: Buffer) => passed.push(data));
  for (const chunk of chunks) guard.write(Buffer.from(chunk));
  return { passed: Buffer.concat(passed).toString(), broken };
}

const BODY = '{"jsonrpc":"2.0","method":"initialized","params":{}}';
const FRAME = `Content-Length: ${BODY.length}\r\n\r\n${BODY}`;

describe('LSP message framing check', () => {
  it('passes well-framed messages through unchanged, however they are split', () => {
    const stream = `${FRAME}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}${FRAME}`;
    assert.deepEqual(run([stream]), { passed: stream, broken: [] });
    assert.deepEqual(run([...stream]), { passed: stream, broken: [] });
    assert.deepEqual(run([stream.slice(0, 17), stream.slice(17, 20), stream.slice(20)]), { passed: stream, broken: [] });
  });

  it('reports the first broken frame once and passes nothing after it', () => {
    const result = run([FRAME, 'Content-Length: 12x\r\n\r\n{}', FRAME]);
    assert.equal(result.passed, FRAME);
    assert.deepEqual(result.broken, ['a Content-Length that is not a byte count ("12x")']);
  });

  it('reads the body by its length, so a body that looks like headers is still a body', () => {
    const body = 'Content-Length: x\r\n\r\n';
    const frame = `Content-Length: ${body.length}\r\n\r\n${body}`;
    assert.deepEqual(run([frame, FRAME]), { passed: frame + FRAME, broken: [] });
  });

  it('bounds the bytes it holds while waiting for the end of a header block', () => {
    const result = run(Array.from({ length: 100 }, () => 'x'.repeat(100)));
    assert.deepEqual(result.broken, ['a header block longer than 4096 bytes']);
  });
});
