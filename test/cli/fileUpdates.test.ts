import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sealFences } from '../../src/core/markdown/generatedFences';
import { regenerate } from '../../src/core/markdown/regenerate';
import { FileChangedError, HardLinkedFileError, ReadOnlyFileError, replaceFile, SWAP_STEPS, type SwapSteps, writeNewFile } from '../../src/core/files/atomicWrite';
import { OutsideRepositoryError } from '../../src/core/files/safePaths';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { writeRecord, completeRecordFiles } from '../support/evidencePackRecord';
import { raceSaves, saveText } from '../../bench/saveRaceDriver.mjs';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function temporaryFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

describe('updating a file in place', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'reflect-update-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the mode of the file (0600 stays 0600) whatever the umask', async () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    const umask = process.umask(0o022);
    try {
      await replaceFile(file, 'new\n', { expected: 'old\n' });
    } finally {
      process.umask(umask);
    }
    assert.equal(statSync(file).mode & 0o7777, 0o600);
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    chmodSync(file, 0o640);
    await replaceFile(file, 'newer\n');
    assert.equal(statSync(file).mode & 0o7777, 0o640);
  });

  it('writes through a link to its real file: the link stays a link', async () => {
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'notes.md');
    writeFileSync(real, 'old\n');
    const linked = join(dir, 'notes.md');
    symlinkSync('real/notes.md', linked);
    await replaceFile(linked, 'new\n', { expected: 'old\n', root: dir });
    assert.ok(lstatSync(linked).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new\n');
    assert.deepEqual(temporaryFiles(dir), []);
    assert.deepEqual(temporaryFiles(join(dir, 'real')), []);
  });

  it('refuses a file with another hard link, so no name is left with the old text', async () => {
    const file = join(dir, 'notes.md');
    const other = join(dir, 'copy-of-notes.md');
    writeFileSync(file, 'old\n');
    linkSync(file, other);
    await assert.rejects(replaceFile(file, 'new\n', { expected: 'old\n' }), HardLinkedFileError);
    assert.equal(readFileSync(file, 'utf8'), 'old\n');
    assert.equal(readFileSync(other, 'utf8'), 'old\n');
    assert.equal(statSync(file).nlink, 2, 'both names still name one file');
    assert.deepEqual(temporaryFiles(dir), []);
  });

  it('refuses a read-only file, whoever runs it, and leaves it as it was', async () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o444);
    await assert.rejects(replaceFile(file, 'new\n', { expected: 'old\n' }), (error: unknown) => error instanceof ReadOnlyFileError && /read-only/.test(error.message) && error.message.includes(file));
    assert.equal(readFileSync(file, 'utf8'), 'old\n');
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.deepEqual(temporaryFiles(dir), []);
  });

  it('refuses a file in the repository that links outside it', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const outside = join(dir, 'private.md');
    writeFileSync(outside, 'private\n');
    symlinkSync(outside, join(repo, 'notes.md'));
    await assert.rejects(replaceFile(join(repo, 'notes.md'), 'new\n', { expected: 'private\n', root: repo }), OutsideRepositoryError);
    assert.equal(readFileSync(outside, 'utf8'), 'private\n');
  });

  it('refuses when the file changed since it was read, keeping the other change and no temporary file', async () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, 'as read\n');
    writeFileSync(file, 'saved meanwhile\n');
    await assert.rejects(replaceFile(file, 'update\n', { expected: 'as read\n' }), FileChangedError);
    assert.equal(readFileSync(file, 'utf8'), 'saved meanwhile\n');
    assert.deepEqual(temporaryFiles(dir), []);
  });

  // Another program's save put exactly into each window of the swap: the
  // steps are the real rename and turn, with the save made around them.
  describe('a save another program makes during the swap', () => {
    const saved = 'saved by the editor\n';
    let file: string;
    // An editor that opened the file earlier and saves through that open later: truncate, then write.
    let early = -1;
    const openEarly = () => (early = openSync(file, 'r+'));
    const saveThroughEarly = (text: string) => {
      ftruncateSync(early, 0);
      writeSync(early, text, 0);
    };
    beforeEach(() => {
      file = join(dir, 'notes.md');
      writeFileSync(file, 'as read\n');
    });
    afterEach(() => {
      if (early >= 0) closeSync(early);
      early = -1;
    });
    const ourRename = (around: { before?: () => void; after?: () => void }): SwapSteps => ({
      ...SWAP_STEPS,
      rename(from, to) {
        around.before?.();
        SWAP_STEPS.rename(from, to);
        around.after?.();
      },
    });
    /** The update is refused and the file holds `kept`, with no other name left beside it. */
    async function refusedKeeping(steps: SwapSteps, kept: string) {
      await assert.rejects(replaceFile(file, 'update\n', { expected: 'as read\n' }, steps), FileChangedError);
      assert.equal(readFileSync(file, 'utf8'), kept);
      assert.equal(statSync(file).nlink, 1);
      assert.deepEqual(temporaryFiles(dir), []);
    }

    it('between the last check and the rename: put back under the name', async () => {
      await refusedKeeping(ourRename({ before: () => writeFileSync(file, saved) }), saved);
    });

    it('through an open made before the rename, written right after it: put back', async () => {
      await refusedKeeping(ourRename({ before: openEarly, after: () => saveThroughEarly(saved) }), saved);
    });

    it('through an open made before the rename, written a turn later: seen on the second look and put back', async () => {
      const steps: SwapSteps = {
        ...ourRename({ before: openEarly }),
        async settle() {
          saveThroughEarly(saved);
          await SWAP_STEPS.settle();
        },
      };
      await refusedKeeping(steps, saved);
    });

    it('a newer save under the name is not undone by putting the older one back', async () => {
      const newer = 'saved again, newer\n';
      const steps = ourRename({
        before: openEarly,
        after: () => {
          saveThroughEarly(saved); // into the old file
          writeFileSync(file, newer); // then into the new one, under the name
        },
      });
      await refusedKeeping(steps, newer);
    });

    it('with no save, the update is made and only the file is left', async () => {
      let renames = 0;
      await replaceFile(file, 'update\n', { expected: 'as read\n' }, ourRename({ after: () => renames++ }));
      assert.equal(renames, 1);
      assert.equal(readFileSync(file, 'utf8'), 'update\n');
      assert.equal(statSync(file).nlink, 1);
      assert.deepEqual(readdirSync(dir), ['notes.md']);
    });
  });

  it('under saves racing the updates, the file is always one whole version and no temporary name is left', async function () {
    this.timeout(120_000);
    const SAVES = 5_000;
    // The race of bench/saveRaceDriver.mjs, every 50th save judged: each judged file must be a save
    // or an update made from one, whole. (How many saves land in the one window no rename-based
    // write can see is measured by bench/saveRace.mjs.)
    const race = await raceSaves({
      file: join(dir, 'notes.md'),
      saves: SAVES,
      judgeEvery: 50,
      core: { regenerate, sealFences, replaceFile, FileChangedError },
      onHold: () => assert.deepEqual(temporaryFiles(dir), [], 'no temporary or guard name is left between updates'),
    });
    assert.equal(race.exitCode, 0);
    assert.ok(race.updated > 0, 'updates ran beside the saves');
    assert.equal(race.looks.filter(({ j }) => j % 50 === 0).length, SAVES / 50);
    for (const { j, text } of race.looks) {
      const save = /\n\nsave (\d+)\n$/.exec(text);
      assert.ok(save && Number(save[1]) <= j && Number(save[1]) > j - 50, `a whole save of this round: ${JSON.stringify(text.slice(-40))}`);
      const k = Number(save[1]);
      assert.ok(text === saveText(k) || /^# Notes\n\n<!-- reflect:begin groups [^>]*-->\n- update \d+\n<!-- reflect:end groups [^>]*-->\n\nsave \d+\n$/.test(text), `one whole version: ${JSON.stringify(text)}`);
    }
    assert.deepEqual(temporaryFiles(dir), []);
  });
});

