import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLineLayer, fileLayer, settingsLayer } from '../../src/core/config/configLayers';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { detectTagFamilies, familyOf, reportTagFamilies, skipsMostTags } from '../../src/core/git/tagFamilies';
import { firstReleaseTag, TagPattern, TagPatternError } from '../../src/core/git/tagPattern';
import { proposeNextVersion } from '../../src/core/commits/versionBump';
import { commitGroupingOf } from '../../src/core/commits/groupCommits';
import { proposeVersionForRange, resolveWorkingVersion, versionScopeOf } from '../../src/core/usecases/proposeVersion';
import { readReleaseCommitPage, readReleaseCommits, readReleaseListing } from '../../src/core/usecases/releaseOverview';
import { generateReleaseNotes } from '../../src/core/usecases/releaseNotes';
import { resolveRepositoryConfiguration } from '../../src/core/usecases/repositoryConfiguration';
import { GitFixture } from '../fixtures/gitFixture';
import { buildMonorepo } from '../support/monorepoFixture';

const NAMES = ['v1.0.0', '1.1.0', 'create-vite@5.0.0', 'create-vite@5.1.0-beta.1', 'create-vite-v4.9.0', 'plugin-vue@4.0.0', 'plugin-vue-jsx@3.0.0', 'plugin-vue2@0.3.0', '@scope/pkg@1.2.3', 'sub/module/v2.0.0', 'api_v1.0.0', 'nightly', 'V3.0.0'];

describe('tag families', () => {
  it('groups tags by the text before their version, whatever the separator', () => {
    assert.equal(familyOf('create-vite@5.0.0'), 'create-vite');
    assert.equal(familyOf('create-vite-v4.9.0'), 'create-vite');
    assert.equal(familyOf('@scope/pkg@1.2.3'), '@scope/pkg');
    assert.equal(familyOf('plugin-vue2@0.3.0'), 'plugin-vue2');
    assert.equal(familyOf('sub/module/v2.0.0'), 'sub/module');
    assert.equal(familyOf('api_v1.0.0'), 'api');
    assert.equal(familyOf('v1.0.0'), 'v');
    assert.equal(familyOf('1.1.0'), 'v');
    assert.equal(familyOf('V3.0.0'), 'V');
    assert.equal(familyOf('nightly'), undefined);
    const families = detectTagFamilies(NAMES);
    assert.deepEqual(
      families.map((f) => [f.name, f.count, f.latest]),
      [
        ['create-vite', 3, 'create-vite@5.1.0-beta.1'],
        ['v', 2, '1.1.0'],
        ['@scope/pkg', 1, '@scope/pkg@1.2.3'],
        ['api', 1, 'api_v1.0.0'],
        ['plugin-vue', 1, 'plugin-vue@4.0.0'],
        ['plugin-vue-jsx', 1, 'plugin-vue-jsx@3.0.0'],
        ['plugin-vue2', 1, 'plugin-vue2@0.3.0'],
        ['sub/module', 1, 'sub/module/v2.0.0'],
        ['V', 1, 'V3.0.0'],
      ],
    );
  });

  it("a family's pattern matches every tag of that family and no other", () => {
    for (const family of detectTagFamilies(NAMES)) {
      const pattern = TagPattern.forFamily(family.name);
      const matched = NAMES.filter((n) => pattern.matches(n));
      assert.deepEqual(matched, NAMES.filter((n) => familyOf(n) === family.name), family.name);
    }
    const vite = TagPattern.forFamily('create-vite');
    assert.equal(vite.versionOf('create-vite@5.1.0-beta.1'), '5.1.0-beta.1');
    assert.equal(vite.versionOf('create-vite-v4.9.0'), '4.9.0');
    assert.equal(vite.describe(), 'the create-vite tag family');
  });

  it('refuses a family name no tag could start with, in words', () => {
    assert.throws(() => TagPattern.forFamily('-x'), (e: unknown) => e instanceof TagPatternError && /"-x" cannot start a tag name/.test(e.message));
    assert.throws(() => TagPattern.forFamily('a b'), TagPatternError);
    assert.throws(() => TagPattern.forFamily(''), TagPatternError);
  });

  it('says the default pattern skips most tags only when it does and other families exist', () => {
    const pattern = new TagPattern();
    assert.equal(skipsMostTags(reportTagFamilies(NAMES, pattern), pattern), true);
    assert.equal(skipsMostTags(reportTagFamilies(['v1.0.0', 'v1.1.0', 'pkg@1.0.0'], pattern), pattern), false);
    const family = TagPattern.forFamily('create-vite');
    assert.equal(skipsMostTags(reportTagFamilies(NAMES, family), family), false, 'a family picked is not a skip');
    const own = new TagPattern('create-vite@*');
    assert.equal(skipsMostTags(reportTagFamilies(NAMES, own), own), false, 'a pattern of ones own whose tags are one family is that family picked');
  });

  it('says a pattern of ones own skipped most tags when its tags are no one family, or none', () => {
    const none = new TagPattern('release-*');
    assert.equal(skipsMostTags(reportTagFamilies(NAMES, none), none), true, 'it matches no tag');
    const scattered = new TagPattern('*@MAJOR.MINOR.PATCH');
    const report = reportTagFamilies(NAMES, scattered);
    assert.equal(report.matched, 6);
    assert.equal(report.matchedFamily, undefined);
    assert.equal(skipsMostTags(report, scattered), true, 'its tags belong to several families and it skips most');
    const oneFamily = new TagPattern('vMAJOR.MINOR.PATCH');
    assert.equal(reportTagFamilies(NAMES, oneFamily).matchedFamily, 'v');
    assert.equal(skipsMostTags(reportTagFamilies(NAMES, oneFamily), oneFamily), false, 'part of the family v, by choice');
    assert.equal(skipsMostTags(reportTagFamilies(['x-1', 'y-2', 'nightly'], none), none), false, 'no families among the skipped tags: nothing to pick');
  });
});

