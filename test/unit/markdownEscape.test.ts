import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeMarkdownInline } from '../../src/core/render/markdownEscape';
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
