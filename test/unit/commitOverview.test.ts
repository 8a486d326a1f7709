import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { parseNumstat } from '../../src/core/git/gitLogParsing';
import { GitRepository } from '../../src/core/git/gitRepository';
import { renderCommitOverview } from '../../src/core/render/commitOverviewMarkdown';
import { readCommitOverview } from '../../src/core/usecases/commitOverview';
import { GitFixture } from '../fixtures/gitFixture';

describe('a commit\'s details page', () => {
  let fixture: GitFixture;
  let repo: GitRepository;
  let root: string;
  let feature: string;
  let merge: string;
  before(async () => {
    fixture = new GitFixture('reflect-commit-');
    root = fixture.commit('chore: start', 'README.md');
    fixture.write('src/alert.ts', 'one\ntwo\nthree\n');
    fixture.write('logo.png', '\u0000PNG binary\u0000');
    fixture.git('add', '-A');
    fixture.git('commit', '-q', '--no-verify', '-m', 'feat(alerts)!: page the ward on a `critical` result (#42)\n\nThe old path is gone.\n\nBREAKING CHANGE: the alert API takes a ward id\nHazard: HAZ-007\nCo-authored-by: Sam Lee <sam@example.org>');
    feature = fixture.git('rev-parse', 'HEAD').trim();
    fixture.git('checkout', '-q', '-b', 'side');
    fixture.git('mv', 'src/alert.ts', 'src/alerts.ts');
    fixture.git('commit', '-q', '--no-verify', '-m', 'refactor: rename the alert module');
    fixture.git('checkout', '-q', 'main');
    fixture.commit('fix: round the dose', 'dose.txt');
    fixture.git('merge', '-q', '--no-ff', '--no-edit', 'side');
    merge = fixture.git('rev-parse', 'HEAD').trim();
    fixture.git('remote', 'add', 'origin', 'git@github.com:example/clinic.git');
    repo = await GitRepository.open(fixture.dir);
  });
  after(() => fixture.dispose());

  it('reads the message, trailers, links and the files against the parent with line counts', async () => {
    const overview = await readCommitOverview(repo, DEFAULT_CONFIG, feature);
    assert.equal(overview.commit.hash, feature);
    assert.equal(overview.commit.breaking, true);
    assert.deepEqual(overview.commit.hazards, ['HAZ-007']);
    assert.equal(overview.base, root);
    assert.deepEqual(overview.files.map((f) => [f.path, f.status, f.added, f.removed]), [['logo.png', 'added', undefined, undefined], ['src/alert.ts', 'added', 3, 0]]);
    assert.equal(overview.links?.commit(feature), `https://github.com/example/clinic/commit/${feature}`);
  });

  it('compares a merge with its first parent, and a root commit with nothing', async () => {
    const merged = await readCommitOverview(repo, DEFAULT_CONFIG, merge);
    assert.equal(merged.parents.length, 2);
    assert.deepEqual(merged.files.map((f) => [f.status, f.oldPath, f.path, f.added, f.removed]), [['renamed', 'src/alert.ts', 'src/alerts.ts', 0, 0]]);
    const first = await readCommitOverview(repo, DEFAULT_CONFIG, root);
    assert.equal(first.base, undefined);
    assert.deepEqual(first.files.map((f) => f.path), ['README.md']);
  });

  it('renders as Markdown whose only links are the host\'s, with the message fenced whatever it holds', async () => {
    const markdown = renderCommitOverview(await readCommitOverview(repo, DEFAULT_CONFIG, feature));
    assert.match(markdown, /^# page the ward on a `critical` result/m);
    assert.match(markdown, /\*\*Breaking change\*\*/);
    assert.match(markdown, /- \*\*Hazard\*\*: HAZ-007/);
    assert.match(markdown, /\[\\?#42\]\(https:\/\/github\.com\/example\/clinic\/issues\/42\)/);
    assert.match(markdown, /## Files changed \(2, \+3 −0\)/);
    assert.match(markdown, /`logo\.png` — added \(binary\)/);
    const html = new MarkdownIt().render(markdown);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length >= 2 && hrefs.every((h) => h.startsWith('https://github.com/example/clinic/')), hrefs.join(' '));
  });

  it('a message with backtick fences and Markdown cannot break out of its block', async () => {
    fixture.commit('docs: explain\n\n````\n# not a heading\n[x](javascript:alert(1))\n````', 'x.md');
    const overview = await readCommitOverview(repo, DEFAULT_CONFIG, 'HEAD');
    const html = new MarkdownIt().render(renderCommitOverview(overview));
    assert.ok(!/<h1>not a heading/.test(html));
    assert.ok(!html.includes('href="javascript'));
  });

  it('refuses a ref that names no commit, with its name', async () => {
    await assert.rejects(readCommitOverview(repo, DEFAULT_CONFIG, 'no-such-ref'), /no-such-ref/);
  });

  it('reads numstat renames and binary files', () => {
    const counts = parseNumstat('3\t1\tsrc/a.ts\0-\t-\tlogo.png\0' + '0\t0\t\0old/name.ts\0new/name.ts\0');
    assert.deepEqual([...counts], [['src/a.ts', { added: 3, removed: 1 }], ['new/name.ts', { added: 0, removed: 0 }]]);
  });
});
