import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
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
