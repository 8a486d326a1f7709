import * as assert from 'node:assert/strict';
import { parseCommit, type ParsedCommit } from '../../src/core/commits/conventionalCommit';
import type { CommitGroup } from '../../src/core/commits/groupCommits';
import { commitReference, contributorsOf, issueReference, renderGroupsBlock, renderGroupsBlockInSlices } from '../../src/core/render/releaseNotesBlocks';
import { escapeMarkdownInline } from '../../src/core/markdown/markdownEscape';
import { renderCommitSubject } from '../../src/core/render/commitSubject';
import { remoteLinks, type RemoteLinks } from '../../src/core/render/remoteLinks';

let counter = 0;
function parsed(message: string, authorName = 'A'): ParsedCommit {
  counter++;
  return parseCommit({ hash: counter.toString(16).padStart(40, 'c'), parents: ['0'.repeat(40)], authorName, authorEmail: 'a@x', date: '2026-01-01T00:00:00Z', message });
}

/** The groups block as first written, line by line: the faster version must give the same text. */
function referenceGroupsBlock(groups: readonly CommitGroup[], links?: RemoteLinks, breakingTitle = 'Breaking changes'): string {
  const lines: string[] = [];
  if (!groups.some((g) => g.type === 'breaking')) lines.push(`## ${escapeMarkdownInline(breakingTitle)}`, '', 'No breaking changes in this range.', '');
  for (const group of groups) {
    lines.push(`## ${escapeMarkdownInline(group.title)}`, '');
    group.commits.forEach((commit, index) => {
      const pairedWith = group.type === 'reverted' ? group.commits[index % 2 === 0 ? index + 1 : index - 1] : undefined;
      const scope = commit.scope ? `**${escapeMarkdownInline(commit.scope)}:** ` : '';
      const type = (group.type === 'breaking' || group.type === 'other') && commit.type ? `${escapeMarkdownInline(commit.type)}: ` : '';
      const subject = renderCommitSubject(commit.subject, commit.issueRefs, links);
      let line = `- ${type}${scope}${subject.markdown} (${commitReference(commit, links)})`;
      const more = commit.issueRefs.filter((r) => !subject.shown.has(r));
      if (more.length > 0) line += ` — ${more.map((r) => issueReference(r, links)).join(', ')}`;
      if (pairedWith) line += commit.revertOf ? ` — reverts ${commitReference(pairedWith, links)}` : ` — reverted by ${commitReference(pairedWith, links)}`;
      lines.push(line);
      for (const note of commit.breakingNotes) lines.push(`  - ${escapeMarkdownInline(note)}`);
    });
    lines.push('');
  }
  if (groups.length === 0) lines.push('No changes in this range.', '');
  return lines.join('\n').trimEnd();
}

describe('release-notes groups block', () => {
  const original = parsed('feat: risky');
  const revert = parsed(`Revert "feat: risky"\n\nThis reverts commit ${original.hash}.`);
  const cases: Array<[string, CommitGroup[]]> = [
    ['no groups', []],
    ['an empty group between two others', [
      { type: 'feat', title: 'Features', commits: [parsed('feat(api): a | pipe (#12)')] },
      { type: 'fix', title: 'Fixes', commits: [] },
      { type: 'docs', title: 'Docs <b>', commits: [parsed('docs: b\n\nRefs: LAB-7')] },
    ]],
    ['an empty group last', [{ type: 'feat', title: 'Features', commits: [parsed('feat: a')] }, { type: 'fix', title: 'Fixes', commits: [] }]],
    ['an empty breaking note last', [{ type: 'breaking', title: 'Breaking changes', commits: [parsed('feat!: x\n\nBREAKING CHANGE:')] }]],
    ['breaking notes and a reverted pair', [
      { type: 'breaking', title: 'Breaking changes', commits: [parsed('feat(api)!: drop v1\n\nBREAKING CHANGE: clients must move\nCloses #4')] },
      { type: 'reverted', title: 'Reverted', commits: [revert, original] },
      { type: 'other', title: 'Other changes', commits: [parsed('- starts like a list'), parsed('1. starts like a list')] },
    ]],
  ];
  const links = remoteLinks('https://github.com/example/lab.git');
  for (const [name, groups] of cases) {
    it(`gives the same text as the line-by-line version: ${name}`, async () => {
      assert.equal(renderGroupsBlock(groups), referenceGroupsBlock(groups));
      assert.equal(renderGroupsBlock(groups, links), referenceGroupsBlock(groups, links));
      // In slices, with a pause after every item: the same text.
      assert.equal(await renderGroupsBlockInSlices(groups, links, 'Breaking changes', async () => undefined, 1), referenceGroupsBlock(groups, links));
    });
  }

  it('in slices, pauses after every slice of items across groups, and writes the same text as at once', async () => {
    const many: CommitGroup[] = [
      { type: 'feat', title: 'Features', commits: Array.from({ length: 1234 }, (_, i) => parsed(`feat(part-${i % 7}): step ${i} (#${i})`)) },
      { type: 'fix', title: 'Bug fixes', commits: [] },
      { type: 'reverted', title: 'Reverted', commits: [revert, original] },
      { type: 'other', title: 'Other changes', commits: Array.from({ length: 766 }, (_, i) => parsed(`chore ${i}: \`code\` and *stars*`)) },
    ];
    let pauses = 0;
    const sliced = await renderGroupsBlockInSlices(many, links, 'Breaking changes', async () => {
      pauses++;
    }, 500);
    assert.equal(sliced, renderGroupsBlock(many, links));
    assert.equal(pauses, 4, '2,002 items in slices of 500');
    assert.equal(sliced, referenceGroupsBlock(many, links));
  });
});

describe('contributors', () => {
  it('orders ties by an English collation, the same on every machine', () => {
    const commits = [parsed('fix: a', 'Zoe'), parsed('fix: b', 'Émile'), parsed('fix: c', 'bob'), parsed('fix: d', 'Alice'), parsed('fix: e', 'Zoe')];
    assert.deepEqual(contributorsOf(commits), [
      { name: 'Zoe', commits: 2 },
      { name: 'Alice', commits: 1 },
      { name: 'bob', commits: 1 },
      { name: 'Émile', commits: 1 },
    ]);
  });
});
