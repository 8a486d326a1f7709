import { parseCommit, type ParsedCommit } from '../commits/conventionalCommit';
import { partitionCommits, type GroupingOptions } from '../commits/groupCommits';
import type { FileChange, GitTag } from '../git/gitLogParsing';
import type { GitRepository, HeadState, RevisionRange } from '../git/gitRepository';
import { latestReachableRelease, releaseRangeOf, selectReleaseTags, type ReleaseFilter } from '../git/releases';
import { countRangesTogether, type CommitRange } from '../git/rangeCounts';
import { newestReleaseBelowHead, TagAncestry } from '../git/tagAncestry';
import { nextTurn } from '../vocabulary/eventLoopTurn';
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
  /**
   * Which tags each tag and HEAD reach, read once, when first asked for (first
   * paint neither waits for it nor shares the machine with it, unless
   * Unreleased needs it): every release's range from it costs no git call
   * (`readReleaseRange`). Undefined without tags or when it cannot be read.
   */
  readonly ancestry: () => Promise<TagAncestry | undefined>;
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
  /** The group each commit of the range is in (merges and hidden types are in none). */
  readonly groupOf: CommitGroupIndex;
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
  // Sorting thousands of tags takes a while: the event loop gets a turn before the families are read.
  await nextTurn();
  // From the tag list already read: no git call of its own.
  const notice = howToPickFamily === undefined ? undefined : skippedTagsNotice(allTags, filter.pattern, howToPickFamily);
  const skipped = notice === undefined ? {} : { skippedTags: notice };
  if (head.kind === 'unborn') return { tags, head, shallow, ancestry: () => Promise.resolve(undefined), ...skipped };
  // One walk of the history answers, for HEAD and every tag, which release it reaches: no walk per tag.
  let reading: Promise<TagAncestry | undefined> | undefined;
  const ancestry = () => (reading ??= tags.length === 0 ? Promise.resolve(undefined) : TagAncestry.read(repo.root, true).catch(() => undefined));
  // HEAD at the newest release itself (just tagged, a checkout of the tag): Unreleased is empty, and git is not asked.
  const newest = tags.find((t) => t.name !== 'HEAD');
  const headCommit = head.commit;
  if (newest !== undefined && headCommit !== undefined && newest.hash === headCommit) {
    return { tags, head, shallow, unreleased: { range: { from: newest.name, to: 'HEAD' }, commitCount: 0, mergeCount: 0, partial: false }, ancestry, ...skipped };
  }
  // Unreleased usually starts at one of the newest releases, which git confirms at once; else the walk decides.
  const from = (await newestReleaseBelowHead(repo.root, tags)) ?? (await latestReachableRelease(repo, tags, 'HEAD', await ancestry()));
  const range: RevisionRange = { from, to: 'HEAD' };
  return { tags, head, shallow, unreleased: { range, ...(await readReleaseCount(repo, range, shallow, paths)) }, ancestry, ...skipped };
}

/**
 * A release's commit count as its notes count it (merges apart, within
 * `paths` when given), and whether it reaches past a shallow clone's history.
 */
export async function readReleaseCount(repo: GitRepository, range: RevisionRange, shallow: boolean, paths?: readonly string[]): Promise<ReleaseCount> {
  const [all, mergeCount, partial] = await Promise.all([repo.countCommits(range, scoped(paths)), repo.countCommits(range, scoped(paths), { mergesOnly: true }), shallow ? repo.rangeCrossesShallowBoundary(range) : false]);
  return { commitCount: all - mergeCount, mergeCount, partial };
}

/** What `readReleaseCounts` needs of the listing: its tags, their ancestry (once read) and whether the clone is shallow. */
export interface CountingListing {
  readonly tags: readonly GitTag[];
  readonly ancestry?: TagAncestry;
  readonly shallow: boolean;
}

/**
 * Many releases' counts at once, each as `readReleaseCount` gives it, from
 * one `git rev-list` walk (see `countRangesTogether`) instead of two processes
 * per release. Only ranges between tags (or from a tag to HEAD) that the
 * listing's ancestry knows are counted so; the others (a first release, a
 * branch or commit end, a path scope, a shallow clone, starts with no
 * common base, a walk too long) are absent: count those with `readReleaseCount`.
 */
