import { parseCommit } from '../commits/conventionalCommit';
import { proposeRangeVersion, readFirstReleaseTag } from '../commits/nextVersion';
import { bumpForRange, type Bump, type PreOneZeroPolicy } from '../commits/versionBump';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { resolveRangeReleases } from '../git/rangeReleases';
import { TagPattern } from '../git/tagPattern';
import { DEFAULT_RELEASE_FILTER, readReleaseOverview, type ReleaseFilter } from '../git/releases';
import type { ResolvedConfig } from '../config/resolvedConfig';

/** What decides a proposed version besides the commits: the same as the release notes use. */
export interface VersionScope {
  /** Only commits touching these pathspecs, as the notes read them. */
  readonly paths?: readonly string[];
  /** Which tags are releases, and how their versions are read. */
  readonly pattern?: TagPattern;
  /** How a bump is read below 1.0.0. */
  readonly preOneZero?: PreOneZeroPolicy;
}

/** A repository's version scope, the same for the notes, the checklist, the record and the views. */
export function versionScopeOf(config: ResolvedConfig): VersionScope {
  return { paths: config.releaseNotes.paths, pattern: config.releaseFilter.pattern, preOneZero: config.releaseNotes.preOneZero };
}

/** The version the commits of a range call for: the next one after the range's start. */
export async function proposeVersionForRange(repo: GitRepository, range: RevisionRange, scope: VersionScope = {}): Promise<string> {
  const pattern = scope.pattern ?? new TagPattern();
  const paths = scope.paths && scope.paths.length > 0 ? scope.paths : undefined;
  // Scoped to the same paths as the release notes, so both propose the same version.
  const [commits, releases] = await Promise.all([repo.readMappedCommits(range, parseCommit, undefined, paths), resolveRangeReleases(repo, range, pattern)]);
  // The same bump and version the release notes state, so a record and its notes agree on the version.
  return proposeRangeVersion(repo, releases, bumpForRange(commits, releases.start?.version, undefined, scope.preOneZero), pattern);
}

/** The version bump the commits of a range call for, read as the release notes read it. */
export async function bumpOfRange(repo: GitRepository, range: RevisionRange, scope: VersionScope = {}): Promise<Bump> {
  const pattern = scope.pattern ?? new TagPattern();
  const paths = scope.paths && scope.paths.length > 0 ? scope.paths : undefined;
  const [commits, releases] = await Promise.all([repo.readMappedCommits(range, parseCommit, undefined, paths), resolveRangeReleases(repo, range, pattern)]);
  return bumpForRange(commits, releases.start?.version, undefined, scope.preOneZero);
}

/**
 * The version of the change being worked on: the next version the unreleased
 * commits call for, or the latest release when nothing is unreleased.
 */
export async function resolveWorkingVersion(repo: GitRepository, filter: ReleaseFilter = DEFAULT_RELEASE_FILTER, scope: Omit<VersionScope, 'pattern'> = {}): Promise<string> {
  const overview = await readReleaseOverview(repo, filter);
  if (!overview.unreleased || overview.unreleased.commitCount === 0) return overview.tags[0]?.name ?? readFirstReleaseTag(repo, filter.pattern);
  return proposeVersionForRange(repo, overview.unreleased.range, { ...scope, pattern: filter.pattern });
}
