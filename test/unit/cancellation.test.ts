import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { observeGitCalls } from '../../src/core/git/gitProcess';
import { createRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { createPackage } from '../../src/core/usecases/rollbackPackages';
import { generateReleaseNotes } from '../../src/core/usecases/releaseNotes';
import { buildRecordPack, openRecordRepository, writeRecordPack } from '../../src/core/usecases/exportPack';
import type { Clock } from '../../src/core/vocabulary/clock';
import { fixedClock } from '../../src/core/vocabulary/clock';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

describe('Export Evidence Pack stops when the person cancels', () => {
  let repo: GitFixture;
  let folder: string;
  beforeEach(() => {
    repo = new GitFixture('reflect-cancel-export-');
    repo.commit('feat: first');
    folder = join(repo.dir, 'docs/changes/v1.4.0');
    writeRecord(folder, completeRecordFiles());
  });
  afterEach(() => repo.dispose());

  it('cancelled while the pack is being built: it stops at the next step and nothing is written', async () => {
    const controller = new AbortController();
    const clock = fixedClock(new Date('2027-01-10T09:30:00Z'));
    // The person cancels once the build has begun (it has read the clock), before it grades the record.
    const cancellingClock: Clock = { ...clock, now: () => (controller.abort(), clock.now()) };
    await assert.rejects(buildRecordPack(folder, { ...(await openRecordRepository(folder)), config: DEFAULT_CONFIG, clock: cancellingClock, signal: controller.signal }), isAbort);
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.html')), []);
  });

  it('cancelled after building, before writing: no file, not even a partial or temporary one', async () => {
    const controller = new AbortController();
    const pack = await buildRecordPack(folder, { ...(await openRecordRepository(folder)), config: DEFAULT_CONFIG, clock: fixedClock(new Date('2027-01-10T09:30:00Z')), signal: controller.signal });
    controller.abort();
    const target = join(repo.dir, 'evidence', pack.fileName);
    await assert.rejects(writeRecordPack(target, pack, { force: false, keepOutOfGit: false, root: repo.dir, signal: controller.signal }), isAbort);
    assert.equal(existsSync(join(repo.dir, 'evidence')), false);
  });

  it('not cancelled: the same signal lets the pack be built and written', async () => {
    const controller = new AbortController();
    const pack = await buildRecordPack(folder, { ...(await openRecordRepository(folder)), config: DEFAULT_CONFIG, clock: fixedClock(new Date('2027-01-10T09:30:00Z')), signal: controller.signal });
    const target = join(repo.dir, pack.fileName);
    await writeRecordPack(target, pack, { force: false, keepOutOfGit: false, root: repo.dir, signal: controller.signal });
    assert.ok(existsSync(target));
  });
});

describe('Generate Release Notes stops when the person cancels', () => {
  it('cancelled while git is read: the notes are not rendered, and the call says it was aborted', async () => {
    const repo = new GitFixture('reflect-cancel-notes-');
    try {
      repo.commit('feat: first');
      repo.tag('v1.0.0');
      repo.commit('fix: second', 'second.txt');
      const git = await GitRepository.open(repo.dir);
      const controller = new AbortController();
      const generating = generateReleaseNotes(git, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', signal: controller.signal });
      controller.abort();
      await assert.rejects(generating, isAbort);
      const notes = await generateReleaseNotes(git, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', signal: new AbortController().signal });
      assert.match(notes.markdown, /second/, 'not cancelled: the same call renders the notes');
    } finally {
      repo.dispose();
    }
  });
});

describe('Making a rollback package stops when the person cancels', () => {
  let repo: GitFixture;
  let out: string;
  beforeEach(() => {
    repo = new GitFixture('reflect-cancel-package-');
    repo.commit('feat: first', 'src/app.ts');
    repo.commit('feat: second', 'db/migrations/001.sql');
    repo.tag('v1.0.0', true);
    out = mkdtempSync(join(tmpdir(), 'reflect-cancel-packages-'));
  });
  afterEach(() => {
    repo.dispose();
    rmSync(out, { recursive: true, force: true });
  });

  /** Aborts `controller` once a git call whose command starts with `command` has finished. */
  function abortAfter(command: string, controller: AbortController): () => void {
    return observeGitCalls(({ args }) => {
      if (args[0] === command) controller.abort();
    });
  }

  for (const [step, command] of [
    ['before git archive starts', 'init'],
    ['once git archive has written the tar, before it is compressed', 'archive'],
  ] as const) {
    it(`cancelled ${step}: it stops there and leaves no archive, partial or temporary`, async () => {
      const git = await GitRepository.open(repo.dir);
      const controller = new AbortController();
      const stop = abortAfter(command, controller);
      try {
        await assert.rejects(createRollbackPackage(git, { ref: 'v1.0.0', outDir: out, signal: controller.signal }), isAbort);
      } finally {
        stop();
      }
      assert.deepEqual(readdirSync(out), []);
    });
  }

  it('cancelled before it begins: no git runs and the package folder is not made git-ignored', async () => {
    const git = await GitRepository.open(repo.dir);
    const controller = new AbortController();
    controller.abort();
    const calls: string[] = [];
    const stop = observeGitCalls(({ args }) => calls.push(args[0] ?? ''));
    try {
      await assert.rejects(createPackage(git, DEFAULT_CONFIG, { ref: 'v1.0.0', signal: controller.signal }), isAbort);
    } finally {
      stop();
    }
    assert.deepEqual(calls, []);
    assert.equal(existsSync(join(repo.dir, DEFAULT_CONFIG.packageFolder)), false);
  });

  it('not cancelled: the same signal lets the package be made whole', async () => {
    const git = await GitRepository.open(repo.dir);
    const made = await createRollbackPackage(git, { ref: 'v1.0.0', outDir: out, signal: new AbortController().signal });
    assert.deepEqual(readdirSync(out).sort(), ['v1.0.0.tar.gz', 'v1.0.0.tar.gz.manifest.json', 'v1.0.0.tar.gz.sha256']);
    assert.equal(made.manifest.files, 2);
  });
});
