// The newcomer's `npm start`, walked for real: the launcher (test/harness/startSample.mjs) runs as its
// own process in a fresh, empty HOME, installs the packaged .vsix and serves a workbench on the
// sample repository. The journey checks what a user sees first (the "Change Log" container and its
// commands in the palette, with real names, not %placeholders%), that a second start keeps what the
// person wrote in the sample repository, that --reset recreates it, and that the home folder is left
// untouched (no ~/.config/code-server).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../harness/codeServer.mjs';
import { REPO_ROOT } from '../harness/paths.mjs';

const LAUNCHER = path.join(REPO_ROOT, 'test', 'harness', 'startSample.mjs');
const READY = /^Reflective Change Log is running: (\S+)$/m;
/** Only catches a launcher that never comes up; a busy machine is slow, not stuck. */
const HANG_MS = 180_000;
const USER_NOTE = 'notes/my-own-notes.md';

/**
 * Starts the launcher as a user would (`npm start` runs it after packaging) and resolves once it
 * prints its URL. `stop()` sends Ctrl+C (SIGINT) and resolves with its exit code.
 */
export async function launchStart({ home, state, reset = false }) {
  const port = await freePort();
  const args = [LAUNCHER, '--state', state, ...(reset ? ['--reset'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOME: home, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${HANG_MS} ms:\n${output}`)), HANG_MS);
    const onData = (chunk) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing its URL:\n${output}`));
    });
  });
  return {
    url,
    folder: path.join(state, 'sample-repo'),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const code = await exited;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is already gone */ }
      return code;
    },
  };
}

/** Nothing of code-server's may appear in the user's home folder. */
function assertHomeUntouched(home) {
  for (const leftover of ['.config/code-server', '.local/share/code-server']) {
    assert.ok(!fs.existsSync(path.join(home, leftover)), `npm start wrote ${leftover} into HOME`);
  }
}

export const startJourney = {
  name: 'npm start',
  /** The journey starts its own server: the launcher under test. */
  async launch(tmp) {
    const home = path.join(tmp, 'fresh-home');
    const state = path.join(tmp, 'start-state');
    fs.mkdirSync(home, { recursive: true });
    const launched = await launchStart({ home, state });
    return { ...launched, home, state };
  },
  steps: [
    {
      name: 'the workbench shows the Change Log container and its commands by name',
      screenshot: '00-npm-start-palette',
      async run({ wb, log }) {
        // The activity-bar entry is found by its title, so a raw %container.changeLog% would fail here.
        await wb.openView('Change Log');
        const releases = await wb.waitUntil(async () => {
          const items = await wb.treeItems('Releases');
          return items.some((r) => r.label === 'Unreleased') && items;
        }, { timeout: 45_000, message: 'the Releases view of the sample repository' });
        log(`releases: ${releases.filter((r) => r.level === 1).map((r) => r.label).join(', ')}`);
        const input = await wb.openPalette();
        await input.fill('>Change Log: ');
        const rows = await wb.waitUntil(async () => {
          const shown = await wb.quickItems();
          return shown.some((r) => r.label === 'Change Log: Generate Release Notes') && shown;
        }, { timeout: 30_000, message: '"Change Log: Generate Release Notes" in the palette' });
        log(`palette: ${rows.map((r) => r.label).join(' | ')}`);
        for (const row of rows) assert.doesNotMatch(row.label, /%[\w.]+%/, `a raw placeholder in the palette: ${row.label}`);
      },
    },
    {
      name: 'a second start keeps the sample repository (and what the person wrote there)',
      screenshot: '00b-npm-start-again',
      async run({ wb, session, relaunch, log }) {
        const note = path.join(session.folder, USER_NOTE);
        fs.mkdirSync(path.dirname(note), { recursive: true });
        fs.writeFileSync(note, 'What I wrote while trying it.\n');
        assert.equal(await session.stop(), 0, 'Ctrl+C ends npm start cleanly');
        assertHomeUntouched(session.home);

        const again = await relaunch();
        assert.match(again.output(), /using the sample repository from an earlier start/);
        assert.equal(fs.readFileSync(note, 'utf8'), 'What I wrote while trying it.\n', 'the sample repository was kept');
        await wb.openView('Change Log');
        const rows = await wb.waitUntil(async () => {
          const items = await wb.treeItems('Releases');
          return items.some((r) => r.label === 'Unreleased') && items;
        }, { timeout: 45_000, message: 'the Releases view after a second start' });
        log(`releases after restart: ${rows.map((r) => r.label).join(', ')}`);
      },
    },
    {
      name: '--reset recreates the sample repository; the home folder stays untouched',
      screenshot: '00c-npm-start-reset',
      async run({ wb, session, relaunch }) {
        const note = path.join(session.folder, USER_NOTE);
        assert.ok(fs.existsSync(note));
        assert.equal(await session.stop(), 0);
        const reset = await relaunch({ reset: true });
        assert.match(reset.output(), /--reset: recreating the sample repository/);
        assert.ok(!fs.existsSync(note), '--reset recreated the sample repository');
        await wb.openView('Change Log');
        assertHomeUntouched(session.home);
      },
    },
  ],
  /** Starts the launcher again on the same state and home folder. */
  async relaunch(previous, { reset = false } = {}) {
    const next = await launchStart({ home: previous.home, state: previous.state, reset });
    return { ...next, home: previous.home, state: previous.state };
  },
};