describe('a write that fails part way (file size limit, as on a full disk)', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-full-');
    repo.commit('feat: first');
    repo.tag('v1.0.0');
    repo.commit('feat: second');
  });
  after(() => repo.dispose());

  // `ulimit -f` makes every write past 4 KB fail with EFBIG, part way through.
  function reflectLimited(args: string[]) {
    const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync('bash', ['-c', `ulimit -f 4; exec ${quoted}`], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
  }

  it('notes --update leaves the file as it was and no temporary file', () => {
    const out = join(repo.dir, 'NOTES.md');
    assert.equal(spawnSync(process.execPath, [CLI, 'notes', '--out', out], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() }).status, 0);
    const before = readFileSync(out, 'utf8').replace('- second', '- an old entry') + `\n${'Written by hand. '.repeat(600)}\n`;
    writeFileSync(out, before);
    const result = reflectLimited(['notes', '--out', out, '--update', '--force']);
    assert.notEqual(result.status, 0, result.stdout);
    assert.equal(readFileSync(out, 'utf8'), before);
    assert.deepEqual(temporaryFiles(repo.dir), []);
  });

  it('export --out leaves no partial or temporary file', () => {
    writeRecord(join(repo.dir, 'docs/changes/v1.4.0'), completeRecordFiles());
    const outDir = join(repo.dir, 'packs');
    mkdirSync(outDir);
    const result = reflectLimited(['export', 'docs/changes/v1.4.0', '--out', join(outDir, 'pack.html')]);
    assert.notEqual(result.status, 0, result.stdout);
    assert.deepEqual(readdirSync(outDir), []);
  });

  it('writeNewFile removes its temporary file when the write fails', async () => {
    const folder = join(repo.dir, 'new');
    mkdirSync(folder);
    // A folder where the content should go makes the final step fail after the temporary file is complete.
    mkdirSync(join(folder, 'taken'));
    await assert.rejects(writeNewFile(join(folder, 'taken'), 'x'));
    assert.deepEqual(readdirSync(folder), ['taken']);
  });
});
