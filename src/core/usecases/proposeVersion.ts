import { parseCommit } from '../commits/conventionalCommit';
import { bumpForRange, proposeNextVersion } from '../commits/versionBump';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { DEFAULT_RELEASE_FILTER, readReleaseOverview, type ReleaseFilter } from '../git/releases';

/** The version the commits of a range call for: the next one after the range's start. */
export async function proposeVersionForRange(repo: GitRepository, range: RevisionRange, paths?: readonly string[]): Promise<string> {
  // Scoped to the same paths as the release notes, so both propose the same version.
  const commits = await repo.readMappedCommits(range, parseCommit, undefined, paths && paths.length > 0 ? paths : undefined);
  // The same bump the release notes state, so a record and its notes agree on the version.
  return proposeNextVersion(range.from, bumpForRange(commits, range.from));
}

/**
 * The version of the change being worked on: the next version the unreleased
 * commits call for, or the latest release when nothing is unreleased.
 */
export async function resolveWorkingVersion(repo: GitRepository, filter: ReleaseFilter = DEFAULT_RELEASE_FILTER, paths?: readonly string[]): Promise<string> {
  const overview = await readReleaseOverview(repo, filter);
  if (!overview.unreleased || overview.unreleased.commitCount === 0) return overview.tags[0]?.name ?? proposeNextVersion(undefined, 'none');
  return proposeVersionForRange(repo, overview.unreleased.range, paths);
}
