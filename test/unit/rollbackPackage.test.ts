import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { FileExistsError } from '../../src/core/files/atomicWrite';
import { buildRollbackChecklist } from '../../src/core/rollback/rollbackChecklist';
import { createRollbackPackage, packageBaseName, verifyRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { readTarContents, summariseTar } from '../../src/core/rollback/tarEntries';
import { gzipSync } from 'node:zlib';
import { GitFixture } from '../fixtures/gitFixture';

describe('rollback package', () => {
  let repo: GitFixture;
  let out: string;
  before(() => {
    repo = new GitFixture();
    repo.commit('feat: first', 'src/app.ts');
    repo.commit('feat: second', 'db/migrations/001.sql');
    repo.write('notes with spaces.txt', 'x\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'docs: spaces');
    repo.tag('v1.0.0', true);
    repo.commit('fix: after the tag', 'src/app.ts');
    repo.write('untracked.txt', 'working tree only\n');
  });
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'reflect-packages-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));
  after(() => repo.dispose());

  it('archives the tag, not the working tree: extracting it gives exactly git ls-tree of the tag', async () => {
    const git = await GitRepository.open(repo.dir);
    const pkg = await createRollbackPackage(git, { ref: 'v1.0.0', outDir: out, now: new Date('2026-11-25T10:00:00Z') });
    assert.equal(pkg.archivePath, join(out, 'v1.0.0.tar.gz'));
    const extracted = mkdtempSync(join(tmpdir(), 'reflect-extract-'));
    try {
      execFileSync('tar', ['-xzf', pkg.archivePath, '-C', extracted]);
      const listed = execFileSync('find', ['.', '-type', 'f'], { cwd: join(extracted, 'v1.0.0'), encoding: 'utf8' }).split('\n').filter((l) => l).map((l) => l.replace(/^\.\//, '')).sort();
      const tree = repo.git('ls-tree', '-r', '--name-only', 'v1.0.0').split('\n').filter((l) => l).sort();
      assert.deepEqual(listed, tree);
      assert.equal(readFileSync(join(extracted, 'v1.0.0/src/app.ts'), 'utf8'), 'feat: first\n1\n');
    } finally {
      rmSync(extracted, { recursive: true, force: true });
    }
    const sha = execFileSync('sha256sum', [pkg.archivePath], { encoding: 'utf8' }).split(' ')[0];
    assert.equal(pkg.manifest.sha256, sha);
    assert.equal(readFileSync(pkg.checksumPath, 'utf8'), `${sha}  v1.0.0.tar.gz\n`);
    execFileSync('sha256sum', ['-c', 'v1.0.0.tar.gz.sha256'], { cwd: out });
    const manifest = JSON.parse(readFileSync(pkg.manifestPath, 'utf8'));
    assert.deepEqual(manifest, { format: 'reflect-rollback-package/1', kind: 'rollback', tag: 'v1.0.0', commit: repo.git('rev-parse', 'v1.0.0^{commit}').trim(), created: '2026-11-25T10:00:00.000Z', archive: 'v1.0.0.tar.gz', sha256: sha, size: readFileSync(pkg.archivePath).length, files: 3, prefix: 'v1.0.0/' });
    assert.deepEqual(readdirSync(out).sort(), ['v1.0.0.tar.gz', 'v1.0.0.tar.gz.manifest.json', 'v1.0.0.tar.gz.sha256'], 'no temporary files left behind');
  });

  it('never overwrites an existing archive', async () => {
    const git = await GitRepository.open(repo.dir);
    writeFileSync(join(out, 'v1.0.0.tar.gz'), 'precious');
    await assert.rejects(createRollbackPackage(git, { ref: 'v1.0.0', outDir: out }), FileExistsError);
    assert.equal(readFileSync(join(out, 'v1.0.0.tar.gz'), 'utf8'), 'precious');
  });

  it('verifies an intact package and catches a changed archive, checksum or manifest', async () => {
    const git = await GitRepository.open(repo.dir);
    const pkg = await createRollbackPackage(git, { ref: 'v1.0.0', outDir: out });
    assert.deepEqual((await verifyRollbackPackage(pkg.archivePath)).problems, []);
    const manifest = readFileSync(pkg.manifestPath, 'utf8');
    writeFileSync(pkg.manifestPath, manifest.replace('"files": 3', '"files": 4'));
    assert.match((await verifyRollbackPackage(pkg.archivePath)).problems.join(' '), /lists 4 files; the archive holds 3/);
    writeFileSync(pkg.manifestPath, manifest);
    appendFileSync(pkg.archivePath, 'x');
    const damaged = await verifyRollbackPackage(pkg.archivePath);
    assert.equal(damaged.ok, false);
    assert.match(damaged.problems.join(' '), /does not match/);
    rmSync(pkg.checksumPath);
    assert.match((await verifyRollbackPackage(pkg.archivePath)).problems.join(' '), /\.sha256 is missing/);
    assert.equal((await verifyRollbackPackage(join(out, 'nothing.tar.gz'))).ok, false);
  });

  it('names files safely from any tag', () => {
    assert.equal(packageBaseName('v1.0.0'), 'v1.0.0');
    assert.match(packageBaseName('../../etc/x'), /^etc-x-[0-9a-f]{12}$/);
    assert.match(packageBaseName('release/2026 q1'), /^release-2026-q1-[0-9a-f]{12}$/);
    assert.match(packageBaseName('..'), /^release-[0-9a-f]{12}$/);
  });
});

describe('the git calls for notes, rollback and packages', () => {
  it('never run programs named in the repository config or attributes (filters, textconv, external diff, tar commands)', async () => {
    const repo = new GitFixture();
    const marker = join(repo.dir, '..', `marker-${Date.now()}-${Math.random().toString(16).slice(2)}`);
    const script = join(repo.dir, '..', `evil-${Date.now()}.sh`);
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    try {
      repo.write('.gitattributes', '* filter=evil diff=evil export-subst\n');
      repo.write('version.txt', '$Format:%H$\n');
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', 'feat: one');
      repo.tag('v1.0.0', true);
      repo.commit('fix: two', 'src/app.ts');
      for (const [key, value] of [
        ['filter.evil.smudge', script],
        ['filter.evil.clean', script],
        ['filter.evil.process', script],
        ['filter.evil.required', 'true'],
        ['diff.external', script],
        ['diff.evil.textconv', script],
        ['diff.evil.command', script],
        ['tar.tar.gz.command', script],
        ['tar.tgz.command', script],
        ['core.fsmonitor', script],
        ['core.pager', script],
        ['remote.origin.url', 'git@github.com:acme/lab.git'],
      ]) repo.git('config', key, value);
      const git = await GitRepository.open(repo.dir);
      const out = mkdtempSync(join(tmpdir(), 'reflect-evil-'));
      try {
        await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25', options: { paths: ['src'] } });
        await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
        assert.equal(await git.remoteUrl(), 'git@github.com:acme/lab.git');
        await git.listTreeFiles('v1.0.0');
        const pkg = await createRollbackPackage(git, { ref: 'v1.0.0', outDir: out });
        assert.equal((await verifyRollbackPackage(pkg.archivePath)).ok, true);
        const version = execFileSync('tar', ['-xzOf', pkg.archivePath, 'v1.0.0/version.txt'], { encoding: 'utf8' });
        assert.equal(version.trim(), '$Format:%H$', 'export-subst is not expanded (its %G? would run gpg)');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      assert.equal(existsSync(marker), false, 'a repository-configured program ran');
    } finally {
      rmSync(marker, { force: true });
      rmSync(script, { force: true });
      repo.dispose();
    }
  });

  it('refuses refs that git would read as options', async () => {
    const repo = new GitFixture();
    try {
      repo.commit('feat: one');
      const git = await GitRepository.open(repo.dir);
      await assert.rejects(git.resolveCommit('--output=/tmp/x'), /starts with "-"/);
      await assert.rejects(git.listTreeFiles('-r'), /starts with "-"/);
      await assert.rejects(git.archiveTar('--remote=x', join(repo.dir, 'x.tar')), /starts with "-"/);
    } finally {
      repo.dispose();
    }
  });
});

describe('a gzip bomb in place of a package', () => {
  // One tar header claiming 8 GiB, then 64 MiB of zeros: a few hundred KB compressed.
  function bomb(path: string, claimed: bigint, zeros: number): void {
    const header = Buffer.alloc(512);
    header.write('v1.0.0/big');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${claimed.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header[156] = 48;
    header.write('ustar\x0000', 257);
    header.fill(32, 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    writeFileSync(path, gzipSync(Buffer.concat([header, Buffer.alloc(zeros)]), { level: 9 }));
  }

  it('an entry claiming more than the cap is refused from its header, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-bomb-'));
    try {
      const archive = join(dir, 'v1.0.0.tar.gz');
      bomb(archive, 8n * 1024n ** 3n, 1 << 20);
      await assert.rejects(summariseTar(archive, true), /claims 8 GiB, more than the 2 GiB a package may unpack to/);
      await assert.rejects(readTarContents(archive, true, 'sha1'), /claims 8 GiB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a stream that unpacks past the cap stops there, and nothing after the end-of-archive blocks is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-bomb-'));
    try {
      const archive = join(dir, 'v1.0.0.tar.gz');
      // Entry of 0 bytes, then the two zero blocks, then 16 MiB of trailing zeros.
      bomb(archive, 0n, 16 * 1024 * 1024);
      const summary = await summariseTar(archive, true, 1024 * 1024);
      assert.equal(summary.complete, true);
      assert.equal(summary.files, 1);
      const entries = await readTarContents(archive, true, 'sha1', 1024 * 1024);
      assert.equal(entries.length, 1);
      // A header that claims within the cap, then endless content: the budget stops it.
      bomb(archive, 8n * 1024n * 1024n, 8 * 1024 * 1024);
      await assert.rejects(summariseTar(archive, true, 4 * 1024 * 1024), /more than the 4 MiB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
