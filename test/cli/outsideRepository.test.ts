import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkRollbackPackage } from '../../src/core/export/exportEvidencePack';
import { GitRepository } from '../../src/core/git/gitRepository';
import { createRollbackPackage, manifestProblems, packageBaseName, packageOfTag, verifyRollbackPackage } from '../../src/core/rollback/rollbackPackage';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, rollbackText, writeRecord } from '../support/evidencePackRecord';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const SECRET = 'sk-live-4f9a8b7c6d5e';

// The timeout only ends a hung child (the failure being tested against); no assertion is about time.
function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

describe('nothing is read from or written outside the repository', () => {
  let repo: GitFixture;
  let outside: string;
  beforeEach(() => {
    repo = new GitFixture('reflect-outside-');
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'reflect-private-')));
    repo.commit('feat: first');
    repo.tag('v1.0.0');
    repo.commit('feat: second');
  });
  afterEach(() => {
    repo.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('a records folder linking to a private folder is refused by export and check, and its text is never shown', () => {
    const files = completeRecordFiles();
    files['change.md'] = files['change.md'].replace('# ', `# ${SECRET} `);
    writeRecord(join(outside, 'v1.4.0'), files);
    mkdirSync(join(repo.dir, 'docs'));
    symlinkSync(outside, join(repo.dir, 'docs/changes'));
    const exported = reflect(['export', 'docs/changes/v1.4.0'], repo.dir);
    assert.equal(exported.code, 2, exported.output);
    assert.match(exported.stderr, /leads outside the repository/);
    assert.ok(!existsSync(join(repo.dir, '.reflect/evidence')), 'no pack written');
    const checked = reflect(['check'], repo.dir);
    assert.equal(checked.code, 2, checked.output);
    assert.match(checked.stderr, /leads outside the repository/);
    assert.doesNotMatch(`${exported.output}${checked.output}`, new RegExp(SECRET));
  });

  it('a committed .reflect link sends no package, pack or .gitignore outside', () => {
    writeRecord(join(repo.dir, 'docs/changes/v1.4.0'), completeRecordFiles());
    symlinkSync(outside, join(repo.dir, '.reflect'));
    const packaged = reflect(['package', 'v1.0.0'], repo.dir);
    assert.equal(packaged.code, 2, packaged.output);
    assert.match(packaged.stderr, /leads outside the repository/);
    const exported = reflect(['export', 'docs/changes/v1.4.0'], repo.dir);
    assert.equal(exported.code, 2, exported.output);
    assert.match(exported.stderr, /leads outside the repository/);
    assert.deepEqual(readdirSync(outside), []);
  });

  it('an --out folder inside the repository that links out is refused; one outside is where the person asked', () => {
    symlinkSync(outside, join(repo.dir, 'out'));
    const refused = reflect(['notes', '--out', 'out/NOTES.md'], repo.dir);
    assert.equal(refused.code, 2, refused.output);
    assert.deepEqual(readdirSync(outside), []);
    const asked = reflect(['notes', '--out', join(outside, 'NOTES.md')], repo.dir);
    assert.equal(asked.code, 0, asked.output);
    assert.deepEqual(readdirSync(outside), ['NOTES.md']);
  });

  it('reflect.config.json that links out of the repository is not read', () => {
    writeFileSync(join(outside, 'secret.json'), `{"releaseNotes": {"title": "${SECRET}"}}`);
    symlinkSync(join(outside, 'secret.json'), join(repo.dir, 'reflect.config.json'));
    const result = reflect(['notes'], repo.dir);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /reflect\.config\.json links outside the repository; it was not read/);
    assert.doesNotMatch(result.output, new RegExp(SECRET));
  });

  it('a JSON error in reflect.config.json names the line, never the text', () => {
    repo.write('reflect.config.json', `{\n  "releaseNotes": {\n    "token": ${SECRET}\n  }\n}\n`);
    const result = reflect(['notes'], repo.dir);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /reflect\.config\.json is not valid JSON; check its quotes, commas and brackets \(line 3\)\n$/);
    assert.doesNotMatch(result.output, /sk-live/);
  });

  it('a reflect.config.json that is a FIFO, a device link or too large is refused, not waited on', () => {
    execFileSync('mkfifo', [join(repo.dir, 'reflect.config.json')]);
    const fifo = reflect(['notes'], repo.dir);
    assert.equal(fifo.code, 2, fifo.output);
    assert.match(fifo.stderr, /is a FIFO \(named pipe\), not a regular file/);
    rmSync(join(repo.dir, 'reflect.config.json'));
    repo.write('reflect.config.json', `{"releaseNotes": {}, "x": "${'y'.repeat(300 * 1024)}"}`);
    const large = reflect(['notes'], repo.dir);
    assert.equal(large.code, 2, large.output);
    assert.match(large.stderr, /larger than 256 KB/);
  });

  it('a release-notes template that is a FIFO is refused, not waited on', () => {
    execFileSync('mkfifo', [join(repo.dir, 'template.md')]);
    const result = reflect(['notes', '--template', join(repo.dir, 'template.md')], repo.dir);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /FIFO/);
  });
});

