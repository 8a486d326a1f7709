import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommit } from '../../src/core/commits/conventionalCommit';
import { GitProblem } from '../../src/core/git/errors';
import { GitRepository } from '../../src/core/git/gitRepository';
import { readReleaseOverview, releaseRangeOf } from '../../src/core/git/releases';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function isKind(kind: string) {
  return (error: unknown) => error instanceof GitProblem && error.kind === kind;
}

describe('git states', () => {
  const fixtures: GitFixture[] = [];
  const fixture = () => {
    const f = new GitFixture();
    fixtures.push(f);
    return f;
  };
  after(() => fixtures.forEach((f) => f.dispose()));

  it('detached HEAD: Unreleased counts from the latest release reachable from HEAD', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.commit('fix: two');
    repo.git('checkout', '-q', '--detach', 'HEAD');
    const git = await GitRepository.open(repo.dir);
    assert.equal((await git.headState()).kind, 'detached');
    assert.equal((await readReleaseOverview(git)).unreleased?.commitCount, 1);
  });

  it('a release range skips newer tags on other branches', async () => {
    const repo = fixture();
    repo.commit('feat: base');
    repo.tag('v1.0.0');
    repo.git('checkout', '-q', '-b', 'hotfix');
    repo.commit('fix: hotfix', 'hotfix.txt');
    repo.tag('v1.0.1');
    repo.git('checkout', '-q', 'main');
    repo.commit('feat: next', 'next.txt');
    repo.tag('v1.1.0');
    const git = await GitRepository.open(repo.dir);
    const overview = await readReleaseOverview(git);
    assert.deepEqual(overview.tags.map((t) => t.name), ['v1.1.0', 'v1.0.1', 'v1.0.0']);
    assert.deepEqual(await releaseRangeOf(git, overview.tags, 'v1.1.0'), { from: 'v1.0.0', to: 'v1.1.0' });
    assert.deepEqual(await releaseRangeOf(git, overview.tags, 'v1.0.0'), { from: undefined, to: 'v1.0.0' });
  });

  it('shallow clone: detected, ranges past the boundary flagged, and the CLI refuses them', async () => {
    const origin = fixture();
    for (let i = 1; i <= 6; i++) origin.commit(`feat: change ${i}`);
    origin.tag('v1.0.0');
    origin.commit('fix: after');
    const cloneDir = mkdtempSync(join(tmpdir(), 'reflect-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', '--no-single-branch', `file://${origin.dir}`, cloneDir], { env: cleanEnv() });
      const git = await GitRepository.open(cloneDir);
      assert.equal(await git.isShallow(), true);
      assert.equal(await git.rangeCrossesShallowBoundary({ to: 'HEAD' }), true);
      // latest tag..HEAD lies inside the fetched history: complete, so allowed.
      assert.equal(await git.rangeCrossesShallowBoundary({ from: 'v1.0.0', to: 'HEAD' }), false);
      const inside = spawnSync(process.execPath, [CLI, 'notes', '--repo', cloneDir, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(inside.status, 0, inside.stderr);
      // Everything up to v1.0.0 reaches the missing history.
      const partial = spawnSync(process.execPath, [CLI, 'notes', 'v1.0.0', '--repo', cloneDir, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(partial.status, 2);
      assert.match(partial.stderr, /shallow clone/);
      const allowed = spawnSync(process.execPath, [CLI, 'notes', 'v1.0.0', '--repo', cloneDir, '--format', 'json', '--allow-partial'], { encoding: 'utf8' });
      assert.equal(allowed.status, 0, allowed.stderr);
    } finally {
      rmSync(cloneDir, { recursive: true, force: true });
    }
  });

  it('shallow clone opened from a linked sub-folder: the history is still found truncated', async () => {
    const origin = fixture();
    origin.commit('feat: one', 'src/a.txt');
    origin.commit('feat: two', 'src/b.txt');
    origin.commit('fix: three', 'src/c.txt');
    const outer = mkdtempSync(join(tmpdir(), 'reflect-shallow-link-'));
    try {
      const cloneDir = join(outer, 'clone');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, cloneDir], { env: cleanEnv() });
      // git names the shallow file relative to the folder it runs in, which is the link's target.
      const link = join(outer, 'elsewhere', 'link');
      mkdirSync(join(outer, 'elsewhere'));
      symlinkSync(join(cloneDir, 'src'), link);
      const git = await GitRepository.open(link);
      assert.equal(git.root, realpathSync(cloneDir));
      assert.equal(await git.isShallow(), true);
      assert.equal(await git.rangeCrossesShallowBoundary({ to: 'HEAD' }), true);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('a complete clone is not shallow', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    const git = await GitRepository.open(repo.dir);
    assert.equal(await git.isShallow(), false);
    assert.equal(await git.rangeCrossesShallowBoundary({ to: 'HEAD' }), false);
  });

  it('decodes messages written in another commit encoding, and survives invalid UTF-8', async () => {
    const repo = fixture();
    repo.git('config', 'i18n.commitEncoding', 'ISO-8859-1');
    repo.git('config', 'i18n.logOutputEncoding', 'ISO-8859-1');
    repo.write('a.txt', 'a');
    repo.git('add', 'a.txt');
    const latin1 = join(repo.dir, '..', `msg-${Date.now()}.txt`);
    writeFileSync(latin1, Buffer.from('feat: r\xe9sultats de laboratoire\n', 'latin1'));
    repo.git('commit', '-q', '-F', latin1);
    repo.git('config', '--unset', 'i18n.commitEncoding');
    repo.write('b.txt', 'b');
    repo.git('add', 'b.txt');
    writeFileSync(latin1, Buffer.from([0x66, 0x69, 0x78, 0x3a, 0x20, 0xff, 0xfe, 0x20, 0x62, 0x61, 0x64, 0x0a]));
    repo.git('commit', '-q', '-F', latin1);
    rmSync(latin1);
    const git = await GitRepository.open(repo.dir);
    const commits = (await git.readCommits({ to: 'HEAD' })).map(parseCommit);
    assert.equal(commits[1].subject, 'résultats de laboratoire');
    assert.equal(commits[0].type, 'fix');
    assert.match(commits[0].subject, /bad$/);
  });

  it('git not installed: a clear GitProblem', async () => {
    const repo = fixture();
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await assert.rejects(GitRepository.open(repo.dir), isKind('git-missing'));
    } finally {
      process.env.PATH = path;
    }
  });

  it('dubious ownership: explained, and safe.directory is never set', async function () {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) this.skip();
    const repo = fixture();
    repo.commit('feat: one');
    const owner = 65534;
    execFileSync('chown', ['-R', `${owner}:${owner}`, repo.dir]);
    try {
      await assert.rejects(GitRepository.open(repo.dir), (error: unknown) => isKind('dubious-ownership')(error) && /safe\.directory/.test((error as Error).message));
      const global = spawnSync('git', ['config', '--global', '--get-all', 'safe.directory'], { encoding: 'utf8' });
      assert.ok(!global.stdout.includes(repo.dir));
    } finally {
      chownSync(repo.dir, 0, 0);
      execFileSync('chown', ['-R', '0:0', repo.dir]);
    }
  });

  it('ignores GIT_DIR and other GIT_* variables inherited from the environment', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    const other = fixture();
    other.commit('feat: elsewhere');
    other.commit('feat: elsewhere 2');
    process.env.GIT_DIR = join(other.dir, '.git');
    try {
      const git = await GitRepository.open(repo.dir);
      assert.equal(await git.countCommits({ to: 'HEAD' }), 1);
    } finally {
      delete process.env.GIT_DIR;
    }
  });
});
