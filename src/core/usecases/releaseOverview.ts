import { parseCommit, type ParsedCommit } from '../commits/conventionalCommit';
import type { FileChange, GitTag } from '../git/gitLogParsing';
import type { GitRepository, HeadState, RevisionRange } from '../git/gitRepository';
import { latestReachableRelease, releaseRangeOf, selectReleaseTags, type ReleaseFilter } from '../git/releases';

/** What a repository's release list shows on first paint. */
export interface ReleaseListing {
  /** The release tags, newest first. */
  readonly tags: readonly GitTag[];
  readonly head: HeadState;
  /** The clone is shallow: ranges reaching past its history are partial. */
  readonly shallow: boolean;
  /** The latest release reachable from HEAD .. HEAD; absent without commits. */
  readonly unreleased?: ReleaseCount & { readonly range: RevisionRange };
}

/** How many commits a release has, and whether some are missing (shallow clone). */
export interface ReleaseCount {
  readonly commitCount: number;
  readonly partial: boolean;
}

/** A page of a release's commits. */
export interface ReleaseCommits {
  readonly range: RevisionRange;
  readonly total: number;
  readonly commits: readonly ParsedCommit[];
  readonly partial: boolean;
}

/**
 * Reads the release list of a repository: its release tags, HEAD, whether
 * the clone is shallow, and Unreleased with its commit count (never reads
 * commit messages).
 */
export async function readReleaseListing(repo: GitRepository, filter: ReleaseFilter): Promise<ReleaseListing> {
  const [allTags, head, shallow] = await Promise.all([repo.listTags(), repo.headState(), repo.isShallow()]);
  const tags = selectReleaseTags(allTags, filter);
  if (head.kind === 'unborn') return { tags, head, shallow };
  const from = await latestReachableRelease(repo, tags, 'HEAD');
  const range: RevisionRange = { from, to: 'HEAD' };
  return { tags, head, shallow, unreleased: { range, ...(await readReleaseCount(repo, range, shallow)) } };
}

/** A release's commit count, and whether it reaches past a shallow clone's history. */
export async function readReleaseCount(repo: GitRepository, range: RevisionRange, shallow: boolean): Promise<ReleaseCount> {
  const [commitCount, partial] = await Promise.all([repo.countCommits(range), shallow ? repo.rangeCrossesShallowBoundary(range) : false]);
  return { commitCount, partial };
}

/** The range of a release tag: from the latest older release reachable from it. */
export function readReleaseRange(repo: GitRepository, tags: readonly GitTag[], name: string): Promise<RevisionRange> {
  return releaseRangeOf(repo, tags, name);
}

/** The first `pageSize` commits of a range, its total and whether it is partial. */
export async function readReleaseCommits(repo: GitRepository, range: RevisionRange, shallow: boolean, pageSize: number): Promise<ReleaseCommits> {
  const [total, commits] = await Promise.all([repo.countCommits(range), readReleaseCommitPage(repo, range, 0, pageSize)]);
  const partial = shallow && (await repo.rangeCrossesShallowBoundary(range));
  return { range, total, commits, partial };
}

/** A later page of a range's commits. */
export function readReleaseCommitPage(repo: GitRepository, range: RevisionRange, skip: number, limit: number): Promise<ParsedCommit[]> {
  return repo.readMappedCommits(range, parseCommit, { skip, limit });
}

/** The files a release changed. */
export function readReleaseFiles(repo: GitRepository, range: RevisionRange): Promise<FileChange[]> {
  return repo.changedFiles(range);
}
