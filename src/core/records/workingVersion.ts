import { parseCommit } from '../commits/conventionalCommit';
import { bumpForRange, proposeNextVersion, type PreOneZeroPolicy } from '../commits/versionBump';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { resolveRangeReleases } from '../git/rangeReleases';
import { TagPattern } from '../git/tagPattern';
import { DEFAULT_RELEASE_FILTER, readReleaseOverview, type ReleaseFilter } from '../git/releases';

/** The version the commits of a range call for: the next one after the range's start. */
export async function proposeVersionForRange(repo: GitRepository, range: RevisionRange, pattern: TagPattern = new TagPattern(), preOneZero?: PreOneZeroPolicy): Promise<string> {
  const [commits, releases] = await Promise.all([repo.readMappedCommits(range, parseCommit), resolveRangeReleases(repo, range, pattern)]);
  // The same bump and version the release notes state, so a record and its notes agree on the version.
  return releases.end?.tag ?? proposeNextVersion(releases.start?.tag, bumpForRange(commits, releases.start?.version, undefined, preOneZero), pattern);
}

/**
 * The version of the change being worked on: the next version the unreleased
 * commits call for, or the latest release when nothing is unreleased.
 */
export async function resolveWorkingVersion(repo: GitRepository, filter: ReleaseFilter = DEFAULT_RELEASE_FILTER): Promise<string> {
  const overview = await readReleaseOverview(repo, filter);
  if (!overview.unreleased || overview.unreleased.commitCount === 0) return overview.tags[0]?.name ?? proposeNextVersion(undefined, 'none');
  return proposeVersionForRange(repo, overview.unreleased.range, filter.pattern);
}
