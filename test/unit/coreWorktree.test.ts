import { fixedClock } from '../../src/core/vocabulary/clock';
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runExport } from '../../src/cli/exportCommand';
import { runPackage } from '../../src/cli/packageCommand';
import { GitProblem } from '../../src/core/git/errors';
import { GitRepository } from '../../src/core/git/gitRepository';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';

const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('core.worktree never moves where we write', () => {
  let repo: GitFixture;
  let outside: string;
  let root: string;

  beforeEach(() => {
    repo = new GitFixture('reflect-worktree-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first', 'a.txt');
    repo.tag('v1.0.0', true);
    repo.commit('feat: second', 'b.txt');
    repo.tag('v1.1.0', true);
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'reflect-elsewhere-')));
    repo.git('config', 'core.worktree', outside);
  });
  afterEach(() => {
    repo.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('opens the repository at the folder holding .git, from the top or from a folder inside it', async () => {
    assert.equal((await GitRepository.open(repo.dir)).root, root);
    mkdirSync(join(repo.dir, 'docs', 'changes'), { recursive: true });
    assert.equal((await GitRepository.open(join(repo.dir, 'docs', 'changes'))).root, root);
  });

  it('still opens when core.worktree names a folder that does not exist', async () => {
    repo.git('config', 'core.worktree', join(outside, 'no-such-folder'));
    assert.equal((await GitRepository.open(repo.dir)).root, root);
    assert.equal(existsSync(join(outside, 'no-such-folder')), false);
  });

  it('reflect export writes its default pack under the real top level, and nothing outside', async () => {
    const record = writeRecord(join(repo.dir, 'docs', 'changes', 'v1.1.0'), completeRecordFiles());
    const out: string[] = [];
    const stdout = new Writable({ write: (chunk: Buffer, _encoding, done) => (out.push(chunk.toString()), done()) });
    assert.equal(await runExport([record], stdout, fixedClock(new Date('2026-12-10T09:30:00Z')), sink()), 0);
    const written = out.join('').trim();
    assert.ok(written.startsWith(`${root}/`), `the pack went to ${written}`);
    assert.ok(existsSync(written));
    assert.deepEqual(filesUnder(outside), []);
  });

  it('reflect package writes its default package folder under the real top level, and nothing outside', async () => {
    const out: string[] = [];
    const stdout = new Writable({ write: (chunk: Buffer, _encoding, done) => (out.push(chunk.toString()), done()) });
    assert.equal(await runPackage(['--repo', repo.dir, 'v1.0.0'], stdout, sink()), 0);
    assert.ok(out.join('').trim().startsWith(`${join(root, '.reflect')}/`), out.join(''));
    assert.deepEqual(filesUnder(outside), []);
  });

  it('refuses a bare repository whose core.worktree names another folder', async () => {
    const bare = realpathSync(mkdtempSync(join(tmpdir(), 'reflect-bare-')));
    try {
      repo.git('clone', '-q', '--bare', repo.dir, bare);
      repo.git('--git-dir', bare, 'config', 'core.bare', 'false');
      repo.git('--git-dir', bare, 'config', 'core.worktree', outside);
      await assert.rejects(GitRepository.open(bare), (error: unknown) => error instanceof GitProblem && error.kind === 'not-a-repository' && error.message.includes('work tree of its own'));
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
