import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { frontMatterCardPlugin } from '../../src/core/preview/frontMatterCard';

const REFLECTION = '---\nkind: reflection\nphase: on-action\nchange: v1.4.0\ndate: 2026-11-25\nauthor: "<b>Alex</b>"\n---\n\n# On action\n\nText.\n';

describe('front matter card for the Markdown preview', () => {
  it('shows our documents\' front matter as a card, escaped, and not as raw YAML', () => {
    const html = new MarkdownIt().use(frontMatterCardPlugin).render(REFLECTION);
    assert.match(html, /^<div class="change-log-card" data-kind="reflection"><div class="change-log-card-kind">Reflection<\/div>/);
    assert.match(html, /<span class="change-log-card-label">Phase<\/span> <span class="change-log-card-value">on-action<\/span>/);
    assert.match(html, /&lt;b&gt;Alex&lt;\/b&gt;/);
    assert.doesNotMatch(html, /kind: reflection/);
    assert.doesNotMatch(html, /<hr>/);
    assert.match(html, /<h1>On action<\/h1>/);
  });

  it('leaves other Markdown as it was', () => {
    const other = '---\ntitle: A blog post\n---\n\n# Hello\n';
    const html = new MarkdownIt().use(frontMatterCardPlugin).render(other);
    assert.doesNotMatch(html, /change-log-card/);
    assert.match(html, /<h1>Hello<\/h1>/);
    assert.equal(new MarkdownIt().use(frontMatterCardPlugin).render('# Plain\n'), '<h1>Plain</h1>\n');
  });

  it('works beside an engine that already reads front matter into a front_matter token', () => {
    const md = new MarkdownIt();
    // What VS Code's Markdown engine does before or after our plugin: its own front_matter rule and renderer.
    md.block.ruler.before('fence', 'front_matter', (state, start, _end, silent) => {
      if (start !== 0 || state.src.slice(state.bMarks[0], state.eMarks[0]) !== '---') return false;
      const close = state.src.indexOf('\n---\n', 3);
      if (silent) return true;
      const token = state.push('front_matter', '', 0);
      token.meta = { content: state.src.slice(4, close) };
      state.line = state.src.slice(0, close + 5).split('\n').length - 1;
      return true;
    });
    md.renderer.rules.front_matter = (tokens, idx) => (tokens[idx].meta ? '<table class="builtin"></table>' : '');
    md.use(frontMatterCardPlugin);
    const html = md.render(REFLECTION);
    assert.match(html, /change-log-card/);
    assert.doesNotMatch(html, /class="builtin"/);
    assert.match(md.render('---\ntitle: x\n---\n'), /class="builtin"/);
  });
});
