import semver from 'semver';
import type { GitTag } from './gitLogParsing';
import type { GitRepository, RevisionRange } from './gitRepository';

/** Tag names read as versions: `v1.2.3`, `1.2.3`, `v1.2.3-rc.1`. */
const VERSION_TAG = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** The semver version a tag name stands for, or null. */
export function versionOfTag(name: string): string | null {
  const match = VERSION_TAG.exec(name);
  return match && semver.valid(match[1]) ? match[1] : null;
}

/** Tags newest first: version tags by semver precedence, then the rest by date. */
export function sortTagsNewestFirst(tags: readonly GitTag[]): GitTag[] {
  const versioned = tags.filter((t) => versionOfTag(t.name) !== null);
  const others = tags.filter((t) => versionOfTag(t.name) === null);
  versioned.sort((a, b) => semver.rcompare(versionOfTag(a.name) ?? '0.0.0', versionOfTag(b.name) ?? '0.0.0') || b.date.localeCompare(a.date));
  others.sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
  return [...versioned, ...others];
}

/** The repository's releases: tags newest first and the unreleased range since the latest. */
export interface ReleaseOverview {
  readonly tags: readonly GitTag[];
  /** Latest tag .. HEAD, or all of HEAD's history when there are no tags; undefined without commits. */
  readonly unreleased?: { readonly range: RevisionRange; readonly commitCount: number };
}

/** Reads the tag list and counts the unreleased commits (never reads commit messages). */
export async function readReleaseOverview(repo: GitRepository): Promise<ReleaseOverview> {
  const [tags, head] = await Promise.all([repo.listTags(), repo.headCommit()]);
  const sorted = sortTagsNewestFirst(tags);
  if (head === undefined) return { tags: sorted };
  const range: RevisionRange = { from: sorted[0]?.name, to: 'HEAD' };
  return { tags: sorted, unreleased: { range, commitCount: await repo.countCommits(range) } };
}

/** The range a tag releases: the next older tag in the list .. the tag. */
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
  const parts = spec.split('..');
  if (parts.length === 1) return { to: spec };
  if (parts.length !== 2) throw new Error(`"${spec}" is not a range; write <from>..<to>.`);
  return { from: parts[0] || undefined, to: parts[1] || 'HEAD' };
}
