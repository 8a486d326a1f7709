import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

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
    const first = json.groups[0].commits[0];
    assert.deepEqual({ hash: first.hash, subject: first.subject, scope: first.scope, breaking: first.breaking }, { hash: hashes[2], subject: 'drop v1 endpoint', scope: 'api', breaking: true });
    assert.deepEqual(Object.keys(json).slice(0, 4), ['range', 'commits', 'groups', 'bump']);
  });

  it('notes takes an explicit range and prints Markdown', () => {
    const { code, stdout } = reflect(['notes', 'v1.0.0..HEAD~1'], repo.dir);
    assert.equal(code, 0);
    assert.match(stdout, /^---\nkind: release-notes\n/);
    assert.match(stdout, /## Breaking changes[\s\S]*## Features[\s\S]*## Bug fixes/);
    assert.doesNotMatch(stdout, /Update README wording/);
  });

  it('notes --out writes a new file and never overwrites it; --update keeps prose and refuses hand edits without --force', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reflect-notes-out-'));
    try {
      const file = join(folder, 'release-notes.md');
      const first = reflect(['notes', 'v1.0.0..HEAD~1', '--out', file], repo.dir);
      assert.equal(first.code, 0, first.stderr);
      const again = reflect(['notes', 'v1.0.0..HEAD~1', '--out', file], repo.dir);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already exists; it was not overwritten/);
      const prose = readFileSync(file, 'utf8').replace('## Summary\n', '## Summary\n\nWritten by a person.\n');
      writeFileSync(file, prose);
      const updated = reflect(['notes', 'v1.0.0..HEAD', '--out', file, '--update'], repo.dir);
      assert.equal(updated.code, 0, updated.stderr);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /Written by a person\./);
      assert.match(text, /Update README wording/);
      writeFileSync(file, text.replace('Update README wording', 'Update README wording (checked)'));
      const refused = reflect(['notes', 'v1.0.0..HEAD~1', '--out', file, '--update'], repo.dir);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /edited by hand \(groups\)/);
      assert.match(readFileSync(file, 'utf8'), /\(checked\)/);
      assert.equal(reflect(['notes', 'v1.0.0..HEAD~1', '--out', file, '--update', '--force'], repo.dir).code, 0);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /\(checked\)|Update README wording/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('notes takes --paths and --template, and stops with one line on a broken config file', () => {
    const json = JSON.parse(reflect(['notes', '--format', 'json', '--paths', 'nothing-here,also-not'], repo.dir).stdout);
    assert.equal(json.commits, 0);
    const folder = mkdtempSync(join(tmpdir(), 'reflect-template-'));
    try {
      writeFileSync(join(folder, 't.md'), 'Bump: {{bump}}\n{{#groups}}* {{title}}\n{{/groups}}');
      const custom = reflect(['notes', '--template', join(folder, 't.md')], repo.dir);
      assert.equal(custom.stdout, 'Bump: major\n* Breaking changes\n* Features\n* Bug fixes\n* Other changes\n');
      writeFileSync(join(repo.dir, 'reflect.config.json'), '{"releaseNotes": {"hiddenTypes": "chore"}}');
      const broken = reflect(['notes'], repo.dir);
      assert.equal(broken.code, 2);
      assert.equal(broken.stderr.trim().split('\n').length, 1);
      assert.match(broken.stderr, /reflect\.config\.json: \/releaseNotes\/hiddenTypes must be array/);
    } finally {
      rmSync(join(repo.dir, 'reflect.config.json'), { force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('rollback --format json lists classified files and steps; package makes and verifies an archive', () => {
    const rollback = reflect(['rollback', 'v1.0.0..HEAD', '--format', 'json'], repo.dir);
    assert.equal(rollback.code, 0, rollback.stderr);
    const json = JSON.parse(rollback.stdout);
    assert.deepEqual(json.range, { from: 'v1.0.0', to: 'HEAD' });
    assert.deepEqual(json.files, [{ path: 'file.txt', status: 'modified', class: 'other' }]);
    assert.ok(json.steps.length > 5);
    const folder = mkdtempSync(join(tmpdir(), 'reflect-package-'));
    try {
      const made = reflect(['package', 'v1.0.0', '--out', folder], repo.dir);
      assert.equal(made.code, 0, made.stderr);
      assert.equal(made.stdout, `${join(folder, 'v1.0.0.tar.gz')}\n`);
      assert.equal(reflect(['package', '--verify', join(folder, 'v1.0.0.tar.gz')], repo.dir).code, 0);
      appendFileSync(join(folder, 'v1.0.0.tar.gz'), 'tampered');
      const bad = reflect(['package', '--verify', join(folder, 'v1.0.0.tar.gz')], repo.dir);
      assert.equal(bad.code, 1);
      assert.equal(bad.stderr.trim().split('\n').length, 1);
      assert.equal(reflect(['package', 'v1.0.0', '--out', folder], repo.dir).code, 2);
      assert.equal(reflect(['package'], repo.dir).code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
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
      const complete = answered('before-action', { version: 'v1.2.0' });
      writeFileSync(join(folder, 'docs/changes/v1.2.0/before-action.md'), complete.replace('author: Alex Morgan\n', ''));
      writeFileSync(join(folder, 'docs/changes/v1.2.0/notes.txt'), 'ignored');
      const text = reflect(['check'], folder);
      assert.equal(text.code, 1);
      assert.equal(text.stdout, 'docs/changes/v1.2.0/before-action.md:1:1: warning missing-field: Missing required field "author".\n');
      const json = reflect(['check', 'docs', '--format', 'json'], folder);
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout), [{ file: 'docs/changes/v1.2.0/before-action.md', line: 1, column: 1, severity: 'warning', code: 'missing-field', message: 'Missing required field "author".' }]);
      writeFileSync(join(folder, 'docs/changes/v1.2.0/before-action.md'), complete);
      assert.equal(reflect(['check', '--format', 'json'], folder).code, 0);
      assert.equal(reflect(['check', 'missing-folder'], folder).code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('check applies the cross-document rules to a record folder, with --today and --rule', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reflect-check-record-'));
    try {
      const record = join(folder, 'docs/changes/v1.4.0');
      mkdirSync(record, { recursive: true });
      writeFileSync(join(record, 'change.md'), withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER));
      writeFileSync(join(record, 'on-action.md'), withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', '2026-12-01')));
      const plan = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-03', 'author: Alex Morgan', 'actions:', '  - action: Rehearse the rollback', '    gap: rollback was slow', '    owner: Alex Morgan', '    due: 2027-01-15', '    evidence: rehearsal notes', '    status: open']);
      writeFileSync(join(record, 'action-plan.md'), plan);
      const early = reflect(['check', 'docs/changes', '--today', '2027-01-10'], folder);
      assert.equal(early.code, 1);
      assert.equal(early.stdout, 'docs/changes/v1.4.0/on-action.md:5:7: warning on-action-before-deployment: The on-action reflection is dated 2026-12-01, before the deployment ended (2026-12-02T22:00:00Z in change.md).\n');
      const late = reflect(['check', 'docs', '--today', '2027-02-01', '--format', 'json'], folder);
      assert.deepEqual(JSON.parse(late.stdout).map((f: { file: string; code: string }) => `${f.file} ${f.code}`), ['docs/changes/v1.4.0/action-plan.md action-overdue', 'docs/changes/v1.4.0/on-action.md on-action-before-deployment']);
      const quiet = reflect(['check', '--today', '2027-02-01', '--rule', 'action-overdue=off', '--rule', 'on-action-before-deployment=info'], folder);
      assert.equal(quiet.code, 0);
      assert.match(quiet.stdout, /: info on-action-before-deployment: /);
      for (const args of [['check', '--today', 'tomorrow'], ['check', '--rule', 'no-such-rule=off'], ['check', '--rule', 'action-overdue=loud'], ['check', '--beyond-action-days=-1']]) {
        const bad = reflect(args, folder);
        assert.equal(bad.code, 2, args.join(' '));
        assert.match(bad.stderr, /^reflect: .+\n$/);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
