import { parseCommit } from '../commits/conventionalCommit';
import { groupCommitsByType } from '../commits/groupCommits';
import { proposeNextVersion, suggestBump } from '../commits/versionBump';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import type { ReleaseNotesModel } from './releaseNotes';

export interface ReleaseNotesRequest {
  readonly range: RevisionRange;
  /** The version the notes are for; proposed from the bump when absent. */
  readonly version?: string;
  readonly date: string;
}

/** Reads a range and builds the release-notes model (one `git log` call). */
export async function buildReleaseNotes(repo: GitRepository, request: ReleaseNotesRequest): Promise<ReleaseNotesModel> {
  const [raw, author] = await Promise.all([repo.readCommits(request.range), repo.configValue('user.name')]);
  const commits = raw.map(parseCommit);
  const real = commits.filter((c) => !c.isMerge);
  const bump = suggestBump(real, request.range.from);
  const version = request.version ?? (request.range.to === 'HEAD' ? proposeNextVersion(request.range.from, bump) : request.range.to);
  return {
    version,
    range: request.range,
    commitCount: real.length,
    mergeCount: commits.length - real.length,
    groups: groupCommitsByType(real),
    bump,
    date: request.date,
    author,
  };
}
