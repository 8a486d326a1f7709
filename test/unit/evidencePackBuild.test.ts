import * as assert from 'node:assert/strict';
import type { GitCommit } from '../../src/core/git/gitLogParsing';
import { completeRecordFiles, packOf, rollbackText, STYLESHEET } from '../support/evidencePackRecord';
import { reflectionFrontMatter, withFrontMatter, answered } from '../support/recordDocuments';

/** The text of an HTML fragment with tags removed and entities decoded (enough for assertions on words). */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    // Readable dates keep their parts together with no-break spaces.
    .replace(/\u00a0/g, ' ');
}

/** The HTML of one section of the pack, by id. */
function sectionOf(html: string, id: string): string {
  const match = new RegExp(`<section class="pack-section" id="${id}"[\\s\\S]*?</section>`).exec(html);
  assert.ok(match, `section ${id} is missing`);
  return match[0];
}

const COMMIT: GitCommit = {
  hash: '8b8b4b9eb340000c9182bc43bdfeda6cb7731bd4',
  parents: ['5829d7d85689f850d5595dbdb914ef34db29ed2f'],
  authorName: 'Alex Morgan',
  authorEmail: 'alex@example.org',
  date: '2026-11-24T10:00:00+00:00',
  message: 'feat(results): show the trend of a result\n\nBody text that is not the subject.',
};

