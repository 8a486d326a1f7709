import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { pathInRepository } from '../../src/core/files/repositoryPath';
import { checkRecord } from '../../src/core/usecases/checkRecord';
import { validateRecord, type RecordFile } from '../../src/core/validate/validateRecord';
import type { ValidationOptions } from '../../src/core/validate/validationOptions';
import { GitFixture } from '../fixtures/gitFixture';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

const change = (edit: (lines: string[]) => string[] = (l) => l) => withFrontMatter(answered('change'), edit([...APPROVED_CHANGE_FRONT_MATTER]));
const SIGNED = ['sign_off:', '  - role: supervisor', '    name: Dr Priya Shah', '    date: 2027-01-05'];
// What a deployed or closed change records by now: the actual window, a post-deployment check and (closed) the review.
const ACTUAL = '  end: 2026-12-02T22:00:00Z\n  actual:\n    start: 2026-12-02T20:00:00Z\n    end: 2026-12-02T21:30:00Z';
const DONE = ['verification:', '  - check: Results open', '    result: pass', '    by: A', '    at: 2026-12-02T21:35:00Z', 'review:', '  outcome: successful', '  date: 2026-12-03', '  reviewer: Change Advisory Board'];
const withStatus = (status: string) =>
  change((l) => [...l.map((line) => line.replace('status: approved', `status: ${status}`)).map((line) => (status !== 'approved' && line === '  end: 2026-12-02T22:00:00Z' ? ACTUAL : line)), ...SIGNED, ...(status === 'approved' ? [] : DONE)]);
const reflection = (phase: string, date: string) => withFrontMatter(answered(phase as 'on-action'), reflectionFrontMatter(phase, date));
const plan = (...statuses: string[]) =>
  withFrontMatter(answered('action-plan'), [
    'kind: action-plan',
    'change: v1.4.0',
    'date: 2026-12-03',
    'author: A',
    'actions:',
    ...statuses.flatMap((status, i) => [`  - action: Action ${i + 1}`, '    gap: a gap', '    owner: A', '    due: 2027-01-15', '    evidence: notes', `    status: ${status}`]),
  ]);

/** The codes found per file, as every front end sees them. */
function codes(files: Record<string, string>, options: ValidationOptions = {}): Record<string, string[]> {
  const input: RecordFile[] = Object.entries(files).map(([name, text]) => ({ name, text }));
  return Object.fromEntries(validateRecord(input, options).map((r) => [r.name, r.problems.map((p) => p.code)]));
}

describe('date provenance rules', () => {
  it('date-in-future: a document dated after today, with a fix that dates it today', () => {
    const files = { 'change.md': change(), 'before-action.md': reflection('before-action', '2026-11-30') };
    assert.deepEqual(codes(files, { today: '2026-11-30' })['before-action.md'], []);
    const found = validateRecord([{ name: 'before-action.md', text: reflection('before-action', '2026-11-30') }], { today: '2026-11-29' })[0].problems;
    const future = found.find((p) => p.code === 'date-in-future');
    assert.ok(future, 'a reflection dated tomorrow is found');
    assert.match(future.message, /2026-11-30.*2026-11-29/);
    assert.equal(future.fix?.newText, '2026-11-29');
    assert.deepEqual(codes(files, {})['before-action.md'], [], 'no clock, no rule');
  });

  it('date-in-future: the approval in change.md too', () => {
    const found = codes({ 'change.md': change() }, { today: '2026-11-25' })['change.md'];
    assert.ok(found.includes('date-in-future'), 'approval 2026-11-27 is after 2026-11-25');
    assert.ok(!codes({ 'change.md': change() }, { today: '2026-11-27' })['change.md'].includes('date-in-future'));
  });

  it('planning-after-deployment-start: before-action and in-action-planning dated after the window opened', () => {
    const base = { 'change.md': change() };
    assert.deepEqual(codes({ ...base, 'before-action.md': reflection('before-action', '2026-12-03') })['before-action.md'], ['planning-after-deployment-start']);
    assert.deepEqual(codes({ ...base, 'in-action-planning.md': reflection('in-action-planning', '2026-12-03') })['in-action-planning.md'], ['planning-after-deployment-start']);
    assert.deepEqual(codes({ ...base, 'before-action.md': reflection('before-action', '2026-12-02') })['before-action.md'], [], 'the day the window opens counts');
    assert.deepEqual(codes({ ...base, 'before-action.md': reflection('before-action', '2026-12-02T21:00:00Z') })['before-action.md'], ['planning-after-deployment-start'], 'times are compared when both have one');
  });

  it('execution-outside-deployment: in-action-execution dated on a day outside the window', () => {
    const base = { 'change.md': change() };
    assert.deepEqual(codes({ ...base, 'in-action-execution.md': reflection('in-action-execution', '2026-12-01') })['in-action-execution.md'], ['execution-outside-deployment']);
    assert.deepEqual(codes({ ...base, 'in-action-execution.md': reflection('in-action-execution', '2026-12-02') })['in-action-execution.md'], []);
  });

  it('approval-after-deployment-start: an approval dated after the window opened', () => {
    const late = change((l) => l.map((line) => line.replace('  date: 2026-11-27', '  date: 2026-12-03')));
    assert.deepEqual(codes({ 'change.md': late })['change.md'], ['approval-after-deployment-start']);
    assert.deepEqual(codes({ 'change.md': change() })['change.md'], []);
  });

  it('closed-with-open-actions: closed while the action plan has actions not done or dropped', () => {
    const base = { 'release-notes.md': answered('release-notes'), 'rollback.md': answered('rollback'), 'on-action.md': reflection('on-action', '2026-12-03') };
    const closed = codes({ ...base, 'change.md': withStatus('closed'), 'action-plan.md': plan('done', 'in-progress') })['change.md'];
    assert.deepEqual(closed, ['closed-with-open-actions']);
    assert.deepEqual(codes({ ...base, 'change.md': withStatus('closed'), 'action-plan.md': plan('done', 'dropped') })['change.md'], []);
    assert.deepEqual(codes({ ...base, 'change.md': withStatus('deployed'), 'action-plan.md': plan('open') })['change.md'], []);
  });

  it('status-missing-documents: deployed or closed without the documents the state needs', () => {
    const deployed = validateRecord([{ name: 'change.md', text: withStatus('deployed') }])[0].problems.find((p) => p.code === 'status-missing-documents');
    assert.ok(deployed);
    assert.match(deployed.message, /release-notes\.md, rollback\.md/);
    const closed = validateRecord([{ name: 'change.md', text: withStatus('closed') }, { name: 'release-notes.md', text: answered('release-notes') }, { name: 'rollback.md', text: answered('rollback') }])[0].problems;
    assert.match(closed.find((p) => p.code === 'status-missing-documents')?.message ?? '', /on-action\.md, action-plan\.md/);
    assert.deepEqual(codes({ 'change.md': change() })['change.md'], [], 'approved needs nothing more');
  });
});

