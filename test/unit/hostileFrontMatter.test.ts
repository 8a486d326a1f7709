import * as assert from 'node:assert/strict';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { answered } from '../support/recordDocuments';

const valid = answered('before-action');

/**
 * Validates and returns the problem codes. No wall-clock limit: a hang is caught by mocha's timeout,
 * and how long validation takes is measured by `npm run bench`, not asserted here.
 */
function codesOf(text: string): string[] {
  return validateDocument(text).map((p) => p.code);
}

const withField = (line: string) => valid.replace('author: Alex Morgan', `author: Alex Morgan\n${line}`);

describe('hostile front matter (each gets its diagnostic, nothing run)', () => {
  afterEach(() => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
    assert.equal((globalThis as Record<string, unknown>).hostileRan, undefined, 'no document code ran');
  });

  it('an alias bomb', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    assert.ok(codesOf(withField(rows.join('\n'))).includes('yaml-aliases'));
  });

  it('!!js/function and other custom tags are ignored, never constructed', () => {
    for (const tag of ['!!js/function "function(){ globalThis.hostileRan = true }"', '!!js/undefined ""', '!!python/object:os.system ["touch /tmp/x"]', '!<tag:yaml.org,2002:js/regexp> /x/', '!custom {a: 1}']) {
      const codes = codesOf(withField(`extra: ${tag}`));
      assert.ok(codes.includes('yaml-tag'), `${tag}: ${codes.join(',')}`);
    }
  });

  it('__proto__, constructor and prototype keys stay data', () => {
    // Reported as keys the schema does not know, like any other: plain data.
    assert.deepEqual(codesOf(withField('__proto__:\n  polluted: true\nconstructor: {prototype: {polluted: true}}')), ['unknown-field', 'unknown-field']);
    assert.deepEqual(codesOf(withField('nested: {__proto__: {polluted: true}}')), ['unknown-field']);
  });

  it('a ---js or ---javascript block is refused', () => {
    assert.deepEqual(codesOf('---js\nglobalThis.hostileRan = true\n---\n'), ['front-matter-language']);
    assert.deepEqual(codesOf('---javascript\n{ "kind": "reflection" }\n---\n'), ['front-matter-language']);
  });

  it('a BOM and CRLF line ends read as usual', () => {
    assert.deepEqual(codesOf(`\uFEFF${valid}`.replace(/\n/g, '\r\n')), []);
  });

  it('an unclosed front matter, and a lone opening line', () => {
    assert.deepEqual(codesOf('---\nkind: reflection\n\n# text'), ['unclosed-front-matter']);
    assert.deepEqual(codesOf('---'), ['unclosed-front-matter']);
  });

  it('duplicate keys, even a thousand of them, are found in one pass', () => {
    const codes = codesOf(withField(Array.from({ length: 1000 }, () => 'k: v').join('\n')));
    assert.ok(codes.includes('duplicate-key'));
    assert.equal(codes.length, 201, 'capped, with a too-many-problems note');
  });

  it('front matter too large or nested too deeply is not parsed', () => {
    assert.deepEqual(codesOf(withField(Array.from({ length: 20000 }, (_, i) => `k${i}: v`).join('\n'))), ['front-matter-too-large']);
    assert.deepEqual(codesOf(withField(`deep: ${'['.repeat(5000)}${']'.repeat(5000)}`)), ['yaml-syntax']);
    assert.deepEqual(codesOf(withField(`deep: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`)), ['yaml-syntax']);
  });

  it('a multi-megabyte document is skipped with one note', () => {
    assert.deepEqual(codesOf(`${valid}${'x'.repeat(3 * 1024 * 1024)}`), ['too-large']);
  });

  it('a body of a hundred thousand headings gets its sections skipped, not parsed', () => {
    assert.deepEqual(codesOf(`${valid}\n${'## h\n\n'.repeat(100000)}`), ['too-large']);
  });

  it('long runs of Markdown punctuation stay fast', () => {
    for (const body of ['*a'.repeat(100000), '['.repeat(200000), '>'.repeat(100000), '`'.repeat(100000), '943 476 5919 '.repeat(20000)]) {
      codesOf(`${valid}\n${body}\n`);
    }
  });
});
