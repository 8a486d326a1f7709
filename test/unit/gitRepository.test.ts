import * as assert from 'node:assert/strict';
import { appendFileSync, existsSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitProblem } from '../../src/core/git/errors';
import { observeGitCalls } from '../../src/core/git/gitProcess';
import { GitRepository } from '../../src/core/git/gitRepository';
import { rangeOfTag, readReleaseOverview } from '../../src/core/git/releases';
import { proposeVersionForRange } from '../../src/core/usecases/proposeVersion';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { GitFixture } from '../fixtures/gitFixture';

describe('GitRepository on real repositories', () => {
  let repo: GitFixture;

  beforeEach(() => {
    repo = new GitFixture();
  });
  afterEach(() => repo.dispose());

  it('reads commits with git\'s output buffered, whatever GIT_* or EDITOR variables surround it', async () => {
    repo.commit('feat: one');
    repo.commit('fix: two');
    const saved = { GIT_DIR: process.env.GIT_DIR, EDITOR: process.env.EDITOR, GIT_FLUSH: process.env.GIT_FLUSH };
    process.env.GIT_DIR = join(tmpdir(), 'no-such-git-dir');
    process.env.EDITOR = 'false';
    process.env.GIT_FLUSH = '1';
    try {
      const git = await GitRepository.open(repo.dir);
      const commits = await git.readCommits({ to: 'HEAD' });
      assert.deepEqual(commits.map((c) => c.message), ['fix: two', 'feat: one']);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('proposes the same version for a change record as its release notes, a reverted breaking change included', async () => {
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    const risky = repo.commit('feat!: risky');
    repo.commit(`Revert "feat!: risky"\n\nThis reverts commit ${risky}.`);
    repo.commit('fix: small');
    const git = await GitRepository.open(repo.dir);
    const range = { from: 'v1.0.0', to: 'HEAD' };
    const notes = await buildReleaseNotes(git, { range, date: '2026-11-25' });
    assert.equal(notes.version, 'v1.0.1');
    assert.equal(await proposeVersionForRange(git, range), notes.version);
  });

  it('reads several config values with one git config run, as git config --get would', async () => {
    repo.commit('feat: one');
    repo.git('config', 'remote.Origin.URL', 'https://example.org/Upper.git');
    repo.git('config', 'remote.origin.url', 'https://example.org/first.git');
    repo.git('config', '--add', 'remote.origin.url', 'https://example.org/last.git');
    repo.git('config', 'user.email', '');
    const git = await GitRepository.open(repo.dir);
    const values = await git.configValues(['USER.Name', 'remote.origin.url', 'remote.Origin.url', 'user.email', 'no.such.key']);
    // Section and variable names ignore case, a subsection does not; the last value wins; empty is absent.
    assert.equal(values.get('USER.Name'), 'Test Author');
    assert.equal(values.get('remote.origin.url'), 'https://example.org/last.git');
    assert.equal(values.get('remote.Origin.url'), 'https://example.org/Upper.git');
    assert.equal(values.has('user.email'), false);
    assert.equal(values.has('no.such.key'), false);
    assert.equal(await git.remoteUrl('origin'), 'https://example.org/last.git');
    assert.equal(await git.remoteUrl('-bad'), undefined);
    assert.equal(await git.configValue('user.name'), 'Test Author');
    // Two spellings of one key both get its value.
    const both = await git.configValues(['user.name', 'User.Name']);
    assert.deepEqual([both.get('user.name'), both.get('User.Name')], ['Test Author', 'Test Author']);
  });

  it('reads a config key written without a value as empty, as git config --get does', async () => {
    repo.commit('feat: one');
    repo.git('config', 'remote.origin.url', 'https://example.org/a.git');
    appendFileSync(join(repo.dir, '.git', 'config'), '[remote "origin"]\n\turl\n');
    const git = await GitRepository.open(repo.dir);
    assert.equal(await git.remoteUrl('origin'), undefined);
  });

  it('lists annotated and lightweight tags newest first by version, and counts unreleased commits', async () => {
    repo.commit('feat: one');
    repo.tag('v1.0.0', true);
    repo.commit('fix: two');
    repo.tag('v1.10.0');
    repo.commit('fix: three');
    repo.tag('v1.9.0', true);
    repo.commit('feat: four');
    repo.commit('Update README');
    const git = await GitRepository.open(repo.dir);
    const overview = await readReleaseOverview(git);
    assert.deepEqual(overview.tags.map((t) => t.name), ['v1.10.0', 'v1.9.0', 'v1.0.0']);
    assert.deepEqual(overview.unreleased?.range, { from: 'v1.10.0', to: 'HEAD' });
    assert.equal(overview.unreleased?.commitCount, 3);
    assert.deepEqual(rangeOfTag(overview.tags, 'v1.9.0'), { from: 'v1.0.0', to: 'v1.9.0' });
  });

  it('opens from a sub-folder and reads the whole history when there are no tags', async () => {
    repo.commit('feat: one', 'src/a.txt');
    repo.commit('fix: two');
    const git = await GitRepository.open(join(repo.dir, 'src'));
    const overview = await readReleaseOverview(git);
    assert.equal(overview.tags.length, 0);
    assert.equal(overview.unreleased?.commitCount, 2);
    const notes = await buildReleaseNotes(git, { range: { to: 'HEAD' }, date: '2026-11-25' });
    assert.equal(notes.version, 'v0.1.0');
  });

  it('counts the unreleased commits its notes list: a merge commit is not one', async () => {
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('fix: on a branch', 'topic.txt');
    repo.git('checkout', '-q', '-');
    repo.commit('feat: on main', 'main.txt');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic');
    const git = await GitRepository.open(repo.dir);
    const overview = await readReleaseOverview(git);
    const notes = await buildReleaseNotes(git, { range: overview.unreleased?.range ?? { to: 'HEAD' }, date: '2026-11-25' });
    assert.equal(notes.commitCount, 2);
    assert.equal(notes.mergeCount, 1);
    assert.equal(overview.unreleased?.commitCount, notes.commitCount);
  });

  it('says so when a repository has no commits', async () => {
    const git = await GitRepository.open(repo.dir);
    const overview = await readReleaseOverview(git);
    assert.equal(overview.unreleased, undefined);
  });

  it('says so when a folder is not a repository', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'reflect-plain-'));
    try {
      await assert.rejects(GitRepository.open(folder), (error: unknown) => error instanceof GitProblem && error.kind === 'not-a-repository');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a revision that starts with "-"', async () => {
    repo.commit('feat: one');
    const git = await GitRepository.open(repo.dir);
    await assert.rejects(git.readCommits({ from: '--output=/tmp/x', to: 'HEAD' }), (error: unknown) => error instanceof GitProblem && error.kind === 'unsafe-ref');
  });

  it('lists every non-merge commit of a range exactly once, merges counted apart', async () => {
    repo.commit('feat: base');
    repo.tag('v1.0.0');
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('fix: on side', 'side.txt');
    repo.git('checkout', '-q', 'main');
    repo.commit('feat: on main', 'main.txt');
    repo.git('merge', '-q', '--no-ff', '-m', "Merge branch 'side'", 'side');
    const git = await GitRepository.open(repo.dir);
    const notes = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
    assert.equal(notes.commitCount, 2);
    assert.equal(notes.mergeCount, 1);
    assert.equal(notes.groups.flatMap((g) => g.commits).length, 2);
  });

  it('never runs programs named in the repository config or attributes', async () => {
    const marker = join(repo.dir, '..', `marker-${Date.now()}`);
    const script = join(repo.dir, 'evil.sh');
    repo.write('evil.sh', `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.write('.gitattributes', '* diff=evil\n');
    repo.commit('fix: two', '.gitattributes');
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['core.hooksPath', repo.dir],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['core.editor', script],
      ['sequence.editor', script],
    ]) repo.git('config', key, value);
    repo.write('post-checkout', `#!/bin/sh\ntouch '${marker}'\n`);
    try {
      const git = await GitRepository.open(repo.dir);
      await readReleaseOverview(git);
      await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
      await git.isShallow();
      await git.configValue('user.name');
      assert.equal(existsSync(marker), false, 'a repository-configured program ran');
    } finally {
      rmSync(marker, { force: true });
    }
  });

  it('reads the tags named at both ends of a range in one ref read, by exact name only', async () => {
    repo.commit('feat: one');
    repo.tag('v1.0.0', true);
    repo.tag('release/1');
    repo.commit('fix: two');
    repo.tag('v1.0.1');
    const git = await GitRepository.open(repo.dir);
    const found = await git.tagsNamed(['v1.0.0', 'v1.0.1', 'release', 'v1.0', 'v*', '-x', 'v1.0.0', 'no-such-tag']);
    // `release` would match refs/tags/release/1 as a ref prefix, and `v*` as a glob: neither is a tag's name.
    assert.deepEqual([...found.keys()].sort(), ['v1.0.0', 'v1.0.1']);
    assert.equal(found.get('v1.0.0')?.annotated, true);
    assert.equal(found.get('v1.0.0')?.hash, repo.git('rev-parse', 'v1.0.0^{commit}').trim());
    assert.equal((await git.tagsNamed([])).size, 0);
    assert.equal((await git.tagNamed('release'))?.name, undefined);
  });
});

describe('a file\'s history (the date rules, the pack\'s provenance)', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
  });
  afterEach(() => repo.dispose());

  function historyWalks(run: () => Promise<unknown>): Promise<number> {
    let walks = 0;
    const stop = observeGitCalls(({ args }) => {
      if (args[0] === 'log' && args.includes(':(literal)docs/notes.md')) walks++;
    });
    return run().then(
      () => (stop(), walks),
      (error: unknown) => {
        stop();
        throw error;
      },
    );
  }

  it('is what git log -- path says, and one walk serves every reader until HEAD moves', async () => {
    repo.commit('docs: notes', 'docs/notes.md');
    repo.commit('feat: elsewhere', 'src/a.ts');
    repo.commit('docs: more notes', 'docs/notes.md');
    const git = await GitRepository.open(repo.dir);
    const expected = () => repo.git('log', '--format=%H', '--', 'docs/notes.md').trim().split('\n');
    let first: Awaited<ReturnType<GitRepository['fileHistory']>> = [];
    const walks = await historyWalks(async () => {
      const [a, b] = await Promise.all([git.fileHistory('docs/notes.md'), git.fileHistory('docs/notes.md')]);
      first = a;
      assert.deepEqual(b, a);
      a.pop(); // a reader's copy: changing it changes nobody else's
      assert.deepEqual((await git.fileHistory('docs/notes.md')).map((c) => c.hash), expected());
    });
    assert.equal(walks, 1);
    assert.equal(first.length, 1);

    repo.commit('docs: after HEAD moved', 'docs/notes.md');
    const moved = await historyWalks(async () => assert.deepEqual((await git.fileHistory('docs/notes.md')).map((c) => c.hash), expected()));
    assert.equal(moved, 1, 'a new HEAD is a new walk');
    assert.equal(expected().length, 3);
  });

  it('is empty before the first commit', async () => {
    const empty = new GitFixture('reflect-unborn-');
    try {
      const git = await GitRepository.open(empty.dir);
      assert.deepEqual(await git.fileHistory('docs/notes.md'), []);
    } finally {
      empty.dispose();
    }
  });
});