describe('a committed rollback package that is a FIFO or a link to a device', () => {
  let repo: GitFixture;
  let packages: string;
  before(() => {
    repo = new GitFixture('reflect-fifo-');
    repo.commit('feat: first');
    repo.tag('v1.3.2');
    repo.commit('feat: second');
    packages = join(repo.dir, '.reflect/packages');
    mkdirSync(packages, { recursive: true });
    execFileSync('mkfifo', [join(packages, 'v1.3.2.tar.gz')]);
    writeFileSync(join(packages, 'v1.3.2.tar.gz.sha256'), `${'ab'.repeat(32)}  v1.3.2.tar.gz\n`);
    execFileSync('mkfifo', [join(packages, 'v1.3.2.tar.gz.manifest.json')]);
    symlinkSync('/dev/zero', join(packages, 'zero.tar.gz'));
    const files = completeRecordFiles();
    files['rollback.md'] = rollbackText(['- [ ] Deploy the previous version'], ['package:', '  file: v1.3.2.tar.gz', `  sha256: ${'ab'.repeat(32)}`]);
    writeRecord(join(repo.dir, 'docs/changes/v1.4.0'), files);
  });
  after(() => repo.dispose());

  it('export finishes and says the package cannot be read', () => {
    const result = reflect(['export', 'docs/changes/v1.4.0', '--out', join(repo.dir, 'pack.html')], repo.dir);
    assert.equal(result.code, 0, result.output);
    assert.match(readFileSync(join(repo.dir, 'pack.html'), 'utf8'), /FIFO \(named pipe\), not a regular file/);
  });

  it('verify, rollback --package and the checklist lookup refuse them', async () => {
    for (const name of ['v1.3.2.tar.gz', 'zero.tar.gz']) {
      const verified = reflect(['package', '--verify', join(packages, name)], repo.dir);
      assert.equal(verified.code, 1, verified.output);
      assert.match(verified.stderr, /not a regular file/);
      const rollback = reflect(['rollback', 'v1.3.2..HEAD', '--package', join(packages, name)], repo.dir);
      assert.equal(rollback.code, 2, rollback.output);
    }
    const found = await packageOfTag(packages, 'v1.3.2', repo.dir);
    assert.equal(found.state, 'unusable');
    const zero = await checkRollbackPackage({ file: 'zero.tar.gz', sha256: 'ab'.repeat(32) }, packages, repo.dir);
    assert.equal(zero?.state === 'checked' && zero.ok, false);
  });
});

