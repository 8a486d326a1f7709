import type { GitRepository, RevisionRange } from '../core/git/gitRepository';
import { rangeOfSingleRef } from '../core/git/rangeReleases';
import { parseRangeSpec, RangeSpecError, readReleaseOverview } from '../core/git/releases';
import type { TagPattern } from '../core/git/tagPattern';
import { UsageError } from './usage';

/**
 * The range a command was given: `v1.0.0..v1.1.0`, `v1.0.0..` (to HEAD), or
 * a single ref, which means that release (the previous release ..
 * the ref); when none, Unreleased: the latest release matching `pattern` to
 * HEAD. A three-dot range is refused. Undefined when the repository has no
 * commits yet.
 */
export async function rangeArgument(repo: GitRepository, spec: string | undefined, pattern: TagPattern): Promise<RevisionRange | undefined> {
  if (spec === undefined) return (await readReleaseOverview(repo, { pattern, hidePrereleases: false })).unreleased?.range;
  let range: RevisionRange;
  try {
    range = parseRangeSpec(spec);
  } catch (error) {
    if (error instanceof RangeSpecError) throw new UsageError(error.message);
    throw error;
  }
  return spec.includes('..') ? range : rangeOfSingleRef(repo, range.to, pattern);
}
