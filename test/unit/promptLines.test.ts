import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { renderMarkdownBody } from '../../src/core/export/safeMarkdown';
import { changeLogPreviewPlugin } from '../../src/core/preview/previewPlugin';

// How documents written before the templates put a blank line between prompts look.
const OLDER_SECTION = '## What I already know\n\n> **Prompt:** What do you know about deploying?\n> **Prompt:** What about change control?\n> **Prompt:** And about keeping services running?\n\nAn answer.\n';

describe('consecutive prompt lines', () => {
  it('the pack shows each prompt of an older document on its own line', () => {
    const { html } = renderMarkdownBody(OLDER_SECTION, 2);
    assert.match(html, /What do you know about deploying\?<br>\n<strong>Prompt:<\/strong> What about change control\?<br>\n<strong>Prompt:<\/strong> And about/);
    assert.match(html, /<p>An answer\.<\/p>/);
  });

  it('the Markdown preview does the same, and leaves other line breaks alone', () => {
    const md = changeLogPreviewPlugin(new MarkdownIt());
    assert.equal((md.render(OLDER_SECTION).match(/<br>/g) ?? []).length, 2);
    assert.doesNotMatch(md.render('> a quote\n> over two lines\n\nplain\ntext\n'), /<br>/);
    assert.doesNotMatch(md.render('**Prompt:** outside a quote\n**Prompt:** again\n'), /<br>/, 'only prompts in a block quote are ours');
  });
});
