import type { ClinicalImpact } from '../commits/commitTrailers';
import type { ParsedCommit } from '../commits/conventionalCommit';
import type { CommitGroup } from '../commits/groupCommits';
import { escapeCodeSpan, escapeMarkdownInline } from '../markdown/markdownEscape';
import { compareNames } from '../vocabulary/textOrder';
import { renderCommitSubject } from './commitSubject';
import type { RemoteLinks } from './remoteLinks';
import { nextTurn } from '../vocabulary/eventLoopTurn';

/**
 * The generated Markdown blocks of release notes. Every piece of commit
 * text passes through `escapeMarkdownInline` or `escapeCodeSpan`; links are
 * built only from https URLs made by `remoteLinks`.
 */

const NOTHING_SHOWN: ReadonlySet<string> = new Set();

/** A commit's abbreviated hash, linked to the host when links are known. */
export function commitReference(commit: ParsedCommit, links?: RemoteLinks): string {
  const code = escapeCodeSpan(commit.hash.slice(0, 7));
  return links ? `[${code}](${links.commit(commit.hash)})` : code;
}

/** An issue reference, linked when the host or issue URL says where it lives. */
export function issueReference(ref: string, links?: RemoteLinks): string {
  const text = escapeMarkdownInline(ref);
  const url = links?.issue(ref);
  return url ? `[${text}](${url})` : text;
}

/** One list item (with its breaking-change notes as indented sub-items) for a commit, without a final newline. */
function renderCommitItem(commit: ParsedCommit, showType: boolean, links: RemoteLinks | undefined, pairedWith: ParsedCommit | undefined): string {
  const type = showType && commit.type ? `${escapeMarkdownInline(commit.type)}: ` : '';
  const scope = commit.scope ? `**${escapeMarkdownInline(commit.scope)}:** ` : '';
  const subject = commit.issueRefs.length === 0 && !commit.subject.includes('`') ? { markdown: escapeMarkdownInline(commit.subject), shown: NOTHING_SHOWN } : renderCommitSubject(commit.subject, commit.issueRefs, links);
  let item = `- ${type}${scope}${subject.markdown} (${commitReference(commit, links)})`;
  // References the subject already shows (linked there) are not repeated.
  const more = subject.shown.size === 0 ? commit.issueRefs : commit.issueRefs.filter((r) => !subject.shown.has(r));
  if (more.length > 0) item += ` — ${more.map((r) => issueReference(r, links)).join(', ')}`;
  if (pairedWith) item += commit.revertOf ? ` — reverts ${commitReference(pairedWith, links)}` : ` — reverted by ${commitReference(pairedWith, links)}`;
  for (const note of commit.breakingNotes) item += `\n  - ${escapeMarkdownInline(note)}`;
  return item;
}

/**
 * Every group as `## Title` and its items; breaking changes always get a
 * heading, saying when there are none. Each group's items are joined once:
 * this runs for every commit of a range, and one array per group is much
 * cheaper than growing one string, or one array, for the whole range.
 */
export function renderGroupsBlock(groups: readonly CommitGroup[], links?: RemoteLinks, breakingTitle = 'Breaking changes'): string {
  return assembleGroupsBlock(
    groups,
    groups.map((group) => group.commits.map((_, index) => groupItem(group, index, links))),
    breakingTitle,
  );
}

/**
 * `renderGroupsBlock`, the same text, with a pause (`pause`, by default the
 * event loop's next turn) after every `sliceSize` items: in the editor the
 * notes of 10,000 commits were one task of 140 ms of the extension host.
 */
export async function renderGroupsBlockInSlices(groups: readonly CommitGroup[], links?: RemoteLinks, breakingTitle = 'Breaking changes', pause: () => Promise<void> = nextTurn, sliceSize = 500): Promise<string> {
  const items: string[][] = [];
  let sincePause = 0;
  for (const group of groups) {
    const own: string[] = [];
    for (let index = 0; index < group.commits.length; index++) {
      own.push(groupItem(group, index, links));
      if (++sincePause >= sliceSize) {
        sincePause = 0;
        await pause();
      }
    }
    items.push(own);
  }
  return assembleGroupsBlock(groups, items, breakingTitle);
}

