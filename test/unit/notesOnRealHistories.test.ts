import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { renderReleaseNotesMarkdown } from '../../src/core/render/releaseNotes';
import type { ReleaseNotesOptions } from '../../src/core/config/reflectConfig';
import { GitFixture } from '../fixtures/gitFixture';
import { INJECTION_CORPUS } from '../fixtures/injectionCorpus';

/**
 * Patterns seen on real, public histories, each rebuilt in a small real
 * repository: the answer must not depend on how the range is spelled or on
 * how tidy the commit headers are.
 */

async function notes(repo: GitFixture, from: string | undefined, to = 'HEAD', options: ReleaseNotesOptions = {}) {
  const git = await GitRepository.open(repo.dir);
  const request = { range: { from, to }, date: '2026-11-25', options: { links: 'none' as const, ...options } };
  const model = await buildReleaseNotes(git, request);
  // The CLI looks the range's ends up in the tag names it reads for the skipped-tags note: the same notes either way.
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  assert.deepEqual(plain(await buildReleaseNotes(git, { ...request, tagNames: git.listTagNames() })), plain(model));
  return model;
}

describe('a breaking-change footer on any header', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-footer-');
    repo.commit('feat: first');
    repo.tag('v1.4.0');
  });
  after(() => repo.dispose());

  it('makes `feat!(scope): …` (the mark before the scope) breaking and a major bump', async () => {
    const hash = repo.commit('feat!(api): drop the v1 endpoint\n\nBREAKING CHANGE: clients must call /v2');
    const model = await notes(repo, 'v1.4.0');
    assert.equal(model.bump, 'major');
    const breaking = model.groups.find((g) => g.type === 'breaking');
    assert.deepEqual(breaking?.commits.map((c) => [c.hash, c.type, c.scope, c.subject, c.breakingNotes]), [[hash, 'feat', 'api', 'drop the v1 endpoint', ['clients must call /v2']]]);
  });

  it('makes a commit whose header is not conventional breaking when its footer says so', async () => {
    repo.git('reset', '-q', '--hard', 'v1.4.0');
    const hash = repo.commit('Remove the legacy importer\n\nIt was deprecated in 1.2.\n\nBREAKING-CHANGE: the /import route is gone');
    const model = await notes(repo, 'v1.4.0');
    assert.equal(model.bump, 'major');
    assert.deepEqual(model.groups.map((g) => g.type), ['breaking']);
    assert.equal(model.groups[0].commits[0].hash, hash);
    assert.deepEqual(model.groups[0].commits[0].breakingNotes, ['the /import route is gone']);
    assert.match(renderReleaseNotesMarkdown(model), /## Breaking changes\n\n- Remove the legacy importer \(`[0-9a-f]{7}`\)\n {2}- the \/import route is gone/);
  });

  it('reads `feat!(scope):` without a footer as breaking too', async () => {
    repo.git('reset', '-q', '--hard', 'v1.4.0');
    repo.commit('feat!(ui): new layout');
    const model = await notes(repo, 'v1.4.0');
    assert.equal(model.bump, 'major');
    assert.equal(model.groups[0].commits[0].scope, 'ui');
  });
});

