// A slow command shows a cancellable progress notification, and Cancel means nothing is written.
// "Slow" is made certain, not hoped for: the workbench finds a `git` first on its PATH that holds
// this extension's commit reads while a gate file exists. No step waits for time to pass; each
// waits for what it needs to see. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { node24Env } from '../harness/install.mjs';
import { createSampleRepo } from '../harness/sampleRepo.mjs';

const CONTAINER_TITLE = 'Change Log';
const RELEASES_VIEW = 'Releases';
const TOAST = '.notifications-toasts .notification-list-item';

/** Where the journey's git wrapper and its gate live: outside the repository, which the extension never takes git from. */
function gatePaths(tmp) {
  const bin = path.join(tmp, 'held-git-bin');
  return { bin, gate: path.join(tmp, 'hold-commit-reads'), held: path.join(tmp, 'hold-commit-reads.held'), done: path.join(tmp, 'hold-commit-reads.done') };
}

// Only this extension's git calls pass `-c core.attributesFile=/dev/null`; of those, `log` reads
// commits. While the gate exists such a call waits before git starts; each held call marks when it
// began waiting and when git has finished, so the journey can tell when nothing is running any more.
const WRAPPER = `#!/bin/sh
case " $* " in
  *" core.attributesFile=/dev/null"*" log "*)
    if [ -e "$REFLECT_E2E_GATE" ]; then
      echo held >> "$REFLECT_E2E_GATE.held"
      while [ -e "$REFLECT_E2E_GATE" ]; do sleep 0.05; done
      "$REFLECT_E2E_REAL_GIT" "$@"; status=$?
      echo done >> "$REFLECT_E2E_GATE.done"
      exit $status
    fi;;
esac
exec "$REFLECT_E2E_REAL_GIT" "$@"
`;

const lines = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

/** Every release-notes.md under docs/changes. */
function notesFiles(repo) {
  const changes = path.join(repo, 'docs', 'changes');
  if (!fs.existsSync(changes)) return [];
  return fs.readdirSync(changes).map((version) => path.join(changes, version, 'release-notes.md')).filter((file) => fs.existsSync(file));
}

export const progressJourney = {
  name: 'progress and cancel',
  disableWorkspaceTrust: true,
  prepare(tmp) {
    const { bin } = gatePaths(tmp);
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'git'), WRAPPER, { mode: 0o755 });
    return createSampleRepo(path.join(tmp, 'progress-repo')).dir;
  },
  env(tmp) {
    const { bin, gate } = gatePaths(tmp);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    // In front of the PATH the workbench gets anyway (Node 24 first). VSCODE_CLI: the server then gives
    // the extension host this environment instead of one read from a login shell, which would set its own PATH.
    return { PATH: `${bin}${path.delimiter}${node24Env().PATH}`, VSCODE_CLI: '1', REFLECT_E2E_GATE: gate, REFLECT_E2E_REAL_GIT: realGit };
  },
  steps: [
    {
      name: 'Generate Release Notes, while git is slow, shows a progress notification with Cancel',
      screenshot: '16-progress-notification',
      async run({ wb, page, tmp, sampleRepo, log }) {
        await wb.openView(CONTAINER_TITLE);
        await wb.topLevelRows(RELEASES_VIEW, (r) => r.some((x) => x.label === 'Unreleased'), 'the Unreleased row');
        assert.deepEqual(notesFiles(sampleRepo), [], 'no notes before the command');
        const { gate, held } = gatePaths(tmp);
        fs.writeFileSync(gate, '');
        await wb.runCommand('Change Log: Generate Release Notes');
        const toast = page.locator(TOAST).filter({ hasText: 'Reading the commits of' }).first();
        await toast.waitFor({ state: 'visible', timeout: 30_000 });
        await wb.waitUntil(() => lines(held) > 0, { message: 'the commit read held by git' });
        const text = await toast.innerText();
        log(`notification: ${JSON.stringify(text)}`);
        assert.match(text, /Reading the commits of v1\.1\.0\.\.HEAD/);
        await toast.hover();
        assert.ok(await toast.locator('.monaco-button, .action-label', { hasText: 'Cancel' }).first().isVisible(), 'the notification offers Cancel');
      },
    },
    {
      name: 'Cancel closes it, and nothing is written, not even once git has finished',
      screenshot: '16b-progress-cancelled',
      async run({ wb, page, tmp, sampleRepo, log }) {
        const toast = page.locator(TOAST).filter({ hasText: 'Reading the commits of' }).first();
        await toast.hover();
        await toast.locator('.monaco-button, .action-label', { hasText: 'Cancel' }).first().click();
        await toast.waitFor({ state: 'hidden', timeout: 30_000 });
        const { gate, held, done } = gatePaths(tmp);
        fs.rmSync(gate);
        // Every held read runs to its end now; what the extension would write after them, it would have written by then.
        await wb.waitUntil(() => lines(done) === lines(held), { message: 'the held git reads to finish' });
        log(`held reads: ${lines(held)}, finished: ${lines(done)}`);
        await wb.waitUntil(async () => !(await page.locator(TOAST).filter({ hasText: 'Reading the commits of' }).count()), { message: 'no progress notification left' });
        assert.deepEqual(notesFiles(sampleRepo), [], 'Cancel wrote no notes');
        assert.deepEqual((await wb.notifications()).filter((n) => /error|failed/i.test(n)), [], 'Cancel is not reported as a failure');
      },
    },
    {
      name: 'the same command, git no longer held, writes the notes and opens them',
      screenshot: '16c-notes-after-cancel',
      async run({ wb, sampleRepo, log }) {
        await wb.runCommand('Change Log: Generate Release Notes');
        await wb.waitForActiveEditor('release-notes.md');
        const written = notesFiles(sampleRepo);
        log(`written: ${written.map((f) => path.relative(sampleRepo, f)).join(', ')}`);
        assert.equal(written.length, 1);
      },
    },
  ],
};
