import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRun } from '../../src/core/usecases/checkRecord';
import { resolveRepositoryConfiguration } from '../../src/core/usecases/repositoryConfiguration';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { writeRecord } from '../support/evidencePackRecord';
import { answered, withFrontMatter } from '../support/recordDocuments';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const TODAY = '2026-12-01';

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Finding {
  file: string;
  severity: string;
  code: string;
  message: string;
}

function check(args: string[], cwd: string): Finding[] {
  const run = reflect(['check', ...args, '--format', 'json', '--today', TODAY], cwd);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as Finding[];
}

// What a template leaves for its writer: each heading's prompts, and the action plan's empty row.
const STILL_TO_WRITE = new Set(['unanswered-prompt', 'action-not-written']);

describe('reflect new <kind>, then reflect check: every template opens with nothing but what is left to write', function () {
  this.timeout(60_000);
  const KINDS = ['change', 'release-notes', 'rollback', 'before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action', 'action-plan'];
  let repo: GitFixture;
  let root: string;

  before(() => {
    repo = new GitFixture('reflect-new-check-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.0.0', true);
  });
  after(() => repo.dispose());

  for (const [index, kind] of KINDS.entries()) {
    it(`${kind}: no warning or error, only reminders of what to write`, () => {
      const record = `v2.${index}.0`;
      const made = reflect(['new', kind, '--record', record, '--today', TODAY, '--author', 'Alex Morgan'], root);
      assert.equal(made.code, 0, made.stderr);
      const findings = check([join('docs/changes', record)], root);
      // Genuinely due in a record holding this one document: a lone on-action reflection calls for the action plan
      // that follows it. A lone beyond-action names the on-action headings without links to a file not written yet.
      const due = (f: Finding) => kind === 'on-action' && f.code === 'missing-action-plan';
      const others = findings.filter((f) => !STILL_TO_WRITE.has(f.code) && !due(f));
      assert.deepEqual(others, []);
      if (kind === 'on-action') assert.ok(findings.some(due), kind);
      assert.ok(findings.filter((f) => STILL_TO_WRITE.has(f.code)).every((f) => f.severity === 'info'));
    });
  }

  it('beyond-action after on-action: links to each on-action heading, none broken', () => {
    for (const kind of ['on-action', 'beyond-action']) {
      const made = reflect(['new', kind, '--record', 'v3.0.0', '--today', TODAY, '--author', 'Alex Morgan'], root);
      assert.equal(made.code, 0, made.stderr);
    }
    const text = readFileSync(join(root, 'docs/changes/v3.0.0/beyond-action.md'), 'utf8');
    assert.equal((text.match(/\]\(on-action\.md#/g) ?? []).length, 8, text);
    const findings = check(['docs/changes/v3.0.0'], root);
    assert.deepEqual(findings.filter((f) => f.code === 'broken-link'), []);
  });

  it('action-plan: its empty row is one reminder, not four empty-field warnings', () => {
    const findings = check(['docs/changes/v2.8.0/action-plan.md'], root);
    assert.deepEqual(findings.filter((f) => f.code !== 'unanswered-prompt').map((f) => `${f.severity} ${f.code}`), ['info action-not-written']);
  });

  it('hazard-log: the log at the records root opens with no finding but its prompt', () => {
    const made = reflect(['new', 'hazard-log', '--today', TODAY, '--author', 'Alex Morgan'], root);
    assert.equal(made.code, 0, made.stderr);
    const findings = check(['docs/changes/hazard-log.md'], root);
    assert.deepEqual(findings.filter((f) => !STILL_TO_WRITE.has(f.code)), []);
  });
});

function hazardLog(): string {
  // HAZ-001 twice: one problem of the log itself.
  const hazard = (id: string) => [`  - id: ${id}`, '    title: Results shown against the wrong patient', '    cause: A message is matched on name alone', '    effect: A clinician sees another patient\'s results', '    harm: Treatment given on the wrong results', '    initial_risk:', '      likelihood: low', '      consequence: minor', '      rating: 1', '    status: controlled', '    owner: Integration team lead'];
  return ['---', 'kind: hazard-log', 'date: 2026-11-01', 'author: Dr Sam Patel', 'hazards:', ...hazard('HAZ-001'), ...hazard('HAZ-001'), '---', '', '# Hazard log', ''].join('\n');
}

function changeOf(version: string): string {
  return withFrontMatter(answered('change'), ['kind: change', `change: ${version}`, 'date: 2026-11-20', 'author: Alex Morgan', 'status: planned', 'change_type: normal', 'range:', '  from: v1.0.0', `  to: ${version}`, 'hazards: [HAZ-001]']);
}

describe('reflect check over several records reports the hazard log\'s own problems once', function () {
  this.timeout(60_000);
  let repo: GitFixture;
  let root: string;

  before(() => {
    repo = new GitFixture('reflect-log-once-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.0.0', true);
    writeRecord(join(root, 'docs/changes'), { 'hazard-log.md': hazardLog() });
    for (const version of ['v1.1.0', 'v1.2.0', 'v1.3.0']) writeRecord(join(root, 'docs/changes', version), { 'change.md': changeOf(version) });
  });
  after(() => repo.dispose());

  it('three records checked against one log: its duplicate id once', () => {
    const findings = check(['docs/changes'], root);
    assert.deepEqual(findings.filter((f) => f.code === 'duplicate-hazard-id').map((f) => f.file), [join('docs/changes', 'hazard-log.md')]);
  });

  it('once too when the log is also named, or each record is named', () => {
    const named = check(['docs/changes/hazard-log.md', 'docs/changes/v1.1.0', 'docs/changes/v1.2.0', 'docs/changes/v1.3.0'], root);
    assert.equal(named.filter((f) => f.code === 'duplicate-hazard-id').length, 1);
  });

  it('the core run returns the log once, however many records it checks', async () => {
    const { config } = await resolveRepositoryConfiguration(root);
    const groups = ['v1.1.0', 'v1.2.0', 'v1.3.0'].map((version) => ({ isRecord: true, files: [{ name: join(root, 'docs/changes', version, 'change.md'), text: changeOf(version) }] }));
    const results = await checkRun(groups, { config, today: TODAY });
    assert.deepEqual(results.map((r) => r.name.slice(root.length + 1)), ['docs/changes/v1.1.0/change.md', 'docs/changes/v1.2.0/change.md', 'docs/changes/v1.3.0/change.md', 'docs/changes/hazard-log.md']);
    assert.deepEqual(results[3].problems.map((p) => p.code), ['duplicate-hazard-id']);
  });
});