describe('GitRepository: HEAD and the git folder in as few git processes as can answer', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
  });
  afterEach(() => repo.dispose());

  /** What the state was read as before: symbolic-ref and rev-parse, one process each. */
  function twoProcessAnswer(): unknown {
    let branch = '';
    try {
      branch = repo.git('symbolic-ref', '--quiet', '--short', 'HEAD').trim();
    } catch {
      branch = '';
    }
    let commit: string | undefined;
    try {
      commit = repo.git('rev-parse', '--verify', '--quiet', 'HEAD^{commit}').trim() || undefined;
    } catch {
      commit = undefined;
    }
    if (commit === undefined) return { kind: 'unborn', branch: branch || undefined };
    return branch ? { kind: 'branch', branch, commit } : { kind: 'detached', commit };
  }

  async function stateAndCalls(): Promise<{ state: unknown; calls: number }> {
    const git = await GitRepository.open(repo.dir);
    let calls = 0;
    const stop = observeGitCalls(() => calls++);
    try {
      return { state: await git.headState(), calls };
    } finally {
      stop();
    }
  }

  it('reads a branch, a branch with a slash, a detached HEAD and a file named HEAD with one process, as the two-process reading did', async () => {
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    for (const setUp of [
      () => undefined,
      () => repo.git('checkout', '-q', '-b', 'release/2026-12'),
      () => repo.git('checkout', '-q', '--detach'),
      () => repo.write('HEAD', 'a file named HEAD\n'),
      () => repo.git('checkout', '-q', '-b', 'v1.0.0'), // a branch named as a tag
    ]) {
      setUp();
      const { state, calls } = await stateAndCalls();
      const before = twoProcessAnswer() as { kind: string; branch?: string };
      // `symbolic-ref --short` writes an ambiguous branch as heads/<name>; the full name read now has no such prefix.
      assert.deepEqual(state, before.kind === 'branch' ? { ...before, branch: before.branch?.replace(/^heads\//, '') } : before);
      assert.equal(calls, 1, `one git process for ${JSON.stringify(state)}`);
    }
  });

  it('reads a branch with no commits yet the longer way, and names it', async () => {
    repo.git('checkout', '-q', '--orphan', 'first');
    const { state } = await stateAndCalls();
    assert.deepEqual(state, { kind: 'unborn', branch: 'first' });
    assert.deepEqual(state, twoProcessAnswer());
  });

  it('knows the git folder from opening the repository, in a work tree and in a linked worktree', async () => {
    repo.commit('feat: one');
    const outside = mkdtempSync(join(tmpdir(), 'rcl-linked-'));
    try {
      const linked = join(outside, 'linked');
      repo.git('worktree', 'add', '-q', linked, '-b', 'linked');
      for (const dir of [repo.dir, linked]) {
        const git = await GitRepository.open(dir);
        let calls = 0;
        const stop = observeGitCalls(() => calls++);
        const folder = await git.gitPath('.').finally(stop);
        assert.equal(calls, 0, 'no git process of its own');
        const asked = repo.git('-C', dir, 'rev-parse', '--path-format=absolute', '--git-path', '.').trim();
        assert.equal(folder.replace(/\/\.$/, ''), asked.replace(/\/\.$/, ''));
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
