// Only the functions used: semver's index loads every class and range at start-up.
import semverValid from 'semver/functions/valid';
import semverMajor from 'semver/functions/major';
import semverInc from 'semver/functions/inc';
import { firstReleaseTag, tagVersionOf, type TagPattern } from '../git/tagPattern';
import type { ParsedCommit } from './conventionalCommit';
import { pairReverts } from './revertPairs';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/**
 * What a bump is while the version is below 1.0.0 (0.x). Semantic Versioning
 * leaves it open; the defaults are the common reading: a breaking change
 * bumps the minor version, a feature the minor version too.
 */
export interface PreOneZeroPolicy {
  readonly breaking?: 'minor' | 'major';
  readonly feat?: 'minor' | 'patch';
}

/** The pre-1.0 policy used when nothing is configured. */
export const DEFAULT_PRE_ONE_ZERO: Required<PreOneZeroPolicy> = { breaking: 'minor', feat: 'minor' };

/**
 * The bump the commits call for under Semantic Versioning. `currentVersion`
 * is the version of the release the range starts from (a semver version, as
 * resolved from its tag); below 1.0.0 the pre-1.0 policy applies.
 */
export function suggestBump(commits: readonly ParsedCommit[], currentVersion?: string, policy: PreOneZeroPolicy = {}): Bump {
  const real = commits.filter((c) => !c.isMerge);
  if (real.length === 0) return 'none';
  const current = currentVersion === undefined ? null : semverValid(currentVersion);
  const preOne = current !== null && semverMajor(current) === 0;
  if (real.some((c) => c.breaking)) return preOne ? (policy.breaking ?? DEFAULT_PRE_ONE_ZERO.breaking) : 'major';
  if (real.some((c) => c.type === 'feat')) return preOne ? (policy.feat ?? DEFAULT_PRE_ONE_ZERO.feat) : 'minor';
  return 'patch';
}

/**
 * The bump a range calls for, as its release notes state it: merges, and a
 * commit reverted within the range together with its revert, do not count;
 * a range whose commits all cancel out still makes a new release, so a patch.
 * `reverted` is given when the caller has already paired the reverts.
 */
export function bumpForRange(commits: readonly ParsedCommit[], currentVersion: string | undefined, reverted?: ReadonlySet<ParsedCommit>, policy?: PreOneZeroPolicy): Bump {
  const real = commits.filter((c) => !c.isMerge);
  const cancelled = reverted ?? new Set(pairReverts(real).flatMap((p) => [p.original, p.revert]));
  const counted = real.filter((c) => !cancelled.has(c));
  return counted.length === 0 && real.length > 0 ? 'patch' : suggestBump(counted, currentVersion, policy);
}

/**
 * The next release tag for a bump: the current tag's name with its version
 * bumped, keeping whatever surrounds the version (`v1.2.3` → `v1.3.0`,
 * `create-vite@9.1.2` → `create-vite@9.1.3`). With no previous tag it is the
 * line's first release, 0.1.0 as the pattern writes it (`v0.1.0`,
 * `create-vite@0.1.0`); with no bump, or a tag without a version, it is the tag.
 */
export function proposeNextVersion(currentTag: string | undefined, bump: Bump, pattern?: TagPattern): string {
  if (currentTag === undefined) return firstReleaseTag(pattern);
  const current = tagVersionOf(currentTag, pattern);
  if (!current || bump === 'none') return currentTag;
  const next = semverInc(current.version, bump);
  return next === null ? currentTag : `${current.prefix}${next}${current.suffix}`;
}
