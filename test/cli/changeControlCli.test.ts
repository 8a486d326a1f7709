import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { draftNotice } from '../../src/core/render/deploymentNotice';
import { readLogEntries } from '../../src/core/records/deploymentLog';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { APPROVED_CHANGE_FRONT_MATTER, withFrontMatter, answered } from '../support/recordDocuments';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CHANGE_LINES = [
  ...APPROVED_CHANGE_FRONT_MATTER.map((l) => (l === '  end: 2026-12-02T22:00:00Z' ? `${l}\n  expected_downtime_minutes: 30` : l)),
  'contact: Clinical systems team, ext. 4567',
  'continuity:',
  '  affects_clinical_services: true',
  '  procedure: Pathology downtime procedure v3',
  '  covers_change: true',
];

describe('reflect notice and reflect log', () => {
  let repo: GitFixture;
  let root: string;
  const record = 'docs/changes/v1.4.0';

  before(() => {
    repo = new GitFixture('reflect-notice-log-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    const files = completeRecordFiles();
    files['change.md'] = withFrontMatter(answered('change'), CHANGE_LINES);
    // The user-facing sections as Generate Release Notes writes them: prompts, a generated block, and what the person wrote.
    files['release-notes.md'] = files['release-notes.md'].replace(
      /\n## /,
      '\n## Summary\n\n> **Prompt:** In two or three plain sentences: what does this release change?\n\nResults now show their trend over the last year.\n\n## Impacted users and clinical impact\n\n> **Prompt:** Who will notice this change?\n\nWard nurses see a trend line beside each result.\n\n<!-- reflect:begin clinical-impact -->\n\n- feat: generated text\n\n<!-- reflect:end clinical-impact -->\n\n## ',
    );
    writeRecord(join(root, record), files);
  });
  after(() => repo.dispose());

  it('drafts the downtime notice from change.md and the release notes, as Markdown on stdout', () => {
    const run = reflect(['notice', record, '--type', 'downtime'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const text = run.stdout;
    assert.match(text, /^\*\*Subject\*\*: Planned downtime: Pathology results viewer v1\.4\.0, 2026-12-02T20:00:00Z$/m);
    assert.match(text, /^- \*\*When\*\*: 2026-12-02T20:00:00Z to 2026-12-02T22:00:00Z$/m);
    assert.match(text, /^- \*\*Expected downtime\*\*: 30 minutes$/m);
    assert.match(text, /^- \*\*Who is affected\*\*: Ward nurses$/m);
    assert.match(text, /^- \*\*While it is unavailable\*\*: follow Pathology downtime procedure v3$/m);
    assert.match(text, /### What changes for you\n\nResults now show their trend over the last year\.\n\nWard nurses see a trend line beside each result\.\n\n\*\*Contact/);
    assert.ok(!text.includes('generated text'), 'no generated block reaches the notice');
    assert.ok(!text.includes('Prompt'), 'no prompt reaches the notice');
    assert.ok(!text.includes('8b8b4b9'), 'no generated commit list reaches the notice');
    assert.match(text, /\*\*Contact\*\*: Clinical systems team, ext\. 4567\n$/);
  });

  it('marks the facts a notice needs that change.md lacks, and names them on stderr', () => {
    const run = reflect(['notice', record, '--type', 'go-live'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\*\*Subject\*\*: Now live: Pathology results viewer v1\.4\.0$/m);
    assert.equal(run.stderr, '');
    const rollback = draftNotice('rollback', { change: 'v1.4.0', affected: { services: ['Results'] } });
    assert.deepEqual(rollback.gaps, ['contact', 'rollback_target', 'affected.user_groups']);
    assert.match(rollback.markdown, /returned to _\[not recorded: rollback_target\]_/);
  });

  it('escapes record values so a field cannot forge structure in the email', () => {
    const { markdown } = draftNotice('downtime', { change: 'v1', contact: '<img src=x onerror=alert(1)>', affected: { services: ['# Heading'], user_groups: ['[x](javascript:alert(1))'] } });
    assert.ok(markdown.includes('\\<img') && !/[^\\]<img/.test(markdown), 'HTML is escaped');
    assert.ok(!/^# Heading/m.test(markdown));
    assert.ok(markdown.includes('\\[x\\]'));
  });

  it('writes --out as a new file and never over an existing one', () => {
    const first = reflect(['notice', record, '--type', 'downtime', '--out', 'notice.md'], root);
    assert.equal(first.code, 0, first.stderr);
    const written = readFileSync(join(root, 'notice.md'), 'utf8');
    assert.match(written, /Planned downtime/);
    writeFileSync(join(root, 'notice.md'), 'my own edits\n');
    const again = reflect(['notice', record, '--type', 'downtime', '--out', 'notice.md'], root);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /notice\.md already exists; it was not overwritten/);
    assert.equal(readFileSync(join(root, 'notice.md'), 'utf8'), 'my own edits\n');
  });

  it('says what is wrong with a bad notice command line', () => {
    assert.match(reflect(['notice', record], root).stderr, /notice needs --type downtime\|go-live\|rollback/);
    assert.match(reflect(['notice', record, '--type', 'outage'], root).stderr, /--type must be downtime, go-live, rollback, not "outage"/);
    assert.match(reflect(['notice', 'docs/changes/v9', '--type', 'downtime'], root).stderr, /Cannot read "docs\/changes\/v9": no such folder/);
    assert.match(reflect(['notice', 'docs/changes', '--type', 'downtime'], root).stderr, /change\.md does not exist/);
  });

  it('appends a timestamped entry to the deployment log and prints it', () => {
    const path = join(root, record, 'in-action-execution.md');
    const before = readFileSync(path, 'utf8');
    const run = reflect(['log', record, 'Database migration started', '--type', 'step-started'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}) — step started — Database migration started\n$/);
    const after = readFileSync(path, 'utf8');
    assert.equal(after.replace(`\n\n${run.stdout.trimEnd()}`, ''), before, 'nothing else in the file changed');
    const second = reflect(['log', record, 'Queue depth normal'], root);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(readLogEntries(readFileSync(path, 'utf8')).map((e) => [e.type, e.text]), [['step-started', 'Database migration started'], ['observation', 'Queue depth normal']]);
  });

  it('says what is wrong with a bad log command line', () => {
    assert.match(reflect(['log', record], root).stderr, /log takes a change record folder and the entry text/);
    assert.match(reflect(['log', record, 'x', '--type', 'note'], root).stderr, /--type must be one of step-started, step-done, observation, decision, problem, not "note"/);
    assert.match(reflect(['log', record, '   '], root).stderr, /A log entry needs some text/);
    const missing = reflect(['log', 'docs/changes', 'x'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /in-action-execution\.md does not exist: start the in-action-execution reflection first/);
  });
});
