import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { holds, readPdf } from '../support/pdfReading';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reflect export --format pdf on a real repository', () => {
  let repo: GitFixture;
  let root: string;
  const record = 'docs/changes/v1.4.0';
  const shipped: string[] = [];

  before(() => {
    repo = new GitFixture('reflect-evidence-pdf-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    shipped.push(repo.commit('feat(results): show the trend of a result\n\nHazard: HAZ-12'));
    shipped.push(repo.commit('fix: keep the Welsh name Llŷr as written'));
    writeRecord(join(repo.dir, record), completeRecordFiles());
    repo.git('add', '.');
    repo.git('commit', '-m', 'docs: the change record of v1.4.0');
  });
  after(() => repo.dispose());

  it('writes <repo>/.reflect/evidence/<version>-evidence.pdf, prints its path, and its SHA-256 on stderr', async () => {
    const run = reflect(['export', record, '--format', 'pdf'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    const written = join(root, '.reflect/evidence/v1.4.0-evidence.pdf');
    assert.equal(run.stdout, `${written}\n`);
    const bytes = readFileSync(written);
    assert.equal(run.stderr.split('\n')[0], `reflect: SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`);
    assert.match(run.stderr, /reflect: 1 character cannot be shown in the PDF's standard fonts and is printed as \[U\+XXXX\]/);
    assert.doesNotMatch(repo.git('status', '--porcelain', '--untracked-files=all'), /\.reflect\/evidence/);
    const read = await readPdf(bytes);
    const runs = read.pages.flatMap((p) => p.runs.map((r) => r.text));
    for (const hash of shipped) assert.ok(runs.includes(hash), `the full hash ${hash} is printed whole`);
    assert.ok(holds(read.text, 'fix: keep the Welsh name Ll[U+0177]r as written'));
    assert.ok(holds(read.text, '3 commits from v1.3.2 to HEAD.'));
    assert.ok(holds(read.text, 'clean: every record document is as committed'));
  });

  it('refuses to overwrite an existing PDF with exit 2, and replaces it with --force', () => {
    const written = join(root, '.reflect/evidence/v1.4.0-evidence.pdf');
    writeFileSync(written, 'kept by hand\n');
    const refused = reflect(['export', record, '--format', 'pdf'], repo.dir);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `reflect: ${written} already exists; it was not overwritten (add --force to replace it).\n`);
    assert.equal(readFileSync(written, 'utf8'), 'kept by hand\n');
    const forced = reflect(['export', record, '--format', 'pdf', '--force'], repo.dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(readFileSync(written).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('takes the format from an --out file ending in .pdf, and refuses an unknown or contradicting format', () => {
    const run = reflect(['export', record, '--out', 'packs/pack.pdf'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(root, 'packs/pack.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    const unknown = reflect(['export', record, '--format', 'docx'], repo.dir);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'reflect: --format must be html or pdf, not "docx".\n');
    const contradicting = reflect(['export', record, '--format', 'html', '--out', 'packs/other.pdf'], repo.dir);
    assert.equal(contradicting.code, 2);
    assert.equal(contradicting.stderr, 'reflect: --out packs/other.pdf names a .pdf file, but --format is html.\n');
    assert.ok(!existsSync(join(root, 'packs/other.pdf')));
  });
});
