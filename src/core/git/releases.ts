// The class alone: semver's index loads every function and range at start-up.
import SemVer from 'semver/classes/semver';
import type { GitTag } from './gitLogParsing';
import type { GitRepository, RevisionRange } from './gitRepository';
import type { TagAncestry } from './tagAncestry';
import { TagPattern } from './tagPattern';
import { compareText } from '../vocabulary/textOrder';

/** Which tags count as releases. */
export interface ReleaseFilter {
  readonly pattern: TagPattern;
  readonly hidePrereleases: boolean;
}

export const DEFAULT_RELEASE_FILTER: ReleaseFilter = { pattern: new TagPattern(), hidePrereleases: false };

/**
 * The release tags, newest first: tags with a version by semver precedence,
 * then tags without one by date. When no tag matches the default pattern,
 * every tag is a release (ordered by date), so repositories that tag
 * differently still show their history.
 */
export function selectReleaseTags(tags: readonly GitTag[], filter: ReleaseFilter = DEFAULT_RELEASE_FILTER): GitTag[] {
  return selectReleases(tags, filter).map((r) => r.tag);
}

/** A release tag and its version under the filter's pattern (null for a tag ordered by date). */
export interface SelectedRelease {
  readonly tag: GitTag;
  readonly semver: SemVer | null;
}

/** `selectReleaseTags`, each tag with the version it was ordered by. */
export function selectReleases(tags: readonly GitTag[], filter: ReleaseFilter = DEFAULT_RELEASE_FILTER): SelectedRelease[] {
  const { pattern } = filter;
  // Read each name once (one match, one parse): matching and parsing dominate on thousands of tags.
  let candidates = tags.map((tag) => ({ tag, ...pattern.read(tag.name) }));
  const matching = candidates.filter((c) => c.matches);
  // A family or a pattern of one's own is followed strictly; only the default falls back to every tag.
  if (matching.length > 0 || pattern.template !== TagPattern.DEFAULT || pattern.family !== undefined) candidates = matching;
  const versioned: Array<{ tag: GitTag; semver: SemVer }> = [];
  const dated: GitTag[] = [];
  for (const { tag, semver } of candidates) {
    if (semver && filter.hidePrereleases && semver.prerelease.length > 0) continue;
    if (semver) versioned.push({ tag, semver });
    else dated.push(tag);
  }
  versioned.sort((a, b) => b.semver.compare(a.semver) || compareText(b.tag.date, a.tag.date) || compareText(a.tag.name, b.tag.name));
  dated.sort((a, b) => compareText(b.date, a.date) || compareText(a.name, b.name));
  return [...versioned, ...dated.map((tag) => ({ tag, semver: null }))];
}

/** The repository's releases: tags newest first and the unreleased range since the latest. */
export interface ReleaseOverview {
  readonly tags: readonly GitTag[];
  /** Latest release reachable from HEAD .. HEAD, or HEAD's whole history; undefined without commits. `commitCount` counts what its notes list: merges are not. */
  readonly unreleased?: { readonly range: RevisionRange; readonly commitCount: number };
}

/** Reads the tag list and counts the unreleased commits (never reads commit messages). */
export async function readReleaseOverview(repo: GitRepository, filter: ReleaseFilter = DEFAULT_RELEASE_FILTER): Promise<ReleaseOverview> {
  const [tags, head] = await Promise.all([repo.listTags(), repo.headCommit()]);
  const sorted = selectReleaseTags(tags, filter);
  if (head === undefined) return { tags: sorted };
  const from = await latestReachableRelease(repo, sorted, 'HEAD');
  const range: RevisionRange = { from, to: 'HEAD' };
  return { tags: sorted, unreleased: { range, commitCount: await repo.countCommits(range, undefined, { withoutMerges: true }) } };
}

/**
 * The newest release tag (in list order) reachable from `ref`, excluding `ref`
 * itself. With `ancestry` (read once for many tags), a tag or HEAD it knows
 * costs no git call; anything else is one `for-each-ref --merged`.
 */
export async function latestReachableRelease(repo: GitRepository, sortedTags: readonly GitTag[], ref: string, ancestry?: TagAncestry): Promise<string | undefined> {
  const commit = ref === 'HEAD' ? ancestry?.head : sortedTags.find((t) => t.name === ref)?.hash;
  return firstReachableRelease(repo, sortedTags, ref, commit, ancestry);
}

/** The first of `candidates` reachable from `ref` (whose commit is `commit`, when known), excluding `ref` itself. */
async function firstReachableRelease(repo: GitRepository, candidates: readonly GitTag[], ref: string, commit: string | undefined, ancestry: TagAncestry | undefined): Promise<string | undefined> {
  if (candidates.length === 0) return undefined;
  const others = candidates.filter((t) => t.name !== ref);
  if (ancestry !== undefined && commit !== undefined && ancestry.knows(commit)) return ancestry.firstReachable(commit, others)?.name;
  const reachable = new Set(await repo.tagsMergedInto(ref));
  return others.find((t) => reachable.has(t.name))?.name;
}

/**
 * The range a release tag covers: the previous release reachable from it ..
 * the tag. Tags later in the list that are not ancestors (other branches) are
 * skipped. `ancestry` as in `latestReachableRelease`.
 */
export async function releaseRangeOf(repo: GitRepository, sortedTags: readonly GitTag[], name: string, ancestry?: TagAncestry): Promise<RevisionRange> {
  const index = sortedTags.findIndex((t) => t.name === name);
  const older = index >= 0 ? sortedTags.slice(index + 1) : sortedTags.filter((t) => t.name !== name);
  const self = sortedTags[index];
  // Tags on the same commit are not a previous release of each other.
  const candidates = self ? older.filter((t) => t.hash !== self.hash) : older;
  return { from: await firstReachableRelease(repo, candidates, name, self?.hash, ancestry), to: name };
}

/** The range a tag releases by list position only: the next older tag .. the tag (no git call). */
export function rangeOfTag(sortedTags: readonly GitTag[], name: string): RevisionRange {
  const index = sortedTags.findIndex((t) => t.name === name);
  const previous = index >= 0 ? sortedTags[index + 1] : undefined;
  return { from: previous?.name, to: name };
}

/**
 * Parses a CLI range `<from>..<to>`, `<from>..` or `<to>`; undefined means
 * the default (latest tag..HEAD).
 */
export function parseRangeSpec(spec: string): RevisionRange {
  // git reads A...B as the commits on either side but not both: that is no release's range.
  if (spec.includes('...')) throw new RangeSpecError(`"${spec}" is a symmetric difference (A...B), which is not a release range; write <from>..<to> with two dots.`);
  const parts = spec.split('..');
  if (parts.length === 1) return { to: spec };
  if (parts.length !== 2) throw new RangeSpecError(`"${spec}" is not a range; write <from>..<to>.`);
  return { from: parts[0] || undefined, to: parts[1] || 'HEAD' };
}

/** A range argument that cannot be read; the message says how to write one. */
export class RangeSpecError extends Error {}
