import type { ParsedCommit } from '../commits/conventionalCommit';
import type { CommitGroup } from '../commits/groupCommits';
import type { Bump } from '../commits/versionBump';
import type { RevisionRange } from '../git/gitRepository';
import { renderFrontMatter } from './frontMatter';
import { escapeCodeSpan, escapeMarkdownInline } from './markdownEscape';

/** Everything release notes are made from; built by `buildReleaseNotes`. */
export interface ReleaseNotesModel {
  readonly version: string;
  readonly range: RevisionRange;
  /** Non-merge commits in the range (each appears in exactly one group). */
  readonly commitCount: number;
  readonly mergeCount: number;
  readonly groups: readonly CommitGroup[];
  readonly bump: Bump;
  readonly date: string;
  readonly author?: string;
}

/** The `reflect notes --format json` shape (a stable contract). */
export interface ReleaseNotesJson {
  range: { from: string | null; to: string };
  commits: number;
  groups: Array<{ type: string; title: string; commits: Array<{ hash: string; subject: string; scope: string | null; breaking: boolean }> }>;
  bump: Bump;
}

export function releaseNotesToJson(model: ReleaseNotesModel): ReleaseNotesJson {
  return {
    range: { from: model.range.from ?? null, to: model.range.to },
    commits: model.commitCount,
    groups: model.groups.map((g) => ({
      type: g.type,
      title: g.title,
      commits: g.commits.map((c) => ({ hash: c.hash, subject: c.subject, scope: c.scope, breaking: c.breaking })),
    })),
    bump: model.bump,
  };
}

/** Release notes as Markdown with front matter; all commit text is escaped. */
export function renderReleaseNotesMarkdown(model: ReleaseNotesModel): string {
  const frontMatter = renderFrontMatter({
    kind: 'release-notes',
    change: model.version,
    date: model.date,
    author: model.author ?? '',
    range: { from: model.range.from ?? '', to: model.range.to },
    bump: model.bump,
  });
  const from = model.range.from ? escapeCodeSpan(model.range.from) : 'the first commit';
  const lines: string[] = [
    `# Release notes: ${escapeMarkdownInline(model.version)}`,
    '',
    `${model.commitCount} ${model.commitCount === 1 ? 'commit' : 'commits'} from ${from} to ${escapeCodeSpan(model.range.to)}` +
      (model.mergeCount > 0 ? ` (and ${model.mergeCount} merge ${model.mergeCount === 1 ? 'commit' : 'commits'} not listed)` : '') +
      `. Suggested version bump: ${model.bump}.`,
  ];
  if (model.groups.length === 0) lines.push('', 'No changes in this range.');
  for (const group of model.groups) {
    lines.push('', `## ${escapeMarkdownInline(group.title)}`, '');
    for (const commit of group.commits) lines.push(...renderCommitItem(commit, group.type === 'breaking'));
  }
  return `${frontMatter}\n${lines.join('\n')}\n`;
}

function renderCommitItem(commit: ParsedCommit, inBreakingSection: boolean): string[] {
  const scope = commit.scope ? `**${escapeMarkdownInline(commit.scope)}:** ` : '';
  const type = inBreakingSection && commit.type ? `${escapeMarkdownInline(commit.type)}: ` : '';
  const item = [`- ${type}${scope}${escapeMarkdownInline(commit.subject)} (${escapeCodeSpan(commit.hash.slice(0, 7))})`];
  for (const note of commit.breakingNotes) item.push(`  - ${escapeMarkdownInline(note)}`);
  return item;
}
