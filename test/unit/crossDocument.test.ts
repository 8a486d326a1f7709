import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecordFiles } from '../../src/core/records/recordFiles';
import { assessRecord, assessRecordFolder, readRecordPresence, RECORD_DOCUMENTS } from '../../src/core/records/recordStatus';
import { validateRecord, type RecordFile } from '../../src/core/validate/validateRecord';
import type { ValidationOptions } from '../../src/core/validate/validationOptions';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

// Approved, not yet deployed: a deployed record also needs its release notes and rollback checklist (status-missing-documents).
const deployed = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
const reflection = (phase: string, date: string, change?: string) => withFrontMatter(answered(phase as 'on-action'), reflectionFrontMatter(phase, date, change));
const plan = (due: string, status: string) =>
  withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-03', 'author: A', 'actions:', '  - action: Rehearse the rollback', '    gap: slow rollback', '    owner: A', `    due: ${due}`, '    evidence: notes', `    status: ${status}`]);

/** Writes a record folder for real, reads it back as the CLI and views do, and validates it. */
function checkFolder(files: Record<string, string>, options: ValidationOptions = {}): Promise<Record<string, string[]>> {
  const root = mkdtempSync(join(tmpdir(), 'reflect-record-'));
  const folder = join(root, 'docs/changes/v1.4.0');
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return readRecordFiles(folder)
    .then((read) => {
      assert.ok(read);
      return Object.fromEntries(validateRecord(read, options).map((r) => [r.name, r.problems.map((p) => p.code)]));
    })
    .finally(() => rmSync(root, { recursive: true, force: true }));
}

