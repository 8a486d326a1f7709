import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answered } from '../support/recordDocuments';
import { LspClient, type DiagnosticItem } from '../support/lspClient';

/**
 * Only catches a server that hangs or stops answering: generous, so a busy machine never fails it.
 * How fast the server answers is measured by `npm run bench`, not asserted here.
 */
const HANG_MS = 15_000;
const MARKER = join(tmpdir(), `reflect-lsp-hostile-${process.pid}`);
const valid = answered('before-action');
const withField = (line: string) => valid.replace('author: Alex Morgan', `author: Alex Morgan\n${line}`);

function aliasBomb(): string {
  const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  return withField(rows.join('\n'));
}

const HOSTILE: ReadonlyArray<readonly [string, () => string, (codes: string[]) => boolean]> = [
  ['an alias bomb', aliasBomb, (codes) => codes.includes('yaml-aliases')],
  ['a !!js/function tag', () => withField(`extra: !!js/function "function(){ require('fs').writeFileSync('${MARKER}', 'ran') }"`), (codes) => codes.includes('yaml-tag')],
  ['__proto__ keys', () => withField('__proto__:\n  polluted: true\nconstructor: {prototype: {polluted: true}}'), (codes) => codes.join() === 'unknown-field,unknown-field'],
  ['a ---js block', () => `---js\nrequire('fs').writeFileSync('${MARKER}', 'ran')\n---\n`, (codes) => codes.join() === 'front-matter-language'],
  ['a BOM and CRLF line ends', () => `\uFEFF${valid}`.replace(/\n/g, '\r\n'), (codes) => codes.length === 0],
  ['an unclosed ---', () => '---\nkind: reflection\n\n# text', (codes) => codes.join() === 'unclosed-front-matter'],
  ['a multi-megabyte document', () => `${valid}${'x'.repeat(3 * 1024 * 1024)}`, (codes) => codes.join() === 'too-large'],
  ['a megabyte of front matter lines', () => `---\n${'k: v\n'.repeat(200_000)}---\n`, (codes) => codes.join() === 'front-matter-too-large'],
];

/** Fails when a request never settles (a hang), not when it is slow. */
async function within<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${HANG_MS} ms`)), HANG_MS)));
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('hostile front matter over the protocol (reliability promise 5)', () => {
  let client: LspClient;
  let counter = 0;

  before(async () => {
    rmSync(MARKER, { force: true });
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    assert.equal(existsSync(MARKER), false, 'no document code ran');
  });

  for (const [name, build, expected] of HOSTILE) {
    it(`${name}: diagnostics within ${HANG_MS} ms, and the server still answers`, async () => {
      const doc = `file:///work/docs/changes/v6.6.6/hostile-${++counter}.md`;
      await client.open(doc, build());
      const items: DiagnosticItem[] = await within('diagnostics', client.diagnostics(doc));
      const codes = items.map((i) => i.code);
      assert.ok(expected(codes), codes.join(', '));
      await within('hover', client.hover(doc, { line: 1, character: 1 }));
      await within('completion', client.completion(doc, { line: 1, character: 0 }));
      await within('code actions', client.codeActions(doc, items, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }));
      await client.close(doc);
      assert.equal(existsSync(MARKER), false, 'no document code ran');
    });
  }
});
