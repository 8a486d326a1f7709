// `npm run bench:workbench`: the Releases view at scale, measured in the real
// workbench. Opens a generated repository (bench/largeRepository.mjs: 50,000
// commits, 2,000 tags) in code-server with the packaged extension, drives it
// with Chromium as a person would, and prints:
//   - first release rows: from the Releases view being visible (and from the
//     click on the Change Log container) to its first release rows;
//   - expanding a 10,000-commit range (a comparison of v16.0.0 with v20.0.0,
//     added with Compare Releases…): from the click on its twistie to its first commit rows;
//   - Load more…: from the click to the next page's rows;
//   - the extension host's memory before and after, and the longest time its
//     event loop was blocked during each step, from the extension's probe
//     (src/extension/benchProbe.ts, started only because REFLECT_BENCH_FIGURES is set).
//   - the git calls the extension made in each step (the probe hears each one);
//     the probe's lines are kept in bench/.cache/workbench-probe.jsonl.
// `npm run bench:workbench -- --profile` CPU-profiles the extension host too
// (bench/.cache/workbench-host.cpuprofile, for DevTools) and lists the host's
// long tasks with whose code ran in them (bench/longTasks.mjs); with
// RCL_READABLE_BUNDLE=1 the package keeps its function names.
// A benchmark, not a test: it asserts nothing, it reports against the goals.
// Needs the packaged extension (`npm run package`) and the e2e harness's
// code-server and Chromium (test/harness/install.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../test/harness/browser.mjs';
import { installVsix, startCodeServer, workbenchUrl } from '../test/harness/codeServer.mjs';
import { ensureInstalled } from '../test/harness/install.mjs';
import { VSIX_PATH } from '../test/harness/paths.mjs';
import { S } from '../test/e2e/selectors.mjs';
import { Workbench } from '../test/e2e/workbench.mjs';
import { ensureLargeRepository } from './largeRepository.mjs';
import { describeLongTasks, longTasks } from './longTasks.mjs';

const VIEW = 'Releases';
const RANGE = { from: 'v16.0.0', to: 'v20.0.0' }; // tags 1,600 and 2,000: 10,000 commits apart
const GOALS = { firstRowsMs: 1000, expandMs: 500, loadMoreMs: 500, memoryGrowthMb: 50, blockMs: 50 };
const SCREENSHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'e2e', 'screenshots');

const log = (message) => console.log(`[bench:workbench] ${message}`);
const rows = S.treeRows(VIEW);

/** Every line the probe wrote so far: samples, and one `git` line per git call. */
function allProbeLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The probe's samples so far: { time, event, rss, heapUsed, maxBlockMs }. */
function probeLines(file) {
  return allProbeLines(file).filter((l) => l.event !== 'git');
}

/** The git calls the extension made between `start` and `end`: how many, the longest, and by command. */
function gitCallsDuring(file, start, end) {
  const calls = allProbeLines(file).filter((l) => l.event === 'git' && l.time >= start && l.time <= end);
  const byCommand = new Map();
  for (const call of calls) byCommand.set(call.command, (byCommand.get(call.command) ?? 0) + 1);
  const longest = calls.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
  const commands = [...byCommand].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([command, n]) => `${n}× ${command}`).join(', ');
  return calls.length === 0 ? 'no git calls' : `${calls.length} git calls (longest ${longest.ms} ms: ${longest.command}; ${commands})`;
}

/** Waits (polling the DOM, at most `timeout` ms) until `probe` returns something truthy. */
async function until(page, probe, arg, timeout = 120_000) {
  return page.waitForFunction(probe, arg, { timeout, polling: 'raf' });
}

/** The step's figures from the probe lines between `start` and `end` (ms since the epoch, same machine clock). */
function during(lines, start, end) {
  const inside = lines.filter((l) => l.time >= start && l.time <= end + 150);
  return { maxBlockMs: Math.max(0, ...inside.map((l) => l.maxBlockMs)), rss: inside.at(-1)?.rss };
}

