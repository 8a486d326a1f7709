// Change control from the Command Palette: Draft Notice opens the downtime notice drafted from
// change.md, and Add Deployment Log Entry appends a stamped line to the deployment log of the
// open in-action-execution.md through the editor, keeping the person's unsaved typing and
// writing nothing behind it on disk. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { S } from './selectors.mjs';
import { createSampleRepo } from '../harness/sampleRepo.mjs';
import { REPO_ROOT } from '../harness/paths.mjs';

// A breaking change after v1.1.0: the record being worked on is v2.0.0.
const VERSION = 'v2.0.0';
const LOG_FILE = 'in-action-execution.md';
const TYPED = 'Typed in the editor during the window and not saved yet.';
const ENTRY = 'Ward 7 confirmed results display after the migration';

const CHANGE = `---
kind: change
change: ${VERSION}
date: 2026-03-10
author: Sample Author
status: approved
change_type: normal
range:
  from: v1.1.0
  to: ${VERSION}
deployment:
  start: 2026-03-20T20:00:00Z
  end: 2026-03-20T22:00:00Z
  expected_downtime_minutes: 30
affected:
  services: [Pathology results viewer]
  user_groups: [Ward nurses, Service desk]
continuity:
  affects_clinical_services: true
  procedure: Pathology downtime procedure v3
  covers_change: true
contact: Clinical systems team, ext. 4567
---

# Change record: ${VERSION}
`;

function recordFolder(repo) {
  return path.join(repo, 'docs', 'changes', VERSION);
}

export const changeControlJourney = {
  name: 'change control',
  disableWorkspaceTrust: true,
  prepare: (tmp) => {
    const repo = createSampleRepo(path.join(tmp, 'change-control-repo')).dir;
    fs.mkdirSync(recordFolder(repo), { recursive: true });
    fs.writeFileSync(path.join(recordFolder(repo), 'change.md'), CHANGE);
    // The execution reflection from its template, as `reflect new` writes it.
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'new', 'in-action-execution', '--record', VERSION, '--author', 'Sample Author'], { cwd: repo, encoding: 'utf8' });
    return repo;
  },
  steps: [
    {
      name: 'Draft Notice from the palette opens the downtime notice drafted from change.md',
      screenshot: '20-draft-notice',
      async run({ wb, log }) {
        // The container is there once the extension's contributions are known: its commands are then in the palette.
        await wb.openView('Change Log');
        await wb.runCommand('Change Log: Draft Notice (Downtime, Go-Live, Rollback)…', { search: 'Change Log: Draft Notice' });
        await wb.pickQuickItem('Downtime notice');
        const lines = await wb.waitUntil(async () => {
          const l = (await wb.editorLines()).map((x) => x.text);
          return l.some((t) => t.startsWith('**Subject**: Planned downtime')) && l;
        }, { timeout: 30_000, message: 'the drafted notice in an editor' });
        log(`notice:\n${lines.slice(0, 16).join('\n')}`);
        assert.ok(lines.includes('- **When**: 2026-03-20T20:00:00Z to 2026-03-20T22:00:00Z'), 'the window');
        assert.ok(lines.includes('- **Expected downtime**: 30 minutes'), 'the downtime');
        assert.ok(lines.includes('- **While it is unavailable**: follow Pathology downtime procedure v3'), 'the downtime procedure');
      },
    },
    {
      name: 'Add Deployment Log Entry goes into the open, unsaved reflection through the editor',
      screenshot: '21-deployment-log-entry-unsaved',
      async run({ wb, page, sampleRepo, log }) {
        const file = path.join(recordFolder(sampleRepo), LOG_FILE);
        const onDisk = fs.readFileSync(file, 'utf8');
        await page.keyboard.press('Control+P');
        const input = page.locator(S.quickInputBox);
        await input.waitFor({ state: 'visible' });
        await input.fill(LOG_FILE);
        await wb.pickQuickItem(LOG_FILE);
        await wb.waitForActiveEditor(LOG_FILE);
        // The person types under "Steps carried out" and does not save.
        const steps = (await wb.editorLines()).find((l) => l.text === '## Steps carried out');
        assert.ok(steps?.number, 'the "Steps carried out" heading is visible');
        await wb.goToLine(steps.number + 1);
        await page.keyboard.type(`${TYPED}\n`);
        await page.waitForSelector(S.activeTabDirty);

        await wb.runCommand('Change Log: Add Deployment Log Entry…', { search: 'Change Log: Add Deployment Log Entry' });
        await wb.pickQuickItem('observation', { timeout: 5000 });
        const text = page.locator(S.quickInputBox);
        await text.waitFor({ state: 'visible' });
        await text.fill(ENTRY);
        await text.press('Enter');
        const lines = await wb.waitUntil(async () => {
          const l = (await wb.editorLines()).map((x) => x.text);
          return l.some((t) => t.endsWith(`— observation — ${ENTRY}`)) && l;
        }, { timeout: 30_000, message: 'the log entry in the editor' });
        log(`editor:\n${lines.join('\n')}`);
        const heading = lines.indexOf('## Deployment log');
        const entry = lines.findIndex((t) => t.endsWith(`— observation — ${ENTRY}`));
        assert.ok(heading >= 0 && entry > heading, 'the entry sits under "Deployment log"');
        assert.match(lines[entry], /^- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2} — observation — /);
        assert.ok(lines.includes(TYPED), 'the unsaved typing is still there');
        // Nothing was written behind the editor: its pending edits are the person's to save.
        assert.equal(fs.readFileSync(file, 'utf8'), onDisk, 'the file on disk is unchanged');
        assert.equal(await page.locator(S.activeTabDirty).count(), 1, 'the editor still has unsaved changes');
      },
    },
    {
      name: 'saving keeps both: the typing and the log entry reach the file',
      screenshot: '22-deployment-log-entry-saved',
      async run({ wb, page, sampleRepo }) {
        await wb.runCommand('File: Save');
        await wb.waitSaved();
        const saved = fs.readFileSync(path.join(recordFolder(sampleRepo), LOG_FILE), 'utf8');
        assert.ok(saved.includes(`${TYPED}\n`), 'the typing');
        assert.match(saved, new RegExp(`## Deployment log\\n[\\s\\S]*— observation — ${ENTRY}\\n`), 'the entry under its heading');
        assert.equal(await page.locator(S.activeTabDirty).count(), 0);
      },
    },
  ],
};