describe('Evidence pack', () => {
  it('renders every section of a complete record, in order, with no open problems', () => {
    const html = packOf(completeRecordFiles(), { state: 'listed', range: { from: 'v1.3.2', to: 'v1.4.0' }, commits: [COMMIT], total: 1 });
    const order = ['id="cover"', 'id="validation"', 'id="timeline"', 'id="release-notes"', 'id="rollback"', 'id="reflections"', 'id="action-plan"', 'id="commits"'].map((marker) => html.indexOf(marker));
    assert.ok(order.every((index) => index > 0), String(order));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.match(sectionOf(html, 'validation'), /No open problems\./);
    assert.doesNotMatch(html, /is missing from the change record/);
    const cover = textOf(html.slice(html.indexOf('<header'), html.indexOf('</header>')));
    for (const fact of ['Change record v1.4.0', 'v1.3.2 → v1.4.0', 'approved', 'normal', 'Alex Morgan', '2 Dec 2026, 20:00 UTC to 2 Dec 2026, 22:00 UTC', 'Change Advisory Board, 27 Nov 2026', 'likelihood low; consequence major; rating 3 (medium)', 'HAZ-012', 'Ward managers', '9 of 9 documents complete']) {
      assert.ok(cover.includes(fact), `cover lacks ${fact}`);
    }
    const reflections = sectionOf(html, 'reflections');
    const phases = ['before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action'].map((p) => reflections.indexOf(`(${p})`));
    assert.deepEqual([...phases].sort((a, b) => a - b), phases);
    assert.ok(phases[0] > 0);
    assert.match(textOf(reflections), /2 Jan 2027 \(31 days after deployment end\)/);
    assert.match(textOf(sectionOf(html, 'release-notes')), /Features\s+show the trend of a result \(8b8b4b9\)/);
    assert.doesNotMatch(html, /reflect:(begin|end)/, 'generated-fence markers are not shown');
  });

  it('lists the commits of the range with full hashes, subject, author and date', () => {
    const html = packOf(completeRecordFiles(), { state: 'listed', range: { from: 'v1.3.2', to: 'v1.4.0' }, commits: [COMMIT], total: 3, notes: ['A note for the reader.'] });
    const commits = sectionOf(html, 'commits');
    assert.match(commits, /<code class="hash">8b8b4b9eb340000c9182bc43bdfeda6cb7731bd4<\/code>/);
    assert.match(textOf(commits), /3 commits from v1\.3\.2 to v1\.4\.0\. The newest 1 are listed\./);
    assert.match(textOf(commits), /feat\(results\): show the trend of a result\s*Alex Morgan\s*24 Nov 2026, 10:00 UTC/);
    assert.doesNotMatch(commits, /Body text/);
    assert.match(commits, /A note for the reader\./);
    assert.match(textOf(sectionOf(packOf({}, { state: 'unavailable', reason: 'git is not installed.' }), 'commits')), /Commits are not listed: git is not installed\./);
  });

  it('lists every missing document of a sparse record as missing, not skipped', () => {
    const html = packOf({ 'before-action.md': withFrontMatter(answered('before-action'), reflectionFrontMatter('before-action', '2026-11-25')) });
    const validation = textOf(sectionOf(html, 'validation'));
    for (const name of ['change.md', 'release-notes.md', 'rollback.md', 'in-action-planning.md', 'in-action-execution.md', 'on-action.md', 'beyond-action.md', 'action-plan.md']) {
      assert.match(validation, new RegExp(`${name.replace('.', '\\.')}: missing`), `${name} not listed as missing`);
    }
    assert.match(validation, /before-action\.md: no open problems/);
    for (const [id, name] of [['release-notes', 'release-notes.md'], ['rollback', 'rollback.md'], ['action-plan', 'action-plan.md']]) {
      assert.match(textOf(sectionOf(html, id)), new RegExp(`${name.replace('.', '\\.')} is missing from the change record`));
    }
    const reflections = textOf(sectionOf(html, 'reflections'));
    assert.equal(reflections.match(/is missing from the change record/g)?.length, 4);
    assert.match(html, /change\.md is missing from the change record/);
    const timeline = textOf(sectionOf(html, 'timeline'));
    assert.match(timeline, /No deployment window recorded/);
    assert.match(timeline, /Before action \(before-action\)25 Nov 2026no deployment window recorded/);
    assert.match(timeline, /On action \(on-action\)—not written/);
    assert.match(html, /<h1>Change record v1\.4\.0<\/h1>/, 'the version comes from the reflection');
  });

  it('lists open problems per document with severity and code', () => {
    const files = completeRecordFiles();
    files['on-action.md'] = withFrontMatter(answered('on-action'), ['kind: reflection', 'phase: on-action', 'change: v1.4.0', 'date: 2026-12-04']);
    files['notes.md'] = 'Just some notes.\n';
    const validation = sectionOf(packOf(files), 'validation');
    assert.match(validation, /<li class="state-problems"><span class="file-name">on-action\.md<\/span>: 1 open problem/);
    assert.match(validation, /<span class="severity severity-warning">warning<\/span> <code>missing-field<\/code> line \d+: /);
    assert.match(textOf(validation), /notes\.md \(not part of a change record’s usual documents\): 1 open problem/);
    assert.match(textOf(validation), /0 errors, 2 warnings, 0 notes open\./);
  });

  it('shows each checklist step with its tick state and counts them', () => {
    const files = completeRecordFiles();
    files['rollback.md'] = rollbackText(['- [x] Stop writes', '- [ ] Run the down-migrations', '* [X] Restore the backup', '- [ ] Tell the service desk', '- not a task']);
    const rollback = sectionOf(packOf(files), 'rollback');
    assert.match(rollback, /<li class="task task-done">☑ Stop writes<\/li>/);
    assert.match(rollback, /<li class="task task-open">☐ Run the down-migrations<\/li>/);
    assert.match(rollback, /<li class="task task-done">☑ Restore the backup<\/li>/);
    assert.match(rollback, /<li>not a task<\/li>/);
    assert.match(textOf(rollback), /2 of 4 steps ticked/);
    assert.doesNotMatch(rollback, /\[[ xX]\]|<input/);
    assert.match(textOf(rollback), /v1\.3\.2\.tar\.gz/);
    assert.match(rollback, /<code class="hash">(ab){32}<\/code>/);
  });

  it('reports the rollback package check it is given', () => {
    const files = completeRecordFiles();
    const verified = textOf(sectionOf(packOf(files, undefined, { rollbackPackage: { state: 'checked', ok: true, problems: [], sha256: 'ab'.repeat(32) } }), 'rollback'));
    assert.match(verified, /Package checkverified/);
    const broken = textOf(sectionOf(packOf(files, undefined, { rollbackPackage: { state: 'checked', ok: false, problems: ['The SHA-256 recorded in rollback.md does not match the archive.'] } }), 'rollback'));
    assert.match(broken, /does not verify\s*The SHA-256 recorded in rollback\.md does not match the archive\./);
    const absent = textOf(sectionOf(packOf(files, undefined, { rollbackPackage: { state: 'not-found', lookedIn: '.reflect/packages' } }), 'rollback'));
    assert.match(absent, /not checked: the package file was not found in \.reflect\/packages/);
  });

  it('renders the action plan as a table of its actions from the front matter', () => {
    const section = sectionOf(packOf(completeRecordFiles()), 'action-plan');
    const rows = [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd](?: class="[a-z-]+")?>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])));
    assert.match(section, /<td class="due"><time datetime="2027-02-01" title="2027-02-01">1\u00a0Feb\u00a02027<\/time><\/td>/, 'the ISO value stays in the element');
    assert.deepEqual(rows, [
      ['Action', 'Gap', 'Owner', 'Due', 'Evidence', 'Status'],
      ['Rehearse the rollback on the test system', 'on-action: the rollback took longer than planned', 'Alex Morgan', '1 Feb 2027', 'Timed rehearsal notes', 'in-progress'],
      ['Read the DCB0160 guidance again', 'before-action: unsure who signs off', 'Sam Patel', '15 Jan 2027', 'Notes in the next record', 'done'],
    ]);
  });

  it('shows a missing action field as a dash and an action plan without actions as such', () => {
    const files = completeRecordFiles();
    files['action-plan.md'] = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', 'author: Alex Morgan', 'actions:', '  - action: Only this', '    status: open']);
    assert.match(sectionOf(packOf(files), 'action-plan'), /<tr><td class="action">Only this<\/td>(<td class="[a-z]+"><span class="missing">—<\/span><\/td>){4}<td class="status">open<\/td><\/tr>/);
    files['action-plan.md'] = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', 'author: Alex Morgan']);
    assert.match(textOf(sectionOf(packOf(files), 'action-plan')), /The action plan lists no actions in its front matter\./);
  });

  it('says when the clinical risk rating is not what the matrix gives', () => {
    const files = completeRecordFiles();
    files['change.md'] = files['change.md'].replace('  rating: 3', '  rating: 1');
    const html = packOf(files);
    assert.match(textOf(html.slice(0, html.indexOf('</header>'))), /rating 1 \(very low\)The risk matrix gives 3/);
    assert.match(sectionOf(html, 'validation'), /risk-rating-mismatch/);
  });

  it('renders images as text and never as an element, and only http, https and mailto as links', () => {
    const files = completeRecordFiles();
    files['on-action.md'] = withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', '2026-12-04')).concat(
      '\n![The dashboard after go-live](https://example.org/dash.png)\n\n[guidance](https://example.org/dcb0160) [mail](mailto:cso@example.org) [local](./change.md) [ftp](ftp://example.org/x)\n',
    );
    const reflections = sectionOf(packOf(files), 'reflections');
    assert.match(reflections, /\[image: The dashboard after go-live — https:\/\/example\.org\/dash\.png\]/);
    assert.doesNotMatch(reflections, /<img/);
    assert.match(reflections, /<a href="https:\/\/example\.org\/dcb0160" rel="noreferrer">guidance<\/a>/);
    assert.match(reflections, /<a href="mailto:cso@example\.org" rel="noreferrer">mail<\/a>/);
    assert.match(reflections, /\[local\]\(\.\/change\.md\) \[ftp\]\(ftp:\/\/example\.org\/x\)/);
  });

  it('inlines the stylesheet with page breaks for print, and fetches nothing', () => {
    const html = packOf(completeRecordFiles());
    assert.ok(html.includes(STYLESHEET.trim()));
    assert.match(STYLESHEET, /@media print\s*\{[\s\S]*\.pack-section\s*\{[\s\S]*break-before: page/);
    assert.match(STYLESHEET, /@media print\s*\{[\s\S]*\.contents \{ display: none; \}/);
    assert.doesNotMatch(STYLESHEET, /url\s*\(|@import|@font-face|<\//i);
    assert.throws(() => packOf({}, undefined, { stylesheet: 'body { background: url(https://example.org/x.png) }' }), /fetches nothing/);
    assert.throws(() => packOf({}, undefined, { stylesheet: '</style><script>alert(1)</script>' }), /fetches nothing/);
  });

  it('is the same text for the same input', () => {
    assert.equal(packOf(completeRecordFiles()), packOf(completeRecordFiles()));
  });
});
