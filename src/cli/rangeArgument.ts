import type { GitRepository, RevisionRange } from '../core/git/gitRepository';
import { parseRangeSpec, readReleaseOverview } from '../core/git/releases';
import type { TagPattern } from '../core/git/tagPattern';

/**
 * The range a command was given (`v1.0.0..v1.1.0`), or when none, Unreleased:
 * the latest release matching `pattern` to HEAD. Undefined when the
 * repository has no commits yet.
 */
export async function rangeArgument(repo: GitRepository, spec: string | undefined, pattern: TagPattern): Promise<RevisionRange | undefined> {
  if (spec !== undefined) return parseRangeSpec(spec);
  return (await readReleaseOverview(repo, { pattern, hidePrereleases: false })).unreleased?.range;
}
