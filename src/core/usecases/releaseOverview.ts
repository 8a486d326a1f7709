import { parseCommit, type ParsedCommit } from '../commits/conventionalCommit';
import { partitionCommits, type GroupingOptions } from '../commits/groupCommits';
import type { FileChange, GitTag } from '../git/gitLogParsing';
import type { GitRepository, HeadState, RevisionRange } from '../git/gitRepository';
import { latestReachableRelease, releaseRangeOf, selectReleaseTags, type ReleaseFilter } from '../git/releases';
import { skippedTagsNotice, type SkippedTags } from './tagFamilies';

/** What a repository's release list shows on first paint. */
export interface ReleaseListing {
  /** The release tags, newest first. */
  readonly tags: readonly GitTag[];
  readonly head: HeadState;
  /** The clone is shallow: ranges reaching past its history are partial. */
  readonly shallow: boolean;
  /** The latest release reachable from HEAD .. HEAD; absent without commits. */
  readonly unreleased?: ReleaseCount & { readonly range: RevisionRange };
  /** Said when the default pattern skips most tags: how many it matches, and the tag families to pick from. */
  readonly skippedTags?: SkippedTags;
}

/** How a release list tells a person to pick a tag family. */
export interface ListingRequest {
  readonly filter: ReleaseFilter;
  /** Only commits touching these pathspecs are counted (the release line's path scope). */
  readonly paths?: readonly string[];
  /** The end of the skipped-tags sentence: how this front end picks a family. */
  readonly howToPickFamily?: string;
}

/** How many commits a release has, and whether some are missing (shallow clone). */
export interface ReleaseCount {
  /** The commits the release notes list: merge commits are not among them. */
  readonly commitCount: number;
  /** The merge commits of the range, which the notes count but do not list. */
  readonly mergeCount: number;
  readonly partial: boolean;
}

/** A group heading of a whole range: its type, title and how many commits it holds. */
export interface GroupCount {
  readonly type: string;
  readonly title: string;
  readonly count: number;
}

/** A page of a release's commits, and the groups of the whole range. */
export interface ReleaseCommits {
  readonly range: RevisionRange;
  readonly total: number;
  readonly commits: readonly ParsedCommit[];
  readonly partial: boolean;
  /** Every group of the whole range (not only the page), in the order they are shown, with its count. */
  readonly groups: readonly GroupCount[];
  /** The group each commit of the range is in, by hash (merges are in none). */
  readonly groupOf: ReadonlyMap<string, string>;
  /** Commits of hidden types (`releaseNotes.hiddenTypes`): counted, listed in no group, as in the notes. */
  readonly hidden: { readonly count: number; readonly types: readonly string[] };
}

/**
 * Reads the release list of a repository: its release tags, HEAD, whether
 * the clone is shallow, and Unreleased with its commit count (never reads
 * commit messages).
 */
export async function readReleaseListing(repo: GitRepository, request: ListingRequest): Promise<ReleaseListing> {
  const { filter, paths, howToPickFamily } = request;
  const [allTags, head, shallow] = await Promise.all([repo.listTags(), repo.headState(), repo.isShallow()]);
  const tags = selectReleaseTags(allTags, filter);
  // From the tag list already read: no git call of its own.
  const notice = howToPickFamily === undefined ? undefined : skippedTagsNotice(allTags, filter.pattern, howToPickFamily);
  const skipped = notice === undefined ? {} : { skippedTags: notice };
  if (head.kind === 'unborn') return { tags, head, shallow, ...skipped };
  const from = await latestReachableRelease(repo, tags, 'HEAD');
  const range: RevisionRange = { from, to: 'HEAD' };
  return { tags, head, shallow, unreleased: { range, ...(await readReleaseCount(repo, range, shallow, paths)) }, ...skipped };
}

/**
 * A release's commit count as its notes count it (merges apart, within
 * `paths` when given), and whether it reaches past a shallow clone's history.
 */
export async function readReleaseCount(repo: GitRepository, range: RevisionRange, shallow: boolean, paths?: readonly string[]): Promise<ReleaseCount> {
  const [all, mergeCount, partial] = await Promise.all([repo.countCommits(range, scoped(paths)), repo.countCommits(range, scoped(paths), { mergesOnly: true }), shallow ? repo.rangeCrossesShallowBoundary(range) : false]);
  return { commitCount: all - mergeCount, mergeCount, partial };
}

/** The range of a release tag: from the latest older release reachable from it. */
export function readReleaseRange(repo: GitRepository, tags: readonly GitTag[], name: string): Promise<RevisionRange> {
  return releaseRangeOf(repo, tags, name);
}

/**
 * The first `pageSize` commits of a range, its total, whether it is partial,
 * and the groups of the whole range with their counts. One `git log` pass
 * reads the range: the page is kept whole, the rest only as far as grouping
 * needs (header, type, breaking, revert), so a long range costs little memory.
 * `grouping` is the configured one (`commitGroupingOf`), so the headings and
 * their counts are those of the release notes.
 */
export async function readReleaseCommits(repo: GitRepository, range: RevisionRange, shallow: boolean, pageSize: number, paths?: readonly string[], grouping: GroupingOptions = {}): Promise<ReleaseCommits> {
  const page: ParsedCommit[] = [];
  const all = await repo.readMappedCommits(
    range,
    (commit) => {
      const parsed = parseCommit(commit);
      if (page.length < pageSize) page.push(parsed);
      return forGrouping(parsed);
    },
    undefined,
    scoped(paths),
  );
  const partial = shallow && (await repo.rangeCrossesShallowBoundary(range));
  const groupOf = new Map<string, string>();
  const partition = partitionCommits(all, grouping);
  const groups = partition.groups.map((group) => {
    for (const commit of group.commits) groupOf.set(commit.hash, group.type);
    return { type: group.type, title: group.title, count: group.commits.length };
  });
  const hidden = { count: partition.hidden.length, types: [...new Set(partition.hidden.map((c) => c.type ?? 'other'))].sort() };
  return { range, total: all.length, commits: page, partial, groups, groupOf, hidden };
}

/** A later page of a range's commits. */
export function readReleaseCommitPage(repo: GitRepository, range: RevisionRange, skip: number, limit: number, paths?: readonly string[]): Promise<ParsedCommit[]> {
  return repo.readMappedCommits(range, parseCommit, { skip, limit }, scoped(paths));
}

/** What grouping reads of a commit: the message cut to its header (reverts pair by it), no trailers or notes. */
function forGrouping(commit: ParsedCommit): ParsedCommit {
  const end = commit.message.indexOf('\n');
  const header = end < 0 ? commit.message : commit.message.slice(0, end);
  return { ...commit, message: header, trailers: [], issueRefs: [], hazards: [], breakingNotes: [] };
}

function scoped(paths: readonly string[] | undefined): readonly string[] | undefined {
  return paths && paths.length > 0 ? paths : undefined;
}

/** The files a release changed (only those under `paths`, the release line's path scope, when given). */
export function readReleaseFiles(repo: GitRepository, range: RevisionRange, paths?: readonly string[]): Promise<FileChange[]> {
  return repo.changedFiles(range, scoped(paths));
}
