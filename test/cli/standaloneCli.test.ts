import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';
import { PROMPT_MARKER } from '../../src/core/vocabulary/promptMarker';
import { COMMANDS } from '../../src/cli/usage';
import { version } from '../../package.json';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A trainee's answer in place of each prompt, and the action plan's empty fields filled in. */
function write(path: string, edit: (text: string) => string = (t) => t): void {
  const text = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => (line.startsWith(PROMPT_MARKER) ? 'I answered this in my own words, with the detail my supervisor asked for.' : line))
    .join('\n');
  writeFileSync(path, edit(text));
}

describe('reflect as a tool of its own', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
    repo.git('config', 'user.name', 'Alex Morgan');
    repo.commit('feat: results viewer');
    repo.tag('v1.0.0', true);
    repo.commit('fix: handle an empty HL7 segment');
  });
  afterEach(() => repo.dispose());

  it('every command answers --help with its own usage and exit 0; --version prints the version', () => {
    for (const command of COMMANDS) {
      const { code, stdout, stderr } = reflect([command, '--help'], repo.dir);
      assert.equal(code, 0, `${command}: ${stderr}`);
      assert.match(stdout, new RegExp(`^Usage: reflect ${command} `), command);
      assert.match(stdout, new RegExp(`\\n  ${command}\\b`), command);
      assert.doesNotMatch(stdout, command === 'notes' ? /\n  tags / : /\n  notes /, command);
    }
    const all = reflect(['--help'], repo.dir);
    for (const command of COMMANDS) assert.match(all.stdout, new RegExp(`\\n  ${command}\\b`));
    assert.match(all.stdout, /--beyond-action-days N/);
    assert.match(all.stdout, /--rule CODE=SEVERITY/);
    const shown = reflect(['--version'], repo.dir);
    assert.equal(shown.code, 0);
    assert.equal(shown.stdout, `${version}\n`);
  });

  it('an unknown option gets one line naming it, then the command\'s usage, exit 2', () => {
    const { code, stderr } = reflect(['notes', '--no-such-flag'], repo.dir);
    assert.equal(code, 2);
    const [first, ...rest] = stderr.split('\n');
    assert.equal(first, 'reflect notes: unknown option "--no-such-flag".');
    assert.match(rest.join('\n'), /^Usage: reflect notes /);
    assert.doesNotMatch(stderr, /\n {2}tags /);
  });

  it('new creates each document from the editor\'s template, prints its path and never overwrites', () => {
    const created = reflect(['new', 'change', '--record', 'v1.0.1', '--today', '2026-11-20'], repo.dir);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'docs/changes/v1.0.1/change.md\n');
    const text = readFileSync(join(repo.dir, 'docs/changes/v1.0.1/change.md'), 'utf8');
    assert.match(text, /^---\nkind: change\nchange: v1\.0\.1\ndate: 2026-11-20\nauthor: Alex Morgan\n/);
    assert.match(text, /range:\n {2}from: v1\.0\.0\n {2}to: v1\.0\.1\n/);
    writeFileSync(join(repo.dir, 'docs/changes/v1.0.1/change.md'), `${text}\nMy own words.\n`);
    const again = reflect(['new', 'change', '--record', 'v1.0.1'], repo.dir);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, 'reflect: docs/changes/v1.0.1/change.md already exists; it was not overwritten.\n');
    assert.match(readFileSync(join(repo.dir, 'docs/changes/v1.0.1/change.md'), 'utf8'), /My own words\.\n$/);
    // Without --phase a reflection is the one due next; without --record, the newest record.
    assert.equal(reflect(['new', 'reflection'], repo.dir).stdout, 'docs/changes/v1.0.1/before-action.md\n');
    assert.equal(reflect(['new', 'reflection'], repo.dir).stdout, 'docs/changes/v1.0.1/in-action-planning.md\n');
    assert.equal(reflect(['new', 'reflection', '--phase', 'on-action'], repo.dir).stdout, 'docs/changes/v1.0.1/on-action.md\n');
    assert.equal(reflect(['new', 'beyond-action'], repo.dir).stdout, 'docs/changes/v1.0.1/beyond-action.md\n');
    assert.match(readFileSync(join(repo.dir, 'docs/changes/v1.0.1/on-action.md'), 'utf8'), /^---\nkind: reflection\nphase: on-action\n/);
  });

  it('new refuses what it cannot make with a specific message', () => {
    assert.match(reflect(['new', 'memo'], repo.dir).stderr, /^reflect: "memo" is not a document kind; choose one of change, reflection, /);
    assert.match(reflect(['new', 'reflection', '--phase', 'later'], repo.dir).stderr, /^reflect: --phase must be one of before-action, /);
    assert.match(reflect(['new', 'change', '--phase', 'on-action'], repo.dir).stderr, /^reflect: --phase is for a reflection, not for change\./);
    assert.match(reflect(['new', 'on-action'], repo.dir).stderr, /^reflect: There is no change record in docs\/changes yet; start one with "reflect new change"/);
    assert.equal(existsSync(join(repo.dir, 'docs')), false);
  });

  it('status lists a record\'s documents, their state and what is due next, as text and JSON', () => {
    reflect(['new', 'change', '--record', 'v1.0.1'], repo.dir);
    reflect(['new', 'release-notes', '--record', 'v1.0.1'], repo.dir);
    const json = reflect(['status', '--format', 'json'], repo.dir);
    assert.equal(json.code, 0, json.stderr);
    const status = JSON.parse(json.stdout);
    assert.equal(status.record, 'v1.0.1');
    assert.equal(status.expected, 9);
    assert.equal(status.present, 2);
    assert.deepEqual(status.documents.slice(0, 3).map((d: { file: string; state: string }) => [d.file, d.state]), [['change.md', 'has-problems'], ['release-notes.md', 'complete'], ['rollback.md', 'missing']]);
    assert.deepEqual(status.next, { file: 'rollback.md', kind: 'rollback', action: 'write', command: 'reflect new rollback --record v1.0.1' });
    const text = reflect(['status', 'v1.0.1'], repo.dir);
    assert.match(text.stdout, /^v1\.0\.1 \(docs\/changes\/v1\.0\.1\): 1\/9 complete, 2 written\n/);
    assert.match(text.stdout, /\n {2}missing {7}rollback\.md\n/);
    assert.match(text.stdout, /\nNext: write rollback\.md: reflect new rollback --record v1\.0\.1\n$/);
    assert.match(reflect(['status', 'v9.9.9'], repo.dir).stderr, /^reflect: There is no change record v9\.9\.9 in docs\/changes\.\n$/);
  });

  it('a trainee produces a full change record with the CLI alone: new, write, check, export', () => {
    const kinds = ['change', 'release-notes', 'rollback', 'before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action', 'action-plan'];
    const dated: Record<string, string> = { 'on-action': '2026-11-20', 'beyond-action': '2026-12-20', 'action-plan': '2026-11-21' };
    for (const kind of kinds) {
      const made = reflect(['new', kind, '--record', 'v1.0.1', '--today', dated[kind] ?? '2026-11-18'], repo.dir);
      assert.equal(made.code, 0, made.stderr);
    }
    const folder = join(repo.dir, 'docs/changes/v1.0.1');
    for (const kind of kinds.slice(0, -1)) write(join(folder, `${kind}.md`));
    write(join(folder, 'action-plan.md'), (t) => t.replace('action: ""', 'action: Rehearse the rollback on staging').replace('gap: ""', 'gap: The rollback had not been timed').replace('due: ""', 'due: 2026-12-15').replace('evidence: ""', 'evidence: Staging log 2026-12-10').replace('status: open', 'status: done'));
    const status = JSON.parse(reflect(['status', '--format', 'json', '--today', '2026-12-20'], repo.dir).stdout);
    assert.equal(status.complete, 9, JSON.stringify(status.documents.filter((d: { state: string }) => d.state !== 'complete')));
    assert.equal(status.next, null);
    const checked = reflect(['check', '--today', '2026-12-20', '--fail-on', 'warning'], repo.dir);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    assert.equal(checked.stdout, '');
    const exported = reflect(['export', 'docs/changes/v1.0.1', '--strict', '--today', '2026-12-20'], repo.dir);
    assert.equal(exported.code, 0, exported.stderr);
    const pack = readFileSync(exported.stdout.trim(), 'utf8');
    assert.match(pack, /I answered this in my own words/);
    assert.match(pack, /Rehearse the rollback on staging/);
  });
});
