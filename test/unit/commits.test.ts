import * as assert from 'node:assert/strict';
import { parseCommit } from '../../src/core/commits/conventionalCommit';
import { groupCommitsByType } from '../../src/core/commits/groupCommits';
import { proposeNextVersion, suggestBump } from '../../src/core/commits/versionBump';
import type { GitCommit } from '../../src/core/git/gitLogParsing';

let counter = 0;
function commit(message: string, parents = 1): GitCommit {
  counter++;
  return { hash: counter.toString(16).padStart(40, '0'), parents: Array.from({ length: parents }, (_, i) => String(i).repeat(40)), authorName: 'A', authorEmail: 'a@x', date: '2026-01-01T00:00:00Z', message };
}

describe('Conventional Commit parsing', () => {
  it('reads type, scope, subject and the ! mark', () => {
    const parsed = parseCommit(commit('feat(api)!: drop v1 endpoint'));
    assert.equal(parsed.type, 'feat');
    assert.equal(parsed.scope, 'api');
    assert.equal(parsed.subject, 'drop v1 endpoint');
    assert.equal(parsed.breaking, true);
  });

  it('reads BREAKING CHANGE footers', () => {
    const parsed = parseCommit(commit('fix: tighten parser\n\nBody.\n\nBREAKING CHANGE: old input is refused'));
    assert.equal(parsed.breaking, true);
    assert.deepEqual(parsed.breakingNotes, ['old input is refused']);
  });

  it('keeps a commit that is not conventional, with its whole first line', () => {
    const parsed = parseCommit(commit('Update README wording\n\nmore'));
    assert.equal(parsed.type, null);
    assert.equal(parsed.subject, 'Update README wording');
    assert.equal(parsed.breaking, false);
  });
});

describe('grouping commits by type', () => {
  it('puts breaking changes first and other changes last, each commit exactly once', () => {
    const commits = ['chore: tidy', 'Update docs', 'feat: add trend', 'fix: empty segment', 'feat!: drop v1', 'custom: odd type'].map((m) => parseCommit(commit(m)));
    const groups = groupCommitsByType(commits);
    assert.deepEqual(groups.map((g) => g.type), ['breaking', 'feat', 'fix', 'chore', 'custom', 'other']);
    const listed = groups.flatMap((g) => g.commits.map((c) => c.hash));
    assert.equal(listed.length, commits.length);
    assert.equal(new Set(listed).size, commits.length);
  });

  it('leaves merge commits out', () => {
    const groups = groupCommitsByType([parseCommit(commit("Merge branch 'x'", 2)), parseCommit(commit('fix: y'))]);
    assert.deepEqual(groups.map((g) => g.commits.length), [1]);
  });
});

describe('version bump', () => {
  const parse = (...messages: string[]) => messages.map((m) => parseCommit(commit(m)));
  it('suggests major for breaking, minor for features, patch otherwise, none for nothing', () => {
    assert.equal(suggestBump(parse('fix: a', 'feat!: b'), 'v1.0.0'), 'major');
    assert.equal(suggestBump(parse('fix: a', 'feat: b'), 'v1.0.0'), 'minor');
    assert.equal(suggestBump(parse('docs: a', 'Update'), 'v1.0.0'), 'patch');
    assert.equal(suggestBump([], 'v1.0.0'), 'none');
  });

  it('bumps minor for a breaking change before 1.0.0', () => {
    assert.equal(suggestBump(parse('feat!: b'), 'v0.4.0'), 'minor');
  });

  it('proposes the next version keeping the v prefix', () => {
    assert.equal(proposeNextVersion('v1.1.0', 'minor'), 'v1.2.0');
    assert.equal(proposeNextVersion('2.0.1', 'patch'), '2.0.2');
    assert.equal(proposeNextVersion('v1.1.0', 'none'), 'v1.1.0');
    assert.equal(proposeNextVersion(undefined, 'minor'), 'v0.1.0');
  });
});

describe('one-line fast path', () => {
  it('reads one-line messages exactly as the parser does', async () => {
    const { parseCommitFully } = await import('../../src/core/commits/conventionalCommit');
    const headers = ['feat: a', 'feat(api)!: b', 'FIX(Scope): c', 'fix(): d', 'chore(a b): e', 'Merge branch x', 'feat:no space', 'feat(x)(y): z', 'revert: "feat: a"', 'weird-type: f', 'docs(api)  : g', '  feat: padded  '];
    for (const header of headers) {
      const c = commit(header);
      assert.deepEqual(parseCommit(c), parseCommitFully(c), header);
    }
  });
});
