// A user journey from Start Change Record to a reflection whose warnings show in the Problems
// panel, through the Change Records view. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { S } from './selectors.mjs';
import { createSampleRepo } from '../harness/sampleRepo.mjs';

const CONTAINER_TITLE = 'Change Log';
const RECORDS_VIEW = 'Change Records';
// A breaking change after v1.1.0: the proposed version is v2.0.0.
const VERSION = 'v2.0.0';

export const changeRecordJourney = {
  name: 'change record',
  disableWorkspaceTrust: true,
  prepare: (tmp) => createSampleRepo(path.join(tmp, 'record-repo')).dir,
  steps: [
    {
      name: 'Start Change Record proposes the next version and creates change.md from its template',
      screenshot: '08-start-change-record',
      async run({ wb, page, sampleRepo, log }) {
        await wb.openView(CONTAINER_TITLE);
        await wb.runCommand('Change Log: Start Change Record');
        await wb.pickQuickItem('Unreleased');
        const input = page.locator(S.quickInputBox);
        await input.waitFor({ state: 'visible' });
        const proposed = await wb.waitUntil(async () => (await input.inputValue()) || false, { message: 'the proposed version' });
        log(`proposed version: ${proposed}`);
        assert.equal(proposed, VERSION);
        await page.keyboard.press('Enter');
        await wb.waitForActiveEditor('change.md');
        assert.ok(fs.existsSync(path.join(sampleRepo, 'docs', 'changes', VERSION, 'change.md')));
        const lines = await wb.waitUntil(async () => {
          const l = (await wb.editorLines()).map((x) => x.text);
          return l.includes('kind: change') && l;
        }, { message: 'change.md in the editor' });
        log(`visible:\n${lines.slice(0, 20).join('\n')}`);
      },
    },
    {
      name: 'the Change Records view shows the record, its documents and their state',
      screenshot: '09-change-records-view',
      async run({ wb, page, log }) {
        const rows = await wb.waitUntil(async () => {
          const r = await wb.treeItems(RECORDS_VIEW);
          return r.some((x) => x.label === VERSION) && r;
        }, { timeout: 30_000, message: `"${VERSION}" in the Change Records view` });
        // Expand the new record to show its documents.
        await page.locator(S.treeRows(RECORDS_VIEW), { hasText: VERSION }).first().click();
        await page.keyboard.press('ArrowRight');
        const expanded = await wb.waitUntil(async () => {
          const r = await wb.treeItems(RECORDS_VIEW);
          return r.some((x) => x.label === 'action-plan.md') && r;
        }, { message: 'the record\'s documents' });
        log(`rows: ${JSON.stringify(expanded)}`);
        const record = expanded.find((r) => r.label === VERSION);
        assert.match(record?.description ?? '', /\/9 complete/);
        assert.match(expanded.find((r) => r.label === 'rollback.md')?.description ?? '', /missing/);
        assert.ok(rows.length > 0);
      },
    },
    {
      name: 'an on-action reflection shows its problems in the Problems panel',
      screenshot: '10-reflection-problems',
      async run({ wb, log }) {
        await wb.runCommand('Change Log: New Reflection');
        await wb.pickQuickItem('on-action');
        await wb.waitForActiveEditor('on-action.md');
        await wb.openProblems();
        const rows = await wb.waitUntil(async () => {
          const r = await wb.problemRows();
          return r.some((x) => /not answered yet/.test(x.message)) && r;
        }, { timeout: 30_000, message: 'problems of the new reflection' });
        log(`problems: ${JSON.stringify(rows.slice(0, 8))}`);
        // The Change Records view catches up with the new file.
        await wb.waitUntil(async () => {
          const r = await wb.treeItems(RECORDS_VIEW);
          return /to answer/.test(r.find((x) => x.label === 'on-action.md')?.description ?? '');
        }, { timeout: 15_000, message: 'on-action.md listed as a draft in the Change Records view' });
        assert.ok(rows.some((r) => /Change Log/.test(r.source)), 'problems come from "Change Log"');
      },
    },
    {
      name: 'Create Rollback Checklist writes ordered, tickable steps for a release',
      screenshot: '10b-rollback-checklist',
      async run({ wb, page, sampleRepo, log }) {
        await wb.runCommand('Change Log: Create Rollback Checklist');
        // The row labelled exactly v1.1.0 (Unreleased's row mentions v1.1.0 too).
        const row = page.locator(S.quickInputRow).filter({ has: page.locator(S.quickInputRowLabel, { hasText: /^v1\.1\.0$/ }) }).first();
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        await row.click();
        await wb.waitForActiveEditor('rollback.md');
        const file = path.join(sampleRepo, 'docs', 'changes', 'v1.1.0', 'rollback.md');
        const text = fs.readFileSync(file, 'utf8');
        assert.match(text, /^---\nkind: rollback\n/);
        assert.match(text, /target:\n {2}tag: v1\.0\.0\n/);
        assert.ok((text.match(/^- \[ \] /gm) ?? []).length >= 8, 'tickable steps');
        await wb.waitUntil(async () => (await wb.editorText()).includes('Rollback checklist: v1.1.0'), { message: 'the checklist in the editor' });
        log(`steps: ${(text.match(/^- \[ \] .*/gm) ?? []).slice(0, 5).join(' | ')}`);
      },
    },
  ],
};