describe('rules across a record', () => {
  it('on-action-before-deployment: the on-action reflection is dated after the deployment ended', async () => {
    const base = { 'change.md': deployed, 'action-plan.md': plan('2027-01-15', 'open') };
    assert.deepEqual((await checkFolder({ ...base, 'on-action.md': reflection('on-action', '2026-12-01') }))['on-action.md'], ['on-action-before-deployment']);
    assert.deepEqual((await checkFolder({ ...base, 'on-action.md': reflection('on-action', '2026-12-02') }))['on-action.md'], [], 'the same day counts');
    assert.deepEqual((await checkFolder({ ...base, 'on-action.md': reflection('on-action', '2026-12-02T21:00:00Z') }))['on-action.md'], ['on-action-before-deployment'], 'times are compared when both have one');
  });

  it('beyond-action-too-soon: at least 28 days after on-action, or the configured minimum', async () => {
    const base = { 'change.md': deployed, 'on-action.md': reflection('on-action', '2026-12-03'), 'action-plan.md': plan('2027-01-15', 'open') };
    assert.deepEqual((await checkFolder({ ...base, 'beyond-action.md': reflection('beyond-action', '2026-12-20') }))['beyond-action.md'], ['beyond-action-too-soon']);
    assert.deepEqual((await checkFolder({ ...base, 'beyond-action.md': reflection('beyond-action', '2026-12-31') }))['beyond-action.md'], []);
    assert.deepEqual((await checkFolder({ ...base, 'beyond-action.md': reflection('beyond-action', '2026-12-20') }, { beyondActionMinimumDays: 14 }))['beyond-action.md'], []);
  });

  it('missing-action-plan: due once on-action exists', async () => {
    const found = await checkFolder({ 'change.md': deployed, 'on-action.md': reflection('on-action', '2026-12-03') });
    assert.deepEqual(found['on-action.md'], ['missing-action-plan']);
    assert.deepEqual((await checkFolder({ 'change.md': deployed, 'before-action.md': reflection('before-action', '2026-11-01') }))['before-action.md'], []);
  });

  it('action-overdue: past due and not done or dropped, judged against the given day only', async () => {
    const files = (status: string) => ({ 'on-action.md': reflection('on-action', '2026-12-03'), 'action-plan.md': plan('2027-01-15', status) });
    assert.deepEqual((await checkFolder(files('open'), { today: '2027-01-16' }))['action-plan.md'], ['action-overdue']);
    assert.deepEqual((await checkFolder(files('in-progress'), { today: '2027-01-15' }))['action-plan.md'], [], 'due today is not overdue');
    assert.deepEqual((await checkFolder(files('done'), { today: '2027-03-01' }))['action-plan.md'], []);
    assert.deepEqual((await checkFolder(files('dropped'), { today: '2027-03-01' }))['action-plan.md'], []);
    assert.deepEqual((await checkFolder(files('open')))['action-plan.md'], [], 'no clock: no today, no rule');
  });

  it('document-kind-mismatch and record-version-mismatch: documents that belong elsewhere', async () => {
    const found = await checkFolder({ 'change.md': deployed, 'action-plan.md': plan('2027-01-15', 'open'), 'on-action.md': reflection('before-action', '2026-12-03'), 'rollback.md': withFrontMatter(answered('rollback'), ['kind: rollback', 'change: v1.3.0', 'date: 2026-11-30', 'author: A', 'target: {tag: v1.3.2}']) });
    assert.deepEqual(found['on-action.md'], ['document-kind-mismatch']);
    assert.deepEqual(found['rollback.md'], ['record-version-mismatch']);
  });

  it('validateRecord keeps single-document problems and the input order', () => {
    const files: RecordFile[] = [{ name: 'docs/changes/v1.4.0/on-action.md', text: reflection('on-action', 'yesterday') }, { name: 'change.md', text: deployed }];
    const result = validateRecord(files);
    assert.deepEqual(result.map((r) => r.name), ['docs/changes/v1.4.0/on-action.md', 'change.md']);
    // Ordered by position: missing-action-plan sits on the opening line, the bad date below it.
    assert.deepEqual(result[0].problems.map((p) => p.code), ['missing-action-plan', 'invalid-date']);
  });

  it('assessRecord gives each expected document a state and the record a completeness figure', () => {
    const assessment = assessRecord([
      { name: 'change.md', text: deployed },
      { name: 'before-action.md', text: reflection('before-action', '2026-11-01') },
      { name: 'on-action.md', text: reflection('on-action', '2026-12-03') },
      { name: 'notes.md', text: '# scratch\n' },
    ]);
    const states = Object.fromEntries(assessment.documents.map((d) => [d.fileName, d.state]));
    assert.deepEqual(Object.keys(states), [...RECORD_DOCUMENTS]);
    assert.equal(states['change.md'], 'complete');
    assert.equal(states['before-action.md'], 'complete');
    assert.equal(states['on-action.md'], 'has-problems');
    assert.equal(states['rollback.md'], 'missing');
    assert.deepEqual([assessment.complete, assessment.present, assessment.expected], [2, 3, 9]);
    assert.equal(assessment.completeness, 2 / 9);
    assert.deepEqual(assessment.otherFiles.map((f) => f.fileName), ['notes.md']);
    const quiet = assessRecord([{ name: 'on-action.md', text: reflection('on-action', '2026-12-03') }], { severities: { 'missing-action-plan': 'off' } });
    assert.equal(quiet.documents.find((d) => d.fileName === 'on-action.md')?.state, 'complete');
  });

  it('assessRecordFolder reads a real folder; readRecordPresence still lists what exists', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reflect-assess-'));
    try {
      mkdirSync(join(root, 'docs/changes/v1.4.0'), { recursive: true });
      writeFileSync(join(root, 'docs/changes/v1.4.0/change.md'), deployed);
      writeFileSync(join(root, 'docs/changes/v1.4.0/rollback.md'), answered('rollback').replace('author: Alex Morgan', 'author: ""'));
      const assessment = await assessRecordFolder(root, 'docs/changes', 'v1.4.0');
      assert.ok(assessment);
      assert.deepEqual(assessment.documents.filter((d) => d.state !== 'missing').map((d) => [d.fileName, d.state, d.counts.warning]), [['change.md', 'complete', 0], ['rollback.md', 'has-problems', 1]]);
      assert.equal(await assessRecordFolder(root, 'docs/changes', 'v9.9.9'), undefined);
      assert.deepEqual((await readRecordPresence(root, 'docs/changes', 'v1.4.0'))?.present, ['change.md', 'rollback.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
