import type { GitRepository, RevisionRange } from '../../core/git/gitRepository';
import type { TagAncestry } from '../../core/git/tagAncestry';
import type { GitTag } from '../../core/git/gitLogParsing';
import { readReleaseCount, readReleaseCounts, type ReleaseCount } from '../../core/usecases/releaseOverview';
import { nextTurn } from '../../core/vocabulary/eventLoopTurn';

/** What a release item shows beside its name once known. */
export interface ReleaseSummary {
  /** The commits its notes list (merges apart). */
  readonly commitCount?: number;
  /** The merge commits of the range, counted but not listed. */
  readonly mergeCount?: number;
  /** A short note on the change record (for example "record 3/7"). */
  readonly record?: string;
  /** The range crosses a shallow-clone boundary. */
  readonly partial?: boolean;
}

/** Reports how complete a version's change record is, or undefined when none exists. */
export type RecordStatusSource = (repositoryRoot: string, version: string) => Promise<string | undefined>;

/** A release as its summary needs it: its name, and whether it is a tag (only tags have a record). */
export interface SummarisedRelease {
  readonly name: string;
  readonly kind: string;
}

/** Where summaries are read from: the repository, a release's range, its record state and the path scope. */
export interface SummarySources<E extends SummarisedRelease> {
  readonly repository: GitRepository;
  readonly rangeOf: (entry: E) => Promise<RevisionRange>;
  readonly recordStatus: RecordStatusSource;
  readonly paths?: readonly string[];
}

/** What summaries need of the listing: its tags, whether the clone is shallow, and its ancestry (read when first asked for). */
export interface SummarisedListing {
  readonly tags: readonly GitTag[];
  readonly shallow: boolean;
  readonly ancestry: () => Promise<TagAncestry | undefined>;
}

/** How many ranges are found between two turns of the event loop when a page is counted together. */
const RANGES_AT_ONCE = 10;

/** Release summaries (counts, record state) read at once, leaving most git processes to what the person asks for. */
const SUMMARIES_AT_ONCE = 2;

/**
 * The summaries of a repository's listed releases: what is known so far
 * (drawing reads nothing), and the reading of the rest, in the order listed.
 * The releases listed at once are counted in one git walk when the listing's
 * ancestry allows (`readReleaseCounts`); each release not counted so is
 * counted alone. A few are read at a time: a page of a hundred releases must
 * not take every git process, or what the person asks for next (expanding a
 * release, Compare Releases) would wait behind them.
 */
export class ReleaseSummaries<E extends SummarisedRelease> {
  private readonly known = new Map<string, ReleaseSummary>();
  private readonly pending = new Set<string>();
  private readonly queue: E[] = [];
  private running = 0;
  /** Counts being read together for the releases listed at once (undefined: that one is counted alone). */
  private readonly batched = new Map<string, Promise<ReleaseCount | undefined>>();
  private listing: SummarisedListing = { tags: [], shallow: false, ancestry: () => Promise.resolve(undefined) };

  constructor(
    private readonly sources: SummarySources<E>,
    private readonly onSummary: (entry: E) => void,
  ) {}

  /** The listing's tags, ancestry (still being read, maybe) and shallowness. */
  useListing(listing: SummarisedListing): void {
    this.listing = listing;
  }

  /** What is known of a release so far; reads nothing. */
  of(entry: E): ReleaseSummary | undefined {
    return this.known.get(entry.name);
  }

  /** Records what is already known (Unreleased's count, read with the listing). */
  set(entry: E, summary: ReleaseSummary): void {
    this.known.set(entry.name, summary);
  }

  /**
   * Starts reading what the listed releases do not know yet, on the event
   * loop's next turn: the rows being listed now reach the view first, and
   * their git processes (each a fork of the whole extension host) and the
   * history walk behind the counts do not delay them. Each redraws when it arrives.
   */
  read(listedNow: readonly E[]): void {
    const listed = listedNow.filter(({ name }) => !this.known.has(name) && !this.pending.has(name));
    if (listed.length === 0) return;
    for (const { name } of listed) this.pending.add(name);
    void nextTurn().then(() => {
      this.countTogether(listed);
      // What was listed last (a comparison just added) is what the person looks at: it goes first.
      this.queue.unshift(...listed);
      while (this.running < SUMMARIES_AT_ONCE && this.queue.length > 0) this.readNext();
    });
  }

  private countTogether(listed: readonly E[]): void {
    if (listed.length < 2) return;
    const { listing, sources } = this;
    const counting = (async () => {
      const ranges = new Map<string, RevisionRange>();
      for (const [index, entry] of listed.entries()) {
        // Each range is a walk of the tag graph: a page of them gets the event loop's turns in between.
        if (index % RANGES_AT_ONCE === RANGES_AT_ONCE - 1) await nextTurn();
        ranges.set(entry.name, await sources.rangeOf(entry));
      }
      const ancestry = await listing.ancestry();
      return readReleaseCounts(sources.repository, ranges, { tags: listing.tags, shallow: listing.shallow, ...(ancestry ? { ancestry } : {}) }, sources.paths);
    })();
    for (const { name } of listed) {
      this.batched.set(
        name,
        counting.then(
          (counts) => counts.get(name),
          () => undefined,
        ),
      );
    }
  }

  private readNext(): void {
    const entry = this.queue.shift();
    if (!entry) return;
    this.running++;
    void this.readOne(entry)
      .then(
        (summary) => {
          this.known.set(entry.name, summary);
          this.onSummary(entry);
        },
        () => undefined,
      )
      .finally(() => {
        this.pending.delete(entry.name);
        this.running--;
        this.readNext();
      });
  }

  private async readOne(entry: E): Promise<ReleaseSummary> {
    const { repository, recordStatus, paths } = this.sources;
    const range = await this.sources.rangeOf(entry);
    const version = entry.kind === 'tag' ? entry.name : undefined;
    const batched = this.batched.get(entry.name);
    this.batched.delete(entry.name);
    const count = async () => (await batched) ?? readReleaseCount(repository, range, this.listing.shallow, paths);
    const [{ commitCount, mergeCount, partial }, record] = await Promise.all([count(), version ? recordStatus(repository.root, version) : Promise.resolve(undefined)]);
    return { commitCount, mergeCount, record, partial };
  }
}