describe('the family choice in the configuration', () => {
  it('reads releases.family from the file, the setting over it, and --family over both', () => {
    const file = fileLayer({ releases: { family: 'pkg-a', paths: ['packages/pkg-a'] } });
    const fromFile = resolveConfig([file]);
    assert.deepEqual(fromFile.problems, []);
    assert.equal(fromFile.config.releaseFilter.pattern.family, 'pkg-a');
    assert.deepEqual(fromFile.config.releaseLine, { family: 'pkg-a', paths: ['packages/pkg-a'], pathsFrom: 'releases.paths' });
    assert.deepEqual(fromFile.config.releaseNotes.paths, ['packages/pkg-a']);
    const setting = resolveConfig([file, settingsLayer({ releases: { family: '@scope/b' } })]);
    assert.equal(setting.config.releaseFilter.pattern.family, '@scope/b');
    const flag = resolveConfig([file, settingsLayer({ releases: { family: '@scope/b' } }), commandLineLayer({ family: 'v' }, { family: '--family' })]);
    assert.equal(flag.config.releaseFilter.pattern.family, 'v');
  });

  it('a tag pattern set above a family wins; a family wins over the pattern of its own layer', () => {
    const sameLayer = resolveConfig([fileLayer({ releaseNotes: { tagPattern: 'api-v*' }, releases: { family: 'pkg-a' } })]);
    assert.equal(sameLayer.config.releaseFilter.pattern.family, 'pkg-a');
    const above = resolveConfig([fileLayer({ releases: { family: 'pkg-a' } }), settingsLayer({ tagPattern: 'api-v*' })]);
    assert.equal(above.config.releaseFilter.pattern.family, undefined);
    assert.equal(above.config.releaseFilter.pattern.template, 'api-v*');
  });

  it('names the setting and the reason for a family or path scope it cannot use', () => {
    const bad = resolveConfig([settingsLayer({ releases: { family: '-oops' } })]);
    assert.equal(bad.config.releaseFilter.pattern.family, undefined);
    assert.match(bad.problems[0]?.message ?? '', /^Setting changeLog\.releases\.family is not used: "-oops" cannot start a tag name/);
    const orphan = resolveConfig([fileLayer({ releases: { paths: ['packages/x'] } })]);
    assert.match(orphan.problems[0]?.message ?? '', /^reflect\.config\.json: releases\.paths is not used: it is the path scope of a tag family; set releases\.family too/);
    assert.deepEqual(orphan.config.releaseLine, { paths: [], pathsFrom: 'whole repository' });
  });
});

