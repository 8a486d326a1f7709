import * as assert from 'node:assert/strict';
import type { GitCommit } from '../../src/core/git/gitLogParsing';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';
import { completeRecordFiles, packOf, rollbackText, STYLESHEET } from '../support/evidencePackRecord';
import { INJECTION_CORPUS } from '../fixtures/injectionCorpus';

/** HTML, attribute, URL and template attacks, on top of the Markdown corpus. */
const HTML_ATTACKS = [
  '<img src=x onerror=alert(1)>',
  '" onmouseover="x',
  "' onfocus='alert(1)' autofocus='",
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[file](file:///etc/passwd)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="https://evil.example/x"></object><embed src="https://evil.example/x">',
  '<!-- a comment --> and <!-- reflect:begin groups -->',
  '</textarea><script>alert(1)</script>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>body{background:url(https://evil.example/x)}</style>',
  '<base href="https://evil.example/">',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '```" onmouseover="x\ncode\n```',
  '[x](https://example.org/" onmouseover="alert(1))',
  '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
];

const ATTACKS = [...INJECTION_CORPUS, ...HTML_ATTACKS];

/** A complete record with `attack` in every place a person or a repository controls. */
function hostilePack(attack: string): string {
  const q = JSON.stringify(attack);
  const line = attack.replace(/\n/g, ' ');
  const files = completeRecordFiles();
  files['change.md'] = withFrontMatter(answered('change'), [
    ...APPROVED_CHANGE_FRONT_MATTER.filter((l) => !/^(change|author|hazards|rollback_target):/.test(l) && !/^  (authority|reviewed_by):/.test(l)),
    `change: ${q}`,
    `author: ${q}`,
    `hazards: [${q}, HAZ-012]`,
    `rollback_target: ${q}`,
    'clinical_risk_extra: 1',
  ]).replace('approval:\n', `approval:\n  authority: ${q}\n  reference: ${q}\n`).replace('  rating: 3', `  rating: 3\n  reviewed_by: ${q}`).replace('communication:\n', `communication:\n  - who: ${q}\n    when: ${q}\n    channel: ${q}\n`);
  files['release-notes.md'] += `\n## ${line}\n\n${attack}\n\n- ${line}\n`;
  files['rollback.md'] = rollbackText([`- [ ] ${line}`, `- [x] ${line}`], ['package:', `  file: ${q}`, `  sha256: ${q}`]).replace('  tag: v1.3.2', `  tag: ${q}`);
  for (const phase of ['before-action', 'on-action', 'beyond-action']) files[`${phase}.md`] = withFrontMatter(answered(phase as 'on-action'), reflectionFrontMatter(phase, '2026-12-04').map((l) => (l.startsWith('author:') ? `author: ${q}` : l))).concat(`\n# ${line}\n\n${attack}\n\n> ${line}\n\n| ${line} | b |\n|---|---|\n| ${line} | 2 |\n`);
  files['action-plan.md'] = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', `author: ${q}`, 'actions:', `  - action: ${q}`, `    gap: ${q}`, `    owner: ${q}`, `    due: ${q}`, `    evidence: ${q}`, `    status: ${q}`]);
  files[`${line.replace(/\//g, '_')}.md`] = `${attack}\n`;
  const commit: GitCommit = { hash: 'f'.repeat(40), parents: [], authorName: attack, authorEmail: attack, date: attack, message: `${line}\n\n${attack}` };
  return packOf(files, { state: 'listed', range: { from: attack, to: attack }, commits: [commit], total: 1, notes: [attack] }, { rollbackPackage: { state: 'checked', ok: false, problems: [attack] }, recordName: attack });
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'section', 'article', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'a', 'em', 'strong', 's', 'blockquote', 'hr', 'br', 'span', 'div', 'time', 'colgroup', 'col', 'img', 'figure', 'figcaption']);
const VOID_TAGS = new Set(['meta', 'hr', 'br', 'col', 'img']);
const ALLOWED_ATTRIBUTES = new Set(['class', 'id', 'href', 'rel', 'lang', 'charset', 'name', 'content', 'aria-label', 'aria-labelledby', 'style', 'start', 'datetime', 'title', 'src', 'alt', 'width', 'height']);
// The only values these attributes take: an ISO date as written, an embedded raster image, a size in pixels.
const ISO_VALUE = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?$/;
const IMAGE_DATA = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * Proves a pack is safe with no Content-Security-Policy: outside our one
 * stylesheet, every `<` starts an allowed tag whose attributes are all known,
 * no tag can run script or fetch anything, and the tags nest properly.
 */
