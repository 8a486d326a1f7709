import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { nestedRepositoryFolders, type ListFolder } from '../../src/core/git/nestedRepositories';

/** The scan of the workspace folder for repositories below it (what the views show when a window opens). */
describe('nestedRepositoryFolders: repositories below a workspace folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rcl-nested-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const folder = (...parts: string[]) => mkdirSync(join(root, ...parts), { recursive: true });
  const repo = (...parts: string[]) => folder(...parts, '.git');
  const shown = (found: string[]) => found.map((path) => relative(root, path));

  it('finds repositories one and two levels down (a .git folder or file), depth first, and skips hidden and build folders', async () => {
    repo('alpha');
    repo('alpha', 'inner');
    folder('beta', 'lib');
    writeFileSync(join(root, 'beta', 'lib', '.git'), 'gitdir: ../../.git/worktrees/lib\n');
    repo('beta', 'lib', 'deeper', 'three-levels-down');
    repo('gamma');
    repo('node_modules', 'pkg');
    repo('.hidden', 'repo');
    repo('dist');
    repo('src', 'out', 'x');
    writeFileSync(join(root, 'a-file'), '');
    assert.deepEqual(shown(await nestedRepositoryFolders(root, 2)), ['alpha', join('alpha', 'inner'), join('beta', 'lib'), 'gamma']);
    assert.deepEqual(shown(await nestedRepositoryFolders(root, 1)), ['alpha', 'gamma']);
    assert.deepEqual(await nestedRepositoryFolders(root, 0), []);
  });

  it('gives nothing for a folder it cannot read, and goes on past one it cannot read', async () => {
    assert.deepEqual(await nestedRepositoryFolders(join(root, 'missing'), 2), []);
    repo('ok');
    folder('broken');
    const list: ListFolder = (path) => (path.endsWith('broken') ? Promise.reject(new Error('EACCES')) : readdir(path, { withFileTypes: true }));
    assert.deepEqual(shown(await nestedRepositoryFolders(root, 2, list)), ['ok']);
  });

  it('reads each folder once, and reads folders side by side, never more than the limit at once', async () => {
    for (let i = 0; i < 30; i++) folder(`package-${String(i).padStart(2, '0')}`, 'src');
    repo('package-07');
    repo('package-21', 'src');
    const reads: string[] = [];
    let inFlight = 0;
    let most = 0;
    const list: ListFolder = async (path) => {
      reads.push(path);
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await readdir(path, { withFileTypes: true });
      } finally {
        inFlight--;
      }
    };
    const found = await nestedRepositoryFolders(root, 2, list, 5);
    assert.deepEqual(shown(found), ['package-07', join('package-21', 'src')]);
    assert.equal(new Set(reads).size, reads.length, 'no folder is read twice');
    // The root, 30 packages and their 30 src folders; package-07's .git is not entered.
    assert.equal(reads.length, 61);
    assert.ok(most > 1, `folders are read side by side (at most ${most} at once)`);
    assert.ok(most <= 5, `no more than 5 reads at once (${most})`);
  });
});
