import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEvidencePack } from '../../src/core/export/evidencePackFile';
import { createFolder, FolderCreationError } from '../../src/core/files/createFolder';
import { ensureIgnoredFolder } from '../../src/core/files/ignoredFolder';
import { GitRepository } from '../../src/core/git/gitRepository';
import { createRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { GitFixture } from '../fixtures/gitFixture';

describe('output folders are created level by level, with a clear error', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reflect-folders-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on /proc (where recursive mkdir spins for ever) every writer fails at once, naming the path', async function () {
    if (!existsSync('/proc/self')) this.skip();
    const refused = (path: string) => (error: unknown) => error instanceof FolderCreationError && error.message.includes(path) && !/ENOENT|mkdir '/.test(error.message);
    await assert.rejects(createFolder('/proc/x/y'), refused('/proc/x/y'));
    await assert.rejects(writeEvidencePack('/proc/x/p.html', '<p>x</p>'), refused('/proc/x'));
    const repo = new GitFixture();
    try {
      repo.commit('feat: one');
      repo.tag('v1.0.0');
      const git = await GitRepository.open(repo.dir);
      await assert.rejects(createRollbackPackage(git, { ref: 'v1.0.0', outDir: '/proc/x' }), refused('/proc/x'));
      await assert.rejects(ensureIgnoredFolder('/proc/x', repo.dir), refused('/proc/x'));
    } finally {
      repo.dispose();
    }
  });

  it('a file on the way is named; missing levels are made; an existing folder is fine', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await assert.rejects(createFolder(join(dir, 'file', 'a', 'b')), /file is not a folder/);
    await createFolder(join(dir, 'a', 'b', 'c'));
    await createFolder(join(dir, 'a', 'b', 'c'));
    assert.ok(existsSync(join(dir, 'a', 'b', 'c')));
  });

  it('export --force with no pack there yet writes a new one (in a new folder too)', async () => {
    const target = join(dir, 'new', 'sub', 'p.html');
    await writeEvidencePack(target, '<p>one</p>', { force: true });
    assert.equal(readFileSync(target, 'utf8'), '<p>one</p>');
    await writeEvidencePack(target, '<p>two</p>', { force: true });
    assert.equal(readFileSync(target, 'utf8'), '<p>two</p>');
    mkdirSync(join(dir, 'r'));
  });
});
