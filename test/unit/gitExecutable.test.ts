import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findGitExecutable } from '../../src/core/git/gitExecutable';
import { GitRepository } from '../../src/core/git/gitRepository';
import { GitFixture } from '../fixtures/gitFixture';

// A `git` committed in the repository: if it ever runs it writes the marker.
function plantGit(folder: string, marker: string): void {
  mkdirSync(folder, { recursive: true });
  const fake = join(folder, 'git');
  writeFileSync(fake, `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`);
  chmodSync(fake, 0o755);
}

describe('git is run by its absolute path, never found in the repository', () => {
  const posix = process.platform !== 'win32';
  let repo: GitFixture;
  let marker: string;
  let path: string | undefined;
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    marker = join(mkdtempSync(join(tmpdir(), 'reflect-marker-')), 'MARKER');
    plantGit(repo.dir, marker);
    plantGit(join(repo.dir, 'bin'), marker);
    path = process.env.PATH;
  });
  afterEach(() => {
    process.env.PATH = path;
    repo.dispose();
  });

  for (const shape of ['empty entry first', 'dot first', 'empty entry last', 'the repository itself', 'a folder inside the repository']) {
    it(`PATH with ${shape}: the repository's git does not run and the real one answers`, async function () {
      if (!posix) this.skip();
      const entry = shape.startsWith('empty') ? '' : shape === 'dot first' ? '.' : shape === 'the repository itself' ? repo.dir : join(repo.dir, 'bin');
      process.env.PATH = shape.endsWith('last') ? `${path ?? ''}${delimiter}${entry}` : `${entry}${delimiter}${path ?? ''}`;
      const opened = await GitRepository.open(repo.dir);
      const tags = await opened.listTags();
      assert.deepEqual(tags.map((t) => t.name), ['v1.0.0']);
      assert.equal(existsSync(marker), false, 'the committed git ran');
    });
  }

  it('skips relative, empty and excluded entries and takes the first real git after them', function () {
    if (!posix) this.skip();
    const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'reflect-bin-')));
    try {
      plantGit(elsewhere, marker);
      const found = findGitExecutable({ path: ['', '.', 'bin', repo.dir, elsewhere].join(':'), platform: 'linux', excluded: [repo.dir] });
      assert.equal(found, join(elsewhere, 'git'));
      assert.equal(findGitExecutable({ path: ['', '.', repo.dir].join(':'), platform: 'linux', excluded: [repo.dir] }), undefined);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('on Windows honours PATHEXT (executables only) and never the current folder', function () {
    if (posix) this.skip();
    const bin = mkdtempSync(join(tmpdir(), 'reflect-winbin-'));
    try {
      writeFileSync(join(bin, 'git.cmd'), '');
      writeFileSync(join(bin, 'git.exe'), '');
      const found = findGitExecutable({ path: `;.;${bin}`, pathext: '.CMD;.EXE', platform: 'win32', excluded: [repo.dir] });
      assert.ok(found?.toLowerCase().endsWith('git.exe'), String(found));
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('a PATH with only the repository reports git missing, as before', async function () {
    if (!posix) this.skip();
    process.env.PATH = `${repo.dir}${delimiter}.${delimiter}`;
    await assert.rejects(GitRepository.open(repo.dir), (error: unknown) => (error as { kind?: string }).kind === 'git-missing');
    assert.equal(existsSync(marker), false);
  });
});
