// Only the function used: semver's index loads every class and range at start-up.
import semverRcompare from 'semver/functions/rcompare';
import type { GitRepository, RevisionRange } from './gitRepository';
import { tagVersionOf, type TagPattern } from './tagPattern';
import { compareText } from '../vocabulary/textOrder';

/** Where a recorded range ends now. */
export interface FollowedRange {
  readonly range: RevisionRange;
  /** The release tag the end moved to from HEAD or a branch; absent when the end stays. */
  readonly movedTo?: string;
}

/** A range as a generated document recorded it. */
export interface RangeToFollow {
  readonly from?: string;
  readonly to: string;
  /** The commit the range ended at when the document was generated. */
  readonly endCommit?: string;
  /** The version the document is for (its `change`). */
  readonly version?: string;
}

/**
 * Moves a recorded range's end from HEAD (or a branch) to the release that
 * shipped it, once that release is tagged. A range that ends at a tag stays.
 * The release is the one whose tag points at the commit the range ended at;
 * else the first release (lowest version) whose tag contains that commit,
 * because more commits landed before it was tagged and the release ships
 * them too. Commits made after the tag belong to the next release, so the
 * range never runs on to HEAD past its tag. A document that recorded no end
 * commit follows its version (`change`) once a tag of that name exists.
 * Among releases on one commit, the document's version wins, then the highest.
 */
export async function followRelease(repo: GitRepository, recorded: RangeToFollow, pattern: TagPattern): Promise<FollowedRange> {
  const range: RevisionRange = recorded.from === undefined ? { to: recorded.to } : { from: recorded.from, to: recorded.to };
  if (await repo.tagNamed(recorded.to)) return { range };
  const tag = recorded.endCommit !== undefined ? await releaseShipping(repo, recorded.endCommit, recorded.version, pattern) : await namedRelease(repo, recorded.version, pattern);
  return tag === undefined ? { range } : { range: { ...range, to: tag }, movedTo: tag };
}

async function releaseShipping(repo: GitRepository, endCommit: string, version: string | undefined, pattern: TagPattern): Promise<string | undefined> {
  let commit: string;
  try {
    commit = await repo.resolveCommit(endCommit);
  } catch {
    // The commit is gone (history rewritten): the version's tag is the best evidence left.
    return namedRelease(repo, version, pattern);
  }
  const onCommit = releasesOf((await repo.tagsPointingAt(commit)).map((t) => t.name), pattern);
  if (onCommit.length > 0) return (onCommit.find((r) => r.tag === version) ?? onCommit[0]).tag;
  const containing = releasesOf(await repo.tagsContaining(commit), pattern);
  return (containing.find((r) => r.tag === version) ?? containing.at(-1))?.tag;
}

async function namedRelease(repo: GitRepository, version: string | undefined, pattern: TagPattern): Promise<string | undefined> {
  if (version === undefined) return undefined;
  const tag = await repo.tagNamed(version);
  return tag && releasesOf([tag.name], pattern).length > 0 ? tag.name : undefined;
}

/** Release tags (matching the pattern, with a version), highest version first. */
function releasesOf(names: readonly string[], pattern: TagPattern): Array<{ tag: string; version: string }> {
  return names
    .filter((name) => pattern.matches(name))
    .flatMap((name) => {
      const version = tagVersionOf(name, pattern)?.version;
      return version ? [{ tag: name, version }] : [];
    })
    .sort((a, b) => semverRcompare(a.version, b.version) || compareText(a.tag, b.tag));
}
