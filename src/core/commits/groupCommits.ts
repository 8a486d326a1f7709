import type { ParsedCommit } from './conventionalCommit';
import { pairReverts } from './revertPairs';

/** A section of release notes: one Conventional Commit type, or breaking / reverted / other changes. */
export interface CommitGroup {
  /** `breaking`, `reverted`, `merge`, `other`, or a Conventional Commit type. */
  readonly type: string;
  readonly title: string;
  readonly commits: readonly ParsedCommit[];
}

/** A section title for a commit type. */
export interface SectionTitle {
  readonly type: string;
  readonly title: string;
}

/** How commits are grouped; every field is optional and falls back to the defaults. */
export interface GroupingOptions {
  /** Section titles in order; commits of types not listed go to "Other changes". */
  readonly sections?: readonly SectionTitle[];
  /** Types listed in no section (counted, never breaking changes). */
  readonly hiddenTypes?: readonly string[];
  /** List merge commits in a "Merge commits" section instead of leaving them out. */
  readonly includeMerges?: boolean;
}

/**
 * The grouping a repository's configuration asks for (`releaseNotes.sections`,
 * `hiddenTypes`, `includeMerges`), taken from its release-notes options: the
 * one grouping the notes, the record checks and the Releases view all use.
 */
export function commitGroupingOf(options: GroupingOptions): GroupingOptions {
  const { sections, hiddenTypes, includeMerges } = options;
  return { ...(sections ? { sections } : {}), ...(hiddenTypes ? { hiddenTypes } : {}), ...(includeMerges !== undefined ? { includeMerges } : {}) };
}

/** Section titles, in the order they appear; commits of other types go to "Other changes", last. */
export const DEFAULT_SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['breaking', 'Breaking changes'],
  ['feat', 'Features'],
  ['fix', 'Bug fixes'],
  ['perf', 'Performance'],
  ['revert', 'Reverts'],
  ['refactor', 'Refactoring'],
  ['docs', 'Documentation'],
  ['test', 'Tests'],
  ['build', 'Build'],
  ['ci', 'Continuous integration'],
  ['style', 'Style'],
  ['chore', 'Chores'],
];

const OTHER: readonly [string, string] = ['other', 'Other changes'];
const REVERTED: readonly [string, string] = ['reverted', 'Reverted within this range'];
const MERGE: readonly [string, string] = ['merge', 'Merge commits'];
const REVERTS: readonly [string, string] = ['revert', 'Reverts'];

/** The commits a grouping lists, hides, and pairs as reverted. */
export interface CommitPartition {
  readonly groups: CommitGroup[];
  /** Non-merge commits of hidden types (never breaking ones). */
  readonly hidden: readonly ParsedCommit[];
  /** Commits that are a revert, or reverted, within the list; they call for no version bump. */
  readonly reverted: ReadonlySet<ParsedCommit>;
}

/**
 * Groups commits into sections: breaking changes first, configured types in
 * order (unpaired reverts under "Reverts" even when no section names them),
 * then a commit reverted within the list beside its revert, and last
 * "Other changes": commits that are not conventional or of a type no
 * section is configured for. Each listed commit
 * lands in exactly one group; merges are left out unless asked for.
 */
export function groupCommitsByType(commits: readonly ParsedCommit[], options: GroupingOptions = {}): CommitGroup[] {
  return partitionCommits(commits, options).groups;
}

/** Groups commits as `groupCommitsByType` does and also says which were hidden or reverted. */
export function partitionCommits(commits: readonly ParsedCommit[], options: GroupingOptions = {}): CommitPartition {
  const sections: ReadonlyArray<readonly [string, string]> = options.sections
    ? [[DEFAULT_SECTIONS[0][0], options.sections.find((s) => s.type === 'breaking')?.title ?? DEFAULT_SECTIONS[0][1]], ...options.sections.filter((s) => s.type !== 'breaking').map((s) => [s.type, s.title] as const)]
    : DEFAULT_SECTIONS;
  const hiddenTypes = new Set(options.hiddenTypes ?? []);
  const real = commits.filter((c) => !c.isMerge);
  const pairs = pairReverts(real);
  const reverted = new Set(pairs.flatMap((p) => [p.original, p.revert]));
  const buckets = new Map<string, ParsedCommit[]>();
  const hidden: ParsedCommit[] = [];
  const add = (key: string, commit: ParsedCommit) => {
    const bucket = buckets.get(key);
    if (bucket) bucket.push(commit);
    else buckets.set(key, [commit]);
  };
  const known = new Map(sections);
  for (const commit of real) {
    if (reverted.has(commit)) continue;
    if (commit.breaking) add('breaking', commit);
    else if (hiddenTypes.has(commit.type ?? OTHER[0])) hidden.push(commit);
    else add(sectionOf(commit, known), commit);
  }
  const groups: CommitGroup[] = [];
  for (const [type, title] of sections) {
    const bucket = buckets.get(type);
    if (bucket && type !== OTHER[0]) groups.push({ type, title, commits: bucket });
  }
  const reverts = known.has(REVERTS[0]) ? undefined : buckets.get(REVERTS[0]);
  if (reverts) groups.push({ type: REVERTS[0], title: REVERTS[1], commits: reverts });
  if (pairs.length > 0) groups.push({ type: REVERTED[0], title: known.get(REVERTED[0]) ?? REVERTED[1], commits: pairs.flatMap((p) => [p.original, p.revert]) });
  const other = buckets.get(OTHER[0]);
  if (other) groups.push({ type: OTHER[0], title: known.get(OTHER[0]) ?? OTHER[1], commits: other });
  const merges = commits.filter((c) => c.isMerge);
  if (options.includeMerges && merges.length > 0) groups.push({ type: MERGE[0], title: known.get(MERGE[0]) ?? MERGE[1], commits: merges });
  return { groups, hidden, reverted };
}

// Group keys no commit type can claim.
const SPECIAL_GROUPS = new Set(['breaking', OTHER[0], REVERTED[0], MERGE[0]]);

/**
 * The section a commit that is not breaking goes to: its type's, when a
 * section is configured (or built in) for it; "Reverts" for a revert left
 * unpaired, whatever its header; else "Other changes". Unknown prefixes
 * (`core:`, `deps:`, gitmoji names) never make headings of their own.
 */
function sectionOf(commit: ParsedCommit, known: ReadonlyMap<string, string>): string {
  if (commit.revertOf) return REVERTS[0];
  const type = commit.type;
  return type !== null && known.has(type) && !SPECIAL_GROUPS.has(type) ? type : OTHER[0];
}
