import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandLineLayer, fileLayer, settingsLayer } from '../../src/core/config/configLayers';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { TagPattern, TagPatternError } from '../../src/core/git/tagPattern';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

describe('one resolved configuration', () => {
  it('merges defaults < reflect.config.json < editor settings < command-line flags', () => {
    const file = fileLayer({ recordsFolder: 'records', releaseNotes: { tagPattern: 'api-v*', hiddenTypes: ['chore'] }, validation: { beyondActionMinimumDays: 40, rules: { 'missing-field': 'error', 'empty-section': 'off' } } });
    const settings = settingsLayer({ tagPattern: 'web-v*', validation: { rules: { 'missing-field': 'info' } } });
    const flags = commandLineLayer({ beyondActionMinimumDays: 10 }, { beyondActionMinimumDays: '--beyond-action-days' });
    assert.equal(resolveConfig([]).config.recordsFolder, 'docs/changes');
    const { config, problems } = resolveConfig([file, settings, flags]);
    assert.deepEqual(problems, []);
    assert.equal(config.recordsFolder, 'records');
    assert.equal(config.releaseFilter.pattern.template, 'web-v*');
    assert.equal(config.releaseNotes.tagPattern, 'web-v*');
    assert.deepEqual(config.releaseNotes.hiddenTypes, ['chore']);
    assert.deepEqual(config.validation.severities, { 'missing-field': 'info', 'empty-section': 'off' });
    assert.equal(config.validation.beyondActionMinimumDays, 10);
  });

  it('names the file or setting and the key of an invalid value, and uses the layer below it', () => {
    const { config, problems } = resolveConfig([
      fileLayer({ recordsFolder: '../outside', validation: { beyondActionMinimumDays: -1 } }),
      settingsLayer({ tagPattern: 'vMAJOR.MAJOR.PATCH', validation: { beyondActionMinimumDays: 14, rules: { 'no-such-rule': 'off' } }, riskMatrix: { low: { minor: 9 } } }),
    ]);
    assert.equal(config.recordsFolder, 'docs/changes');
    assert.equal(config.releaseFilter.pattern.template, TagPattern.DEFAULT);
    assert.equal(config.validation.beyondActionMinimumDays, 14);
    assert.equal(config.validation.riskMatrix, undefined);
    const messages = problems.map((p) => p.message);
    assert.equal(messages.length, 5, messages.join('\n'));
    assert.match(messages[0], /^reflect\.config\.json: recordsFolder is not used: it must be a folder inside the repository/);
    assert.match(messages[1], /^Setting changeLog\.tagPattern is not used: "vMAJOR\.MAJOR\.PATCH" names MAJOR more than once/);
    assert.match(messages.join('\n'), /reflect\.config\.json: validation\.beyondActionMinimumDays is not used: it must be a whole number of days from 0 to 3650, not -1/);
    assert.match(messages.join('\n'), /Setting changeLog\.riskMatrix is not used: /);
    assert.match(messages.join('\n'), /Setting changeLog\.validation\.rules: Unknown rule "no-such-rule"/);
    for (const message of messages) assert.doesNotMatch(message, /Invalid regular expression|at .*\.js:\d+/);
  });

  it('says what is wrong with a tag pattern instead of "Invalid regular expression"', () => {
    for (const template of ['MAJOR.MAJOR.PATCH', 'v*-*', '**', '?v1', 'a??b', 'PATCH-PATCH']) {
      assert.ok(TagPattern.problemWith(template), template);
      assert.throws(() => new TagPattern(template), (error: unknown) => error instanceof TagPatternError && error.message.includes(template) && !/regular expression/i.test(error.message));
    }
    // Any template either works or is refused with a TagPatternError: never a SyntaxError from the regex engine.
    const alphabet = ['MAJOR', 'MINOR', 'PATCH', '*', '?', '.', 'v', '-', '(', '[', '\\', '+', '{', '^', '$', '|'];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let template = '';
      for (let n = 0; n < 6; n++) template += alphabet[(seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length];
      try {
        new TagPattern(template).matches('v1.2.3');
      } catch (error) {
        assert.ok(error instanceof TagPatternError, `${template}: ${String(error)}`);
      }
    }
  });

  it('reflect notes and reflect check stop with one line naming the setting for a bad tag pattern or day limit', () => {
    const repo = new GitFixture('reflect-config-');
    try {
      repo.commit('feat: first');
      const bad = spawnSync(process.execPath, [CLI, 'notes', '--pattern', 'v*-*'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /^reflect: --pattern is not used: "v\*-\*" has more than one "\*"/);
      writeFileSync(resolve(repo.dir, 'reflect.config.json'), JSON.stringify({ releaseNotes: { tagPattern: 'MAJOR.MAJOR' } }));
      const fromFile = spawnSync(process.execPath, [CLI, 'tags'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(fromFile.status, 2);
      assert.match(fromFile.stderr, /^reflect: reflect\.config\.json: releaseNotes\.tagPattern is not used: "MAJOR\.MAJOR" names MAJOR more than once/);
      assert.equal(fromFile.stderr.trim().split('\n').length, 1);
    } finally {
      repo.dispose();
    }
  });
});

describe('one clock: the local calendar date', () => {
  it('reflect check under a time zone whose date differs from UTC uses the local date, as the editor does', () => {
    // Pacific/Kiritimati is UTC+14: for ten hours of every day its date is a day ahead of UTC's.
    const dates = { local: new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()) };
    const repo = new GitFixture('reflect-clock-');
    try {
      repo.commit('feat: first');
      // An action due on the local date's day before is overdue by one day, whatever UTC's date is.
      const due = new Date(`${dates.local}T12:00:00Z`);
      due.setUTCDate(due.getUTCDate() - 1);
      const plan = ['---', 'kind: action-plan', 'change: v1.0.0', 'date: 2026-01-01', 'author: A', 'actions:', '  - action: Tidy', '    gap: x', '    owner: A', `    due: ${due.toISOString().slice(0, 10)}`, '    evidence: x', '    status: open', '---', '', '# Action plan', ''].join('\n');
      repo.write('docs/changes/v1.0.0/action-plan.md', plan);
      const run = spawnSync(process.execPath, [CLI, 'check', 'docs/changes', '--format', 'json', '--rule', 'missing-section=off', '--rule', 'empty-section=off'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Kiritimati' } });
      const overdue = (JSON.parse(run.stdout) as Array<{ code: string; message: string }>).filter((f) => f.code === 'action-overdue');
      assert.equal(overdue.length, 1, run.stdout);
      assert.match(overdue[0].message, /\(1 day ago\)/);
    } finally {
      repo.dispose();
    }
  });
});

describe('rollback packages', () => {
  it('reflect package leaves git status clean: the package folder is git-ignored by the core', () => {
    const repo = new GitFixture('reflect-package-');
    try {
      repo.commit('feat: first');
      repo.tag('v1.0.0', true);
      const made = spawnSync(process.execPath, [CLI, 'package', 'v1.0.0'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), '');
    } finally {
      repo.dispose();
    }
  });
});
