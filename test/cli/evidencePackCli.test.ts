import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultEvidencePackPath } from '../../src/core/export/evidencePackFile';
import { exportEvidencePack } from '../../src/core/export/exportEvidencePack';
import { GitRepository } from '../../src/core/git/gitRepository';
import { createRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, rollbackText, writeRecord } from '../support/evidencePackRecord';
import { answered, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const NOW = new Date('2027-01-10T09:30:00Z');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Evidence pack export on a real repository', () => {
  let repo: GitFixture;
  let root: string;
  const record = 'docs/changes/v1.4.0';
  const shipped: string[] = [];

  before(async () => {
    repo = new GitFixture('reflect-evidence-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    // A feature names its hazard-log entry, so the record has no release-notes hazard finding.
    shipped.push(repo.commit('feat(results): show the trend of a result\n\nHazard: HAZ-012'));
    repo.git('config', 'user.name', 'Eve" onmouseover="x');
    shipped.push(repo.commit('fix: <img src=x onerror=alert(1)> & [x](javascript:alert(1))'));
    repo.git('config', 'user.name', 'Test Author');
    const pack = await createRollbackPackage(await GitRepository.open(repo.dir), { ref: 'v1.3.2', outDir: join(repo.dir, '.reflect/packages') });
    const files = completeRecordFiles();
    files['rollback.md'] = rollbackText(['- [x] Take a backup', '- [ ] Deploy the previous version'], ['package:', `  file: ${pack.manifest.archive}`, `  sha256: ${pack.manifest.sha256}`]);
    writeRecord(join(repo.dir, record), files);
  });
  after(() => repo.dispose());

  it('lists the range with full hashes, reading an untagged version as HEAD, and verifies the rollback package', async () => {
    const pack = await exportEvidencePack(join(repo.dir, record), { repository: await GitRepository.open(repo.dir), options: {}, now: NOW });
    assert.equal(pack.version, 'v1.4.0');
    assert.equal(pack.fileName, 'v1.4.0-evidence.html', 'no activity system configured: <version>-evidence.html');
    assert.deepEqual(pack.problems, { error: 0, warning: 0, info: 0 });
    const commits = pack.html.slice(pack.html.indexOf('id="commits"'));
    for (const hash of shipped) assert.ok(commits.includes(`<code class="hash">${hash}</code>`), hash);
    assert.match(commits, /2 commits from v1\.3\.2 to HEAD\./);
    assert.match(commits, /v1\.4\.0 does not exist in the repository yet, so the commits from v1\.3\.2 to HEAD are listed\./);
    assert.match(commits, /fix: &lt;img src=x onerror=alert\(1\)&gt; &amp; \[x\]\(javascript:alert\(1\)\)/);
    assert.match(commits, /Eve&quot; onmouseover=&quot;x/);
    assert.doesNotMatch(pack.html, /<img/);
    assert.match(pack.html, /<dt>Package check<\/dt><dd><strong class="verified">verified<\/strong>/);
  });

  it('says a package does not verify when rollback.md records another checksum, and when it is not in the package folder', async () => {
    const folder = join(repo.dir, 'docs/changes/v1.4.0-damaged');
    const files = completeRecordFiles();
    files['rollback.md'] = rollbackText(['- [ ] Deploy'], ['package:', '  file: ../../v1.3.2.tar.gz', `  sha256: ${'0'.repeat(64)}`]);
    writeRecord(folder, files);
    const repository = await GitRepository.open(repo.dir);
    const damaged = await exportEvidencePack(folder, { repository, options: {}, now: NOW });
    assert.match(damaged.html, /does not verify<\/strong><ul class="problems"><li>The SHA-256 recorded in rollback\.md does not match the archive\.<\/li>/);
    const elsewhere = await exportEvidencePack(folder, { repository, options: {}, now: NOW, packageFolder: join(repo.dir, 'nowhere') });
    assert.match(elsewhere.html, /not checked: the package file was not found in nowhere/);
    rmSync(folder, { recursive: true, force: true });
  });

  it('reflect export writes <repo>/.reflect/evidence/<version>-evidence.html, kept out of git, and prints its path', () => {
    const run = reflect(['export', record], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    const written = join(root, '.reflect/evidence/v1.4.0-evidence.html');
    assert.equal(run.stdout, `${written}\n`);
    // stdout is the path alone; stderr carries the pack's checksum and, here, that the record is not committed.
    assert.match(run.stderr, /^reflect: SHA-256 [0-9a-f]{64}\n/);
    const html = readFileSync(written, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(shipped[0]));
    assert.equal(readFileSync(join(root, '.reflect/evidence/.gitignore'), 'utf8').split('\n').includes('*'), true);
    assert.doesNotMatch(repo.git('status', '--porcelain', '--untracked-files=all'), /\.reflect\/evidence/);
  });

  it('refuses to overwrite an existing pack with exit 2 and one line, and replaces it with --force', () => {
    const written = join(root, '.reflect/evidence/v1.4.0-evidence.html');
    writeFileSync(written, 'kept by hand\n');
    const refused = reflect(['export', record], repo.dir);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.equal(refused.stderr, `reflect: ${written} already exists; it was not overwritten (add --force to replace it).\n`);
    assert.equal(readFileSync(written, 'utf8'), 'kept by hand\n');
    const forced = reflect(['export', record, '--force'], repo.dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(written, 'utf8'), /^<!DOCTYPE html>/);
  });

  it('--out writes where the person chooses, relative to the working folder, creating folders', () => {
    const run = reflect(['export', join(repo.dir, record), '--out', 'packs/nested/evidence.html'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${join(root, 'packs/nested/evidence.html')}\n`);
    assert.ok(existsSync(join(root, 'packs/nested/evidence.html')));
    assert.ok(!existsSync(join(root, 'packs/nested/.gitignore')), 'a folder the person chose is left as it is');
  });

  it('exits 0 for a record with problems, and 1 with --strict, writing the pack both times', () => {
    const folder = join(repo.dir, 'docs/changes/v1.5.0');
    writeRecord(folder, { 'on-action.md': withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', '2026-12-04', 'v1.5.0').filter((l) => !l.startsWith('author:'))) });
    const lenient = reflect(['export', folder], repo.dir);
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(readFileSync(join(root, '.reflect/evidence/v1.5.0-evidence.html'), 'utf8'), /missing-field/);
    const strict = reflect(['export', folder, '--strict', '--out', join(root, 'strict.html')], repo.dir);
    assert.equal(strict.code, 1);
    assert.equal(strict.stdout, `${join(root, 'strict.html')}\n`);
    assert.match(strict.stderr, /\nreflect: the record has 0 errors and [1-9]\d* warnings? \(listed in the pack\)\.\n$/);
    assert.ok(existsSync(join(root, 'strict.html')));
    const clean = reflect(['export', record, '--strict', '--today', '2027-01-10', '--out', join(root, 'clean.html')], repo.dir);
    assert.equal(clean.code, 0, clean.stderr);
  });

  it('reduces a hostile version to one safe file name inside the evidence folder', () => {
    assert.equal(defaultEvidencePackPath('/repo', 'v1.4.0'), '/repo/.reflect/evidence/v1.4.0.html');
    assert.equal(defaultEvidencePackPath('/repo', '../../etc/passwd'), '/repo/.reflect/evidence/etc-passwd.html');
    assert.equal(defaultEvidencePackPath('/repo', '<img src=x onerror=alert(1)>'), '/repo/.reflect/evidence/img-src-x-onerror-alert-1.html');
    assert.equal(defaultEvidencePackPath('/repo', '..'), '/repo/.reflect/evidence/unversioned.html');
  });

  it('exits 2 with one line for a missing folder, a missing argument, and no repository without --out', () => {
    const missing = reflect(['export', 'docs/changes/v9.9.9'], repo.dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'reflect: Cannot read "docs/changes/v9.9.9": no such folder.\n');
    const none = reflect(['export'], repo.dir);
    assert.equal(none.code, 2);
    assert.equal(none.stderr.split('\n').length, 2);
    const outside = mkdtempSync(join(tmpdir(), 'reflect-evidence-outside-'));
    try {
      writeRecord(join(outside, 'v1.4.0'), completeRecordFiles());
      const refused = reflect(['export', 'v1.4.0'], outside);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^reflect: .*not inside a git repository.* Give --out FILE to export without one\.\n$/);
      const written = reflect(['export', 'v1.4.0', '--out', 'pack.html'], outside);
      assert.equal(written.code, 0, written.stderr);
      assert.match(readFileSync(join(outside, 'pack.html'), 'utf8'), /Commits are not listed: .*not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reads the recorded range exactly once the version is tagged', async () => {
    repo.tag('v1.4.0', true);
    repo.commit('feat: after the release');
    const pack = await exportEvidencePack(join(repo.dir, record), { repository: await GitRepository.open(repo.dir), options: {}, now: NOW });
    const commits = pack.html.slice(pack.html.indexOf('id="commits"'));
    assert.match(commits, /2 commits from v1\.3\.2 to v1\.4\.0\./);
    assert.doesNotMatch(commits, /does not exist|after the release/);
  });
});
