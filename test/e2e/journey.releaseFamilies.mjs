// A monorepo whose tags are mostly per-package families: the Releases view says the tag pattern
// skipped most tags, its notice offers the families in a quick pick, and picking one (by keyboard)
// rescopes the view to that family. Each step leaves a screenshot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { S } from './selectors.mjs';

const CONTAINER_TITLE = 'Change Log';
const RELEASES_VIEW = 'Releases';
const NOTICE = 'Tag pattern matches 2 of 9 tags: pick a tag family';
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Sample Author', GIT_AUTHOR_EMAIL: 'sample@example.org', GIT_COMMITTER_NAME: 'Sample Author', GIT_COMMITTER_EMAIL: 'sample@example.org' };

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/** Two old v tags, then pkg-a@1.0.0..1.3.0 (packages/pkg-a) and @scope/b@2.0.0..2.2.0 (packages/b), then unreleased work. */
function monorepo(tmp) {
  const dir = path.join(tmp, 'monorepo');
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  const commit = (file, message, content = `${message}\n`) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
    git(dir, 'add', '--', file);
    git(dir, 'commit', '-q', '-m', message);
  };
  commit('README.md', 'feat: first');
  git(dir, 'tag', 'v1.0.0');
  commit('README.md', 'feat: old root feature');
  git(dir, 'tag', 'v1.1.0');
  commit('packages/pkg-a/package.json', 'build(a): the pkg-a package', '{ "name": "pkg-a" }\n');
  commit('packages/b/package.json', 'build(b): the b package', '{ "name": "@scope/b" }\n');
  for (let minor = 0; minor <= 3; minor++) {
    commit(`packages/pkg-a/step${minor}.ts`, `feat(a): step ${minor}`);
    git(dir, 'tag', `pkg-a@1.${minor}.0`);
  }
  for (let minor = 0; minor <= 2; minor++) {
    commit(`packages/b/mend${minor}.ts`, `fix(b): mend ${minor}`);
    git(dir, 'tag', `@scope/b@2.${minor}.0`);
  }
  commit('packages/pkg-a/next.ts', 'feat(a): unreleased a');
  commit('tooling.txt', 'chore: root tooling');
  return dir;
}

export const releaseFamiliesJourney = {
  name: 'release families',
  disableWorkspaceTrust: true,
  prepare: (tmp) => monorepo(tmp),
  steps: [
    {
      name: 'the Releases view says the tag pattern skipped most tags',
      screenshot: '15-family-notice',
      async run({ wb, log }) {
        await wb.openView(CONTAINER_TITLE);
        const rows = await wb.topLevelRows(RELEASES_VIEW, (r) => r.some((x) => x.label === NOTICE), 'the skipped-tags notice');
        log(`rows: ${JSON.stringify(rows)}`);
        assert.equal(rows[0].label, NOTICE);
        assert.deepEqual(rows.slice(1).map((r) => r.label), ['Unreleased', 'v1.1.0', 'v1.0.0']);
      },
    },
    {
      name: 'choosing the notice offers the families with their tag counts and newest release',
      screenshot: '15b-family-pick',
      async run({ wb, page, log }) {
        await page.locator(S.treeRows(RELEASES_VIEW), { hasText: NOTICE }).first().click();
        const items = await wb.waitUntil(async () => {
          const shown = await wb.quickItems();
          return shown.length >= 3 && shown;
        }, { timeout: 30_000, message: 'the family quick pick' });
        log(`items: ${JSON.stringify(items)}`);
        assert.deepEqual(items.map((i) => [i.label, i.description]), [
          ['pkg-a', '4 tags · newest pkg-a@1.3.0'],
          ['@scope/b', '3 tags · newest @scope/b@2.2.0'],
          ['v', '2 tags · newest v1.1.0'],
        ]);
      },
    },
    {
      name: 'picking a family by keyboard rescopes the view to its releases and package',
      screenshot: '15c-family-picked',
      async run({ wb, page, log }) {
        // Type to filter, then Enter: the pick needs no mouse.
        await page.keyboard.type('pkg-a');
        await page.keyboard.press('Enter');
        await page.locator(S.quickInput).waitFor({ state: 'hidden', timeout: 15_000 });
        const rows = await wb.topLevelRows(RELEASES_VIEW, (r) => r.some((x) => x.label === 'pkg-a@1.3.0'), 'the pkg-a release line');
        log(`rows: ${JSON.stringify(rows)}`);
        assert.deepEqual(rows.map((r) => r.label), ['Unreleased', 'pkg-a@1.3.0', 'pkg-a@1.2.0', 'pkg-a@1.1.0', 'pkg-a@1.0.0']);
        assert.match(rows[0].description, /^1 commit\b/, 'Unreleased counts only the commit in packages/pkg-a');
      },
    },
    {
      name: 'the palette command offers the same pick, the followed family marked, and a way back to the tag pattern',
      screenshot: '15d-family-pick-palette',
      async run({ wb, log }) {
        await wb.runCommand('Change Log: Pick Release Family…');
        const items = await wb.waitUntil(async () => {
          const shown = await wb.quickItems();
          return shown.length >= 4 && shown;
        }, { timeout: 30_000, message: 'the family quick pick from the palette' });
        log(`items from the palette: ${JSON.stringify(items)}`);
        assert.equal(items[0].label, 'pkg-a');
        assert.match(items.at(-1).label, /No family: follow the tag pattern/);
      },
    },
  ],
};
