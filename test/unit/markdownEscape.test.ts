import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeMarkdownInline } from '../../src/core/markdown/markdownEscape';
import { INJECTION_CORPUS } from '../fixtures/injectionCorpus';


describe('Markdown escaping of commit text', () => {
  const md = new MarkdownIt({ html: false });
  for (const subject of INJECTION_CORPUS) {
    it(`keeps ${JSON.stringify(subject)} as plain text in a list item`, () => {
      const tokens = md.parse(`- ${escapeMarkdownInline(subject)}`, {});
      const blockTypes = tokens.map((t) => t.type);
      assert.deepEqual(blockTypes, ['bullet_list_open', 'list_item_open', 'paragraph_open', 'inline', 'paragraph_close', 'list_item_close', 'bullet_list_close']);
      const inline = tokens[3];
      assert.deepEqual([...new Set((inline.children ?? []).map((c) => c.type))].filter((t) => t !== 'text' && t !== 'softbreak'), []);
      const expected = subject.replace(/[\r\n]+/g, ' ').trim();
      assert.equal((inline.children ?? []).map((c) => c.content).join(''), expected);
    });
  }

  it('renders no HTML tags from untrusted text', () => {
    const html = new MarkdownIt({ html: true }).render(INJECTION_CORPUS.map((s) => `- ${escapeMarkdownInline(s)}`).join('\n'));
    assert.ok(!/<(script|a|img|h1|table|hr|blockquote|code|em|strong|s)\b/.test(html), html);
    assert.ok(!html.includes('<!--'));
  });
});

/** The escaping as first written with regular expressions: the single-pass version must agree with it on any text. */
function referenceEscape(text: string): string {
  if (!/[\\`*_[\]<>|~&\u0000-\u001f\u007f\u2028\u2029]|^\s|\s$|^([-+=#]|\d+[.)])/.test(text)) return text;
  const oneLine = text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').trim();
  const escaped = oneLine.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  return escaped.replace(/^(\s*)([-+=#]|\d+[.)])/, (_m, space: string, marker: string) => `${space}${marker.replace(/([-+=#.)])$/, '\\$1')}`);
}

describe('Markdown escaping agrees with its reference on random text', () => {
  it('gives the same result for 20,000 random strings of markers, specials, spaces and control characters', () => {
    const alphabet = ['a', 'Z', ' ', '  ', '-', '+', '=', '#', '1', '42', '.', ')', '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '\n', '\r\n', '\t', '\u0000', '\u001b', '\u007f', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', 'é', '😀', '!', '(', ':'];
    // A fixed seed, so a failure can be reproduced.
    let seed = 20261125;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(escapeMarkdownInline(text), referenceEscape(text), JSON.stringify(text));
    }
  });
});
