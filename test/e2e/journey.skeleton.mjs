// The user journey walked by `npm run test:e2e` (test/harness/runE2e.mjs) in a real VS Code web
// workbench with the packaged extension installed. Each step acts like a user, asserts what a
// user would see, and leaves a screenshot in test/e2e/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { UNRELEASED_SUBJECTS } from '../harness/sampleRepo.mjs';

const CONTAINER_TITLE = 'Change Log';
const RELEASES_VIEW = 'Releases';
// The unreleased commits include a breaking change after v1.1.0, so Semantic Versioning (and the
// extension's suggestBump, src/core/commits/versionBump.ts) proposes a major bump: v2.0.0.
const NEXT_VERSION = 'v2.0.0';
/** What a user would recognise of each unreleased commit in the notes (type/scope prefixes may be reformatted). */
const UNRELEASED_TEXTS = UNRELEASED_SUBJECTS.map((s) => s.replace(/^\w+(\([^)]*\))?!?:\s*/, ''));
const NOTE = 'Harness note: rollback plan reviewed with the ward team.';

/**
 * @typedef {{ wb: import('./workbench.mjs').Workbench, sampleRepo: string, log: (msg: string) => void }} JourneyContext
 * @type {{ name: string, screenshot: string, run: (ctx: JourneyContext) => Promise<void> }[]}
 */
