import semver from 'semver';
import type { ParsedCommit } from './conventionalCommit';
import { pairReverts } from './revertPairs';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/**
 * The bump the commits call for under Semantic Versioning. Before 1.0.0 a
 * breaking change bumps the minor version (0.x rule).
 */
export function suggestBump(commits: readonly ParsedCommit[], currentVersion?: string): Bump {
  const real = commits.filter((c) => !c.isMerge);
  if (real.length === 0) return 'none';
  const preMajor = currentVersion !== undefined && semver.valid(semver.coerce(currentVersion)) !== null && semver.major(semver.coerce(currentVersion) ?? '0.0.0') === 0;
  if (real.some((c) => c.breaking)) return preMajor ? 'minor' : 'major';
  if (real.some((c) => c.type === 'feat')) return 'minor';
  return 'patch';
}

/**
 * The bump a range calls for, as its release notes state it: merges, and a
 * commit reverted within the range together with its revert, do not count;
 * a range whose commits all cancel out still makes a new release, so a patch.
 * `reverted` is given when the caller has already paired the reverts.
 */
export function bumpForRange(commits: readonly ParsedCommit[], currentVersion: string | undefined, reverted?: ReadonlySet<ParsedCommit>): Bump {
  const real = commits.filter((c) => !c.isMerge);
  const cancelled = reverted ?? new Set(pairReverts(real).flatMap((p) => [p.original, p.revert]));
  const counted = real.filter((c) => !cancelled.has(c));
  return counted.length === 0 && real.length > 0 ? 'patch' : suggestBump(counted, currentVersion);
}

/**
 * The next version for a bump, keeping the tag's `v` prefix. With no previous
 * tag the first version is 0.1.0; with no bump it is the current version.
 */
export function proposeNextVersion(currentTag: string | undefined, bump: Bump): string {
  if (currentTag === undefined) return 'v0.1.0';
  const parsed = semver.parse(currentTag.replace(/^v/, ''));
  if (!parsed || bump === 'none') return currentTag;
  const next = semver.inc(parsed, bump);
  return next === null ? currentTag : `${currentTag.startsWith('v') ? 'v' : ''}${next}`;
}
