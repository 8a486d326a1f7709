import { nextTurn } from '../vocabulary/eventLoopTurn';
import { runGit } from './gitProcess';

/** A range by its two commits: the commits `to` reaches that `from` does not. */
export interface CommitRange {
  readonly from: string;
  readonly to: string;
}

/** How many commits a range holds, and how many of them are merges (two parents or more), as `rev-list --count [--merges]` counts. */
export interface RangeTally {
  readonly commits: number;
  readonly merges: number;
}

/** Past this many commits between the newest ends and the base, the walk stops and each range is counted by git alone. */
export const MAX_WALKED_COMMITS = 200_000;

/** The `git rev-list` arguments of the walk: every commit the `ends` reach that `base` does not, with its parents. */
export function rangeWalkArguments(ends: readonly string[], base: string): string[] {
  return ['rev-list', '--parents', '--end-of-options', ...ends, `^${base}`, '--'];
}

/**
 * Counts several ranges from one `git rev-list --parents` walk instead of two
 * `rev-list --count` processes per range. `base` must be reachable from every
 * range's `from` (see `TagAncestry.commonBase`): what it reaches is in no
 * range, so the walk stops there, and each range is counted in the commits
 * walked (two marking passes over them; the event loop gets a turn between
 * ranges). Commit hashes only, checked before they reach git. Undefined when
 * the walk passes `maxCommits` (git is stopped): the caller counts each range
 * with git.
 */
export async function countRangesTogether(root: string, ranges: readonly CommitRange[], base: string, maxCommits = MAX_WALKED_COMMITS): Promise<RangeTally[] | undefined> {
  for (const hash of [base, ...ranges.flatMap((r) => [r.from, r.to])]) if (!/^[0-9a-f]{40,64}$/.test(hash)) throw new Error(`"${hash.slice(0, 70)}" is not a commit hash.`);
  if (ranges.length === 0) return [];
  const graph = await walkCommits(root, [...new Set(ranges.map((r) => r.to))], base, maxCommits);
  if (graph === undefined) return undefined;
  const tallies: RangeTally[] = [];
  const marks = new Int32Array(graph.parents.length);
  for (const [index, range] of ranges.entries()) {
    if (index > 0) await nextTurn();
    tallies.push(tallyRange(graph, range, marks, index + 1));
  }
  return tallies;
}

/** The walked commits: each one's number, its parents among them, and whether it is a merge. */
interface WalkedGraph {
  readonly numbers: ReadonlyMap<string, number>;
  readonly parents: readonly (readonly number[])[];
  readonly merges: Uint8Array;
}

async function walkCommits(root: string, ends: readonly string[], base: string, maxCommits: number): Promise<WalkedGraph | undefined> {
  const lines: string[] = [];
  let tail = '';
  const controller = new AbortController();
  const take = (text: string) => {
    const parts = (tail + text).split('\n');
    tail = parts.pop() ?? '';
    for (const line of parts) if (line.length > 0) lines.push(line);
    if (lines.length > maxCommits) controller.abort();
  };
  try {
    await runGit(root, rangeWalkArguments(ends, base), { onStdout: (chunk) => take(chunk.toString('latin1')), signal: controller.signal, background: true });
  } catch (error) {
    if (controller.signal.aborted) return undefined;
    throw error;
  }
  if (tail.length > 0) lines.push(tail);
  const numbers = new Map<string, number>();
  const records = lines.map((line) => line.split(' '));
  for (const [hash] of records) if (hash && !numbers.has(hash)) numbers.set(hash, numbers.size);
  const parents: number[][] = Array.from({ length: numbers.size }, () => []);
  const merges = new Uint8Array(numbers.size);
  for (const [hash = '', ...parentHashes] of records) {
    const own = numbers.get(hash);
    if (own === undefined) continue;
    // Every parent counts for "merge", as --merges counts; only walked ones are followed (the rest are the base's).
    if (parentHashes.length > 1) merges[own] = 1;
    for (const parent of parentHashes) {
      const number = numbers.get(parent);
      if (number !== undefined) parents[own].push(number);
    }
  }
  return { numbers, parents, merges };
}

/**
 * One range's tally in the walked commits: first marks what `from` reaches
 * (`-stamp`), then counts what `to` reaches without passing a marked commit
 * (`stamp`); stamps of earlier ranges count as unmarked. Anything not walked
 * is the base's, which `from` reaches too.
 */
function tallyRange(graph: WalkedGraph, range: CommitRange, marks: Int32Array, stamp: number): RangeTally {
  const mark = (start: number | undefined, value: number, stopAt: number): number[] => {
    const seen: number[] = [];
    if (start === undefined || marks[start] === value || marks[start] === stopAt) return seen;
    marks[start] = value;
    const stack = [start];
    while (stack.length > 0) {
      const next = stack.pop() ?? start;
      seen.push(next);
      for (const parent of graph.parents[next]) {
        if (marks[parent] !== value && marks[parent] !== stopAt) {
          marks[parent] = value;
          stack.push(parent);
        }
      }
    }
    return seen;
  };
  mark(graph.numbers.get(range.from), -stamp, stamp);
  const inRange = mark(graph.numbers.get(range.to), stamp, -stamp);
  let merges = 0;
  for (const commit of inRange) merges += graph.merges[commit];
  return { commits: inRange.length, merges };
}