describe('a tag family as a release line, on a real monorepo', () => {
  let fixture: GitFixture;
  let repo: GitRepository;
  before(async () => {
    fixture = buildMonorepo();
    repo = await GitRepository.open(fixture.dir);
  });
  after(() => fixture.dispose());

  it("scopes a family to its obvious package folder: packages/<name> whose package.json is named after it", async () => {
    const a = await resolveRepositoryConfiguration(fixture.dir, { flags: commandLineLayer({ family: 'pkg-a' }, { family: '--family' }) });
    assert.deepEqual(a.config.releaseLine, { family: 'pkg-a', paths: ['packages/pkg-a'], pathsFrom: 'package folder' });
    const b = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: '@scope/b' } } });
    assert.deepEqual(b.config.releaseLine, { family: '@scope/b', paths: ['packages/b'], pathsFrom: 'package folder' });
    const v = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'v' } } });
    assert.deepEqual(v.config.releaseLine, { family: 'v', paths: [], pathsFrom: 'whole repository' });
    const explicit = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'pkg-a' }, releaseNotes: { paths: ['README.md'] } } });
    assert.deepEqual(explicit.config.releaseLine, { family: 'pkg-a', paths: ['README.md'], pathsFrom: 'releaseNotes.paths' });
  });

  it('never follows a package.json that links out of the repository, nor one named otherwise', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'reflect-outside-'));
    const manifest = join(fixture.dir, 'packages/pkg-a/package.json');
    try {
      writeFileSync(join(outside, 'package.json'), '{ "name": "pkg-a" }\n');
      unlinkSync(manifest);
      symlinkSync(join(outside, 'package.json'), manifest);
      const linked = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'pkg-a' } } });
      assert.equal(linked.config.releaseLine.pathsFrom, 'whole repository');
      unlinkSync(manifest);
      writeFileSync(manifest, '{ "name": "something-else" }\n');
      const renamed = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'pkg-a' } } });
      assert.equal(renamed.config.releaseLine.pathsFrom, 'whole repository');
    } finally {
      fixture.git('checkout', '--', 'packages/pkg-a/package.json');
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('the default pattern reads an old v1.1.0 as the latest release, and says it skipped most tags', async () => {
    const { config } = await resolveRepositoryConfiguration(fixture.dir);
    const listing = await readReleaseListing(repo, { filter: config.releaseFilter, howToPickFamily: 'pick one' });
    assert.equal(listing.unreleased?.range.from, 'v1.1.0');
    assert.equal(listing.unreleased?.commitCount, 10);
    assert.equal(listing.skippedTags?.matched, 2);
    assert.equal(listing.skippedTags?.total, 9);
    assert.equal(listing.skippedTags?.sentence, 'the tag pattern v?MAJOR.MINOR.PATCH matches 2 of 9 tags; families: pkg-a (4), @scope/b (3), v (2); pick one');
  });

  it('a pattern of ones own that skips most tags is said in the listing too; one that picks a family is not', async () => {
    const own = await resolveRepositoryConfiguration(fixture.dir, { settings: { tagPattern: 'release-*' } });
    const listing = await readReleaseListing(repo, { filter: own.config.releaseFilter, howToPickFamily: 'pick one' });
    assert.deepEqual(listing.tags, []);
    assert.equal(listing.skippedTags?.sentence, 'the tag pattern release-* matches none of 9 tags, so there are no releases; families: pkg-a (4), @scope/b (3), v (2); pick one');
    const picks = await resolveRepositoryConfiguration(fixture.dir, { settings: { tagPattern: '@scope/b@*' } });
    const picked = await readReleaseListing(repo, { filter: picks.config.releaseFilter, howToPickFamily: 'pick one' });
    assert.equal(picked.tags.length, 3);
    assert.equal(picked.skippedTags, undefined);
  });

  it("a family has its own latest release, range, next version and path scope", async () => {
    const { config } = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'pkg-a' } } });
    const listing = await readReleaseListing(repo, { filter: config.releaseFilter, paths: config.releaseLine.paths, howToPickFamily: 'pick one' });
    assert.deepEqual(listing.tags.map((t) => t.name), ['pkg-a@1.3.0', 'pkg-a@1.2.0', 'pkg-a@1.1.0', 'pkg-a@1.0.0']);
    assert.equal(listing.skippedTags, undefined, 'a family picked is no skip');
    assert.deepEqual(listing.unreleased?.range, { from: 'pkg-a@1.3.0', to: 'HEAD' });
    assert.equal(listing.unreleased?.commitCount, 1, 'only the commit touching packages/pkg-a');
    assert.equal(await proposeVersionForRange(repo, { from: 'pkg-a@1.3.0', to: 'HEAD' }, versionScopeOf(config)), 'pkg-a@1.4.0');
    const notes = await generateReleaseNotes(repo, config, { range: { from: 'pkg-a@1.3.0', to: 'HEAD' }, today: '2030-01-15' });
    assert.equal(notes.model.version, 'pkg-a@1.4.0');
    assert.deepEqual((notes.model.commits ?? []).map((c) => c.subject), ['unreleased a']);
    const scoped = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: '@scope/b' } } });
    const bNotes = await generateReleaseNotes(repo, scoped.config, { range: { from: '@scope/b@2.2.0', to: 'HEAD' }, today: '2030-01-15' });
    assert.equal(bNotes.model.version, '@scope/b@3.0.0');
  });
});