export const steps = [
  {
    name: 'Releases view lists Unreleased, v1.1.0, v1.0.0',
    screenshot: '01-releases',
    async run({ wb, log }) {
      await wb.openView(CONTAINER_TITLE);
      const top = await wb.waitUntil(async () => {
        const rows = (await wb.treeItems(RELEASES_VIEW)).filter((r) => r.level === 1);
        return rows.length >= 3 && rows[0].label === 'Unreleased' && rows;
      }, { timeout: 45_000, message: `the "${RELEASES_VIEW}" tree to show "Unreleased" first` });
      log(`rows: ${JSON.stringify(top.slice(0, 3))}`);
      assert.match(top[0].description, /\b4 commits\b/, 'Unreleased row description should count 4 commits');
      assert.equal(top[1].label, 'v1.1.0');
      assert.match(top[1].description, /2026-03-02/);
      assert.equal(top[2].label, 'v1.0.0');
      assert.match(top[2].description, /2026-01-15/);
    },
  },
  {
    name: 'a commit opens its details page and expands to its files with counts',
    screenshot: '01c-commit-files',
    async run({ wb, log }) {
      const rows = `.part.sidebar .monaco-list[role="tree"][aria-label="${RELEASES_VIEW}"] [role="treeitem"]`;
      await wb.page.locator(rows, { hasText: 'Unreleased' }).first().click();
      await wb.page.keyboard.press('ArrowRight');
      const commitLabel = 'show lab result trend';
      await wb.waitUntil(async () => (await wb.treeItems(RELEASES_VIEW)).some((r) => r.label === commitLabel),
        { timeout: 30_000, message: `the commit "${commitLabel}" under Features` });
      await wb.page.locator(rows, { hasText: commitLabel }).first().click();
      const tab = await wb.waitUntil(async () => {
        const labels = await wb.page.locator('.tabs-container .tab').allTextContents();
        return labels.find((l) => /Preview\]? [0-9a-f]{7}\.md/.test(l));
      }, { timeout: 30_000, message: 'the commit details preview tab' });
      log(`details tab: ${tab}`);
      // The preview is a webview (nested frames): wait until the page has rendered in one of them.
      await wb.waitUntil(async () => {
        for (const frame of wb.page.frames()) {
          const found = await frame.locator('h2', { hasText: 'Files changed' }).count().catch(() => 0);
          if (found > 0) return true;
        }
        return false;
      }, { timeout: 30_000, message: 'the commit details page to render in the preview' });
      await wb.screenshot('01b-commit-details');
      // The twistie expands the commit without running its command again.
      await wb.page.locator(rows, { hasText: commitLabel }).first().locator('.monaco-tl-twistie').click();
      const file = await wb.waitUntil(async () => (await wb.treeItems(RELEASES_VIEW)).find((r) => r.label === 'trend.js'),
        { timeout: 30_000, message: 'the commit\'s file trend.js' });
      log(`file row: ${JSON.stringify(file)}`);
      assert.match(file.description, /^src · A \+1 −0$/);
    },
  },
  {
    name: 'Files changed counts the release\'s files, each with the theme\'s icon for its kind of file',
    screenshot: '01d-release-files',
    async run({ wb, log }) {
      const rows = `.part.sidebar .monaco-list[role="tree"][aria-label="${RELEASES_VIEW}"] [role="treeitem"]`;
      const files = await wb.waitUntil(async () => (await wb.treeItems(RELEASES_VIEW)).find((r) => r.label === 'Files changed' && r.level === 2),
        { timeout: 30_000, message: 'the Files changed row under Unreleased' });
      log(`files row: ${JSON.stringify(files)}`);
      assert.equal(files.description, '4', 'the four files the unreleased commits changed');
      await wb.page.locator(rows, { hasText: 'Files changed' }).first().locator('.monaco-tl-twistie').click();
      const trend = wb.page.locator(rows).filter({ has: wb.page.locator('.label-name', { hasText: /^trend\.js$/ }) }).filter({ hasText: 'added' }).first();
      await trend.waitFor({ state: 'visible', timeout: 30_000 });
      const icon = await trend.locator('.monaco-icon-label').first().getAttribute('class');
      log(`trend.js icon classes: ${icon}`);
      assert.match(icon ?? '', /\bjs-ext-file-icon\b/, 'the theme\'s JavaScript file icon');
      assert.match((await trend.textContent()) ?? '', /src · A added/);
    },
  },
  {
    name: `Generate Release Notes opens docs/changes/${NEXT_VERSION}/release-notes.md`,
    screenshot: '02-release-notes',
    async run({ wb, sampleRepo, log }) {
      await wb.runCommand('Change Log: Generate Release Notes');
      await wb.waitForActiveEditor('release-notes.md');
      const onDisk = path.join(sampleRepo, 'docs', 'changes', NEXT_VERSION, 'release-notes.md');
      assert.ok(fs.existsSync(onDisk), `${onDisk} should have been written`);
      const visible = await wb.waitUntil(async () => {
        const t = await wb.editorText();
        return t.includes('Breaking changes') && t;
      }, { timeout: 15_000, message: 'the release notes to be rendered in the editor' });
      log(`visible text:\n${visible}`);
      assert.match(visible, new RegExp(`Release notes: ${NEXT_VERSION.replace(/\./g, '\\.')}`));
      // The whole document is longer than the editor: check the order of its sections on disk.
      const text = fs.readFileSync(onDisk, 'utf8');
      const headings = ['Breaking changes', 'Features', 'Bug fixes', 'Other changes'];
      const positions = headings.map((h) => {
        const i = text.search(new RegExp(`^#+\\s*${h}`, 'm'));
        assert.ok(i >= 0, `heading "${h}" should be in the notes`);
        return i;
      });
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, `sections should come in the order ${headings.join(', ')}`);
      for (const subject of UNRELEASED_TEXTS) assert.ok(text.includes(subject), `"${subject}" should be listed`);
      const breaking = text.slice(positions[0], positions[1]);
      assert.ok(breaking.includes('drop v1 endpoint'), 'the breaking change should be listed under "Breaking changes"');
    },
  },
  {
    name: 'New Reflection (before-action) creates the record once and never overwrites it',
    screenshot: '03-reflection',
    async run({ wb, sampleRepo, log }) {
      await wb.runCommand('Change Log: New Reflection');
      await wb.pickQuickItem('before-action');
      await wb.waitForActiveEditor('before-action.md');
      const onDisk = path.join(sampleRepo, 'docs', 'changes', NEXT_VERSION, 'before-action.md');
      assert.ok(fs.existsSync(onDisk), `${onDisk} should have been written`);
      const lines = (await wb.waitUntil(async () => {
        const l = (await wb.editorLines()).map((x) => x.text);
        return l.some((t) => t.startsWith('#')) && l;
      }, { message: 'the reflection template to be rendered' }));
      log(`visible text:\n${lines.join('\n')}`);
      const end = lines.indexOf('---', 1);
      assert.equal(lines[0], '---', 'the record should start with front matter');
      assert.ok(end > 0, 'the front matter should be closed by ---');
      const front = lines.slice(1, end);
      for (const expected of ['kind: reflection', 'phase: before-action', `change: ${NEXT_VERSION}`, 'author: Sample Author']) {
        assert.ok(front.includes(expected), `front matter should contain "${expected}"; got ${JSON.stringify(front)}`);
      }
      assert.ok(front.some((l) => /^date: \d{4}-\d{2}-\d{2}/.test(l)), 'front matter should have a date');
      assert.ok(lines.slice(end + 1).some((l) => /^#+ \S/.test(l)), 'prompts should follow as # headings');

      // Type a note at the end, save it, and run the command again: the note must survive.
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type(NOTE);
      await wb.runCommand('File: Save');
      await wb.waitSaved();
      await wb.waitUntil(() => fs.readFileSync(onDisk, 'utf8').includes(NOTE), { message: 'the note to be saved to disk' });

      await wb.runCommand('Change Log: New Reflection');
      await wb.pickQuickItem('before-action');
      await wb.waitForActiveEditor('before-action.md');
      assert.ok(fs.readFileSync(onDisk, 'utf8').includes(NOTE), 'running New Reflection again must not overwrite the record');
      await wb.page.keyboard.press('Control+End'); // show the note in the screenshot
      await wb.waitUntil(async () => (await wb.editorText()).includes(NOTE), { message: 'the note to still be in the editor' });
      await wb.page.keyboard.press('Control+Home');
    },
  },
  {
    name: 'Deleting "author:" gives a warning squiggle and a Problems row from "Change Log"',
    screenshot: '04-problems',
    async run({ wb, log }) {
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+Home');
      const authorLine = await wb.waitUntil(async () =>
        (await wb.editorLines()).find((l) => l.text.startsWith('author:')), { message: 'the author: line to be visible' });
      assert.ok(authorLine.number, 'line numbers should be visible');
      await wb.goToLine(authorLine.number);
      await wb.page.keyboard.press('Control+Shift+K'); // Delete Line
      await wb.waitUntil(async () => !(await wb.editorLines()).some((l) => l.text.startsWith('author:')),
        { timeout: 5000, message: 'the author: line to be deleted' });

      await wb.waitUntil(async () => (await wb.squiggles('warning')) > 0,
        { timeout: 30_000, message: 'a warning squiggle (.squiggly-warning) in the editor' });
      await wb.openProblems();
      const row = await wb.waitUntil(async () =>
        (await wb.problemRows()).find((r) => /author/i.test(r.message)),
      { timeout: 30_000, message: 'a Problems row whose message mentions "author"' });
      log(`problem: ${JSON.stringify(row)}`);
      assert.match(row.source || row.ariaLabel, /Change Log/, 'the marker source should be "Change Log"');
    },
  },
  {
    name: 'the quick fix puts the missing field back, with a placeholder',
    screenshot: '04b-quick-fix-applied',
    async run({ wb, log }) {
      await wb.focusEditor();
      await wb.goToLine(1);
      const menu = await wb.openQuickFix();
      const fix = menu.locator('.monaco-list-row', { hasText: 'Add field "author"' }).first();
      await fix.waitFor({ state: 'visible', timeout: 15_000 });
      await wb.screenshot('04a-quick-fix-menu');
      await fix.click();
      const lines = await wb.waitUntil(async () => {
        const l = (await wb.editorLines()).map((x) => x.text);
        return l.some((t) => t.startsWith('author:')) && l;
      }, { message: 'the author field to be back' });
      log(`front matter:\n${lines.slice(0, 8).join('\n')}`);
      await wb.openProblems();
      await wb.waitUntil(async () => !(await wb.problemRows()).some((r) => /Missing required field "author"/.test(r.message)), { timeout: 20_000, message: 'the author warning to clear' });
    },
  },
];