/** The list item of a group's commit at `index` (a reverted pair's items name each other). */
function groupItem(group: CommitGroup, index: number, links: RemoteLinks | undefined): string {
  // Where the section does not say the type (breaking changes, other changes), the item does.
  const showType = group.type === 'breaking' || group.type === 'other';
  const commits = group.commits;
  return renderCommitItem(commits[index], showType, links, group.type === 'reverted' ? commits[index % 2 === 0 ? index + 1 : index - 1] : undefined);
}

/** The groups' headings and their items (`items[i]` for `groups[i]`) as one block. */
function assembleGroupsBlock(groups: readonly CommitGroup[], items: readonly (readonly string[])[], breakingTitle: string): string {
  const blocks: string[] = [];
  if (!groups.some((g) => g.type === 'breaking')) blocks.push(`## ${escapeMarkdownInline(breakingTitle)}\n\nNo breaking changes in this range.`);
  for (const [index, group] of groups.entries()) {
    const own = items[index];
    blocks.push(own.length > 0 ? `## ${escapeMarkdownInline(group.title)}\n\n${own.join('\n')}` : `## ${escapeMarkdownInline(group.title)}\n`);
  }
  if (groups.length === 0) blocks.push('No changes in this range.');
  return blocks.join('\n\n').trimEnd();
}

/** Hazard-log ids with the commits that reference them, in order of first mention. */
export function hazardsReferenced(commits: readonly ParsedCommit[]): Array<{ id: string; commits: ParsedCommit[] }> {
  const byId = new Map<string, ParsedCommit[]>();
  for (const commit of commits) {
    for (const id of commit.hazards) {
      const list = byId.get(id);
      // Appended in place: a hazard named by thousands of commits must not copy its list each time.
      if (list) list.push(commit);
      else byId.set(id, [commit]);
    }
  }
  return [...byId].map(([id, list]) => ({ id, commits: list }));
}

/** The hazards block: each id and the commits naming it. */
export function renderHazardsBlock(commits: readonly ParsedCommit[], links?: RemoteLinks): string {
  const hazards = hazardsReferenced(commits);
  if (hazards.length === 0) return 'No commit in this range references a hazard-log entry (a `Hazard:` trailer).';
  return hazards.map((h) => `- ${escapeCodeSpan(h.id)}: ${h.commits.map((c) => `${escapeMarkdownInline(c.subject)} (${commitReference(c, links)})`).join('; ')}`).join('\n');
}

const IMPACT_ORDER: readonly ClinicalImpact[] = ['high', 'medium', 'low', 'none'];

/** The declared clinical impacts, highest first. */
export function renderClinicalImpactBlock(commits: readonly ParsedCommit[], links?: RemoteLinks): string {
  const declared = commits.filter((c) => c.clinicalImpact !== null);
  if (declared.length === 0) return 'No commit in this range declares a clinical impact (a `Clinical-Impact:` trailer).';
  const sorted = [...declared].sort((a, b) => IMPACT_ORDER.indexOf(a.clinicalImpact ?? 'none') - IMPACT_ORDER.indexOf(b.clinicalImpact ?? 'none'));
  return ['Clinical impact declared by commits:', '', ...sorted.map((c) => `- **${c.clinicalImpact}**: ${escapeMarkdownInline(c.subject)} (${commitReference(c, links)})`)].join('\n');
}

/** Contributors by number of commits, then name. Emails are left out on purpose. */
export function contributorsOf(commits: readonly ParsedCommit[]): Array<{ name: string; commits: number }> {
  const counts = new Map<string, number>();
  for (const commit of commits) counts.set(commit.authorName, (counts.get(commit.authorName) ?? 0) + 1);
  // Ties are broken by an English collation, not the machine's locale: the
  // order reads naturally ("Émile" before "Zoe") and is the same everywhere.
  return [...counts].map(([name, count]) => ({ name, commits: count })).sort((a, b) => b.commits - a.commits || compareNames(a.name, b.name));
}

/** The contributors block. */
export function renderContributorsBlock(commits: readonly ParsedCommit[]): string {
  const people = contributorsOf(commits);
  if (people.length === 0) return 'No commits, so no contributors.';
  return people.map((p) => `- ${escapeMarkdownInline(p.name) || 'Unknown author'} (${p.commits} ${p.commits === 1 ? 'commit' : 'commits'})`).join('\n');
}
