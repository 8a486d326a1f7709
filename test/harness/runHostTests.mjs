// `npm run test:host`: runs the extension-host mocha suite (out/test/integration/index.js) inside a
// real VS Code (code-server's remote extension host), offline, driven by headless Chromium.
//
// How: code-server runs with the smoke-test driver enabled, so the web client honours the
// `payload` URL parameter (extensionDevelopmentPath + extensionTestsPath) and, when the suite's
// run() settles, calls window.codeAutomationExit(code), which we expose from Playwright.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureInstalled, InstallError } from './install.mjs';
import { EXTENSION_MAIN, HOST_SUITE_INDEX, REPO_ROOT } from './paths.mjs';
import { createSampleRepo } from './sampleRepo.mjs';

const OVERALL_TIMEOUT_MS = 5 * 60_000;
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'screenshots');

function fail(message) {
  console.error(`[test:host] ${message}`);
  process.exit(1);
}

function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(empty)';
  }
}

/** `vscode-remote://` URI of a server-side path, as the web client expects in the payload. */
function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

async function main() {
  for (const built of [EXTENSION_MAIN, HOST_SUITE_INDEX]) {
    if (!fs.existsSync(built)) fail(`${path.relative(REPO_ROOT, built)} is missing: run 'npm run build' first.`);
  }
  ensureInstalled();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rcl-host-tests-'));
  const { dir: sampleRepo } = createSampleRepo(path.join(tmp, 'sample-repo'));
  const testLog = path.join(tmp, 'host-tests.log');
  const workbenchLog = path.join(tmp, 'workbench.log');
  fs.writeFileSync(testLog, '');

  const server = await startCodeServer({
    smokeTestDriver: true,
    // The remote extension host inherits this; test/integration/index.ts appends its report there.
    env: { REFLECT_TEST_LOG: testLog },
  });
  let browser;
  let exitCode = 1;
  try {
    const launched = await launchBrowser();
    browser = launched.browser;
    const { page } = launched;

    let onExit;
    const exited = new Promise((resolve) => { onExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => onExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (text.includes('ENOTFOUND open-vsx.org')) return; // marketplace is unreachable offline: noise
      fs.appendFileSync(workbenchLog, `[${level}] ${text}\n`);
    });

    const url = workbenchUrl(server, sampleRepo, [
      ['extensionDevelopmentPath', remoteUri(server, REPO_ROOT)],
      ['extensionTestsPath', remoteUri(server, HOST_SUITE_INDEX)],
    ]);
    console.log(`[test:host] code-server ${server.url}, sample repo ${sampleRepo}`);
    await page.goto(url);

    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), OVERALL_TIMEOUT_MS);
    });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);

    const report = fs.readFileSync(testLog, 'utf8');
    if (report.trim()) console.log(report.trimEnd());
    if (result === 'timeout') {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const shot = path.join(SCREENSHOT_DIR, 'host-tests-timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`[test:host] the workbench never reported the end of the test run within ${OVERALL_TIMEOUT_MS / 1000} s ` +
        `(was code-server started with enable-smoke-test-driver? does ${HOST_SUITE_INDEX} export run()?). Screenshot: ${shot}`);
    } else {
      exitCode = result;
      if (!report.trim()) console.error('[test:host] the suite wrote no report (REFLECT_TEST_LOG): did index.js load?');
    }
    if (exitCode !== 0) {
      // The test report is above; from the workbench log show only warnings and errors.
      const problems = tail(workbenchLog, 100000).split(/\n(?=\[)/).filter((e) => /^\[(error|warn|warning)\]/.test(e));
      console.error(`--- workbench log, warnings and errors (${workbenchLog}) ---\n${problems.slice(-15).join('\n') || '(none)'}`);
      console.error(`--- code-server log (tail, ${server.logFile}) ---\n${server.logTail(30)}`);
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.stop({ keep: exitCode !== 0 });
  }
  if (exitCode === 0) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`[test:host] ${exitCode === 0 ? 'passed' : `failed (exit code ${exitCode})`}`);
  process.exit(exitCode);
}

main().catch((err) => fail(err instanceof InstallError ? err.message : err.stack ?? String(err)));
