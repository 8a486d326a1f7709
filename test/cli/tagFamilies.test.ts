import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GitFixture } from '../fixtures/gitFixture';
import { buildMonorepo } from '../support/monorepoFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SKIPPED = 'reflect: note: the tag pattern v?MAJOR.MINOR.PATCH matches 2 of 9 tags; families: pkg-a (4), @scope/b (3), v (2); pick one with --family NAME, or releases.family in reflect.config.json (changeLog.releases.family in the editor)\n';

describe('reflect tags and notes on a monorepo of tag families', () => {
  let repo: GitFixture;
  before(() => {
    repo = buildMonorepo('reflect-cli-families-');
  });
  after(() => repo.dispose());

  it('reflect tags says on stderr that the default pattern skipped most tags, and names the families', () => {
    const run = reflect(['tags'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, SKIPPED);
    assert.deepEqual(run.stdout.trim().split('\n').map((l) => l.split('\t')[0]), ['v1.1.0', 'v1.0.0']);
    const json = reflect(['tags', '--format', 'json'], repo.dir);
    assert.equal(json.stderr, SKIPPED, 'stdout stays machine-readable; the note goes to stderr');
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 2);
  });

  it('reflect tags --families lists each family with its count and latest tag', () => {
    const text = reflect(['tags', '--families'], repo.dir);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, 'pkg-a\t4\tpkg-a@1.3.0\n@scope/b\t3\t@scope/b@2.2.0\nv\t2\tv1.1.0\n');
    const json = reflect(['tags', '--families', '--format', 'json'], repo.dir);
    assert.deepEqual(JSON.parse(json.stdout), [
      { name: 'pkg-a', count: 4, latest: 'pkg-a@1.3.0' },
      { name: '@scope/b', count: 3, latest: '@scope/b@2.2.0' },
      { name: 'v', count: 2, latest: 'v1.1.0' },
    ]);
  });

  it('reflect tags --family lists that family only, and says nothing was skipped', () => {
    const run = reflect(['tags', '--family', '@scope/b'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.trim().split('\n').map((l) => l.split('\t')[0]), ['@scope/b@2.2.0', '@scope/b@2.1.0', '@scope/b@2.0.0']);
  });

  it('reflect notes with the default pattern writes the note on stderr and keeps stdout the notes', () => {
    const run = reflect(['notes', '--format', 'json'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stderr.startsWith(SKIPPED), run.stderr);
    const notes = JSON.parse(run.stdout) as { range: { from: string }; commits: number; version: string };
    assert.equal(notes.range.from, 'v1.1.0');
    assert.equal(notes.commits, 10);
    assert.equal(notes.version, 'v2.0.0');
  });

  it('reflect notes --family follows the family: its latest release, next version and package folder', () => {
    const run = reflect(['notes', '--family', 'pkg-a', '--format', 'json'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /note:/);
    const notes = JSON.parse(run.stdout) as { range: { from: string; to: string }; commits: number; version: string; paths?: string[] };
    assert.deepEqual(notes.range, { from: 'pkg-a@1.3.0', to: 'HEAD' });
    assert.equal(notes.commits, 1);
    assert.equal(notes.version, 'pkg-a@1.4.0');
    const markdown = reflect(['notes', '--family', '@scope/b'], repo.dir);
    assert.match(markdown.stdout, /# Release notes: @scope\/b@3\.0\.0/);
    assert.match(markdown.stdout, /Only commits that touch `packages\/b` are included/);
  });

  it('reads releases.family and releases.paths from reflect.config.json; --family wins over it', () => {
    writeFileSync(join(repo.dir, 'reflect.config.json'), JSON.stringify({ releases: { family: 'pkg-a', paths: ['packages/pkg-a/step3.ts', 'packages/pkg-a/next.ts'] } }));
    try {
      const fromFile = JSON.parse(reflect(['notes', 'pkg-a@1.2.0..HEAD', '--format', 'json'], repo.dir).stdout) as { commits: number; version: string };
      assert.equal(fromFile.commits, 2);
      assert.equal(fromFile.version, 'pkg-a@1.3.0', 'the next version after the start of the range');
      const flag = JSON.parse(reflect(['notes', '--family', '@scope/b', '--format', 'json'], repo.dir).stdout) as { range: { from: string } };
      assert.equal(flag.range.from, '@scope/b@2.2.0');
    } finally {
      rmSync(join(repo.dir, 'reflect.config.json'));
    }
  });

  it('says a configured pattern of its own skipped most tags too, but not when it picks one family', () => {
    writeFileSync(join(repo.dir, 'reflect.config.json'), JSON.stringify({ releaseNotes: { tagPattern: 'release-*' } }));
    try {
      const tags = reflect(['tags'], repo.dir);
      assert.equal(tags.code, 0, tags.stderr);
      assert.equal(tags.stderr, 'reflect: note: the tag pattern release-* matches none of 9 tags, so there are no releases; families: pkg-a (4), @scope/b (3), v (2); pick one with --family NAME, or releases.family in reflect.config.json (changeLog.releases.family in the editor)\n');
      const notes = reflect(['notes', '--format', 'json'], repo.dir);
      assert.match(notes.stderr, /^reflect: note: the tag pattern release-\* matches none of 9 tags/);
      const picked = reflect(['tags', '--pattern', 'pkg-a@*'], repo.dir);
      assert.equal(picked.stderr, '', 'a pattern whose tags are one family is that family picked: no note');
      assert.equal(picked.stdout.trim().split('\n').length, 4);
      const family = reflect(['notes', '--family', 'pkg-a', '--format', 'json'], repo.dir);
      assert.doesNotMatch(family.stderr, /note:/, '--family over the configured pattern: no note');
    } finally {
      rmSync(join(repo.dir, 'reflect.config.json'));
    }
  });

  it('refuses --pattern with --family, and a family name no tag could start with, in one line', () => {
    const both = reflect(['notes', '--pattern', 'v*', '--family', 'pkg-a'], repo.dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Give --pattern or --family, not both/);
    const bad = reflect(['tags', '--family=-x'], repo.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--family is not used: "-x" cannot start a tag name, so it names no tag family; run "reflect tags --families" to list them\./);
  });
});
