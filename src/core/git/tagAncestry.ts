import { run } from './gitCall';
import { GitExitError, runGit } from './gitProcess';

/**
 * The `git log` arguments of the repository's history reduced to its tagged
 * commits and HEAD (with `withHead`): `--simplify-by-decoration` keeps the
 * commits a tag (or HEAD) decorates, `--full-history` keeps every merge and
 * `--parents` rewrites each kept commit's parents to its nearest kept
 * ancestors, so which tagged commit reaches which is what the whole history
 * says. An explicit `--decorate-refs` wins over `log.excludeDecoration` in the
 * repository's config.
 */
export function tagAncestryArguments(withHead: boolean): string[] {
  return ['log', '--simplify-by-decoration', '--full-history', '--parents', '--decorate-refs=refs/tags', '--decorate-refs=HEAD', '--no-color', '--format=%H%x09%P%x09%D', '--tags', ...(withHead ? ['HEAD'] : []), '--'];
}

/** A commit a tag names, for asking which of them a commit reaches. */
export interface TaggedCommit {
  readonly name: string;
  /** The commit (annotated tags peeled). */
  readonly hash: string;
}

/**
 * Which tagged commits each tagged commit (and HEAD) reaches, from one walk of
 * the history instead of one `for-each-ref --merged` (a walk of its own) per
 * tag. Holds only the kept commits (the tagged ones, HEAD and merges between
 * them), by number.
 */
export class TagAncestry {
  private constructor(
    private readonly hashes: readonly string[],
    private readonly numbers: ReadonlyMap<string, number>,
    private readonly parents: readonly (readonly number[])[],
    /** HEAD's commit, when the walk started at HEAD. */
    readonly head: string | undefined,
  ) {}

  /** Reads the reduced history of the repository at `root` (from HEAD too with `withHead`). */
  static async read(root: string, withHead: boolean): Promise<TagAncestry> {
    return TagAncestry.parse(await run(root, tagAncestryArguments(withHead)));
  }

  /** Reads `git log` output of `tagAncestryArguments`: `<hash>\t<parents>\t<decorations>` a line. */
  static parse(output: string): TagAncestry {
    const lines = output.split('\n').filter((line) => line.length > 0);
    const numbers = new Map<string, number>();
    const records = lines.map((line) => line.split('\t'));
    for (const [hash] of records) if (hash && !numbers.has(hash)) numbers.set(hash, numbers.size);
    const parents: number[][] = Array.from({ length: numbers.size }, () => []);
    let head: string | undefined;
    for (const [hash = '', parentList = '', decorations = ''] of records) {
      const own = numbers.get(hash);
      if (own === undefined) continue;
      // A parent that was not kept (a shallow clone's missing history) reaches nothing further.
      for (const parent of parentList.split(' ')) {
        const number = numbers.get(parent);
        if (number !== undefined) parents[own].push(number);
      }
      if (decoratesHead(decorations)) head = hash;
    }
    return new TagAncestry([...numbers.keys()], numbers, parents, head);
  }

  /** Whether `commit` is in the reduced history (a tag's commit, or HEAD's). */
  knows(commit: string): boolean {
    return this.numbers.has(commit);
  }

  /**
   * The first of `candidates` (in their order) whose commit is `commit` or one
   * of its ancestors, as the first of them `for-each-ref --merged=<commit>`
   * lists; undefined when none is. `commit` must be known (`knows`).
   */
  firstReachable<T extends TaggedCommit>(commit: string, candidates: readonly T[]): T | undefined {
    const start = this.numbers.get(commit);
    if (start === undefined) throw new Error(`${commit} is not a tagged commit of this history.`);
    const { reached } = this.reach(start);
    return candidates.find((candidate) => {
      const number = this.numbers.get(candidate.hash);
      return number !== undefined && reached[number] === 1;
    });
  }

  /**
   * Of `commits`, the one every one of them reaches (is, or descends from),
   * the latest such; undefined when there is none or one is not known. What
   * it reaches, every one of them reaches: a walk can leave it out for all.
   */
  commonBase(commits: readonly string[]): string | undefined {
    const starts = [...new Set(commits.map((commit) => this.numbers.get(commit)))];
    if (starts.length === 0 || starts.some((start) => start === undefined)) return undefined;
    const known = starts as number[];
    const reachedBy = new Map<number, number>();
    const sizes = new Map<number, number>();
    for (const start of known) {
      const { reached, size } = this.reach(start);
      sizes.set(start, size);
      for (const other of known) if (reached[other] === 1) reachedBy.set(other, (reachedBy.get(other) ?? 0) + 1);
    }
    const common = known.filter((start) => reachedBy.get(start) === known.length);
    const latest = common.reduce<number | undefined>((best, start) => (best === undefined || (sizes.get(start) ?? 0) > (sizes.get(best) ?? 0) ? start : best), undefined);
    return latest === undefined ? undefined : this.hashes[latest];
  }

  /** The kept commits `start` reaches (itself included), and how many. */
  private reach(start: number): { readonly reached: Uint8Array; readonly size: number } {
    const reached = new Uint8Array(this.parents.length);
    const stack = [start];
    reached[start] = 1;
    let size = 1;
    while (stack.length > 0) {
      const next = stack.pop() ?? start;
      for (const parent of this.parents[next]) {
        if (reached[parent] === 0) {
          reached[parent] = 1;
          size++;
          stack.push(parent);
        }
      }
    }
    return { reached, size };
  }
}

/** Whether a `%D` list names HEAD (`HEAD`, `HEAD -> main`): tag decorations read `tag: <name>`, and a name holds no space. */
function decoratesHead(decorations: string): boolean {
  return decorations.split(', ').some((item) => item === 'HEAD' || item.startsWith('HEAD -> '));
}

/** How many of the newest releases `newestReleaseBelowHead` asks about before it leaves the answer to the ancestry. */
const QUICK_CHECKS = 2;

/**
 * The first of the newest releases (in list order) that HEAD reaches, found
 * with `merge-base --is-ancestor` (which stops as soon as it can tell: a few
 * milliseconds when it does), so the Releases view's first paint need not
 * wait for the walk of the whole history. Undefined when none of the first
 * few is reached or git cannot tell: then `TagAncestry` decides. What it
 * finds is what `latestReachableRelease(…, 'HEAD')` finds.
 */
export async function newestReleaseBelowHead(root: string, sortedTags: readonly TaggedCommit[]): Promise<string | undefined> {
  for (const tag of sortedTags.filter((t) => t.name !== 'HEAD').slice(0, QUICK_CHECKS)) {
    if (!/^[0-9a-f]{40,64}$/.test(tag.hash)) return undefined;
    try {
      await runGit(root, ['merge-base', '--is-ancestor', '--end-of-options', tag.hash, 'HEAD']);
      return tag.name;
    } catch (error) {
      // Exit code 1 is git's "no"; anything else (a tag of a tree, a broken repository) is left to the ancestry.
      if (!(error instanceof GitExitError && error.exitCode === 1)) return undefined;
    }
  }
  return undefined;
}
