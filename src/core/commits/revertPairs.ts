import type { ParsedCommit } from './conventionalCommit';

/** A commit and the revert that undoes it, both inside the same range. */
export interface RevertPair {
  readonly original: ParsedCommit;
  readonly revert: ParsedCommit;
}

/**
 * Finds reverts whose target is in the same list: by the hash git writes
 * ("This reverts commit …"), else by the quoted header. A chain (a revert
 * that is itself reverted) is left unpaired, so every commit of it is listed
 * where its type puts it and still counts for the version bump: we do not
 * try to compute the net effect of a chain.
 */
export function pairReverts(commits: readonly ParsedCommit[]): RevertPair[] {
  const targetOf = new Map<ParsedCommit, ParsedCommit>();
  for (const commit of commits) {
    if (!commit.revertOf) continue;
    const target = findTarget(commit, commits);
    if (target) targetOf.set(commit, target);
  }
  const reverted = new Set(targetOf.values());
  const pairs: RevertPair[] = [];
  for (const [revert, original] of targetOf) {
    // Skip chains: the revert is reverted itself, or the original is a revert.
    if (reverted.has(revert) || targetOf.has(original)) continue;
    if ([...targetOf].some(([other, o]) => o === original && other !== revert)) continue;
    pairs.push({ original, revert });
  }
  return pairs;
}

function findTarget(revert: ParsedCommit, commits: readonly ParsedCommit[]): ParsedCommit | undefined {
  const { hash, header } = revert.revertOf ?? {};
  if (hash) return commits.find((c) => c !== revert && c.hash.startsWith(hash));
  if (!header) return undefined;
  const index = commits.indexOf(revert);
  // Newest first: the reverted commit is older, so it comes after the revert in the list.
  return commits.slice(index + 1).find((c) => c.message.split('\n', 1)[0].trim() === header);
}