describe('dates against git history', () => {
  let fixture: GitFixture;
  beforeEach(() => {
    fixture = new GitFixture();
  });
  afterEach(() => fixture.dispose());

  /** Commits a record document with an author date, and returns it as checkRecord reads it. */
  function commitOn(name: string, text: string, day: string): RecordFile {
    fixture.write(`docs/changes/v1.4.0/${name}`, text);
    fixture.git('add', '--', `docs/changes/v1.4.0/${name}`);
    fixture.git('commit', '-q', '--no-verify', `--date=${day}T10:00:00+00:00`, '-m', `docs: ${name}`);
    return { name, text };
  }

  async function historyCodes(files: RecordFile[]): Promise<Map<string, string[]>> {
    const repository = await GitRepository.open(fixture.dir);
    const results = await checkRecord(files, { config: DEFAULT_CONFIG, today: '2027-06-01', repository, folder: join(repository.root, 'docs/changes/v1.4.0') });
    return new Map(results.map((r) => [r.name, r.problems.map((p) => p.code).filter((c) => c.includes('first-commit'))]));
  }

  it('date-after-first-commit: dated later than the day it was first committed', async () => {
    const file = commitOn('before-action.md', reflection('before-action', '2026-11-20'), '2026-11-10');
    const results = await historyCodes([file]);
    assert.deepEqual(results.get('before-action.md'), ['date-after-first-commit']);
  });

  it('date-long-before-first-commit: information with both dates; a few days apart is nothing', async () => {
    const backdated = commitOn('before-action.md', reflection('before-action', '2026-09-01'), '2026-11-10');
    const prompt = commitOn('in-action-planning.md', reflection('in-action-planning', '2026-11-08'), '2026-11-10');
    const repository = await GitRepository.open(fixture.dir);
    const results = await checkRecord([backdated, prompt], { config: DEFAULT_CONFIG, today: '2027-06-01', repository, folder: join(repository.root, 'docs/changes/v1.4.0') });
    const info = results[0].problems.find((p) => p.code === 'date-long-before-first-commit');
    assert.ok(info);
    assert.equal(info.severity, 'info');
    assert.match(info.message, /2026-09-01.*2026-11-10/);
    assert.deepEqual(results[1].problems.filter((p) => p.code.includes('first-commit')), []);
  });

  it('an uncommitted document has no history findings; the rules can be turned off', async () => {
    fixture.commit('chore: start');
    const uncommitted = { name: 'before-action.md', text: reflection('before-action', '2026-11-20') };
    assert.deepEqual((await historyCodes([uncommitted])).get('before-action.md'), []);
    const file = commitOn('on-action.md', reflection('on-action', '2026-12-20'), '2026-12-10');
    const repository = await GitRepository.open(fixture.dir);
    const config = { ...DEFAULT_CONFIG, validation: { ...DEFAULT_CONFIG.validation, severities: { 'date-after-first-commit': 'off' as const } } };
    const results = await checkRecord([file], { config, today: '2027-06-01', repository, folder: join(repository.root, 'docs/changes/v1.4.0') });
    assert.deepEqual(results[0].problems.filter((p) => p.code.includes('first-commit')), []);
  });

  it('pathInRepository places bare names in the folder and refuses paths outside the root', () => {
    assert.equal(pathInRepository('change.md', '/repo/docs/changes/v1', '/repo'), 'docs/changes/v1/change.md');
    assert.equal(pathInRepository('/repo/docs/a.md', undefined, '/repo'), 'docs/a.md');
    assert.equal(pathInRepository('/elsewhere/a.md', undefined, '/repo'), undefined);
    assert.equal(pathInRepository('a.md', undefined, '/repo'), undefined);
  });
});
