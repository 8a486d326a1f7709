// Journeys through the states of the Releases view a user can meet: a repository with no tags,
// a shallow clone, and a folder opened in Restricted Mode. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createSampleRepo } from '../harness/sampleRepo.mjs';

const CONTAINER_TITLE = 'Change Log';
const RELEASES_VIEW = 'Releases';
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Sample Author', GIT_AUTHOR_EMAIL: 'sample@example.org', GIT_COMMITTER_NAME: 'Sample Author', GIT_COMMITTER_EMAIL: 'sample@example.org' };

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/** A repository with commits and no tag yet. */
function noTagsRepo(tmp) {
  const dir = path.join(tmp, 'no-tags-repo');
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  for (const [file, message] of [['a.txt', 'feat: first screen'], ['b.txt', 'fix: typo in the ward list'], ['c.txt', 'docs: how to deploy']]) {
    fs.writeFileSync(path.join(dir, file), `${message}\n`);
    git(dir, 'add', file);
    git(dir, 'commit', '-q', '-m', message);
  }
  return dir;
}

/** A depth-2 clone of the sample repository: v1.0.0 lies beyond the fetched history. */
function shallowClone(tmp) {
  const origin = createSampleRepo(path.join(tmp, 'shallow-origin')).dir;
  const dir = path.join(tmp, 'shallow-clone');
  git(tmp, 'clone', '-q', '--depth', '3', '--no-single-branch', `file://${origin}`, dir);
  return dir;
}

export const releaseStatesJourney = {
  name: 'release states',
  disableWorkspaceTrust: true,
  prepare: (tmp) => noTagsRepo(tmp),
  steps: [
    {
      name: 'a repository with no tags shows Unreleased and a hint on tagging',
      screenshot: '05-no-tags',
      async run({ wb, log }) {
        await wb.openView(CONTAINER_TITLE);
        const rows = await wb.topLevelRows(RELEASES_VIEW, (r) => r.some((x) => x.label === 'No releases tagged yet'), 'the no-tags hint');
        log(`rows: ${JSON.stringify(rows)}`);
        assert.equal(rows[0].label, 'Unreleased');
        assert.match(rows[0].description, /3 commits/);
      },
    },
    {
      name: 'a shallow clone warns that history is truncated and marks partial ranges',
      screenshot: '06-shallow',
      async run({ wb, open, tmp, page, log }) {
        await open(shallowClone(tmp));
        await wb.openView(CONTAINER_TITLE);
        const rows = await wb.topLevelRows(RELEASES_VIEW, (r) => r.length >= 3 && r[0].label.startsWith('Shallow clone'), 'the shallow-clone warning');
        log(`rows: ${JSON.stringify(rows)}`);
        const tagRow = rows.find((r) => r.label === 'v1.1.0');
        assert.ok(tagRow, 'v1.1.0 is listed');
        // Only 3 of the 4 unreleased commits were fetched: Unreleased must not pass for complete.
        assert.match(rows.find((r) => r.label === 'Unreleased')?.description ?? '', /partial history/);
        // Expand v1.1.0: its range reaches past the fetched history.
        await page.locator('.part.sidebar .monaco-list[role="tree"] [role="treeitem"]', { hasText: 'v1.1.0' }).first().click();
        await page.keyboard.press('ArrowRight');
        const all = await wb.waitUntil(async () => {
          const r = await wb.treeItems(RELEASES_VIEW);
          return r.some((x) => x.label.startsWith('Partial')) && r;
        }, { timeout: 30_000, message: 'the partial-history notice under v1.1.0' });
        log(`rows after expanding: ${JSON.stringify(all.slice(0, 8))}`);
      },
    },
  ],
};

export const restrictedModeJourney = {
  name: 'restricted mode',
  disableWorkspaceTrust: false,
  prepare: (tmp) => createSampleRepo(path.join(tmp, 'untrusted-repo')).dir,
  steps: [
    {
      name: 'Restricted Mode runs no git and says how to trust the folder',
      screenshot: '07-restricted-mode',
      async run({ wb, page, log }) {
        await wb.openView(CONTAINER_TITLE);
        const welcome = page.locator('.part.sidebar .welcome-view-content', { hasText: 'Restricted Mode' }).first();
        await welcome.waitFor({ state: 'visible', timeout: 45_000 });
        log(`welcome: ${await welcome.innerText()}`);
        assert.equal((await wb.treeItems(RELEASES_VIEW)).length, 0, 'no releases are read in Restricted Mode');
      },
    },
  ],
};