describe('package names and manifests', () => {
  it('two different tags never share a package name', () => {
    const tags = ['v1.0.0', 'v1/0.0', 'v1-0.0', 'a/b', 'a-b', 'a b', 'a--b', '..', '.', 'release', `a-b-${packageBaseName('a/b').slice(-12)}`, 'x'.repeat(101), 'x'.repeat(102)];
    const names = tags.map(packageBaseName);
    assert.equal(new Set(names).size, tags.length, names.join(' '));
    assert.equal(packageBaseName('v1.0.0'), 'v1.0.0');
    for (const name of names) assert.match(name, /^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it('packages of a/b and a-b both exist; a package under another tag\'s name is refused by checklists', async () => {
    const repo = new GitFixture('reflect-names-');
    try {
      repo.commit('feat: first');
      repo.tag('a/b');
      repo.commit('feat: second');
      repo.tag('a-b');
      repo.commit('feat: third');
      const first = reflect(['package', 'a/b'], repo.dir);
      const second = reflect(['package', 'a-b'], repo.dir);
      assert.equal(first.code, 0, first.output);
      assert.equal(second.code, 0, second.output);
      assert.notEqual(first.stdout, second.stdout);
      const packages = join(repo.dir, '.reflect/packages');
      assert.equal((await packageOfTag(packages, 'a-b', repo.dir)).state, 'verified');
      assert.equal((await packageOfTag(packages, 'a/b', repo.dir)).state, 'verified');
      // a/b's package put under a-b's file names, consistent with itself: only its manifest tells.
      const slashed = first.stdout.trim();
      const target = join(packages, 'a-b.tar.gz');
      copyFileSync(slashed, target);
      const manifest = JSON.parse(readFileSync(`${slashed}.manifest.json`, 'utf8')) as Record<string, unknown>;
      writeFileSync(`${target}.manifest.json`, JSON.stringify({ ...manifest, archive: 'a-b.tar.gz' }));
      writeFileSync(`${target}.sha256`, `${String(manifest.sha256)}  a-b.tar.gz\n`);
      const wrong = reflect(['rollback', 'a-b..HEAD', '--package', target], repo.dir);
      assert.equal(wrong.code, 2, wrong.output);
      assert.match(wrong.stderr, /is of a\/b, but this checklist returns to a-b/);
      const looked = await packageOfTag(packages, 'a-b', repo.dir);
      assert.equal(looked.state, 'unusable');
      assert.match(looked.state === 'unusable' ? looked.problems.join(' ') : '', /package of a\/b, not of a-b/);
    } finally {
      repo.dispose();
    }
  });

  it('package --verify names a missing or ill-typed manifest field instead of crashing', async () => {
    const repo = new GitFixture('reflect-manifest-');
    try {
      repo.commit('feat: first');
      repo.tag('v1.0.0');
      const pkg = await createRollbackPackage(await GitRepository.open(repo.dir), { ref: 'v1.0.0', outDir: join(repo.dir, '.reflect/packages') });
      const manifest = JSON.parse(readFileSync(pkg.manifestPath, 'utf8')) as Record<string, unknown>;
      for (const [field, value, pattern] of [
        ['commit', undefined, /the field "commit" is missing/],
        ['files', 'three', /the field "files" must be a whole number/],
        ['sha256', 42, /the field "sha256" must be a SHA-256 in hex/],
      ] as const) {
        const changed = { ...manifest, [field]: value };
        if (value === undefined) delete changed[field];
        writeFileSync(pkg.manifestPath, JSON.stringify(changed));
        const result = reflect(['package', '--verify', pkg.archivePath], repo.dir);
        assert.equal(result.code, 1, result.output);
        assert.match(result.stderr, pattern);
        assert.doesNotMatch(result.output, /Cannot read properties|TypeError/);
      }
      writeFileSync(pkg.manifestPath, '[]');
      assert.deepEqual((await verifyRollbackPackage(pkg.archivePath)).problems.filter((p) => /not a JSON object/.test(p)).length, 1);
      assert.deepEqual(manifestProblems({ ...manifest }), []);
    } finally {
      repo.dispose();
    }
  });
});

describe('path arguments are absolute or relative to the current folder', () => {
  it('check, export, notes --template and --out take absolute paths and paths from a subfolder', () => {
    const repo = new GitFixture('reflect-paths-');
    try {
      repo.commit('feat: first');
      repo.tag('v1.0.0');
      repo.commit('feat: second');
      const record = writeRecord(join(repo.dir, 'docs/changes/v1.4.0'), completeRecordFiles());
      void record;
      const change = join(repo.dir, 'docs/changes/v1.4.0/change.md');
      const absolute = reflect(['check', change, '--today', '2026-12-10'], tmpdir());
      assert.notEqual(absolute.code, 2, absolute.output);
      assert.doesNotMatch(absolute.output, /no such file/);
      mkdirSync(join(repo.dir, 'sub'));
      const fromSub = reflect(['check', '../docs/changes/v1.4.0/change.md', '--today', '2026-12-10'], join(repo.dir, 'sub'));
      assert.notEqual(fromSub.code, 2, fromSub.output);
      assert.equal(reflect(['check', join(repo.dir, 'docs/changes'), '--today', '2026-12-10'], join(repo.dir, 'sub')).code === 2, false);
      repo.write('sub/template.md', '# {{version}}\n');
      const notes = reflect(['notes', '--template', 'template.md', '--out', 'NOTES.md'], join(repo.dir, 'sub'));
      assert.equal(notes.code, 0, notes.output);
      assert.ok(existsSync(join(repo.dir, 'sub/NOTES.md')));
      const exported = reflect(['export', join(repo.dir, 'docs/changes/v1.4.0'), '--out', 'pack.html'], join(repo.dir, 'sub'));
      assert.equal(exported.code, 0, exported.output);
      assert.ok(existsSync(join(repo.dir, 'sub/pack.html')));
    } finally {
      repo.dispose();
    }
  });
});
