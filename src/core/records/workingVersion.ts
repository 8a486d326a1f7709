import { parseCommit } from '../commits/conventionalCommit';
import { proposeNextVersion, suggestBump } from '../commits/versionBump';
import type { GitRepository } from '../git/gitRepository';
import { readReleaseOverview } from '../git/releases';

/**
 * The version of the change being worked on: the next version the unreleased
 * commits call for, or the latest tag when nothing is unreleased.
 */
export async function resolveWorkingVersion(repo: GitRepository): Promise<string> {
  const overview = await readReleaseOverview(repo);
  const latest = overview.tags[0]?.name;
  if (!overview.unreleased || overview.unreleased.commitCount === 0) return latest ?? proposeNextVersion(undefined, 'none');
  const commits = (await repo.readCommits(overview.unreleased.range)).map(parseCommit);
  return proposeNextVersion(latest, suggestBump(commits, latest));
}
