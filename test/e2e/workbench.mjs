// A small driver for the VS Code web workbench (code-server), on top of a Playwright page.
// Only user-level actions: palette, quick picks, views, editor keys, Problems panel, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { S } from './selectors.mjs';
import { waitUntil } from './waitUntil.mjs';

export const SCREENSHOT_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots');

const exact = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { screenshotDir = SCREENSHOT_DIR } = {}) {
    this.page = page;
    this.screenshotDir = screenshotDir;
  }

  /** Waits for the workbench shell and the activity bar to be rendered. */
  async waitReady(timeout = 60_000) {
    await this.page.waitForSelector(S.workbench, { timeout });
    await this.page.waitForSelector(S.activityBarItems, { timeout });
  }

  // ---- Quick input ---------------------------------------------------------------------------

  /** Opens the command palette (F1). A key press sent before the workbench has focus can be lost: retry once. */
  async openPalette() {
    const input = this.page.locator(S.quickInputBox);
    for (let attempt = 0; attempt < 2; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        return input;
      } catch (err) {
        if (attempt === 1) throw new Error(`the command palette did not open: ${err.message}`);
        await this.page.locator(S.workbench).click({ position: { x: 700, y: 5 } }).catch(() => {});
      }
    }
    return input;
  }

  /**
   * Runs a command by its palette title, e.g. "Change Log: Generate Release Notes". `search` is
   * what is typed when the whole title does not filter (the palette's matcher misses titles with
   * parentheses or a trailing "…").
   */
  async runCommand(title, { timeout = 15_000, search = title } = {}) {
    const input = await this.openPalette();
    await input.fill(`>${search}`);
    const row = this.page.locator(S.quickInputRow)
      .filter({ has: this.page.locator(S.quickInputRowLabel, { hasText: exact(title) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout });
    } catch {
      const shown = await this.quickItems();
      throw new Error(`command "${title}" is not in the palette; shown: ${JSON.stringify(shown.map((r) => r.label))}`);
    }
    await row.click();
  }

  /** Rows of the open quick input: { label, description }. */
  async quickItems() {
    return this.page.locator(S.quickInputRow).evaluateAll((rows, sel) => rows.map((row) => ({
      label: row.querySelector(sel.label)?.textContent?.trim() ?? '',
      description: row.querySelector(sel.description)?.textContent?.trim() ?? '',
    })), { label: S.quickInputRowLabel, description: S.quickInputRowDescription });
  }

  /** Clicks the quick-pick row whose label or description contains `text`. */
  async pickQuickItem(text, { timeout = 15_000 } = {}) {
    const row = this.page.locator(S.quickInputRow).filter({ hasText: text }).first();
    try {
      await row.waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`no quick-pick row contains "${text}"; shown: ${JSON.stringify(await this.quickItems())}`);
    }
    await row.click();
    await this.page.locator(S.quickInput).waitFor({ state: 'hidden', timeout }).catch(() => {});
  }

  // ---- Views ---------------------------------------------------------------------------------

  /** Clicks the activity-bar entry of a view container (by its title, e.g. "Change Log"). */
  async openView(containerTitle, { timeout = 30_000 } = {}) {
    const item = this.page.locator(S.activityBarItem(containerTitle)).first();
    await item.waitFor({ state: 'visible', timeout });
    // Clicking an already-selected container would collapse the side bar.
    const selected = await item.evaluate((a) => a.closest('.action-item')?.classList.contains('checked')
      || a.getAttribute('aria-expanded') === 'true');
    if (!selected) await item.click();
  }

  /** Rendered rows of a tree view: { label, description, level }. */
  async treeItems(viewName) {
    return this.page.locator(S.treeRows(viewName)).evaluateAll((rows, sel) => rows
      .map((row) => ({
        top: row.getBoundingClientRect().top,
        label: row.querySelector(sel.label)?.textContent?.trim() ?? '',
        description: row.querySelector(sel.description)?.textContent?.trim() ?? '',
        level: Number(row.getAttribute('aria-level') ?? 1),
      }))
      .sort((a, b) => a.top - b.top)
      .map((r) => ({ label: r.label, description: r.description, level: r.level })), { label: S.treeRowLabel, description: S.treeRowDescription });
  }

  /** Waits (at most `timeout` ms) until a tree view's top-level rows satisfy `accept`, and returns them. */
  async topLevelRows(viewName, accept, message, { timeout = 45_000 } = {}) {
    return this.waitUntil(async () => {
      const rows = (await this.treeItems(viewName)).filter((r) => r.level === 1);
      return accept(rows) && rows;
    }, { timeout, message });
  }

  // ---- Editors -------------------------------------------------------------------------------

  /** Waits until the active editor tab shows `fileName`. */
  async waitForActiveEditor(fileName, { timeout = 30_000 } = {}) {
    try {
      await this.page.waitForSelector(S.activeTabFor(fileName), { timeout });
    } catch {
      const active = await this.page.locator(S.activeTab).first().getAttribute('data-resource-name').catch(() => null);
      throw new Error(`no active editor on "${fileName}" within ${timeout} ms (active tab: ${active ?? 'none'})`);
    }
    await this.page.locator(`${S.activeEditor} ${S.editorLines}`).first().waitFor({ timeout });
  }

  /** Visible lines of the active editor, top to bottom: { number, text } (only rendered lines exist). */
  async editorLines() {
    return this.page.locator(S.activeEditor).first().evaluate((editor, sel) => {
      const byTop = (a, b) => parseFloat(a.style.top) - parseFloat(b.style.top);
      const lines = [...editor.querySelectorAll(sel.lines)].sort(byTop);
      // Line numbers live in the margin, one per rendered line, at the same `top`.
      const numbers = new Map([...editor.querySelectorAll(sel.numbers)]
        .map((n) => [Math.round(parseFloat(n.parentElement?.style.top ?? 'NaN')), Number(n.textContent)]));
      return lines.map((line) => ({
        number: numbers.get(Math.round(parseFloat(line.style.top))) ?? null,
        text: (line.textContent ?? '').replace(/\u00a0/g, ' '),
      }));
    }, { lines: S.editorLines, numbers: S.editorLineNumbers });
  }

  /** Visible text of the active editor (lines joined with \n). */
  async editorText() {
    return (await this.editorLines()).map((l) => l.text).join('\n');
  }

  /** Puts the caret in the active editor's text area. */
  async focusEditor() {
    await this.page.locator(`${S.activeEditor} .view-lines`).first().click();
  }

  /** Moves the caret to the start of `lineNumber` (Ctrl+G; palette "Go to Line/Column..." if the key is lost). */
  async goToLine(lineNumber) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator(S.quickInputBox);
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
    } catch {
      await this.runCommand('Go to Line/Column...');
      await input.waitFor({ state: 'visible', timeout: 5000 });
    }
    await input.fill(`:${lineNumber}`);
    await input.press('Enter');
    await this.page.locator(S.quickInput).waitFor({ state: 'hidden', timeout: 5000 });
  }

  /**
   * Opens the Quick Fix menu at the caret (Ctrl+.; the palette's "Quick Fix..."
   * if the key is lost, as it can be right after the editor takes focus) and
   * returns the menu.
   */
  async openQuickFix() {
    const menu = this.page.locator('.action-widget').first();
    await this.page.keyboard.press('Control+Period');
    try {
      await menu.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      await this.runCommand('Quick Fix...');
      await menu.waitFor({ state: 'visible', timeout: 15_000 });
    }
    return menu;
  }

  /** Waits until the active tab has no unsaved changes. */
  async waitSaved({ timeout = 15_000 } = {}) {
    await this.page.waitForSelector(S.activeTabDirty, { state: 'detached', timeout });
  }

  /** Number of squiggles of a severity ('error' | 'warning' | 'info') in the active editor. */
  async squiggles(severity = 'warning') {
    return this.page.locator(`${S.activeEditor} ${S.squiggle(severity)}`).count();
  }

  // ---- Problems ------------------------------------------------------------------------------

  /** Opens the Problems panel through its status-bar item. */
  async openProblems() {
    const panelOpen = await this.page.locator('.part.panel .markers-panel').isVisible().catch(() => false);
    if (!panelOpen) await this.page.locator(S.problemsStatusItem).click();
    await this.page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Rows of the Problems panel: { message, source, code } (file rows have an empty message). */
  async problemRows() {
    return this.page.locator(S.problemRows).evaluateAll((rows, sel) => rows.map((row) => ({
      message: row.querySelector(sel.message)?.textContent?.trim() ?? '',
      source: row.querySelector(sel.source)?.textContent?.trim() ?? '',
      code: row.querySelector(sel.code)?.textContent?.trim() ?? '',
      ariaLabel: row.getAttribute('aria-label') ?? '',
    })), { message: S.problemMessage, source: S.problemSource, code: S.problemCode });
  }

  /** Texts of the visible notification toasts. */
  async notifications() {
    return this.page.locator(S.notificationToast).allTextContents();
  }

  // ---- Evidence ------------------------------------------------------------------------------

  /** Saves a screenshot as <screenshotDir>/<name>.png and returns its path. */
  async screenshot(name) {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  waitUntil(probe, opts) {
    return waitUntil(probe, opts);
  }
}