export async function readReleaseCounts(repo: GitRepository, ranges: ReadonlyMap<string, RevisionRange>, listing: CountingListing, paths?: readonly string[]): Promise<Map<string, ReleaseCount>> {
  const counts = new Map<string, ReleaseCount>();
  const { ancestry } = listing;
  if (ancestry === undefined || listing.shallow || scoped(paths) !== undefined) return counts;
  const hashes = new Map(listing.tags.map((tag) => [tag.name, tag.hash]));
  const commitOf = (ref: string | undefined) => {
    const hash = ref === undefined ? undefined : ref === 'HEAD' ? ancestry.head : hashes.get(ref);
    return hash !== undefined && ancestry.knows(hash) ? hash : undefined;
  };
  const named: Array<{ readonly name: string; readonly range: CommitRange }> = [];
  for (const [name, range] of ranges) {
    const [from, to] = [commitOf(range.from), commitOf(range.to)];
    if (from !== undefined && to !== undefined) named.push({ name, range: { from, to } });
  }
  const base = named.length === 0 ? undefined : ancestry.commonBase(named.map((n) => n.range.from));
  if (base === undefined) return counts;
  const tallies = await countRangesTogether(repo.root, named.map((n) => n.range), base);
  if (tallies === undefined) return counts;
  named.forEach(({ name }, index) => {
    const { commits, merges } = tallies[index];
    counts.set(name, { commitCount: commits - merges, mergeCount: merges, partial: false });
  });
  return counts;
}

/** The range of a release tag: from the latest older release reachable from it (with the listing's `ancestry`, no git call). */
export function readReleaseRange(repo: GitRepository, tags: readonly GitTag[], name: string, ancestry?: TagAncestry): Promise<RevisionRange> {
  return releaseRangeOf(repo, tags, name, ancestry);
}

/**
 * The first `pageSize` commits of a range, its total, whether it is partial,
 * and the groups of the whole range with their counts. One `git log` pass
 * reads the range: the page is kept whole, the rest only as far as grouping
 * needs (header, type, breaking, revert), so a long range costs little memory.
 * `grouping` is the configured one (`commitGroupingOf`), so the headings and
 * their counts are those of the release notes. `onFirstPage` hears the page as
 * soon as it is read, while git is still writing the rest of the range.
 */
export async function readReleaseCommits(repo: GitRepository, range: RevisionRange, shallow: boolean, pageSize: number, paths?: readonly string[], grouping: GroupingOptions = {}, onFirstPage?: (page: readonly ParsedCommit[]) => void): Promise<ReleaseCommits> {
  const page: ParsedCommit[] = [];
  const all = await repo.readMappedCommits(
    range,
    (commit) => {
      const parsed = parseCommit(commit);
      if (page.length < pageSize) {
        page.push(parsed);
        if (page.length === pageSize) onFirstPage?.(page);
      }
      return forGrouping(parsed);
    },
    undefined,
    scoped(paths),
  );
  const partial = shallow && (await repo.rangeCrossesShallowBoundary(range));
  // Grouping a long range takes a while: the event loop gets a turn first.
  await nextTurn();
  const partition = partitionCommits(all, grouping);
  const groupOf = new CommitGroupIndex(all, partition.groups);
  const groups = partition.groups.map((group) => ({ type: group.type, title: group.title, count: group.commits.length }));
  const hidden = { count: partition.hidden.length, types: [...new Set(partition.hidden.map((c) => c.type ?? 'other'))].sort() };
  return { range, total: all.length, commits: page, partial, groups, groupOf, hidden };
}

/**
 * The group of each commit of a range, kept by its position in the range
 * (git lists a range's pages in the order it lists the whole range): no
 * string is hashed for the thousands of commits of a long range, only for a
 * lookup by hash alone (`get`), once.
 */
export class CommitGroupIndex {
  private readonly typeAt: (string | undefined)[];
  private readonly hashAt: readonly string[];
  private byHash: Map<string, string> | undefined;

  constructor(commits: readonly ParsedCommit[], groups: readonly { readonly type: string; readonly commits: readonly ParsedCommit[] }[]) {
    const positionOf = new Map<ParsedCommit, number>(commits.map((commit, position) => [commit, position]));
    this.typeAt = new Array<string | undefined>(commits.length);
    this.hashAt = commits.map((commit) => commit.hash);
    for (const group of groups) {
      for (const commit of group.commits) {
        const position = positionOf.get(commit);
        if (position !== undefined) this.typeAt[position] = group.type;
      }
    }
  }

  /** The group of the commit at `position` of the range, checked by its hash (looked up by hash if the position holds another). */
  at(position: number, hash: string): string | undefined {
    return this.hashAt[position] === hash ? this.typeAt[position] : this.get(hash);
  }

  /** The group of a commit of the range by its hash. */
  get(hash: string): string | undefined {
    if (this.byHash === undefined) {
      this.byHash = new Map();
      for (const [position, type] of this.typeAt.entries()) if (type !== undefined) this.byHash.set(this.hashAt[position], type);
    }
    return this.byHash.get(hash);
  }
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
