// Only the functions used: semver's index loads every class and range at start-up.
import semverRcompare from 'semver/functions/rcompare';
import semverLt from 'semver/functions/lt';
import { GitProblem } from './errors';
import type { GitTag } from './gitLogParsing';
import type { GitRepository, RevisionRange } from './gitRepository';
import { selectReleaseTags } from './releases';
import { tagVersionOf, TagPattern, type TagVersion } from './tagPattern';
import { compareText } from '../vocabulary/textOrder';

/** A release tag and the version it stands for. */
export interface ResolvedRelease extends TagVersion {
  readonly tag: string;
}

/** The releases at the two ends of a range, whatever the ends were called. */
export interface RangeReleases {
  /** The release the range starts from: the tag named, else the newest release at or behind the start's commit. */
  readonly start?: ResolvedRelease;
  /** The release tag at the end of the range, when its commit is released (never for HEAD or a branch's tip without a tag). */
  readonly end?: ResolvedRelease;
}

/**
 * Resolves the ends of a range to release tags, so that what is decided from
 * them (the 0.x rules, the next version, the title) does not depend on how
 * the range was spelled: a tag, its commit's hash, or a branch on it give the
 * same answer. A start that names a tag with a version is that tag; any
 * other start is the newest release (by version, under `pattern`) at its
 * commit, or else the newest one reachable from it.
 */
export async function resolveRangeReleases(repo: GitRepository, range: RevisionRange, pattern: TagPattern = new TagPattern(), tagNames?: Promise<readonly string[]>): Promise<RangeReleases> {
  const ends = range.from === undefined ? [range.to] : [range.from, range.to];
  // Which ends name a tag: from the tag names when they are being read anyway (no process of its own), else one small
  // ref read of both ends. Only the name is used: a tag that is named is that release, wherever it points.
  const named = tagNames !== undefined ? namedIn(await tagNames, ends) : new Set((await repo.tagsNamed(ends)).keys());
  const [start, end] = await Promise.all([range.from === undefined ? undefined : resolveStart(repo, range.from, named, pattern), resolveEnd(repo, range.to, named, pattern)]);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

function namedIn(tagNames: readonly string[], ends: readonly string[]): Set<string> {
  const wanted = new Set(ends);
  return new Set(tagNames.filter((name) => wanted.has(name)));
}

async function resolveStart(repo: GitRepository, from: string, tagsNamed: ReadonlySet<string>, pattern: TagPattern): Promise<ResolvedRelease | undefined> {
  const named = released(tagsNamed.has(from) ? from : undefined, pattern);
  if (named) return named;
  const [tags, commit, reachable] = await Promise.all([repo.listTags(), repo.resolveCommit(from), repo.tagsMergedInto(from)]);
  const atCommit = bestAt(tags, commit, pattern);
  if (atCommit) return atCommit;
  const reachableNames = new Set(reachable);
  const newest = selectReleaseTags(tags.filter((t) => reachableNames.has(t.name)), { pattern, hidePrereleases: false }).find((t) => tagVersionOf(t.name, pattern));
  return released(newest?.name, pattern);
}

async function resolveEnd(repo: GitRepository, to: string, tagsNamed: ReadonlySet<string>, pattern: TagPattern): Promise<ResolvedRelease | undefined> {
  const named = released(tagsNamed.has(to) ? to : undefined, pattern);
  if (named) return named;
  // HEAD and branches move; only a commit that carries a release tag is a release.
  return bestOf(await repo.tagsPointingAt(to), pattern);
}

/** The release tag on a commit with the highest version: tags that match the pattern first, then any with a version at the end of its name. */
function bestAt(tags: readonly GitTag[], commit: string, pattern: TagPattern): ResolvedRelease | undefined {
  return bestOf(tags.filter((t) => t.hash === commit), pattern);
}

function bestOf(onCommit: readonly GitTag[], pattern: TagPattern): ResolvedRelease | undefined {
  const ranked = [...onCommit.filter((t) => pattern.matches(t.name)), ...onCommit.filter((t) => !pattern.matches(t.name))]
    .map((t) => released(t.name, pattern))
    .filter((r): r is ResolvedRelease => r !== undefined);
  const matching = ranked.filter((r) => pattern.matches(r.tag));
  const pool = matching.length > 0 ? matching : ranked;
  return pool.sort((a, b) => semverRcompare(a.version, b.version) || compareText(a.tag, b.tag))[0];
}

function released(name: string | undefined, pattern: TagPattern): ResolvedRelease | undefined {
  if (name === undefined) return undefined;
  const version = tagVersionOf(name, pattern);
  return version ? { tag: name, ...version } : undefined;
}

/**
 * The range one release covers when a command is given a single ref
 * (`reflect notes v8.2.2`): the previous release reachable from it .. it.
 * Releases on the ref's own commit are not its previous release, and when
 * the ref is a versioned tag only lower versions are (a later release merged
 * back into a maintenance branch is not its predecessor).
 */
export async function rangeOfSingleRef(repo: GitRepository, ref: string, pattern: TagPattern = new TagPattern()): Promise<RevisionRange> {
  const [tags, commit, reachable] = await Promise.all([repo.listTags(), repo.resolveCommit(ref), repo.tagsMergedInto(ref)]).catch(async (problem: unknown) => {
    throw await withUnknownRangeEnd(repo, { to: ref }, problem);
  });
  const own = tagVersionOf(ref, pattern);
  const ownVersion = tags.some((t) => t.name === ref) ? own?.version : undefined;
  const reachableNames = new Set(reachable);
  const previous = selectReleaseTags(tags, { pattern, hidePrereleases: false }).find((t) => {
    if (t.hash === commit || !reachableNames.has(t.name)) return false;
    const version = ownVersion === undefined ? null : tagVersionOf(t.name, pattern)?.version;
    return ownVersion === undefined || version === null || version === undefined || semverLt(version, ownVersion);
  });
  return { ...(previous ? { from: previous.name } : {}), to: ref };
}

/**
 * When git refused a range because of a revision it does not know, the same
 * problem with a message that names that end ("nosuch", the start of
 * nosuch..v2.0.0), asked of each end on its own: which of several reads
 * fails first is a race, and git's own line for a log names the whole range.
 * Any other problem, or one no end explains, is returned as it is.
 */
export async function withUnknownRangeEnd(repo: GitRepository, range: RevisionRange, problem: unknown): Promise<unknown> {
  if (!(problem instanceof GitProblem) || problem.kind !== 'bad-ref') return problem;
  const ends: Array<readonly [string, string]> = [...(range.from !== undefined ? [[range.from, 'start'] as const] : []), [range.to, 'end'] as const];
  const known = await Promise.all(ends.map(([ref]) => repo.resolveCommit(ref).then(() => true, () => false)));
  const unknown = ends.filter((_, index) => !known[index]);
  if (unknown.length === 0) return problem;
  const spelled = `${range.from}..${range.to}`;
  // A range of one end (a release named alone, or root..to) is that revision.
  const named = unknown.map(([ref, end]) => (range.from === undefined ? `"${ref}"` : `"${ref}" (the ${end} of ${spelled})`)).join(' or ');
  return new GitProblem('bad-ref', `git does not know the revision ${named}: no branch, tag or commit has that name here.`);
}