describe('group counts of a whole range, read a page at a time', () => {
  let fixture: GitFixture;
  let repo: GitRepository;
  before(async () => {
    fixture = new GitFixture('reflect-group-counts-');
    fixture.commit('feat: base');
    fixture.tag('v1.0.0');
    const original = fixture.commit('fix: to be undone', 'undo.txt');
    for (let i = 0; i < 5; i++) fixture.commit(`feat!: break ${i}`, `b${i}.txt`);
    for (let i = 0; i < 3; i++) fixture.commit(`fix: mend ${i}`, `f${i}.txt`);
    fixture.commit(`chore: tidy\n\nBREAKING CHANGE: the footer makes it breaking`, 'c.txt');
    fixture.commit(`Revert "fix: to be undone"\n\nThis reverts commit ${original}.`, 'undo.txt');
    repo = await GitRepository.open(fixture.dir);
  });
  after(() => fixture.dispose());

  it('counts every group over the range, not the loaded page, footers and reverts included', async () => {
    const page = await readReleaseCommits(repo, { from: 'v1.0.0', to: 'HEAD' }, false, 2);
    assert.equal(page.total, 11);
    assert.equal(page.commits.length, 2);
    assert.deepEqual(
      page.groups.map((g) => [g.type, g.count]),
      [
        ['breaking', 6],
        ['fix', 3],
        ['reverted', 2],
      ],
    );
    // The revert on the page is grouped by the pair the whole range makes, not by the page alone.
    assert.equal(page.groupOf.get(page.commits[0].hash), 'reverted');
    assert.equal(page.groupOf.get(page.commits[1].hash), 'breaking');
    // By position, as the view reads it for each page it loaded: the same answers, checked by hash.
    const later = await readReleaseCommitPage(repo, { from: 'v1.0.0', to: 'HEAD' }, 2, 20);
    const loaded = [...page.commits, ...later];
    assert.deepEqual(
      loaded.map((c, position) => page.groupOf.at(position, c.hash)),
      loaded.map((c) => page.groupOf.get(c.hash)),
    );
    assert.equal(page.groupOf.at(0, page.commits[1].hash), 'breaking', 'a position holding another commit is looked up by hash');
  });

  it('counts within the path scope when given one', async () => {
    const page = await readReleaseCommits(repo, { from: 'v1.0.0', to: 'HEAD' }, false, 2, ['f0.txt', 'f1.txt']);
    assert.equal(page.total, 2);
    assert.deepEqual(page.groups.map((g) => [g.type, g.count]), [['fix', 2]]);
  });
});

