import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reflect CLI', () => {
  let repo: GitFixture;
  const hashes: string[] = [];

  before(() => {
    repo = new GitFixture();
    repo.commit('feat: first');
    repo.tag('v1.0.0', true);
    hashes.push(repo.commit('feat(results): show trend'));
    hashes.push(repo.commit('fix: handle empty HL7 segment'));
    hashes.push(repo.commit('feat(api)!: drop v1 endpoint\n\nBREAKING CHANGE: v1 is gone'));
    hashes.push(repo.commit('Update README wording'));
  });
  after(() => repo.dispose());

  it('notes --format json lists every commit of latest tag..HEAD exactly once', () => {
    const { code, stdout } = reflect(['notes', '--repo', repo.dir, '--format', 'json'], tmpdir());
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.range, { from: 'v1.0.0', to: 'HEAD' });
    assert.equal(json.commits, 4);
    assert.equal(json.bump, 'major');
    assert.deepEqual(json.groups.map((g: { type: string }) => g.type), ['breaking', 'feat', 'fix', 'other']);
    const listed = json.groups.flatMap((g: { commits: Array<{ hash: string }> }) => g.commits.map((c) => c.hash)).sort();
    assert.deepEqual(listed, [...hashes].sort());
    assert.deepEqual(json.groups[0].commits[0], { hash: hashes[2], subject: 'drop v1 endpoint', scope: 'api', breaking: true });
  });

  it('notes takes an explicit range and prints Markdown', () => {
    const { code, stdout } = reflect(['notes', 'v1.0.0..HEAD~1'], repo.dir);
    assert.equal(code, 0);
    assert.match(stdout, /^---\nkind: release-notes\n/);
    assert.match(stdout, /## Breaking changes[\s\S]*## Features[\s\S]*## Bug fixes/);
    assert.doesNotMatch(stdout, /Update README wording/);
  });

  it('tags --format json lists release tags newest first', () => {
    repo.git('tag', 'not-a-release');
    try {
      const { code, stdout } = reflect(['tags', '--repo', repo.dir, '--format', 'json'], tmpdir());
      assert.equal(code, 0);
      const tags = JSON.parse(stdout);
      assert.deepEqual(tags.map((t: { name: string }) => t.name), ['v1.0.0']);
      assert.deepEqual(Object.keys(tags[0]), ['name', 'hash', 'date', 'semver']);
      assert.equal(tags[0].semver, true);
      assert.match(tags[0].hash, /^[0-9a-f]{40}$/);
      const all = JSON.parse(reflect(['tags', '--repo', repo.dir, '--format', 'json', '--pattern', '*'], tmpdir()).stdout);
      assert.deepEqual(all.map((t: { name: string; semver: boolean }) => [t.name, t.semver]), [['v1.0.0', true], ['not-a-release', false]]);
    } finally {
      repo.git('tag', '-d', 'not-a-release');
    }
  });

  it('exits 2 with one line on stderr outside a repository and for bad usage', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reflect-cli-'));
    try {
      for (const args of [['notes'], ['notes', '--format', 'pdf'], ['nonsense'], []]) {
        const { code, stderr } = reflect(args, folder);
        assert.equal(code, 2, args.join(' '));
        assert.equal(stderr.trim().split('\n').length, 1, stderr);
        assert.match(stderr, /^reflect: /);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('check prints findings as text and JSON with 1-based positions and exits 1', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reflect-check-'));
    try {
      mkdirSync(join(folder, 'docs/changes/v1.2.0'), { recursive: true });
      writeFileSync(join(folder, 'docs/changes/v1.2.0/before-action.md'), '---\nkind: reflection\nphase: before-action\nchange: v1.2.0\ndate: 2026-11-25\n---\n# x\n');
      writeFileSync(join(folder, 'docs/changes/v1.2.0/notes.txt'), 'ignored');
      const text = reflect(['check'], folder);
      assert.equal(text.code, 1);
      assert.equal(text.stdout, 'docs/changes/v1.2.0/before-action.md:1:1: warning missing-field: Missing required field "author".\n');
      const json = reflect(['check', 'docs', '--format', 'json'], folder);
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout), [{ file: 'docs/changes/v1.2.0/before-action.md', line: 1, column: 1, severity: 'warning', code: 'missing-field', message: 'Missing required field "author".' }]);
      writeFileSync(join(folder, 'docs/changes/v1.2.0/before-action.md'), '---\nkind: reflection\nphase: before-action\nchange: v1.2.0\ndate: 2026-11-25\nauthor: A\n---\n# x\n');
      assert.equal(reflect(['check', '--format', 'json'], folder).code, 0);
      assert.equal(reflect(['check', 'missing-folder'], folder).code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
