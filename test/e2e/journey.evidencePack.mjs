// From the Get Started walkthrough to an exported evidence pack, then the pack itself opened in
// Chromium as an assessor would. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { S } from './selectors.mjs';
import { createSampleRepo } from '../harness/sampleRepo.mjs';

const RECORD = 'v1.1.0';

/** The sample repository with a fuller v1.1.0 record: notes, a reflection and an action plan. */
function prepareRecord(tmp) {
  const dir = createSampleRepo(path.join(tmp, 'evidence-repo')).dir;
  const record = path.join(dir, 'docs', 'changes', RECORD);
  fs.writeFileSync(path.join(record, 'on-action.md'), [
    '---', 'kind: reflection', 'phase: on-action', `change: ${RECORD}`, 'date: 2026-03-04', 'author: Sample Author', '---', '',
    '# On action', '', '## What was planned and what happened', '', 'The lab results view went live on the ward at 07:30 as planned.', '',
    '## Skills and knowledge gained', '', 'I learned to rehearse the rollback <script>alert(1)</script> before go-live.', '',
  ].join('\n'));
  fs.writeFileSync(path.join(record, 'action-plan.md'), [
    '---', 'kind: action-plan', `change: ${RECORD}`, 'date: 2026-03-05', 'author: Sample Author', 'actions:',
    '  - action: Rehearse the rollback on the test system', '    gap: Rollback never tried end to end', '    owner: Sample Author',
    '    due: 2026-04-01', '    evidence: Rehearsal log', '    status: in-progress', '---', '', '# Action plan', '',
  ].join('\n'));
  return dir;
}

export const evidencePackJourney = {
  name: 'evidence pack',
  disableWorkspaceTrust: true,
  prepare: prepareRecord,
  steps: [
    {
      name: 'the Get Started walkthrough lists every phase with its command',
      screenshot: '11-walkthrough',
      async run({ wb, page, log }) {
        await wb.runCommand('Welcome: Open Walkthrough...');
        await wb.pickQuickItem('Get Started with Reflective Change Log');
        const steps = page.locator('.getting-started-step');
        await wb.waitUntil(async () => (await steps.count()) >= 10, { timeout: 30_000, message: 'the walkthrough steps' });
        const titles = await page.locator('.getting-started-step .step-title').allTextContents();
        log(`steps: ${JSON.stringify(titles)}`);
        assert.ok(titles.some((t) => /Export the evidence pack/.test(t)));
        assert.ok(titles.some((t) => /Reflect on action/.test(t)));
      },
    },
    {
      name: 'Export Evidence Pack writes one HTML file outside tracked files',
      screenshot: '12-evidence-pack-exported',
      async run({ wb, page, sampleRepo, log }) {
        // The walkthrough's last step: open it and press its button.
        await page.locator('.getting-started-step', { hasText: 'Export the evidence pack' }).first().click();
        await page.getByRole('button', { name: 'Export Evidence Pack' }).first().click();
        // No record is open and the next release has none: pick the existing one.
        await wb.pickQuickItem(RECORD);
        // HTML or PDF: the HTML pack, the accessible one.
        await wb.pickQuickItem('HTML');
        // The save dialog offers .reflect/evidence/<system>-<version>-evidence.html (no system in the sample: <version>-evidence.html): accept it.
        const input = page.locator(S.quickInputBox);
        await input.waitFor({ state: 'visible' });
        await wb.waitUntil(async () => /evidence/.test(await input.inputValue()), { message: 'the proposed file name' });
        log(`save as: ${await input.inputValue()}`);
        await page.keyboard.press('Enter');
        const target = path.join(sampleRepo, '.reflect', 'evidence', `${RECORD}-evidence.html`);
        await wb.waitUntil(() => fs.existsSync(target), { timeout: 30_000, message: `${target} to be written` });
        const toast = await wb.waitUntil(async () => (await wb.notifications()).find((t) => /Evidence pack of/.test(t)), { message: 'the export notification' });
        log(`notification: ${toast}`);
      },
    },
    {
      name: 'the exported pack opens in a browser, self-contained and script-free',
      screenshot: '13-after-export',
      async run({ page, sampleRepo, log }) {
        const file = path.join(sampleRepo, '.reflect', 'evidence', `${RECORD}-evidence.html`);
        const html = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(html, /<script|<link\b|\bsrc=/i);
        const requests = [];
        const viewer = await page.context().newPage();
        viewer.on('request', (r) => requests.push(r.url()));
        await viewer.goto(`file://${file}`);
        await viewer.waitForLoadState('load');
        const headings = await viewer.locator('h2').allTextContents();
        log(`sections: ${JSON.stringify(headings)}`);
        assert.ok(headings.length >= 5, 'the pack has its sections');
        assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the pack makes no requests');
        assert.equal(await viewer.locator('script').count(), 0);
        await viewer.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots', '14-evidence-pack-html.png'), fullPage: false });
        await viewer.close();
      },
    },
  ],
};
