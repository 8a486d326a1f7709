import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { GitRepository } from '../../src/core/git/gitRepository';
import { NEUTRALISING_CONFIG, UNRUNNABLE } from '../../src/core/git/programConfigKeys';
import { createRollbackPackage, verifyRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

/** A folder of fake programs that each write the marker when run. */
function fakePrograms(names: readonly string[]): { bin: string; marker: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-fakes-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const marker = join(dir, 'MARKER');
  for (const name of names) {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "ran: $0 $*" >> '${marker}'\ncat >/dev/null\nexit 0\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return { bin, marker, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function withEnv<T>(changes: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  Object.assign(process.env, changes);
  return body().finally(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

describe('git archive for a package runs no program', function () {
  if (process.platform === 'win32') return;

  it('export-subst with $Format:%G?$ on a signed commit: no gpg, gpgsm or ssh-keygen runs, the placeholder is left as committed', async () => {
    const fakes = fakePrograms(['gpg', 'gpgsm', 'ssh-keygen']);
    const repo = new GitFixture();
    const out = mkdtempSync(join(tmpdir(), 'reflect-subst-out-'));
    try {
      repo.write('.gitattributes', 'version.txt export-subst\n');
      repo.write('version.txt', 'sig: $Format:%G?%GG$\n');
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'feat: subst');
      const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
      const who = 'T <t@example.org> 1767225600 +0000';
      const signed = `tree ${tree}\nparent ${repo.git('rev-parse', 'HEAD').trim()}\nauthor ${who}\ncommitter ${who}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nfeat: signed\n`;
      const commit = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: signed, encoding: 'utf8', env: cleanEnv() }).trim();
      repo.git('update-ref', 'refs/tags/v3.0.0', commit);
      const path = `${fakes.bin}${delimiter}${process.env.PATH ?? ''}`;
      // Control: plain git archive does run the fake gpg here, whatever -c gpg.program says.
      execFileSync('git', ['-c', `gpg.program=${UNRUNNABLE}`, 'archive', '--format=tar', '-o', join(out, 'control.tar'), 'v3.0.0'], { cwd: repo.dir, env: { ...cleanEnv(), PATH: path } });
      assert.equal(existsSync(fakes.marker), true, 'the setup is not hostile: plain git archive ran no gpg');
      rmSync(fakes.marker);
      await withEnv({ PATH: path }, async () => {
        const git = await GitRepository.open(repo.dir);
        const pkg = await createRollbackPackage(git, { ref: 'v3.0.0', outDir: join(out, 'pk') });
        const version = execFileSync('tar', ['-xzOf', pkg.archivePath, 'v3.0.0/version.txt'], { encoding: 'utf8' });
        assert.equal(version, 'sig: $Format:%G?%GG$\n');
        const verified = await verifyRollbackPackage(pkg.archivePath, { repository: git });
        assert.deepEqual(verified.problems, []);
      });
      assert.equal(existsSync(fakes.marker), false, 'a signature program ran during git archive');
    } finally {
      repo.dispose();
      fakes.dispose();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('every gpg program override names a path that cannot be run, never an empty value', () => {
    const gpg = NEUTRALISING_CONFIG.filter(([key]) => /^gpg\..*program$/.test(key));
    assert.ok(gpg.length >= 4);
    for (const [key, value] of gpg) assert.equal(value, UNRUNNABLE, key);
  });

  for (const where of ['~/.gitconfig', '$XDG_CONFIG_HOME/git/config']) {
    it(`a filter driver in the user's global config (${where}, as git-lfs installs one) does not run during git archive`, async () => {
      const fakes = fakePrograms(['filter']);
      const home = mkdtempSync(join(tmpdir(), 'reflect-home-'));
      const repo = new GitFixture();
      const out = mkdtempSync(join(tmpdir(), 'reflect-filter-out-'));
      try {
        repo.write('.gitattributes', '* filter=lfs text eol=crlf\n');
        repo.write('a.txt', 'a\n');
        repo.git('add', '-A');
        repo.git('commit', '-q', '-m', 'feat: one');
        repo.tag('v1.0.0');
        const driver = `[filter "lfs"]\n\tsmudge = ${join(fakes.bin, 'filter')}\n`;
        const xdg = join(home, '.config');
        if (where.startsWith('~')) writeFileSync(join(home, '.gitconfig'), driver);
        else {
          mkdirSync(join(xdg, 'git'), { recursive: true });
          writeFileSync(join(xdg, 'git', 'config'), driver);
        }
        await withEnv({ HOME: home, XDG_CONFIG_HOME: xdg }, async () => {
          const env: NodeJS.ProcessEnv = { ...cleanEnv(), HOME: home, XDG_CONFIG_HOME: xdg };
          delete env.GIT_CONFIG_GLOBAL;
          execFileSync('git', ['archive', '--format=tar', '-o', join(out, 'control.tar'), 'v1.0.0'], { cwd: repo.dir, env, stdio: 'ignore', timeout: 60_000 });
          assert.equal(existsSync(fakes.marker), true, 'the setup is not hostile: plain git archive ran no filter');
          rmSync(fakes.marker);
          const git = await GitRepository.open(repo.dir);
          const pkg = await createRollbackPackage(git, { ref: 'v1.0.0', outDir: join(out, 'pk') });
          const content = execFileSync('tar', ['-xzOf', pkg.archivePath, 'v1.0.0/a.txt'], { encoding: 'utf8' });
          assert.equal(content, 'a\n', 'the blob as committed: no filter, no eol conversion');
        });
        assert.equal(existsSync(fakes.marker), false, 'the global filter driver ran during git archive');
      } finally {
        repo.dispose();
        fakes.dispose();
        rmSync(home, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
