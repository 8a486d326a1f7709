import type { GitRepository } from '../git/gitRepository';
import type { RangeReleases } from '../git/rangeReleases';
import { selectReleaseTags } from '../git/releases';
import { firstReleaseTag, TagPattern } from '../git/tagPattern';
import { proposeNextVersion, type Bump } from './versionBump';

/**
 * The version a range stands for, the same for its notes, its record and the
 * views: the release at its end; else the next version after the release it
 * starts from; else the release line's first release (0.1.0), written like
 * the line's newest tag when it has one elsewhere (one tag-list read, only
 * then), else as its pattern writes it (`create-vite@0.1.0`, never `v0.1.0`).
 */
export async function proposeRangeVersion(repo: GitRepository, releases: RangeReleases, bump: Bump, pattern: TagPattern = new TagPattern()): Promise<string> {
  if (releases.end) return releases.end.tag;
  if (releases.start) return proposeNextVersion(releases.start.tag, bump, pattern);
  return readFirstReleaseTag(repo, pattern);
}

/** The first release tag of a release line: 0.1.0, in the format of the line's newest tag when there is one. */
export async function readFirstReleaseTag(repo: GitRepository, pattern: TagPattern = new TagPattern()): Promise<string> {
  const [newest] = selectReleaseTags(await repo.listTags(), { pattern, hidePrereleases: false }).filter((t) => pattern.matches(t.name));
  return firstReleaseTag(pattern, newest?.name);
}
