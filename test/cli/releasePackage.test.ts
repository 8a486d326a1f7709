import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageArchiveName, packageBaseName } from '../../src/core/rollback/rollbackPackage';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(repo: GitFixture, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
}

function manifestOf(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8')) as Record<string, unknown>;
}

describe('a release package beside the rollback package', () => {
  let repo: GitFixture;
  let release: string;
  let rollback: string;
  before(() => {
    repo = new GitFixture('reflect-release-package-');
    repo.commit('feat: first', 'src/app.ts');
    repo.tag('v1.0.0');
    repo.commit('feat: result units', 'db/migrations/002_units.sql');
    repo.tag('v1.1.0', true);
    const made = reflect(repo, 'package', 'v1.1.0', '--kind', 'release');
    assert.equal(made.status, 0, made.stderr);
    release = made.stdout.trim();
    const back = reflect(repo, 'package', 'v1.0.0');
    assert.equal(back.status, 0, back.stderr);
    rollback = back.stdout.trim();
  });
  after(() => repo.dispose());

  it('names the two kinds apart in their file names and manifests', () => {
    assert.equal(release, join(repo.dir, '.reflect/packages/v1.1.0-release.tar.gz'));
    assert.equal(rollback, join(repo.dir, '.reflect/packages/v1.0.0.tar.gz'));
    assert.deepEqual([manifestOf(release).format, manifestOf(release).kind, manifestOf(release).tag], ['reflect-release-package/1', 'release', 'v1.1.0']);
    assert.deepEqual([manifestOf(rollback).format, manifestOf(rollback).kind, manifestOf(rollback).tag], ['reflect-rollback-package/1', 'rollback', 'v1.0.0']);
    assert.match(readFileSync(`${release}.sha256`, 'utf8'), /^[0-9a-f]{64} {2}v1\.1\.0-release\.tar\.gz\n$/);
  });

  it('--verify works on both, says which kind it checked, and holds the contents against the tag', () => {
    const ofRelease = reflect(repo, 'package', '--verify', release);
    assert.equal(ofRelease.status, 0, ofRelease.stderr);
    assert.match(ofRelease.stdout, /intact \(release package of v1\.1\.0 at [0-9a-f]{12}, 2 files/);
    assert.match(ofRelease.stdout, /Contents held against v1\.1\.0/);
    const ofRollback = reflect(repo, 'package', '--verify', rollback);
    assert.equal(ofRollback.status, 0, ofRollback.stderr);
    assert.match(ofRollback.stdout, /intact \(rollback package of v1\.0\.0 at/);
  });

  it('a manifest whose kind disagrees with its format does not verify', () => {
    const copy = join(repo.dir, 'copy');
    mkdirSync(copy, { recursive: true });
    const name = 'v1.1.0-release.tar.gz';
    writeFileSync(join(copy, name), readFileSync(release));
    writeFileSync(join(copy, `${name}.sha256`), readFileSync(`${release}.sha256`));
    writeFileSync(join(copy, `${name}.manifest.json`), JSON.stringify({ ...manifestOf(release), kind: 'rollback' }));
    const checked = reflect(repo, 'package', '--verify', join(copy, name));
    assert.equal(checked.status, 1);
    assert.match(checked.stderr, /the field "kind" must be "release"/);
  });

  it('a release package is refused as the rollback package of a checklist, naming the command that makes one', () => {
    const refused = reflect(repo, 'rollback', 'v1.0.0..v1.1.0', '--package', release);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /is the release package of v1\.1\.0, not a rollback package; make one with: reflect package v1\.1\.0/);
  });

  it('refuses an unknown kind with a clear message', () => {
    const bad = reflect(repo, 'package', 'v1.1.0', '--kind', 'nightly');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--kind must be rollback or release, not "nightly"/);
  });

  it('never lets a rollback package’s name pose as a release package’s', () => {
    assert.notEqual(packageArchiveName('v1-release'), packageArchiveName('v1', 'release'));
    assert.match(packageBaseName('v1-release'), /^v1-release-[0-9a-f]{12}$/);
    assert.equal(packageArchiveName('v1.1.0', 'release'), 'v1.1.0-release.tar.gz');
  });

  it('the evidence pack lists both packages, each with its SHA-256 and check', () => {
    const folder = 'docs/changes/v1.1.0';
    mkdirSync(join(repo.dir, folder), { recursive: true });
    const notes = reflect(repo, 'notes', 'v1.0.0..v1.1.0', '--out', `${folder}/release-notes.md`);
    assert.equal(notes.status, 0, notes.stderr);
    const checklist = reflect(repo, 'rollback', 'v1.0.0..v1.1.0', '--package', rollback, '--out', `${folder}/rollback.md`);
    assert.equal(checklist.status, 0, checklist.stderr);
    const pack = reflect(repo, 'export', folder, '--out', join(repo.dir, 'pack.html'));
    assert.equal(pack.status, 0, pack.stderr);
    const html = readFileSync(join(repo.dir, 'pack.html'), 'utf8');
    const shaOf = (path: string) => readFileSync(`${path}.sha256`, 'utf8').slice(0, 64);
    assert.ok(html.includes('v1.1.0-release.tar.gz'), 'names the release package');
    assert.ok(html.includes(shaOf(release)), 'the release package’s SHA-256');
    assert.ok(html.includes('v1.0.0.tar.gz'), 'names the rollback package');
    assert.ok(html.includes(shaOf(rollback)), 'the rollback package’s SHA-256');
    assert.match(html, /<dt>Release package check<\/dt><dd><strong class="verified">verified<\/strong>/);
    assert.match(html, /<dt>Package check<\/dt><dd><strong class="verified">verified<\/strong>/);
  });
});