describe("a release line's first release keeps the line's format", () => {
  it('writes 0.1.0 as the pattern writes its tags, and every such tag is a release of the line', () => {
    const cases: Array<[TagPattern, string]> = [
      [new TagPattern(), 'v0.1.0'],
      [TagPattern.forFamily('v'), 'v0.1.0'],
      [TagPattern.forFamily('create-vite'), 'create-vite@0.1.0'],
      [TagPattern.forFamily('@scope/pkg'), '@scope/pkg@0.1.0'],
      [TagPattern.forFamily('sub/module'), 'sub/module/v0.1.0'],
      [new TagPattern('api-v*'), 'api-v0.1.0'],
      [new TagPattern('web-vMAJOR.MINOR.PATCH'), 'web-v0.1.0'],
      [new TagPattern('release(MAJOR.MINOR.PATCH)?'), 'release(0.1.0)'],
    ];
    for (const [pattern, first] of cases) {
      assert.equal(firstReleaseTag(pattern), first, pattern.describe());
      assert.equal(proposeNextVersion(undefined, 'minor', pattern), first, pattern.describe());
      assert.ok(pattern.matches(first), `${first} is a release of ${pattern.describe()}`);
    }
    assert.equal(firstReleaseTag(TagPattern.forFamily('create-vite'), 'create-vite-v4.9.0'), 'create-vite-v0.1.0', "an existing tag's separator is kept");
    assert.equal(firstReleaseTag(new TagPattern('nightly')), 'v0.1.0', 'a pattern with no place for a version falls back to v0.1.0');
    assert.equal(firstReleaseTag(new TagPattern('*-vMAJOR.MINOR.PATCH')), 'v0.1.0', 'a pattern that fills in to no tag name (-v0.1.0) falls back to v0.1.0');
  });

  it("proposes <family>@0.1.0 for a family with no release yet, in the notes and the record's version alike", async () => {
    const fixture = buildMonorepo('reflect-first-family-');
    try {
      fixture.write('packages/pkg-c/package.json', '{ "name": "pkg-c" }\n');
      fixture.git('add', '--', 'packages/pkg-c/package.json');
      fixture.commit('feat(c): a new package', 'packages/pkg-c/index.ts');
      const repo = await GitRepository.open(fixture.dir);
      const { config } = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'pkg-c' } } });
      assert.deepEqual(config.releaseLine.paths, ['packages/pkg-c']);
      const listing = await readReleaseListing(repo, { filter: config.releaseFilter, paths: config.releaseLine.paths });
      assert.deepEqual(listing.tags, []);
      assert.equal(listing.unreleased?.range.from, undefined);
      assert.equal(await proposeVersionForRange(repo, { to: 'HEAD' }, versionScopeOf(config)), 'pkg-c@0.1.0');
      assert.equal(await resolveWorkingVersion(repo, config.releaseFilter, versionScopeOf(config)), 'pkg-c@0.1.0');
      const notes = await generateReleaseNotes(repo, config, { range: { to: 'HEAD' }, today: '2030-01-15' });
      assert.equal(notes.model.version, 'pkg-c@0.1.0');
      // A family whose tags are all on another branch keeps their separator.
      fixture.git('checkout', '-q', '-b', 'api-line');
      fixture.commit('feat(api): first api', 'api.txt');
      fixture.tag('api-v1.0.0');
      fixture.git('checkout', '-q', 'main');
      const api = await resolveRepositoryConfiguration(fixture.dir, { settings: { releases: { family: 'api' } } });
      assert.equal(await proposeVersionForRange(repo, { to: 'HEAD' }, versionScopeOf(api.config)), 'api-v0.1.0');
    } finally {
      fixture.dispose();
    }
  });
});

describe('the Releases view groups as the release notes do', () => {
  it('a configured section is a heading and a hidden type is hidden, with the counts of the notes', async () => {
    const fixture = new GitFixture('reflect-view-grouping-');
    try {
      fixture.commit('feat: base');
      fixture.tag('v1.0.0');
      for (let i = 0; i < 3; i++) fixture.commit(`deps: bump lib ${i}`, `deps${i}.txt`);
      for (let i = 0; i < 2; i++) fixture.commit(`chore: tidy ${i}`, `chore${i}.txt`);
      fixture.commit('feat: a feature', 'feat.txt');
      fixture.commit('core: not configured', 'core.txt');
      fixture.write('reflect.config.json', JSON.stringify({ releaseNotes: { sections: [{ type: 'feat', title: 'New' }, { type: 'deps', title: 'Dependencies' }], hiddenTypes: ['chore'] } }));
      const repo = await GitRepository.open(fixture.dir);
      const { config } = await resolveRepositoryConfiguration(fixture.dir);
      const range = { from: 'v1.0.0', to: 'HEAD' };
      const view = await readReleaseCommits(repo, range, false, 2, undefined, commitGroupingOf(config.releaseNotes));
      const notes = await generateReleaseNotes(repo, config, { range, today: '2030-01-15' });
      const counted = (groups: ReadonlyArray<{ type: string; title: string }>, count: (i: number) => number) => groups.map((g, i) => [g.type, g.title, count(i)]);
      assert.deepEqual(
        counted(view.groups, (i) => view.groups[i].count),
        [
          ['feat', 'New', 1],
          ['deps', 'Dependencies', 3],
          ['other', 'Other changes', 1],
        ],
      );
      assert.deepEqual(counted(view.groups, (i) => view.groups[i].count), counted(notes.model.groups, (i) => notes.model.groups[i].commits.length));
      assert.deepEqual(view.hidden, { count: 2, types: ['chore'] });
      assert.equal(notes.model.hidden?.length, 2);
      assert.equal(view.total, 7);
    } finally {
      fixture.dispose();
    }
  });
});
