import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { generateReleaseNotes, writeNotesFile } from '../../src/core/usecases/releaseNotes';
import { buildReleaseRollbackChecklist, UnusablePackageError } from '../../src/core/usecases/rollbackChecklist';
import { createPackage } from '../../src/core/usecases/rollbackPackages';
import { readReleaseListing, readReleaseCommits, readReleaseCount } from '../../src/core/usecases/releaseOverview';
import { assessRecordFolderOf } from '../../src/core/usecases/checkRecord';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';

describe('use cases the three front ends call', () => {
  let fixture: GitFixture;
  let repo: GitRepository;
  before(async () => {
    fixture = new GitFixture('reflect-usecases-');
    fixture.commit('feat: first release');
    fixture.tag('v1.0.0', true);
    fixture.commit('feat: add the alert', 'alert.txt');
    fixture.commit('fix: round the dose', 'dose.txt');
    repo = await GitRepository.open(fixture.dir);
  });
  after(() => fixture.dispose());

  it('generate release notes: one read proposes the version, and the findings sit on the lines that list their commits', async () => {
    const notes = await generateReleaseNotes(repo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', checkHistory: true });
    assert.equal(notes.model.version, 'v1.1.0');
    assert.equal(notes.recordPath, 'docs/changes/v1.1.0/release-notes.md');
    assert.equal(notes.partial, false);
    const [finding] = notes.findings;
    assert.equal(finding.code, 'no-hazard-reference');
    assert.match(notes.markdown.split('\n')[finding.range.start.line], /add the alert/);
  });

  it('write a notes file: never over an existing one; an update keeps what the person wrote and refuses hand edits', async () => {
    const notes = await generateReleaseNotes(repo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15' });
    const target = join(fixture.dir, 'NOTES.md');
    const file = { target, shown: 'NOTES.md' };
    assert.deepEqual(await writeNotesFile(repo.root, file, notes, { update: false, force: false }), { outcome: 'written' });
    await assert.rejects(writeNotesFile(repo.root, file, notes, { update: false, force: false }));
    writeFileSync(target, `Our own words.\n\n${readFileSync(target, 'utf8')}`);
    assert.deepEqual(await writeNotesFile(repo.root, file, notes, { update: true, force: false }), { outcome: 'written' });
    assert.match(readFileSync(target, 'utf8'), /^Our own words\./);
    writeFileSync(target, readFileSync(target, 'utf8').replace('add the alert', 'add the alert (edited)'));
    const refused = await writeNotesFile(repo.root, file, notes, { update: true, force: false });
    assert.equal(refused.outcome, 'edited-by-hand');
    assert.match(readFileSync(target, 'utf8'), /\(edited\)/, 'nothing was changed');
  });

  it('build a rollback checklist: the version proposed for Unreleased, and the package looked up in the package folder', async () => {
    const without = await buildReleaseRollbackChecklist(repo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', package: { lookup: 'package-folder' } });
    assert.equal(without.version, 'v1.1.0');
    assert.equal(without.recordPath, 'docs/changes/v1.1.0/rollback.md');
    assert.equal(without.packageFound.state, 'none');
    assert.equal(without.checklist.package, undefined);
    const made = await createPackage(repo, DEFAULT_CONFIG, { ref: 'v1.0.0' });
    const withPackage = await buildReleaseRollbackChecklist(repo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', package: { lookup: 'package-folder' } });
    assert.equal(withPackage.packageFound.state, 'verified');
    assert.equal(withPackage.checklist.package?.sha256, made.manifest.sha256);
    assert.match(withPackage.markdown, new RegExp(made.manifest.sha256));
  });

  it('build a rollback checklist: a named package of another version is refused', async () => {
    fixture.tag('v1.1.0', true);
    const other = await createPackage(repo, DEFAULT_CONFIG, { ref: 'v1.1.0' });
    await assert.rejects(
      buildReleaseRollbackChecklist(repo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'v1.1.0' }, today: '2030-01-15', package: { lookup: 'file', path: other.archivePath, shown: 'other.tar.gz' } }),
      (error: unknown) => error instanceof UnusablePackageError && /is of v1\.1\.0, but this checklist returns to v1\.0\.0/.test(error.message),
    );
  });

  it('release overview: the list, Unreleased with its count, and a page of a release', async () => {
    mkdirSync(join(fixture.dir, 'later'), { recursive: true });
    fixture.commit('docs: explain', 'later/readme.md');
    const listing = await readReleaseListing(repo, { filter: DEFAULT_CONFIG.releaseFilter });
    assert.deepEqual(listing.tags.map((t) => t.name), ['v1.1.0', 'v1.0.0']);
    assert.equal(listing.shallow, false);
    assert.deepEqual(listing.unreleased, { range: { from: 'v1.1.0', to: 'HEAD' }, commitCount: 1, mergeCount: 0, partial: false });
    const page = await readReleaseCommits(repo, { from: 'v1.0.0', to: 'v1.1.0' }, false, 1);
    assert.equal(page.total, 2);
    assert.equal(page.commits.length, 1);
  });

  it('release overview: a release counts the commits its notes list, and the merges they do not', async () => {
    const merged = new GitFixture('reflect-merges-');
    try {
      merged.commit('feat: base');
      merged.tag('v1.0.0', true);
      for (const topic of ['alerts', 'doses']) {
        merged.git('checkout', '-q', '-b', topic);
        merged.commit(`feat: ${topic}`, `${topic}.txt`);
        merged.git('checkout', '-q', 'main');
        merged.commit(`fix: beside ${topic}`, `main-${topic}.txt`);
        merged.git('merge', '-q', '--no-ff', '-m', `Merge branch '${topic}'`, topic);
      }
      const mergedRepo = await GitRepository.open(merged.dir);
      const listing = await readReleaseListing(mergedRepo, { filter: DEFAULT_CONFIG.releaseFilter });
      assert.equal(listing.unreleased?.commitCount, 4);
      assert.equal(listing.unreleased?.mergeCount, 2);
      const notes = await generateReleaseNotes(mergedRepo, DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15' });
      assert.equal(notes.model.commitCount, listing.unreleased?.commitCount, 'the notes list as many commits as the view counts');
      assert.equal(notes.model.mergeCount, listing.unreleased?.mergeCount);
      assert.equal((await readReleaseCount(mergedRepo, { from: 'v1.0.0', to: 'HEAD' }, false, ['alerts.txt'])).commitCount, 1, 'within a path scope');
    } finally {
      merged.dispose();
    }
  });

  it("assess a record for the views: a records folder linked out of the repository is not read", async () => {
    const outside = mkdtempSync(join(tmpdir(), 'reflect-outside-'));
    try {
      writeRecord(join(fixture.dir, 'docs', 'changes', 'v1.1.0'), completeRecordFiles());
      const inside = await assessRecordFolderOf(fixture.dir, 'v1.1.0', { config: DEFAULT_CONFIG, today: '2030-01-15' });
      assert.ok(inside && inside.present > 0, 'the control: a record inside the repository is read');
      rmSync(join(fixture.dir, 'docs'), { recursive: true, force: true });
      writeRecord(join(outside, 'v1.1.0'), completeRecordFiles());
      mkdirSync(join(fixture.dir, 'docs'), { recursive: true });
      symlinkSync(outside, join(fixture.dir, 'docs', 'changes'), 'dir');
      assert.equal(await assessRecordFolderOf(fixture.dir, 'v1.1.0', { config: DEFAULT_CONFIG, today: '2030-01-15' }), undefined);
    } finally {
      rmSync(join(fixture.dir, 'docs'), { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