/** Waits until the probe has written a line after `time` (so the step's last 100 ms are in). */
async function probeAfter(file, time) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (probeLines(file).some((l) => l.time > time + 150)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const verdict = (value, goal) => (value <= goal ? 'meets' : 'MISSES');

async function main() {
  if (!fs.existsSync(VSIX_PATH)) throw new Error(`${VSIX_PATH} is missing: run 'npm run package' first.`);
  ensureInstalled();
  const large = await ensureLargeRepository();
  log(`repository ${large}; starting code-server with the packaged extension`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rcl-bench-workbench-'));
  const repo = path.join(tmp, 'large');
  // A clone, so the workbench and its git extension never write into the cached repository.
  execFileSync('git', ['clone', '-q', large, repo], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  const figures = path.join(tmp, 'probe.jsonl');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  installVsix(extensionsDir, VSIX_PATH);
  // `--profile`: the probe CPU-profiles the extension host too, written to bench/.cache/workbench-host.cpuprofile.
  const profile = process.argv.includes('--profile') ? path.join(tmp, 'host.cpuprofile') : undefined;
  const server = await startCodeServer({ extensionsDir, env: { REFLECT_BENCH_FIGURES: figures, ...(profile ? { REFLECT_BENCH_PROFILE: profile } : {}) } });
  let browser;
  let wbForFailure;
  try {
    const launched = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
    browser = launched.browser;
    const { page } = launched;
    const wb = new Workbench(page, { screenshotDir: SCREENSHOTS });
    wbForFailure = wb;
    await page.goto(workbenchUrl(server, repo));
    await wb.waitReady();
    // Let the workbench settle (its own extensions start) before anything is timed.
    await page.waitForTimeout(3000);

    // 1. First release rows.
    const clicked = Date.now();
    await wb.openView('Change Log');
    // The view is visible when its pane is shown open: its header expanded, with a body of some size. (The tree
    // element itself has no size until it has rows, so waiting for it would time the rows, not the view.)
    await until(
      page,
      (title) =>
        [...document.querySelectorAll('.part.sidebar .pane')].some((pane) => {
          const header = pane.querySelector('.pane-header');
          const body = pane.querySelector('.pane-body');
          return header?.querySelector('.title')?.textContent?.trim() === title && header.getAttribute('aria-expanded') === 'true' && (body?.getBoundingClientRect().height ?? 0) > 0;
        }),
      VIEW,
      60_000,
    );
    const visible = Date.now();
    await until(page, (sel) => [...document.querySelectorAll(sel)].some((row) => /^v\d/.test(row.querySelector('.label-name')?.textContent ?? '')), rows);
    const firstRows = Date.now();
    await probeAfter(figures, firstRows);
    const activated = probeLines(figures).find((l) => l.event === 'activated');
    const before = probeLines(figures).filter((l) => l.time <= firstRows).at(-1);
    const paint = during(probeLines(figures), clicked, firstRows);
    // Counts arrive after first paint; wait for them so the screenshot shows them.
    log(`first release rows after ${firstRows - visible} ms; waiting (up to 30 s) for the first tag counts`);
    const countsStart = Date.now();
    await until(page, (sel) => [...document.querySelectorAll(sel)].some((row) => /^v\d/.test(row.querySelector('.label-name')?.textContent ?? '') && /commit/.test(row.querySelector('.label-description')?.textContent ?? '')), rows, 30_000).catch(() => undefined);
    const firstCount = Date.now() - countsStart + (countsStart - firstRows);
    await wb.screenshot('bench-01-first-release-rows');

    // 2. Compare Releases: the 10,000-commit range, then expand it.
    await wb.runCommand('Change Log: Compare Releases…');
    for (const [index, ref] of [RANGE.from, RANGE.to].entries()) {
      // Each side is its own quick pick, titled "Compare Releases (1/2)…" and "(2/2)…".
      await page.locator(S.quickInput).filter({ hasText: `Compare Releases (${index + 1}/2)` }).waitFor({ state: 'visible', timeout: 60_000 });
      const input = page.locator(S.quickInputBox);
      await input.fill(ref);
      await page.locator(S.quickInputRow).filter({ hasText: ref }).first().waitFor({ state: 'visible' });
      await input.press('Enter');
    }
    log('comparing the 10,000-commit range');
    const comparison = `${RANGE.from} ↔ ${RANGE.to}`;
    const row = page.locator(rows).filter({ hasText: comparison }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await probeAfter(figures, Date.now());
    const expandStart = Date.now();
    await row.locator('.monaco-tl-twistie').click();
    await until(page, (sel) => [...document.querySelectorAll(sel)].some((r) => r.getAttribute('aria-level') === '3'), rows);
    const expanded = Date.now();
    await probeAfter(figures, expanded);
    const expand = during(probeLines(figures), expandStart, expanded);
    await wb.screenshot('bench-02-expanded-10000-commits');

    // 3. Load more…
    // The tree draws only the rows in sight: scroll down the expanded range to its Load more… row.
    const more = page.locator(rows).filter({ hasText: 'Load more…' }).filter({ hasText: 'showing' }).first();
    const tree = page.locator(`.part.sidebar .monaco-list[role="tree"][aria-label="${VIEW}"]`);
    await tree.hover();
    for (let i = 0; i < 200 && !(await more.isVisible()); i++) await page.mouse.wheel(0, 200);
    await more.waitFor({ state: 'visible', timeout: 30_000 });
    // The rows in sight change once the next page is in (the groups' "· N loaded" grow).
    const inSight = (sel) => [...document.querySelectorAll(sel)].map((r) => r.textContent).join('\n');
    const shownBefore = await page.evaluate(inSight, rows);
    const moreStart = Date.now();
    await more.click();
    await until(page, ([sel, old]) => [...document.querySelectorAll(sel)].map((r) => r.textContent).join('\n') !== old, [rows, shownBefore]);
    const moreDone = Date.now();
    await probeAfter(figures, moreDone);
    const loadMore = during(probeLines(figures), moreStart, moreDone);
    const after = probeLines(figures).at(-1);
    await wb.screenshot('bench-03-load-more');

    // 4. A slow command shows a cancellable progress notification: release notes of the 10,000 commits, cancelled.
    log('Generate Release Notes on the comparison, then Cancel');
    await page.locator(rows).filter({ hasText: comparison }).first().scrollIntoViewIfNeeded().catch(() => undefined);
    await tree.hover();
    for (let i = 0; i < 200 && !(await page.locator(rows).filter({ hasText: comparison }).first().isVisible()); i++) await page.mouse.wheel(0, -400);
    await page.locator(rows).filter({ hasText: comparison }).first().click({ button: 'right' });
    await page.locator('.context-view .action-label', { hasText: 'Generate Release Notes' }).first().click();
    const notesStart = Date.now();
    const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Reading the commits of' }).first();
    let progressShown;
    let cancelled = 'no progress notification appeared';
    const notesFile = path.join(repo, 'docs', 'changes', RANGE.to, 'release-notes.md');
    try {
      // Work done before the notification is due (0.4 s) shows none: then the notes are simply written.
      const first = await Promise.race([
        toast.waitFor({ state: 'visible', timeout: 30_000 }).then(() => 'toast', () => 'neither'),
        (async () => {
          for (let i = 0; i < 300 && !fs.existsSync(notesFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
          return fs.existsSync(notesFile) ? 'written' : 'neither';
        })(),
      ]);
      if (first === 'written') throw new Error(`the notes were written after ${Date.now() - notesStart} ms, before a progress notification was due`);
      progressShown = Date.now() - notesStart;
      await wb.screenshot('bench-04-progress-notification');
      await toast.hover();
      await toast.locator('.monaco-button, .action-label', { hasText: 'Cancel' }).first().click({ timeout: 5000 });
      await toast.waitFor({ state: 'hidden', timeout: 30_000 });
      const notes = path.join(repo, 'docs', 'changes', RANGE.to, 'release-notes.md');
      // Reads started before the cancel finish in the background; nothing may be written after them.
      await page.waitForTimeout(5000);
      cancelled = fs.existsSync(notes) ? `MISSES: ${path.relative(repo, notes)} was written after Cancel` : 'cancelled: no release notes written';
      await wb.screenshot('bench-05-cancelled');
    } catch (error) {
      cancelled = error.message.startsWith('the notes were written') ? error.message : `could not cancel: ${error.message.split('\n')[0]}`;
    }

    if (profile) {
      fs.writeFileSync(`${profile}.stop`, '');
      for (let i = 0; i < 100 && !fs.existsSync(profile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      const kept = path.join(path.dirname(large), 'workbench-host.cpuprofile');
      if (fs.existsSync(profile)) fs.copyFileSync(profile, kept);
      log(fs.existsSync(profile) ? `CPU profile of the extension host: ${kept}` : 'no CPU profile was written');
    }
    fs.copyFileSync(figures, path.join(path.dirname(large), 'workbench-probe.jsonl'));
    const growth = after && activated ? after.rss - activated.rss : NaN;
    console.log('');
    console.log(`Releases view at scale in the workbench (code-server, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}): 50,000 commits, 2,000 tags`);
    console.log(`  step                                   time      goal    longest block (goal ${GOALS.blockMs} ms)`);
    const line = (name, ms, goal, block) => console.log(`  ${name.padEnd(36)} ${String(ms).padStart(6)} ms  < ${String(goal).padStart(4)}  ${verdict(ms, goal).padEnd(7)} ${block.toFixed(1).padStart(6)} ms ${verdict(block, GOALS.blockMs)}`);
    line('first release rows (view visible)', firstRows - visible, GOALS.firstRowsMs, paint.maxBlockMs);
    console.log(`  ${'  first tag count after the rows'.padEnd(36)} ${String(firstCount).padStart(6)} ms`);
    console.log(`  ${'  (from the click, with activation)'.padEnd(36)} ${String(firstRows - clicked).padStart(6)} ms`);
    if (activated) console.log(`  ${'  (from the extension\'s activation)'.padEnd(36)} ${String(firstRows - activated.time).padStart(6)} ms`);
    line(`expand ${comparison} (10,000)`, expanded - expandStart, GOALS.expandMs, expand.maxBlockMs);
    line('Load more…', moreDone - moreStart, GOALS.loadMoreMs, loadMore.maxBlockMs);
    console.log(`  extension host memory (rss): ${activated ? mb(activated.rss) : '?'} MB at activation, ${before ? mb(before.rss) : '?'} MB at first rows, ${after ? mb(after.rss) : '?'} MB after Load more`);
    const activatedAt = activated?.time ?? clicked;
    console.log(`  git calls, activation to the view visible: ${gitCallsDuring(figures, activatedAt, visible)}`);
    console.log(`  git calls, view visible to first rows: ${gitCallsDuring(figures, visible, firstRows)}`);
    console.log(`  git calls, first rows to the comparison: ${gitCallsDuring(figures, firstRows, expandStart)}`);
    console.log(`  git calls, expanding: ${gitCallsDuring(figures, expandStart, expanded)}`);
    console.log(`  git calls, Load more…: ${gitCallsDuring(figures, moreStart, moreDone)}`);
    console.log(`  memory growth from activation to the end: ${mb(growth)} MB  < ${GOALS.memoryGrowthMb} MB ${verdict(growth / 1024 / 1024, GOALS.memoryGrowthMb)} (heap ${activated && after ? mb(after.heapUsed - activated.heapUsed) : '?'} MB)`);
    console.log(`  Generate Release Notes (10,000 commits): progress notification after ${progressShown ?? '?'} ms; ${cancelled}`);
    const marks = [['click', clicked], ['rows', firstRows], ['expand', expandStart], ['more', moreStart], ['notes', notesStart]];
    const blocks = probeLines(figures).filter((l) => l.maxBlockMs > GOALS.blockMs).map((l) => {
      const [name, at] = marks.filter(([, t]) => t <= l.time).at(-1) ?? ['start', clicked];
      return `${l.maxBlockMs.toFixed(0)} ms at ${name}+${l.time - at} ms`;
    });
    console.log(`  blocks over ${GOALS.blockMs} ms: ${blocks.length === 0 ? 'none' : blocks.join(', ')}`);
    console.log(`  longest block over the whole run: ${Math.max(...probeLines(figures).map((l) => l.maxBlockMs)).toFixed(1)} ms`);
    if (profile && fs.existsSync(profile)) {
      // Whose code the host ran in each long task (the profiler slows the host, so these read long).
      const tasks = longTasks(JSON.parse(fs.readFileSync(profile, 'utf8')), GOALS.blockMs);
      const ours = tasks.filter((t) => t.shares[0]?.[0] === 'reflective-change-log').length;
      console.log(`  long tasks of the extension host in the CPU profile (${tasks.length} of ${GOALS.blockMs} ms or more; ${ours} mostly ours), ms from the profile's start:`);
      for (const line of describeLongTasks(tasks)) console.log(line);
    }
    console.log(`  screenshots: ${path.relative(process.cwd(), SCREENSHOTS)}/bench-0*.png`);
  } catch (error) {
    if (wbForFailure) {
      await wbForFailure.screenshot('bench-FAILED').catch(() => undefined);
      console.error(`[bench:workbench] notifications: ${JSON.stringify(await wbForFailure.notifications().catch(() => []))}`);
    }
    console.error(`--- code-server log (tail) ---\n${server.logTail(30)}`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench:workbench] ${error.stack ?? error}`);
    process.exit(1);
  },
);
