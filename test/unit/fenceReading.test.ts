import * as assert from 'node:assert/strict';
import { readFences } from '../../src/core/markdown/generatedFences';

// Which marker lines count is decided without the block parser when no line
// can hide one; these tests hold that reading equal to the parser's on texts
// built from every kind of block, in many orders, and check that both kinds
// of text are met (so the comparison is not between two parses).

const FRAGMENTS: readonly string[] = [
  '# Heading',
  'A paragraph line.',
  'A paragraph\ncontinued on a second line.',
  '',
  '- a list item\n- another',
  '- an item\n\n  with a second paragraph',
  '1. ordered\n2. list',
  '> a quote\n> on two lines',
  '> a quote with a lazy\ncontinuation',
  '    indented code',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '---',
  'Setext\n===',
  '```\ncode in a fence',
  '```',
  '~~~\ntilde fence',
  '~~~',
  '  ```js\nindented fence',
  '<details>\n<summary>More</summary>',
  '</details>',
  '<div>',
  '<pre>\npreformatted',
  '</pre>',
  '<!-- a comment\nover two lines -->',
  '<!-- one-line comment -->',
  '[ref]: https://example.org',
  '[label]:',
  '- ```\n  fenced in a list',
  '> ```\n> fenced in a quote',
  '\\<not html>',
  'text with `code` and <span>inline html</span>',
  '<!-- reflect:begin groups -->',
  '<!-- reflect:end groups -->',
  '<!-- reflect:begin overview sha256=0123456789abcdef -->',
  '<!-- reflect:end overview -->',
  '<!-- reflect:begin open',
  '<!-- reflect:end groups --> trailing',
  '  <!-- reflect:begin indented -->',
];

// What can open a block that runs past a marker line (the reading's own test, restated).
const MAY_HIDE = /^ {0,3}(?:`{3}|~{3}|\[|<(?!!--.*-->))/m;

/** A small deterministic generator, so a failure names a seed that repeats it. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function document(seed: number): string {
  const next = random(seed);
  const parts: string[] = [];
  if (next() < 0.3) parts.push('---\nkind: release-notes\nnote: "<!-- reflect:begin groups -->"\n---');
  // Half the texts use only blocks that cannot hide a marker, so both readings are met often.
  const pool = next() < 0.5 ? FRAGMENTS : FRAGMENTS.filter((f) => !MAY_HIDE.test(f));
  const count = 3 + Math.floor(next() * 12);
  for (let i = 0; i < count; i++) parts.push(pool[Math.floor(next() * pool.length)]);
  const joiner = next() < 0.5 ? '\n' : '\n\n';
  const text = parts.join(joiner) + '\n';
  return next() < 0.2 ? text.replace(/\n/g, '\r\n') : text;
}

describe('reading generated blocks', () => {
  it('counts the same marker lines with and without the block parser, on 2,000 texts of every kind of block', () => {
    let parsedOnly = 0;
    let readDirectly = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const text = document(seed);
      const fast = readFences(text);
      const parsed = readFences(text, { alwaysParse: true });
      assert.deepEqual(fast, parsed, `seed ${seed}:\n${text}`);
      if (MAY_HIDE.test(text.replace(/^---[\s\S]*?\n---\r?\n/, ''))) parsedOnly++;
      else readDirectly++;
    }
    assert.ok(parsedOnly > 300 && readDirectly > 300, `both readings were exercised (${parsedOnly} parsed, ${readDirectly} read directly)`);
  });

  it('does not count a marker inside a code fence, an HTML block or the front matter, nor one that runs on', () => {
    const inFence = '```\n<!-- reflect:begin groups -->\nx\n<!-- reflect:end groups -->\n```\n';
    assert.deepEqual(readFences(inFence), { fences: [], problems: [] });
    const inHtml = '<details>\n<!-- reflect:begin groups -->\nx\n<!-- reflect:end groups -->\n</details>\n';
    assert.deepEqual(readFences(inHtml), { fences: [], problems: [] });
    const inFrontMatter = '---\na: |\n  <!-- reflect:begin groups -->\n---\ntext\n';
    assert.deepEqual(readFences(inFrontMatter), { fences: [], problems: [] });
    const plain = 'Intro\n\n<!-- reflect:begin groups -->\n\n- item\n\n<!-- reflect:end groups -->\n';
    assert.equal(readFences(plain).fences.length, 1);
    assert.equal(readFences(plain).fences[0].content, '\n- item\n');
  });
});
