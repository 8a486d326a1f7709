import * as assert from 'node:assert/strict';
import { GitRepository, type RevisionRange } from '../../src/core/git/gitRepository';
import { countRangesTogether } from '../../src/core/git/rangeCounts';
import { DEFAULT_RELEASE_FILTER, releaseRangeOf } from '../../src/core/git/releases';
import { readReleaseCount, readReleaseCounts, readReleaseListing } from '../../src/core/usecases/releaseOverview';
import type { GitFixture } from '../fixtures/gitFixture';
import { branchyHistory } from '../support/branchyHistory';

/** Every release's range and Unreleased, by name, as the Releases view lists them. */
async function listedRanges(git: GitRepository) {
  const read = await readReleaseListing(git, { filter: DEFAULT_RELEASE_FILTER });
  const ancestry = await read.ancestry();
  const listing = { tags: read.tags, shallow: read.shallow, ...(ancestry ? { ancestry } : {}) };
  const ranges = new Map<string, RevisionRange>();
  for (const { name } of listing.tags) ranges.set(name, await releaseRangeOf(git, listing.tags, name, ancestry));
  if (read.unreleased) ranges.set('Unreleased', read.unreleased.range);
  return { listing, ranges };
}

describe('Counting many releases in one git walk', () => {
  let repo: GitFixture;
  afterEach(() => repo.dispose());

  it('gives every release the count rev-list --count gives it, merges apart, Unreleased included', async () => {
    repo = branchyHistory();
    // A second merge in Unreleased, so a range holds a merge whose first parent is in an older range.
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('feat: topic work', 'topic.txt');
    repo.git('checkout', '-q', 'main');
    repo.commit('fix: main meanwhile', 'main.txt');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'topic');
    const git = await GitRepository.open(repo.dir);
    const { listing, ranges } = await listedRanges(git);
    const together = await readReleaseCounts(git, ranges, listing);
    const expected = new Map<string, unknown>();
    for (const [name, range] of ranges) expected.set(name, await readReleaseCount(git, range, false));
    for (const [name, count] of together) assert.deepEqual(count, expected.get(name), name);
    // The first releases of each line have no start to count from; every other one is counted together.
    assert.deepEqual([...together.keys()].sort(), [...ranges].filter(([, r]) => r.from !== undefined).map(([name]) => name).sort());
    assert.deepEqual(together.get('v2.0.0'), { commitCount: 3, mergeCount: 1, partial: false }, 'the merge, the side branch and main since v1.3.0');
    assert.deepEqual(together.get('Unreleased'), { commitCount: 3, mergeCount: 1, partial: false });
  });

  it('leaves out what it cannot count so: a path scope, a branch end, starts on unrelated lines', async () => {
    repo = branchyHistory();
    const git = await GitRepository.open(repo.dir);
    const { listing, ranges } = await listedRanges(git);
    assert.equal((await readReleaseCounts(git, ranges, listing, ['main.txt'])).size, 0, 'a path scope is counted by git per range');
    const branchEnd = await readReleaseCounts(git, new Map([['side', { from: 'v1.1.0', to: 'side' }]]), listing);
    assert.equal(branchEnd.size, 0, 'a branch is no tag the ancestry knows');
    // v1.5.0 (another branch) and v0.9.0 (its own root) share no base with v1.1.0: none is counted together.
    const unrelated = await readReleaseCounts(git, new Map([['a', { from: 'v1.5.0', to: 'v2.0.0' }], ['b', { from: 'v0.9.0', to: 'v1.3.0' }]]), listing);
    assert.equal(unrelated.size, 0);
  });

  it('stops the walk past its cap, so each range is counted by git instead', async () => {
    repo = branchyHistory();
    const git = await GitRepository.open(repo.dir);
    const { listing } = await listedRanges(git);
    const hash = (name: string) => listing.tags.find((t) => t.name === name)?.hash ?? '';
    const ranges = [{ from: hash('v1.3.0'), to: hash('v2.0.0') }];
    assert.deepEqual(await countRangesTogether(git.root, ranges, hash('v1.0.0')), [{ commits: 4, merges: 1 }]);
    assert.equal(await countRangesTogether(git.root, ranges, hash('v1.0.0'), 2), undefined);
    await assert.rejects(countRangesTogether(git.root, [{ from: '--all', to: hash('v2.0.0') }], hash('v1.0.0')), /not a commit hash/);
  });
});
