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
    assert.deepEqual(groups.map((g) => g.type), ['breaking', 'feat', 'fix', 'chore', 'other']);
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

  it('reads messages with bodies and trailers exactly as the parser does', async () => {
    const { parseCommitFully } = await import('../../src/core/commits/conventionalCommit');
    const messages = [
      'feat(api): a\n\nA body line.\n\nRefs: #25',
      'fix: b\n\nCloses #12\nHazard: HAZ-1, HAZ-2\nClinical-Impact: low',
      'feat!: c\n\nbody mentions LAB-7 and #3',
      'feat: d\n\nBREAKING CHANGE: old API removed',
      'feat: e\n\nsome text\nbreaking-change: lower case note',
      'fix: f\n\n-subject-\nreplaced by a meta field',
      'fix: g\n\ngpg: Signature made\nbody',
      'Revert "feat: a"\n\nThis reverts commit ' + 'b'.repeat(40) + '.',
      'Update notes for batch 97\n\nPlain message, not conventional.',
      'feat: trailing space  \n\nbody',
      ' feat: leading space\n\nbody',
      'chore(deps): h\n\n* bullet\n* BREAKING CHANGE: in a bullet',
      'docs: i\n\n\n\nafter blank lines\n\nSigned-off-by: A <a@example.org>',
      '\nfeat: starts with a blank line\n\nbody',
      '\n\nfix!: y\nmore',
    ];
    for (const message of messages) {
      const c = commit(message);
      assert.deepEqual(parseCommit(c), parseCommitFully(c), message);
    }
  });
});

describe('reverts within a range', () => {
  it('lists a reverted commit beside its revert, and neither calls for a bump', async () => {
    const { partitionCommits } = await import('../../src/core/commits/groupCommits');
    const original = commit('feat!: risky change');
    const revert = commit(`Revert "feat!: risky change"\n\nThis reverts commit ${original.hash}.`);
    const fix = commit('fix: small');
    const parsed = [revert, fix, original].map(parseCommit);
    const partition = partitionCommits(parsed);
    assert.deepEqual(partition.groups.map((g) => [g.type, g.commits.map((c) => c.subject)]), [
      ['fix', ['small']],
      ['reverted', ['risky change', 'Revert "feat!: risky change"']],
    ]);
    assert.equal(suggestBump(parsed.filter((c) => !partition.reverted.has(c)), 'v1.0.0'), 'patch');
  });

  it('leaves a chain of reverts unpaired, so nothing is silently cancelled', async () => {
    const { partitionCommits } = await import('../../src/core/commits/groupCommits');
    const a = commit('feat: a');
    const b = commit(`Revert "feat: a"\n\nThis reverts commit ${a.hash}.`);
    const c = commit(`Revert "Revert "feat: a""\n\nThis reverts commit ${b.hash}.`);
    const partition = partitionCommits([c, b, a].map(parseCommit));
    assert.equal(partition.reverted.size, 0);
    assert.equal(partition.groups.flatMap((g) => g.commits).length, 3);
  });

  it('pairs by abbreviated hash and by header, and leaves a commit reverted twice unpaired', async () => {
    const { pairReverts } = await import('../../src/core/commits/revertPairs');
    const a = { ...commit('feat: a'), hash: `abcdef123${'0'.repeat(31)}` };
    const byShortHash = commit(`Revert "something else"\n\nThis reverts commit ${a.hash.slice(0, 9)}.`);
    const b = commit('fix: b');
    const byHeader = commit('Revert "fix: b"');
    const twice = commit('feat: twice');
    const first = commit(`Revert "feat: twice"\n\nThis reverts commit ${twice.hash}.`);
    const second = commit('Revert "feat: twice"');
    // Newest first, as git log lists them.
    const parsed = [second, first, byHeader, byShortHash, twice, b, a].map(parseCommit);
    const pairs = pairReverts(parsed).map((p) => [p.revert.hash, p.original.hash]);
    assert.deepEqual(pairs, [
      [byHeader.hash, b.hash],
      [byShortHash.hash, a.hash],
    ]);
  });

  it('pairs a revert outside the range with nothing: it goes under Reverts', () => {
    const groups = groupCommitsByType([parseCommit(commit(`Revert "feat: old"\n\nThis reverts commit ${'f'.repeat(40)}.`))]);
    assert.deepEqual(groups.map((g) => [g.type, g.title]), [['revert', 'Reverts']]);
  });

  it('can list merges in their own section', () => {
    const groups = groupCommitsByType([parseCommit(commit("Merge branch 'x'", 2)), parseCommit(commit('fix: y'))], { includeMerges: true });
    assert.deepEqual(groups.map((g) => [g.type, g.commits.length]), [['fix', 1], ['merge', 1]]);
  });
});

describe('version bump edge cases', () => {
  const parse = (...messages: string[]) => messages.map((m) => parseCommit(commit(m)));
  it('applies the 0.x rule: a feature before 1.0.0 is still minor, a fix patch', () => {
    assert.equal(suggestBump(parse('feat: a'), 'v0.4.0'), 'minor');
    assert.equal(suggestBump(parse('fix: a'), '0.4.0'), 'patch');
    assert.equal(suggestBump(parse('fix: a\n\nBREAKING CHANGE: x'), 'v0.9.1'), 'minor');
    assert.equal(suggestBump(parse('feat!: a'), undefined), 'major');
  });

  it('proposes versions across 0.x, pre-releases and odd tags', () => {
    assert.equal(proposeNextVersion('v0.4.0', 'minor'), 'v0.5.0');
    assert.equal(proposeNextVersion('v1.9.9', 'major'), 'v2.0.0');
    assert.equal(proposeNextVersion('v2.0.0-rc.1', 'patch'), 'v2.0.0');
    assert.equal(proposeNextVersion('release-7', 'minor'), 'release-7');
  });
});
