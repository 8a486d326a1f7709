import type { ParsedCommit } from './conventionalCommit';
import { compareText } from '../vocabulary/textOrder';

/** A commit and the revert that undoes it, both inside the same range. */
export interface RevertPair {
  readonly original: ParsedCommit;
  readonly revert: ParsedCommit;
}

/**
 * Finds reverts whose target is in the same list: by the hash git writes
 * ("This reverts commit …"), else (no hash, or a hash not in the list, as
 * when the reverted commit was cherry-picked) by the quoted header. A chain (a revert
 * that is itself reverted) is left unpaired, so every commit of it is listed
 * where its type puts it and still counts for the version bump: we do not
 * try to compute the net effect of a chain.
 */
export function pairReverts(commits: readonly ParsedCommit[]): RevertPair[] {
  // Most ranges hold no revert at all: then there is nothing to index.
  if (!commits.some((c) => c.revertOf)) return [];
  // Indexes built once, so a range with many reverts stays linear.
  const index = new CommitIndex(commits);
  const targetOf = new Map<ParsedCommit, ParsedCommit>();
  const revertsOf = new Map<ParsedCommit, number>();
  commits.forEach((commit, position) => {
    if (!commit.revertOf) return;
    const target = index.targetOf(commit, position);
    if (!target) return;
    targetOf.set(commit, target);
    revertsOf.set(target, (revertsOf.get(target) ?? 0) + 1);
  });
  const pairs: RevertPair[] = [];
  for (const [revert, original] of targetOf) {
    // Skip chains (the revert is reverted itself, or the original is a
    // revert) and an original that more than one commit reverts.
    if (revertsOf.has(revert) || targetOf.has(original) || (revertsOf.get(original) ?? 0) > 1) continue;
    pairs.push({ original, revert });
  }
  return pairs;
}

/** Commits by full hash and by header, for finding what a revert names. */
class CommitIndex {
  private readonly byHash = new Map<string, ParsedCommit>();
  /** Positions of the commits ordered by hash, for abbreviated hashes: a scan per revert would be quadratic. */
  private readonly hashOrder: number[];
  /** Positions of the commits with each header, in list order. */
  private readonly byHeader = new Map<string, number[]>();

  constructor(private readonly commits: readonly ParsedCommit[]) {
    this.hashOrder = commits.map((_, position) => position).sort((a, b) => compareText(commits[a].hash, commits[b].hash));
    commits.forEach((commit, position) => {
      this.byHash.set(commit.hash, commit);
      const header = headerOf(commit);
      const positions = this.byHeader.get(header);
      if (positions) positions.push(position);
      else this.byHeader.set(header, [position]);
    });
  }

  targetOf(revert: ParsedCommit, position: number): ParsedCommit | undefined {
    const { hash, header } = revert.revertOf ?? {};
    if (hash) {
      const exact = this.byHash.get(hash);
      if (exact) return exact !== revert ? exact : undefined;
      // An abbreviated hash, found by bisection: a scan per revert would be quadratic.
      const abbreviated = hash.length < 40 ? this.firstWithPrefix(hash, revert) : undefined;
      if (abbreviated) return abbreviated;
      // The hash is not in the list: the reverted commit was cherry-picked
      // here under another hash, so its quoted header is what is left to go by.
    }
    if (!header) return undefined;
    // Newest first: the reverted commit is older, so it comes after the revert in the list.
    const later = firstAfter(this.byHeader.get(header) ?? [], position);
    return later === undefined ? undefined : this.commits[later];
  }

  /** The first commit in list order (other than `revert`) whose hash starts with `prefix`. */
  private firstWithPrefix(prefix: string, revert: ParsedCommit): ParsedCommit | undefined {
    let low = 0;
    let high = this.hashOrder.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareText(this.commits[this.hashOrder[mid]].hash, prefix) < 0) low = mid + 1;
      else high = mid;
    }
    let first: number | undefined;
    for (let i = low; i < this.hashOrder.length; i++) {
      const position = this.hashOrder[i];
      const commit = this.commits[position];
      if (!commit.hash.startsWith(prefix)) break;
      if (commit !== revert && (first === undefined || position < first)) first = position;
    }
    return first === undefined ? undefined : this.commits[first];
  }
}

/** The first of ascending `positions` after `position`, by bisection: many reverts of one header must not each scan its list. */
function firstAfter(positions: readonly number[], position: number): number | undefined {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (positions[mid] <= position) low = mid + 1;
    else high = mid;
  }
  return positions[low];
}

function headerOf(commit: ParsedCommit): string {
  const end = commit.message.indexOf('\n');
  return (end < 0 ? commit.message : commit.message.slice(0, end)).trim();
}
