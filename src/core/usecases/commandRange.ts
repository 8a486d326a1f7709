import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { rangeOfSingleRef } from '../git/rangeReleases';
import { parseRangeSpec, readReleaseOverview } from '../git/releases';
import type { TagPattern } from '../git/tagPattern';

/**
 * The range a command was given: `v1.0.0..v1.1.0`, `v1.0.0..` (to HEAD), or
 * a single ref, which means that release (the previous release ..
 * the ref); when none, Unreleased: the latest release matching `pattern` to
 * HEAD. A three-dot range is refused (`RangeSpecError`, a one-line message).
 * Undefined when the repository has no commits yet.
 */
export async function commandRange(repo: GitRepository, spec: string | undefined, pattern: TagPattern): Promise<RevisionRange | undefined> {
  if (spec === undefined) return (await readReleaseOverview(repo, { pattern, hidePrereleases: false })).unreleased?.range;
  const range = parseRangeSpec(spec);
  return spec.includes('..') ? range : rangeOfSingleRef(repo, range.to, pattern);
}
