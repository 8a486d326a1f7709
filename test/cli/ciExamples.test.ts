import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** Steps that only call the CI platform's own actions: nothing of ours to run. Every other step must be a `run:`. */
const PLATFORM_ACTIONS = ['actions/checkout@v4', 'actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4'];
// A made-up number that passes the NHS number check digit.
const NHS_NUMBER = '9434765919';

function npm(args: string[], cwd: string) {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli && cli.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8' });
}

interface Ran {
  readonly line: string;
  readonly status: number | null;
  readonly output: string;
}

describe('the CI examples in docs/ci run as written', function () {
  this.timeout(240_000);
  let scratch: string;
  let tarball: string;
  let repo: GitFixture;
  let env: NodeJS.ProcessEnv;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'reflect-ci-examples-'));
    const packed = npm(['pack', '--pack-destination', scratch, '--json'], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    tarball = join(scratch, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  beforeEach(() => {
    repo = new GitFixture();
    repo.commit('feat: results viewer\n\nHazard: HAZ-001');
    repo.tag('v1.0.0', true);
    repo.commit('feat(results): show the trend\n\nHazard: HAZ-002');
    for (const kind of ['change', 'release-notes', 'before-action']) assert.equal(spawnSync(process.execPath, [CLI, 'new', kind, '--record', 'v1.1.0', '--today', '2025-12-31'], { cwd: repo.dir, env: cleanEnv() }).status, 0);
    // The record names the hazard its commit touches, as the hazard rules ask.
    const change = join(repo.dir, 'docs/changes/v1.1.0/change.md');
    writeFileSync(change, readFileSync(change, 'utf8').replace(/^kind: change\n/m, 'kind: change\nhazards: [HAZ-002]\n'));
    // Dated the day before the fixture's commits, so the history agrees with the dates.
    repo.git('add', '-A');
    repo.git('commit', '-q', '--no-verify', '-m', 'docs: change record v1.1.0');
    // `npm install --global` lands in a prefix of this test's own, offline, with an empty cache; `reflect` is then on PATH.
    const prefix = mkdtempSync(join(scratch, 'prefix-'));
    env = { ...cleanEnv(), npm_config_prefix: prefix, npm_config_offline: 'true', npm_config_cache: join(prefix, 'cache'), npm_config_update_notifier: 'false', PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}` };
  });
  afterEach(() => repo.dispose());

  /** Runs one `run:` or `script:` entry as the platform does: bash, stopping at the first failing command. */
  function runLine(line: string, stepEnv: Record<string, string>): Ran {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd: repo.dir, encoding: 'utf8', env: { ...env, ...stepEnv, REFLECT_PACKAGE: tarball } });
    return { line, status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('github-actions.yml: every step is a platform action listed here or a run: line, and each run: line succeeds', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8'));
    const steps = Object.values(workflow.jobs as Record<string, { steps: Array<{ uses?: string; run?: string; env?: Record<string, string> }> }>).flatMap((job) => job.steps);
    const ran: Ran[] = [];
    for (const step of steps) {
      if (step.uses !== undefined) {
        assert.ok(PLATFORM_ACTIONS.includes(step.uses), `${step.uses} is neither run here nor listed as a platform action`);
        continue;
      }
      assert.equal(typeof step.run, 'string');
      const result = runLine(step.run as string, { ...workflow.env, ...step.env });
      assert.equal(result.status, 0, `${result.line}\n${result.output}`);
      ran.push(result);
    }
    assert.ok(ran.some((r) => r.line.startsWith('reflect check --format sarif')));
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'reflect.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.match(readFileSync(join(repo.dir, 'artefacts/release-notes.md'), 'utf8'), /show the trend/);
    assert.ok(existsSync(join(repo.dir, 'artefacts/v1.1.0-evidence.html')));
  });

  it('github-actions.yml: the annotation step fails the job on a patient identifier', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8'));
    const steps = Object.values(workflow.jobs as Record<string, { steps: Array<{ run?: string }> }>).flatMap((job) => job.steps);
    const install = steps.find((s) => s.run?.includes('npm install'))?.run;
    const annotate = steps.find((s) => s.run?.includes('--format github --fail-on warning'))?.run;
    assert.ok(install && annotate);
    assert.equal(runLine(install, {}).status, 0);
    const file = join(repo.dir, 'docs/changes/v1.1.0/before-action.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## ', `Patient ${NHS_NUMBER}.\n\n## `));
    const failed = runLine(annotate, {});
    assert.equal(failed.status, 1);
    assert.match(failed.output, /^::warning file=docs\/changes\/v1\.1\.0\/before-action\.md,line=\d+,col=\d+,title=reflect possible-patient-identifier::/m);
  });

  it('gitlab-ci.yml: each before_script and script line succeeds and leaves the Code Quality report and the artefacts', () => {
    const pipeline = parse(readFileSync(join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8'));
    const job = pipeline['change-records'] as { variables: Record<string, string>; before_script: string[]; script: string[]; artifacts: { reports: { codequality: string }; paths: string[] } };
    for (const line of [...job.before_script, ...job.script]) {
      const result = runLine(line, job.variables);
      assert.equal(result.status, 0, `${line}\n${result.output}`);
    }
    const report = JSON.parse(readFileSync(join(repo.dir, job.artifacts.reports.codequality), 'utf8'));
    assert.ok(Array.isArray(report) && report.length > 0);
    assert.ok(report.every((issue: { fingerprint: string }) => /^[0-9a-f]{32}$/.test(issue.fingerprint)));
    assert.ok(existsSync(join(repo.dir, 'artefacts/release-notes.md')));
    assert.ok(existsSync(join(repo.dir, 'artefacts/v1.1.0-evidence.html')));
  });

  it('.pre-commit-hooks.yaml: the hook entry stops staged patient identifiers', () => {
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; pass_filenames: boolean }>;
    assert.equal(hook.id, 'reflect-check');
    assert.equal(hook.pass_filenames, false);
    const [program, ...args] = hook.entry.split(' ');
    assert.equal(program, 'reflect');
    const file = join(repo.dir, 'docs/changes/v1.1.0/before-action.md');
    assert.equal(spawnSync(process.execPath, [CLI, ...args], { cwd: repo.dir, env: cleanEnv() }).status, 0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## ', `Patient ${NHS_NUMBER}.\n\n## `));
    repo.git('add', '--', file);
    const stopped = spawnSync(process.execPath, [CLI, ...args], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
    assert.equal(stopped.status, 1);
    assert.match(stopped.stdout, /possible-patient-identifier/);
  });
});
