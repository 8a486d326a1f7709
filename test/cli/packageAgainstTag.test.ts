import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Changes an archive's content and then makes its checksum and manifest
 * again, as someone covering their tracks would: every check that reads
 * only the package's own files still passes.
 */
function tamper(archive: string, change: (folder: string) => void): void {
  const work = mkdtempSync(join(tmpdir(), 'reflect-tamper-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', work]);
    const manifestPath = `${archive}.manifest.json`;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    change(join(work, manifest.prefix));
    rmSync(archive);
    execFileSync('tar', ['-czf', archive, '-C', work, manifest.prefix]);
    const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
    const files = Number(execFileSync('sh', ['-c', `tar -tvzf "${archive}" | grep -vc '^d'`], { encoding: 'utf8' }).trim());
    writeFileSync(`${archive}.sha256`, `${sha256}  ${manifest.archive}\n`);
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, sha256, size: statSync(archive).size, files }, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('package --verify against the tag the package claims', () => {
  let repo: GitFixture;
  let folder: string;
  const longPath = `${'deeply/nested/'.repeat(8)}results-table.sql`;
  before(() => {
    repo = new GitFixture('reflect-verify-tag-');
    repo.write('src/app.ts', 'export const app = 1;\n');
    repo.write('scripts/deploy.sh', '#!/bin/sh\necho deploy\n');
    chmodSync(join(repo.dir, 'scripts/deploy.sh'), 0o755);
    repo.write(longPath, 'create table results ();\n');
    symlinkSync('src/app.ts', join(repo.dir, 'app-link.ts'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'feat: first');
    repo.tag('v1.0.0', true);
    repo.commit('feat: later', 'src/later.ts');
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'reflect-verify-out-'));
    const made = reflect(['package', 'v1.0.0', '--out', folder], repo.dir);
    assert.equal(made.code, 0, made.stderr);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  after(() => repo.dispose());

  it('says an untouched package is intact and which checks were made', () => {
    const run = reflect(['package', '--verify', join(folder, 'v1.0.0.tar.gz')], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /intact \(rollback package of v1\.0\.0 at [0-9a-f]{12}, 4 files/);
    assert.match(run.stdout, /checked: SHA-256 of the archive against v1\.0\.0\.tar\.gz\.sha256\./);
    assert.match(run.stdout, /checked: Contents held against v1\.0\.0 \(commit [0-9a-f]{12}\): 4 files, each entry's content compared with the blob hashes of git ls-tree -r\./);
  });

  it('finds a changed file even when the checksum and manifest were made again', () => {
    const archive = join(folder, 'v1.0.0.tar.gz');
    tamper(archive, (root) => writeFileSync(join(root, 'src/app.ts'), 'export const app = 2; // patched\n'));
    const outside = reflect(['package', '--verify', archive], tmpdir());
    assert.equal(outside.code, 0, 'without the repository only the package’s own files can be checked');
    assert.match(outside.stdout, /checked: Contents not compared with v1\.0\.0: no repository at hand/);
    const run = reflect(['package', '--verify', archive], repo.dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /checked: Contents held against v1\.0\.0/);
    assert.match(run.stderr, /1 file of the archive differs from v1\.0\.0: "v1\.0\.0\/src\/app\.ts"\./);
    assert.equal(reflect(['package', '--verify', archive, '--repo', repo.dir], tmpdir()).code, 1);
  });

  it('finds a file added, one removed and an executable bit dropped', () => {
    const archive = join(folder, 'v1.0.0.tar.gz');
    tamper(archive, (root) => {
      writeFileSync(join(root, 'src/backdoor.ts'), 'x\n');
      rmSync(join(root, longPath));
      chmodSync(join(root, 'scripts/deploy.sh'), 0o644);
    });
    const run = reflect(['package', '--verify', archive], repo.dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /differs from v1\.0\.0: "v1\.0\.0\/scripts\/deploy\.sh"/);
    assert.match(run.stderr, /missing from the archive: "v1\.0\.0\/deeply\//);
    assert.match(run.stderr, /The archive holds 1 file that v1\.0\.0 does not: "v1\.0\.0\/src\/backdoor\.ts"/);
  });

  it('holds a tree with export-ignore (and export-subst, not expanded) against a fresh archive of the tag', () => {
    const subst = new GitFixture('reflect-verify-subst-');
    const out = mkdtempSync(join(tmpdir(), 'reflect-verify-subst-out-'));
    try {
      subst.write('.gitattributes', 'VERSION export-subst\nsecret.txt export-ignore\n');
      subst.write('VERSION', '$Format:%H$\n');
      subst.write('secret.txt', 'not shipped\n');
      subst.git('add', '-A');
      subst.git('commit', '-q', '-m', 'feat: first');
      subst.tag('v2.0.0');
      assert.equal(reflect(['package', 'v2.0.0', '--out', out], subst.dir).code, 0);
      const run = reflect(['package', '--verify', join(out, 'v2.0.0.tar.gz')], subst.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /compared with a fresh archive of the tag \(its tree uses export-ignore\)/);
      tamper(join(out, 'v2.0.0.tar.gz'), (root) => writeFileSync(join(root, 'VERSION'), 'forged\n'));
      const forged = reflect(['package', '--verify', join(out, 'v2.0.0.tar.gz')], subst.dir);
      assert.equal(forged.code, 1);
      assert.match(forged.stderr, /"v2\.0\.0\/VERSION"/);
    } finally {
      subst.dispose();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
