import * as assert from 'node:assert/strict';
import { readCommitDetails } from '../../src/core/commits/commitTrailers';
import { parseCommit, type ParsedCommit } from '../../src/core/commits/conventionalCommit';
import { groupCommitsByType } from '../../src/core/commits/groupCommits';
import { pairReverts } from '../../src/core/commits/revertPairs';
import type { GitCommit } from '../../src/core/git/gitLogParsing';

// Only a hang trips this. Each input is large enough that work quadratic in
// its size takes minutes or more (so the test fails), and linear work a second
// (ten on a machine whose cores are all busy).
const HANG_MS = 30_000;

function hashOf(i: number): string {
  return i.toString(16).padStart(8, '0').repeat(5);
}

function gitCommit(message: string, i = 0): GitCommit {
  return { hash: hashOf(i), parents: ['0'.repeat(40)], authorName: 'Alex Morgan', authorEmail: 'alex@example.org', date: '2026-11-25T10:00:00Z', message };
}

describe('per-commit work is linear in the size of the message and the range (reliability promise 5)', function () {
  this.timeout(HANG_MS);

  it('a Hazard: trailer of 200,000 ids is deduplicated in one pass, in order of first appearance', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `HAZ-${i}`);
    const message = `feat: a change\n\nHazard: ${ids.join(', ')}, HAZ-7; HAZ-0 HAZ-199999\nHazards: HAZ-3,HAZ-200000`;
    assert.ok(message.length > 2 * 1024 * 1024);
    const { hazards } = readCommitDetails(message);
    assert.equal(hazards.length, 200_001);
    assert.deepEqual(hazards.slice(0, 3), ['HAZ-0', 'HAZ-1', 'HAZ-2']);
    assert.equal(hazards.at(-1), 'HAZ-200000');
  });

  it('a body of 250,000 issue references that also needs the full parser reads in one pass', () => {
    // "breaking" sends the message to conventional-commits-parser, whose own reference reading rescans each line per reference.
    const refs = Array.from({ length: 250_000 }, (_, i) => `#${i + 1}`).join(' ');
    const parsed = parseCommit(gitCommit(`feat: a change\n\nnot breaking anything\n\n${refs}\n\nBREAKING CHANGE: the old endpoint is gone`));
    assert.equal(parsed.type, 'feat');
    assert.equal(parsed.breaking, true);
    assert.deepEqual(parsed.breakingNotes, ['the old endpoint is gone']);
    assert.equal(parsed.issueRefs.length, 250_000);
  });

  it('100,000 reverts naming abbreviated hashes are paired through an index, not a scan each', () => {
    const revert = parseCommit(gitCommit('Revert "feat: a change"\n\nThis reverts commit 0123456789.'));
    const original = parseCommit(gitCommit('feat: a change'));
    const commits: ParsedCommit[] = [];
    for (let i = 0; i < 100_000; i++) {
      // Newest first: each revert comes just before the commit it undoes, and names it by 10 hex digits.
      commits.push({ ...revert, hash: hashOf(2 * i), revertOf: { hash: hashOf(2 * i + 1).slice(0, 10) } });
      commits.push({ ...original, hash: hashOf(2 * i + 1) });
    }
    const pairs = pairReverts(commits);
    assert.equal(pairs.length, 100_000);
    assert.equal(pairs[0].original, commits[1]);
    assert.equal(pairs[0].revert, commits[0]);
  });

  it('200,000 reverts of one header are paired by bisection, each with the next older commit of that header', () => {
    const revert = parseCommit(gitCommit('Revert "feat: the same change"'));
    const original = parseCommit(gitCommit('feat: the same change'));
    const commits: ParsedCommit[] = [];
    for (let i = 0; i < 200_000; i++) {
      // No hash to go by: each revert is paired with the next older commit whose header it quotes.
      commits.push({ ...revert, hash: hashOf(2 * i) });
      commits.push({ ...original, hash: hashOf(2 * i + 1) });
    }
    const pairs = pairReverts(commits);
    assert.equal(pairs.length, 200_000);
    assert.equal(pairs[199_999].original, commits[399_999]);
    const groups = groupCommitsByType(commits);
    assert.deepEqual(groups.map((g) => [g.type, g.commits.length]), [['reverted', 400_000]]);
  });
});
