import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { parseRangeSpec, readReleaseOverview } from '../git/releases';
import type { TagPattern } from '../git/tagPattern';

/**
 * The range a command was given (`v1.0.0..v1.1.0`), or when none, Unreleased:
 * the latest release matching `pattern` to HEAD. Undefined when the
 * repository has no commits yet.
 */
export async function commandRange(repo: GitRepository, spec: string | undefined, pattern: TagPattern): Promise<RevisionRange | undefined> {
  if (spec !== undefined) return parseRangeSpec(spec);
  return (await readReleaseOverview(repo, { pattern, hidePrereleases: false })).unreleased?.range;
}
