import * as assert from 'node:assert/strict';
import { observeGitCalls } from '../../src/core/git/gitProcess';
import { GitRepository } from '../../src/core/git/gitRepository';
import { DEFAULT_RELEASE_FILTER, latestReachableRelease, releaseRangeOf, selectReleaseTags } from '../../src/core/git/releases';
import { newestReleaseBelowHead, TagAncestry } from '../../src/core/git/tagAncestry';
import { readReleaseListing } from '../../src/core/usecases/releaseOverview';
import type { GitFixture } from '../fixtures/gitFixture';
import { branchyHistory } from '../support/branchyHistory';

describe('TagAncestry: which release each tag reaches, from one walk', () => {
  let repo: GitFixture;
  afterEach(() => repo.dispose());

  it('agrees with for-each-ref --merged for every pair of tags, through merges and across branches', async () => {
    repo = branchyHistory();
    const git = await GitRepository.open(repo.dir);
    const tags = await git.listTags();
    const ancestry = await TagAncestry.read(git.root, true);
    for (const tag of tags) {
      assert.ok(ancestry.knows(tag.hash), `${tag.name}'s commit is in the reduced history`);
      const merged = new Set(await git.tagsMergedInto(tag.name));
      for (const other of tags) {
        assert.equal(ancestry.firstReachable(tag.hash, [other]) !== undefined, merged.has(other.name), `${tag.name} reaches ${other.name}`);
      }
    }
  });

  it('is not read for the listing when Unreleased starts at the newest release, and is read once however often asked for', async () => {
    repo = branchyHistory(); // HEAD: one commit after v2.0.0, the newest release
    const git = await GitRepository.open(repo.dir);
    const walks: string[][] = [];
    const stop = observeGitCalls(({ args }) => {
      if (args.includes('--simplify-by-decoration')) walks.push([...args]);
    });
    try {
      const listing = await readReleaseListing(git, { filter: DEFAULT_RELEASE_FILTER });
      assert.equal(listing.unreleased?.range.from, 'v2.0.0');
      assert.equal(listing.unreleased?.commitCount, 1);
      assert.deepEqual(walks, [], 'first paint ran no history walk');
      const [first, second] = await Promise.all([listing.ancestry(), listing.ancestry()]);
      assert.ok(first && first === second && first === (await listing.ancestry()));
      assert.equal(walks.length, 1);
    } finally {
      stop();
    }
  });

  it('asks git nothing more for Unreleased when HEAD is the newest release itself (annotated or not, on a branch or detached)', async () => {
    repo = branchyHistory();
    for (const [name, annotated, detach] of [['v9.0.0', false, false], ['v9.1.0', true, true]] as const) {
      repo.commit(`feat: towards ${name}`, `${name}.txt`);
      repo.tag(name, annotated);
      if (detach) repo.git('checkout', '-q', '--detach');
      const git = await GitRepository.open(repo.dir);
      const calls: string[] = [];
      const stop = observeGitCalls(({ args }) => calls.push(args[0]));
      try {
        const listing = await readReleaseListing(git, { filter: DEFAULT_RELEASE_FILTER });
        assert.deepEqual(listing.unreleased, { range: { from: name, to: 'HEAD' }, commitCount: 0, mergeCount: 0, partial: false });
        assert.deepEqual(calls.sort(), ['for-each-ref', 'rev-parse'], `only the tag list and HEAD are read (${calls.join(', ')})`);
        // The same answer as counting the empty range.
        assert.equal(await git.countCommits({ from: name, to: 'HEAD' }), 0);
      } finally {
        stop();
      }
    }
  });

  it('gives every release the range and Unreleased the start that one git call per tag gives', async () => {
    repo = branchyHistory();
    const git = await GitRepository.open(repo.dir);
    const sorted = selectReleaseTags(await git.listTags());
    const ancestry = await TagAncestry.read(git.root, true);
    for (const { name } of sorted) assert.deepEqual(await releaseRangeOf(git, sorted, name, ancestry), await releaseRangeOf(git, sorted, name), name);
    assert.equal(await latestReachableRelease(git, sorted, 'HEAD', ancestry), await latestReachableRelease(git, sorted, 'HEAD'));
    // The merge's second parent alone reaches v1.3.0; the tag on the same commit and the other branch's tag are passed over.
    assert.deepEqual(await releaseRangeOf(git, sorted, 'v2.0.0', ancestry), { from: 'v1.3.0', to: 'v2.0.0' });
    assert.equal(await latestReachableRelease(git, sorted, 'HEAD', ancestry), 'v2.0.0');
  });

  it('starts Unreleased where one git call per tag does on a detached HEAD, and the listing hands its ancestry on', async () => {
    repo = branchyHistory();
    repo.git('checkout', '-q', '--detach', 'side');
    const git = await GitRepository.open(repo.dir);
    const listing = await readReleaseListing(git, { filter: DEFAULT_RELEASE_FILTER });
    const ancestry = await listing.ancestry();
    assert.ok(ancestry, 'the listing read the ancestry once');
    assert.equal(listing.head.kind, 'detached');
    assert.equal(listing.unreleased?.range.from, await latestReachableRelease(git, listing.tags, 'HEAD'));
    assert.equal(listing.unreleased?.range.from, 'v1.3.0');
    for (const { name } of listing.tags) assert.deepEqual(await releaseRangeOf(git, listing.tags, name, ancestry), await releaseRangeOf(git, listing.tags, name), name);
  });

  it('is not changed by the repository\'s log settings (log.excludeDecoration, log.decorate, format.pretty)', async () => {
    repo = branchyHistory();
    repo.git('config', 'log.excludeDecoration', 'refs/tags');
    repo.git('config', 'log.decorate', 'full');
    repo.git('config', 'format.pretty', 'oneline');
    const git = await GitRepository.open(repo.dir);
    const sorted = selectReleaseTags(await git.listTags());
    const ancestry = await TagAncestry.read(git.root, true);
    assert.equal(ancestry.head, repo.git('rev-parse', 'HEAD').trim());
    for (const { name } of sorted) assert.deepEqual(await releaseRangeOf(git, sorted, name, ancestry), await releaseRangeOf(git, sorted, name), name);
  });

  it('finds Unreleased\'s start at once among the newest releases, or leaves it to the ancestry', async () => {
    repo = branchyHistory();
    const git = await GitRepository.open(repo.dir);
    const sorted = selectReleaseTags(await git.listTags());
    assert.equal(await newestReleaseBelowHead(git.root, sorted), 'v2.0.0', 'HEAD is past the newest release');
    assert.equal(await newestReleaseBelowHead(git.root, sorted), await latestReachableRelease(git, sorted, 'HEAD'));
    repo.git('checkout', '-q', '--detach', 'v1.9.9');
    assert.equal(await newestReleaseBelowHead(git.root, sorted), 'v2.0.0', 'a release on HEAD\'s own commit is reached, as --merged lists it');
    repo.git('checkout', '-q', '--detach', 'side');
    // v2.0.0 and v1.9.9 are not below the side branch: the two quick checks say no, and the walk decides.
    assert.equal(await newestReleaseBelowHead(git.root, sorted), undefined);
    assert.equal(await latestReachableRelease(git, sorted, 'HEAD', await TagAncestry.read(git.root, true)), 'v1.3.0');
  });

  it('reads literal git output: rewritten parents, HEAD among the decorations, parents it never kept', () => {
    const [a, b, c, m, h] = ['a', 'b', 'c', 'm', 'h'].map((x) => x.repeat(40));
    const output = [`${h}\t${m}\tHEAD -> main, tag: v3`, `${m}\t${b} ${c}\t`, `${c}\t${a}\ttag: v2`, `${b}\t${a}\ttag: v1.5`, `${a}\t${'f'.repeat(40)}\ttag: v1`, ''].join('\n');
    const ancestry = TagAncestry.parse(output);
    assert.equal(ancestry.head, h);
    const tags = [{ name: 'v2', hash: c }, { name: 'v1.5', hash: b }, { name: 'v1', hash: a }];
    assert.equal(ancestry.firstReachable(h, tags)?.name, 'v2');
    assert.equal(ancestry.firstReachable(b, tags)?.name, 'v1.5', 'a commit reaches itself, as --merged lists it');
    assert.equal(ancestry.firstReachable(b, tags.slice(0, 1)), undefined, 'siblings do not reach each other');
    assert.equal(ancestry.knows('f'.repeat(40)), false, 'a parent past the kept history is not known');
  });

  it('has no HEAD when the walk did not start there, so Unreleased asks git itself', () => {
    const ancestry = TagAncestry.parse(`${'a'.repeat(40)}\t\ttag: v1\n`);
    assert.equal(ancestry.head, undefined);
  });
});