function assertSafeHtml(html: string): void {
  for (const element of ['html', 'head', 'body']) {
    assert.equal(html.match(new RegExp(`<${element}[\\s>]`, 'gi'))?.length, 1, `one <${element}>`);
    assert.equal(html.match(new RegExp(`</${element}>`, 'gi'))?.length, 1, `one </${element}>`);
  }
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n'));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)];
  assert.equal(styles.length, 1, 'only our <style>');
  // Our stylesheet, then the printed header naming the record: a CSS string whose every special character is escaped.
  assert.ok(styles[0][1].trim().startsWith(STYLESHEET.trim()), 'our stylesheet first');
  assert.match(styles[0][1].trim().slice(STYLESHEET.trim().length), /^\s*@page \{\n  @top-left \{ content: "(?:[A-Za-z0-9 .,:_()+-]|\\[0-9a-f]{1,6} )*"; font-family: system-ui, sans-serif; font-size: 8\.5pt; color: #555; \}\n\}$/);
  assert.equal(html.match(/<style/gi)?.length, 1);
  const rest = html.replace(styles[0][0], '<style></style>').replace('<!DOCTYPE html>', '');
  for (const forbidden of [/<script/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<link/i, /<meta[^>]*http-equiv/i, /<base/i, /<textarea/i, /<input/i, /<form/i]) assert.doesNotMatch(rest, forbidden);
  assert.doesNotMatch(rest, /<!--/, 'no comment survives as markup');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*>/g;
  let last = 0;
  for (const match of rest.matchAll(tag)) {
    const between = rest.slice(last, match.index);
    assert.doesNotMatch(between, /[<>]/, `stray markup before ${match[0]}: ${between.slice(0, 120)}`);
    last = (match.index ?? 0) + match[0].length;
    const [, closing, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    assert.ok(ALLOWED_TAGS.has(name), `tag <${name}> is not allowed`);
    assert.doesNotMatch(match[0], /\son[a-z]+\s*=/i, `event handler in ${match[0]}`);
    for (const [, attribute, value] of attributes.matchAll(/\s+([a-zA-Z-]+)="([^"]*)"/g)) {
      assert.ok(ALLOWED_ATTRIBUTES.has(attribute.toLowerCase()), `attribute ${attribute} in ${match[0]}`);
      if (attribute === 'src') {
        assert.equal(name, 'img', `src only on <img>: ${match[0].slice(0, 80)}`);
        assert.match(value, IMAGE_DATA, `an <img> shows only an embedded raster image: ${value.slice(0, 80)}`);
        continue;
      }
      assert.doesNotMatch(value, /url\s*\(|javascript:|vbscript:|data:/i, `value of ${attribute} in ${match[0]}`);
      if (attribute === 'datetime' || (attribute === 'title' && name === 'time')) assert.match(value, ISO_VALUE, `${attribute} in ${match[0]}`);
      if (attribute === 'title') assert.equal(name, 'time', `title only on <time>: ${match[0]}`);
      if (attribute === 'width' || attribute === 'height') assert.match(value, /^\d{1,5}$/);
      if (attribute === 'href') assert.match(value, /^(#[a-z0-9-]+|https?:\/\/|mailto:)/, `href in ${match[0]}`);
      if (attribute === 'style') assert.match(value, /^text-align:(left|right|center)$/);
      if (name === 'meta') assert.ok(['charset', 'name', 'content'].includes(attribute), `meta ${attribute}`);
    }
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the element it should`);
    else if (!VOID_TAGS.has(name)) stack.push(name);
  }
  assert.doesNotMatch(rest.slice(last), /[<>]/);
  assert.deepEqual(stack, [], 'every element is closed');
}

/** The decoded text of the first <dd> after a <dt> label on the cover. */
function coverValue(html: string, label: string): string {
  const match = new RegExp(`<dt>${label}</dt><dd>([\\s\\S]*?)</dd>`).exec(html);
  assert.ok(match, label);
  return match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('Evidence pack injection corpus', () => {
  it('the checks themselves catch unsafe markup', () => {
    const safe = packOf(completeRecordFiles());
    assertSafeHtml(safe);
    for (const unsafe of ['<img src=x>', '<p onclick="x">', '<a href="javascript:alert(1)">', '<script>', '<p>', '<em>x', '</p>']) {
      assert.throws(() => assertSafeHtml(safe.replace('<main>', `<main>${unsafe}`)), assert.AssertionError, unsafe);
    }
  });

  for (const attack of ATTACKS) {
    it(`keeps ${JSON.stringify(attack)} inert in every field, body, step, commit and file name`, () => {
      const html = hostilePack(attack);
      assertSafeHtml(html);
      // Front matter is shown as written: escaped, never dropped or interpreted.
      assert.equal(coverValue(html, 'Author'), attack.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
    });
  }

  it('shows a hostile record folder name as text when no document names the version', () => {
    for (const attack of HTML_ATTACKS) {
      const html = packOf({}, undefined, { recordName: attack });
      assertSafeHtml(html);
      assert.equal(coverValue(html, 'Version'), attack);
    }
  });
});
