import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { Markers } from '../fixtures/hostileGitConfig';
import { RULES } from '../../src/core/validate/ruleCatalog';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const SARIF_SCHEMA = resolve(__dirname, '../../../test/fixtures/sarif/sarif-2.1.0-rtm.5.json');
// A made-up number that passes the NHS number check digit, as a patient's would.
const NHS_NUMBER = '943 476 5919';

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The schema's `language` pattern is not valid with the u flag, so patterns are compiled without it.
function validateSarif(log: unknown): void {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('reports for CI: SARIF, Code Quality, GitHub annotations, --fail-on and --staged', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit('fix: first');
    repo.tag('v1.0.0', true);
    repo.commit('feat(results): show the trend');
    for (const kind of ['change', 'release-notes']) assert.equal(reflect(['new', kind, '--record', 'v1.1.0', '--today', '2026-11-20'], repo.dir).code, 0);
    // A field left empty: one warning in change.md.
    const change = join(repo.dir, 'docs/changes/v1.1.0/change.md');
    writeFileSync(change, readFileSync(change, 'utf8').replace('author: Test Author', 'author: ""'));
  });
  afterEach(() => repo.dispose());

  it('check --format sarif is valid SARIF 2.1.0 with rules (ids, descriptions, help links) and located results, hazards folded in', () => {
    const { code, stdout, stderr } = reflect(['check', '--format', 'sarif', '--today', '2026-11-20'], repo.dir);
    assert.equal(code, 1, stderr);
    const log = JSON.parse(stdout);
    validateSarif(log);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'reflect');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    for (const rule of RULES) assert.ok(ids.includes(rule.code), rule.code);
    assert.ok(ids.includes('no-hazard-reference'));
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0, rule.id);
      assert.match(rule.helpUri, new RegExp(`^file://.*README\\.md#${rule.id}$`));
    }
    const results = log.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    const empty = results.find((r) => r.ruleId === 'empty-field');
    assert.ok(empty);
    assert.equal(driver.rules[empty.ruleIndex].id, 'empty-field');
    assert.equal(empty.level, 'warning');
    assert.deepEqual(empty.locations[0].physicalLocation.artifactLocation, { uri: 'docs/changes/v1.1.0/change.md' });
    assert.equal(empty.locations[0].physicalLocation.region.startLine, 5);
    const hazard = results.find((r) => r.ruleId === 'no-hazard-reference');
    assert.ok(hazard, 'the release notes of the record are checked for hazards');
    assert.equal(hazard.locations[0].physicalLocation.artifactLocation.uri, 'docs/changes/v1.1.0/release-notes.md');
  });

  it('--format codequality gives GitLab issues whose fingerprints survive a line moving', () => {
    const first = JSON.parse(reflect(['check', '--format', 'codequality', '--today', '2026-11-20'], repo.dir).stdout);
    const issue = first.find((i: { check_name: string }) => i.check_name === 'empty-field');
    assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
    assert.equal(issue.severity, 'minor');
    assert.deepEqual(issue.location, { path: 'docs/changes/v1.1.0/change.md', lines: { begin: 5 } });
    assert.equal(new Set(first.map((i: { fingerprint: string }) => i.fingerprint)).size, first.length);
    const change = join(repo.dir, 'docs/changes/v1.1.0/change.md');
    writeFileSync(change, readFileSync(change, 'utf8').replace('# Change record', 'An added line.\n\n# Change record'));
    const second = JSON.parse(reflect(['check', '--format', 'codequality', '--today', '2026-11-20'], repo.dir).stdout);
    assert.equal(second.find((i: { check_name: string }) => i.check_name === 'empty-field').fingerprint, issue.fingerprint);
  });

  it('--format github writes one workflow command per finding, escaped', () => {
    const { stdout } = reflect(['check', '--format', 'github', '--today', '2026-11-20'], repo.dir);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.every((l) => /^::(error|warning|notice) /.test(l)), stdout);
    assert.ok(lines.some((l) => /^::warning file=docs\/changes\/v1\.1\.0\/change\.md,line=5,col=\d+,title=reflect empty-field::/.test(l)), stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning file=docs/changes/v1.1.0/release-notes.md,') && l.includes('title=reflect no-hazard-reference::')), stdout);
    assert.ok(lines.some((l) => l.startsWith('::notice ')), 'an unanswered prompt is a notice');
  });

  it('--fail-on sets which findings exit 1', () => {
    assert.equal(reflect(['check', '--fail-on', 'warning', '--today', '2026-11-20'], repo.dir).code, 1);
    assert.equal(reflect(['check', '--fail-on', 'error', '--today', '2026-11-20'], repo.dir).code, 0);
    assert.equal(reflect(['check', '--fail-on', 'never', '--today', '2026-11-20'], repo.dir).code, 0);
    assert.equal(reflect(['check', '--rule', 'empty-field=error', '--fail-on', 'error', '--today', '2026-11-20'], repo.dir).code, 1);
    const bad = reflect(['check', '--fail-on', 'sometimes'], repo.dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'reflect: --fail-on must be one of error, warning, never, not "sometimes".\n');
    assert.match(reflect(['check', '--format', 'xml'], repo.dir).stderr, /^reflect: --format must be one of text, json, sarif, codequality, github, not "xml"\.\n$/);
  });

  it('notes --check reports the hazard findings in each format, with the same exit policy', () => {
    const sarif = reflect(['notes', '--check', '--format', 'sarif'], repo.dir);
    assert.equal(sarif.code, 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout);
    validateSarif(log);
    assert.deepEqual(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['no-hazard-reference']);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'docs/changes/v1.1.0/release-notes.md');
    assert.equal(reflect(['notes', '--check', '--fail-on', 'never'], repo.dir).code, 0);
    assert.match(reflect(['notes', '--check'], repo.dir).stdout, /^docs\/changes\/v1\.1\.0\/release-notes\.md:\d+:1: warning no-hazard-reference: /);
    assert.equal(JSON.parse(reflect(['notes', '--check', '--format', 'codequality'], repo.dir).stdout)[0].check_name, 'no-hazard-reference');
    assert.match(reflect(['notes', '--check', '--format', 'github'], repo.dir).stdout, /^::warning file=docs\/changes\/v1\.1\.0\/release-notes\.md,line=\d+,col=1,title=reflect no-hazard-reference::/);
    assert.equal(reflect(['notes', 'v1.0.0..v1.0.0', '--check'], repo.dir).code, 0);
  });

  it('check --staged reads the index, not the working tree, and runs no filter program', () => {
    const markers = new Markers();
    try {
      const reflection = 'docs/changes/v1.1.0/on-action.md';
      assert.equal(reflect(['new', 'on-action', '--record', 'v1.1.0'], repo.dir).code, 0);
      const file = join(repo.dir, reflection);
      const clean = readFileSync(file, 'utf8');
      writeFileSync(file, clean.replace('## ', `Patient ${NHS_NUMBER} was affected.\n\n## `));
      repo.git('add', '--', reflection);
      // The working tree is clean again; only the index holds the number.
      writeFileSync(file, clean);
      repo.write('.gitattributes', '*.md filter=evil diff=evil\n');
      repo.git('config', 'filter.evil.clean', markers.program('clean'));
      repo.git('config', 'filter.evil.smudge', markers.program('smudge'));
      repo.git('config', 'diff.evil.textconv', markers.program('textconv'));
      const staged = reflect(['check', '--staged', '--format', 'json', '--today', '2026-11-20'], repo.dir);
      assert.equal(staged.code, 1, staged.stderr);
      const findings = JSON.parse(staged.stdout) as Array<{ file: string; code: string }>;
      assert.deepEqual(findings.filter((f) => f.code === 'possible-patient-identifier').map((f) => f.file), [reflection]);
      // Only the staged file is in the index: the unstaged record documents are not checked.
      assert.deepEqual([...new Set(findings.map((f) => f.file))], [reflection]);
      const tree = JSON.parse(reflect(['check', '--format', 'json', '--today', '2026-11-20'], repo.dir).stdout) as Array<{ code: string }>;
      assert.equal(tree.filter((f) => f.code === 'possible-patient-identifier').length, 0);
      for (const name of ['clean', 'smudge', 'textconv']) assert.equal(existsSync(markers.marker(name)), false, `${name} ran`);
    } finally {
      markers.dispose();
    }
  });

  it('a pre-commit hook running check --staged stops a commit holding an NHS number in a real repository', () => {
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec '${process.execPath}' '${CLI}' check --staged\n`);
    chmodSync(hook, 0o755);
    const reflection = 'docs/changes/v1.1.0/before-action.md';
    assert.equal(reflect(['new', 'before-action', '--record', 'v1.1.0'], repo.dir).code, 0);
    const file = join(repo.dir, reflection);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('## ', `Seen on ward 4 for ${NHS_NUMBER}.\n\n## `));
    repo.git('add', '--', reflection);
    const commit = () => spawnSync('git', ['commit', '-q', '-m', 'docs: before-action reflection'], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
    const stopped = commit();
    assert.notEqual(stopped.status, 0);
    assert.match(stopped.stdout + stopped.stderr, /before-action\.md:\d+:\d+: warning possible-patient-identifier: /);
    assert.equal(spawnSync('git', ['log', '--oneline', '-1', '--', reflection], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() }).stdout, '');
    writeFileSync(file, text);
    repo.git('add', '--', reflection);
    const passed = commit();
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    assert.match(repo.git('log', '--format=%s', '-1'), /^docs: before-action reflection/);
  });
});
