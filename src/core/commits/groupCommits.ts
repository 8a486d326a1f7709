import type { ParsedCommit } from './conventionalCommit';

/** A section of release notes: one Conventional Commit type, or breaking / other changes. */
export interface CommitGroup {
  /** `breaking`, `other`, or a Conventional Commit type. */
  readonly type: string;
  readonly title: string;
  readonly commits: readonly ParsedCommit[];
}

/** Section titles, in the order they appear; types not listed follow, then "Other changes". */
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

/**
 * Groups commits into sections: breaking changes first, known types in
 * order, unknown types next, commits that are not conventional last. Each
 * commit lands in exactly one group; merges are left out (count them apart).
 */
export function groupCommitsByType(commits: readonly ParsedCommit[]): CommitGroup[] {
  const buckets = new Map<string, ParsedCommit[]>();
  for (const commit of commits) {
    if (commit.isMerge) continue;
    const key = commit.breaking ? 'breaking' : (commit.type ?? OTHER[0]);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(commit);
    else buckets.set(key, [commit]);
  }
  const known = new Map(DEFAULT_SECTIONS);
  const groups: CommitGroup[] = [];
  for (const [type, title] of DEFAULT_SECTIONS) {
    const bucket = buckets.get(type);
    if (bucket) groups.push({ type, title, commits: bucket });
  }
  const unknownTypes = [...buckets.keys()].filter((t) => !known.has(t) && t !== OTHER[0]).sort();
  for (const type of unknownTypes) groups.push({ type, title: titleForUnknownType(type), commits: buckets.get(type) ?? [] });
  const other = buckets.get(OTHER[0]);
  if (other) groups.push({ type: OTHER[0], title: OTHER[1], commits: other });
  return groups;
}

function titleForUnknownType(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