describe('pre-1.0 rules from the release at the start of the range', () => {
  let repo: GitFixture;
  let releaseCommit: string;
  before(() => {
    repo = new GitFixture('reflect-zero-');
    repo.commit('feat: first');
    repo.tag('v0.3.0', true);
    releaseCommit = repo.git('rev-parse', 'HEAD').trim();
    repo.git('branch', 'release-0');
    repo.git('branch', 'release-2');
    repo.commit('feat!: change the result format');
  });
  after(() => repo.dispose());

  it('gives the same bump whether the start is the tag, its commit hash or a branch on it', async () => {
    for (const from of ['v0.3.0', releaseCommit, releaseCommit.slice(0, 10), 'release-0', 'release-2']) {
      const model = await notes(repo, from);
      assert.equal(model.bump, 'minor', from);
      assert.equal(model.version, 'v0.4.0', from);
    }
  });

  it('reads a tag family’s version after its prefix (`plugin-vue2@0.3.0` is 0.3.0, not 2.0.0)', async () => {
    repo.git('tag', 'plugin-vue2@0.3.0', 'v0.3.0^{commit}');
    const model = await notes(repo, 'plugin-vue2@0.3.0');
    assert.equal(model.bump, 'minor');
    assert.equal(model.version, 'plugin-vue2@0.4.0');
  });

  it('follows the configured pre-1.0 policy: breaking → major, feat → patch', async () => {
    assert.equal((await notes(repo, 'v0.3.0', 'HEAD', { preOneZero: { breaking: 'major' } })).version, 'v1.0.0');
    repo.git('checkout', '-q', '-b', 'feature', 'v0.3.0');
    repo.commit('feat: add a filter');
    assert.equal((await notes(repo, 'v0.3.0')).bump, 'minor', 'the default: a feature is a minor bump');
    const model = await notes(repo, 'v0.3.0', 'HEAD', { preOneZero: { feat: 'patch' } });
    assert.equal(model.bump, 'patch');
    assert.equal(model.version, 'v0.3.1');
    repo.git('checkout', '-q', 'main');
  });

  it('applies no pre-1.0 rule once the start release is 1.0 or later, whatever the branch is called', async () => {
    repo.git('checkout', '-q', '-b', 'later', 'v0.3.0');
    repo.commit('fix: x');
    repo.tag('v1.2.0');
    repo.git('branch', 'release-0.9');
    repo.commit('feat!: y');
    assert.equal((await notes(repo, 'release-0.9')).bump, 'major');
    assert.equal((await notes(repo, 'release-0.9')).version, 'v2.0.0');
    repo.git('checkout', '-q', 'main');
  });
});

describe('the proposed version and title of a range', () => {
  let repo: GitFixture;
  let hash: string;
  before(() => {
    repo = new GitFixture('reflect-prefix-');
    repo.commit('feat: first');
    repo.tag('create-vite@9.1.2');
    repo.tag('v1.1.0');
    hash = repo.git('rev-parse', 'HEAD').trim();
    repo.commit('fix(create-vite): handle a space in the folder name');
  });
  after(() => repo.dispose());

  it('keeps the tag family’s prefix and bumps its version', async () => {
    const model = await notes(repo, 'create-vite@9.1.2');
    assert.equal(model.bump, 'patch');
    assert.equal(model.version, 'create-vite@9.1.3');
  });

  it('titles a range that starts at a hash by the release it resolves to, not by the hash', async () => {
    const model = await notes(repo, hash.slice(0, 12));
    assert.equal(model.version, 'v1.1.1');
    assert.match(renderReleaseNotesMarkdown(model), /^# Release notes: v1\.1\.1$/m);
  });

  it('titles a range that ends at a released commit given by hash with that release', async () => {
    const model = await notes(repo, undefined, hash);
    assert.equal(model.version, 'v1.1.0');
  });
});

describe('reverts on real histories', () => {
  let repo: GitFixture;
  let original: string;
  let picked: string;
  let revert: string;
  let olderRevert: string;
  before(() => {
    repo = new GitFixture('reflect-revert-');
    repo.commit('feat: first', 'a.txt');
    const old = repo.commit('feat: old experiment', 'old.txt');
    repo.tag('v1.0.0');
    // The feature lands on a development branch; the release branch cherry-picks it.
    repo.git('checkout', '-q', '-b', 'develop');
    original = repo.commit('feat: export to CSV', 'export.txt');
    repo.git('checkout', '-q', 'main');
    repo.git('cherry-pick', '-x', original);
    picked = repo.git('rev-parse', 'HEAD').trim();
    // The revert names the commit on the development branch, outside the range.
    repo.git('rm', '-q', 'export.txt');
    repo.git('commit', '-q', '-m', `Revert "feat: export to CSV"\n\nThis reverts commit ${original}.`);
    revert = repo.git('rev-parse', 'HEAD').trim();
    repo.git('rm', '-q', 'old.txt');
    repo.git('commit', '-q', '-m', `Revert "feat: old experiment"\n\nThis reverts commit ${old}.`);
    olderRevert = repo.git('rev-parse', 'HEAD').trim();
  });
  after(() => repo.dispose());

  it('pairs a revert of a cherry-picked commit by its quoted header', async () => {
    const model = await notes(repo, 'v1.0.0');
    const reverted = model.groups.find((g) => g.type === 'reverted');
    assert.deepEqual(reverted?.commits.map((c) => c.hash), [picked, revert]);
  });

  it('lists a revert of a commit before the range under "Reverts", not "Other changes"', async () => {
    const model = await notes(repo, 'v1.0.0');
    assert.deepEqual(model.groups.map((g) => [g.type, g.title]), [['revert', 'Reverts'], ['reverted', 'Reverted within this range']]);
    assert.deepEqual(model.groups[0].commits.map((c) => c.hash), [olderRevert]);
    assert.equal(model.bump, 'patch');
  });
});

describe('sections, code spans and issue links', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-sections-');
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/lab.git');
    repo.commit('feat: first');
    repo.tag('v2.0.0');
    repo.commit('core: tidy the scheduler');
    repo.commit('deps: bump yaml');
    repo.commit('white_check_mark: add tests for the parser');
    repo.commit('fix(parser): accept `null` in the `range` field (#1234)');
    repo.commit('fix: keep ``a ` b`` literal and escape <b>');
  });
  after(() => repo.dispose());

  it('puts unknown types under "Other changes" with their prefix, unless a section is configured for them', async () => {
    const model = await notes(repo, 'v2.0.0');
    assert.deepEqual(model.groups.map((g) => g.title), ['Bug fixes', 'Other changes']);
    const markdown = renderReleaseNotesMarkdown(model);
    assert.doesNotMatch(markdown, /^## (Core|Deps|White_check_mark)$/m);
    assert.match(markdown, /^- core: tidy the scheduler /m);
    const configured = await notes(repo, 'v2.0.0', 'HEAD', { sections: [{ type: 'fix', title: 'Fixes' }, { type: 'deps', title: 'Dependencies' }] });
    assert.deepEqual(configured.groups.map((g) => g.title), ['Fixes', 'Dependencies', 'Other changes']);
  });

  it('renders code spans as code and links a PR number in the subject once', async () => {
    const model = await notes(repo, 'v2.0.0', 'HEAD', { links: 'auto' });
    const markdown = renderReleaseNotesMarkdown(model);
    const line = markdown.split('\n').find((l) => l.includes('accept'));
    assert.ok(line);
    assert.equal(line.match(/#1234/g)?.length, 1, line);
    assert.doesNotMatch(line, / — /);
    assert.match(line, /accept `null` in the `range` field \(\[#1234\]\(https:\/\/github\.com\/acme\/lab\/issues\/1234\)\)/);
    const html = new MarkdownIt({ html: true }).render(markdown);
    assert.match(html, /accept <code>null<\/code> in the <code>range<\/code> field/);
    assert.match(html, /keep <code>a ` b<\/code> literal and escape &lt;b&gt;/);
  });

  it('keeps every subject of the injection corpus inert: only code spans, text and our links', async () => {
    const hostile = new GitFixture('reflect-spans-');
    try {
      hostile.git('remote', 'add', 'origin', 'https://github.com/acme/lab.git');
      hostile.commit('feat: base');
      hostile.tag('v1.0.0');
      for (const subject of INJECTION_CORPUS) hostile.commit(`fix: ${subject.replace(/\n/g, ' ')} (#7)`);
      const model = await notes(hostile, 'v1.0.0', 'HEAD', { links: 'auto' });
      const groups = renderReleaseNotesMarkdown(model).split('<!-- reflect:begin groups')[1].split('<!-- reflect:end groups')[0].replace(/^[^\n]*\n/, '');
      const tokens = new MarkdownIt({ html: true }).parse(groups, {});
      assert.deepEqual([...new Set(tokens.map((t) => t.type))].sort(), ['bullet_list_close', 'bullet_list_open', 'heading_close', 'heading_open', 'inline', 'list_item_close', 'list_item_open', 'paragraph_close', 'paragraph_open']);
      const inlineTypes = new Set(tokens.flatMap((t) => (t.children ?? []).map((c) => c.type)));
      assert.deepEqual([...inlineTypes].filter((t) => !['text', 'code_inline', 'link_open', 'link_close'].includes(t)), []);
      const hrefs = tokens.flatMap((t) => (t.children ?? []).filter((c) => c.type === 'link_open').map((c) => String(c.attrGet('href') ?? '')));
      assert.ok(hrefs.every((h) => h.startsWith('https://github.com/acme/lab/')), hrefs.join(' '));
      assert.equal(hrefs.filter((h) => h.endsWith('/issues/7')).length, INJECTION_CORPUS.length, 'each #7 is linked once');
    } finally {
      hostile.dispose();
    }
  });
});
