import * as vscode from 'vscode';
import type { ParsedCommit } from '../../core/commits/conventionalCommit';
import { partitionCommits, type CommitGroup, type GroupingOptions } from '../../core/commits/groupCommits';
import type { FileChange, GitTag } from '../../core/git/gitLogParsing';
import type { CommitFileChange } from '../../core/usecases/commitOverview';
import type { GitRepository, HeadState, RevisionRange } from '../../core/git/gitRepository';
import type { ReleaseFilter } from '../../core/git/releases';
import type { TagAncestry } from '../../core/git/tagAncestry';
import { firstReleaseTag } from '../../core/git/tagPattern';
import { readReleaseCommitPage, readReleaseCommits, readReleaseCount, readReleaseFiles, readReleaseListing, readReleaseRange, type CommitGroupIndex, type GroupCount } from '../../core/usecases/releaseOverview';
import type { SkippedTags } from '../../core/usecases/tagFamilies';
import { ReleaseSummaries, type RecordStatusSource, type ReleaseSummary } from './releaseSummaries';

/**
 * A node of the Releases tree. Nodes are plain data (a repository is named by
 * its root; the registry holds its releases); `toTreeItem` (releaseNodes.ts) draws them.
 */
export type ReleaseNode =
  | { readonly type: 'repository'; readonly root: string }
  | { readonly type: 'notice'; readonly id: string; readonly label: string; readonly tooltip?: string; readonly icon: 'warning' | 'info' | 'error'; readonly command?: vscode.Command }
  | ReleaseEntry
  | { readonly type: 'more-releases'; readonly root: string; readonly shown: number; readonly total: number }
  /** A group heading: `group.commits` are the loaded ones, `total` counts the whole range (undefined while it is being counted). */
  | { readonly type: 'group'; readonly entry: ReleaseEntry; readonly group: CommitGroup; readonly total?: number }
  | { readonly type: 'commit'; readonly root: string; readonly commit: ParsedCommit; readonly webUrl?: string }
  | CommitFileNode
  | { readonly type: 'more-commits'; readonly entry: ReleaseEntry; readonly shown: number; readonly total: number }
  /** The files a release changed: `count` of them (within the release line's path scope). */
  | { readonly type: 'files'; readonly entry: ReleaseEntry; readonly count?: number }
  | { readonly type: 'file'; readonly entry: ReleaseEntry; readonly change: FileChange; readonly range: RevisionRange };

/** A file one commit changed, compared with the commit's first parent (`base`; none for a root commit). */
export interface CommitFileNode {
  readonly type: 'commit-file';
  readonly root: string;
  readonly hash: string;
  readonly base?: string;
  readonly change: CommitFileChange;
}

/** Unreleased, a tag, or a comparison of two refs. */
export interface ReleaseEntry {
  readonly type: 'release';
  /** The repository's root. */
  readonly root: string;
  readonly kind: 'unreleased' | 'tag' | 'comparison';
  readonly name: string;
  /** Known at once for Unreleased and comparisons; read on expand for tags. */
  readonly range?: RevisionRange;
  readonly date?: string;
  readonly tooltip: string;
}

interface LoadedRange {
  readonly range: RevisionRange;
  readonly total: number;
  commits: readonly ParsedCommit[];
  readonly partial: boolean;
  readonly groups: readonly GroupCount[];
  readonly groupOf: CommitGroupIndex;
  readonly hidden: { readonly count: number; readonly types: readonly string[] };
}

/**
 * A range longer than this many pages shows its first page at once and its
 * group counts when the whole range is read (a shorter one is read whole
 * about as fast as its first page).
 */
const LONG_RANGE_PAGES = 5;

/** How the Releases view tells a person to pick a tag family. */
const PICK_FAMILY_IN_EDITOR = 'pick one with Change Log: Pick Release Family, which sets changeLog.releases.family (releases.family in reflect.config.json)';

/**
 * The releases of one repository, read lazily through the core use case
 * releaseOverview: the tag list on first paint, a release's commits when it
 * is expanded, a page at a time. Drawing an item reads nothing (`summaryOf`);
 * its summary is read when the items are listed (`ReleaseSummaries`).
 */
export class RepositoryReleases {
  private tags: GitTag[] | undefined;
  private ancestry: () => Promise<TagAncestry | undefined> = () => Promise.resolve(undefined);
  private head: HeadState | undefined;
  private shallow = false;
  private skippedTags: SkippedTags | undefined;
  private unreleased: ReleaseEntry | undefined;
  private readonly comparisons: ReleaseEntry[] = [];
  private shownReleases: number;
  private readonly summaries: ReleaseSummaries<ReleaseEntry>;
  private readonly loaded = new Map<string, Promise<LoadedRange>>();
  private readonly files = new Map<string, Promise<FileChange[]>>();
  private readonly ranges = new Map<string, Promise<RevisionRange>>();
  private readonly firstPages = new Map<string, Promise<readonly ParsedCommit[]>>();
  /** Releases whose whole range has been read (groups counted). */
  private readonly counted = new Set<string>();
  private readonly tagEntries = new Map<string, ReleaseEntry>();

  constructor(
    readonly repository: GitRepository,
    private readonly settings: { readonly releaseFilter: ReleaseFilter; readonly pageSize: number; readonly paths?: readonly string[]; readonly grouping?: GroupingOptions },
    recordStatus: RecordStatusSource,
    private readonly onSummary: (entry: ReleaseEntry) => void,
  ) {
    this.shownReleases = settings.pageSize;
    this.summaries = new ReleaseSummaries({ repository, rangeOf: (entry) => this.rangeOf(entry), recordStatus, ...(settings.paths ? { paths: settings.paths } : {}) }, onSummary);
  }

  get root(): string {
    return this.repository.root;
  }

  /** Top-level nodes: notices, comparisons, Unreleased, then a page of tags. */
  async rootNodes(): Promise<ReleaseNode[]> {
    if (!this.tags) {
      const { releaseFilter, paths } = this.settings;
      const listing = await readReleaseListing(this.repository, { filter: releaseFilter, ...(paths ? { paths } : {}), howToPickFamily: PICK_FAMILY_IN_EDITOR });
      this.tags = [...listing.tags];
      this.ancestry = listing.ancestry;
      this.summaries.useListing(listing);
      this.skippedTags = listing.skippedTags;
      this.head = listing.head;
      this.shallow = listing.shallow;
      const { head, unreleased } = listing;
      if (unreleased && head.kind !== 'unborn') {
        const { from } = unreleased.range;
        this.unreleased = {
          type: 'release',
          root: this.root,
          kind: 'unreleased',
          name: 'Unreleased',
          range: unreleased.range,
          tooltip: `Commits on ${head.kind === 'branch' ? head.branch : `detached HEAD (${head.commit.slice(0, 7)})`} since ${from ?? 'the first commit'}`,
        };
        // The Unreleased count is part of first paint; other counts follow.
        this.summaries.set(this.unreleased, { commitCount: unreleased.commitCount, mergeCount: unreleased.mergeCount, partial: unreleased.partial });
      }
    }
    const nodes: ReleaseNode[] = [];
    if (this.shallow) {
      nodes.push({ type: 'notice', id: 'shallow', icon: 'warning', label: vscode.l10n.t('Shallow clone: history is truncated'), tooltip: vscode.l10n.t('This repository is a shallow clone, so older commits are missing. Ranges that reach the missing history are marked "partial history". Run "git fetch --unshallow" for the complete history.') });
    }
    if (this.head?.kind === 'detached') {
      nodes.push({ type: 'notice', id: 'detached', icon: 'info', label: vscode.l10n.t('Detached HEAD at {0}', this.head.commit.slice(0, 7)), tooltip: vscode.l10n.t('HEAD is not on a branch; Unreleased shows the commits since the latest release reachable from it.') });
    }
    if (this.head?.kind === 'unborn') {
      nodes.push({ type: 'notice', id: 'no-commits', icon: 'info', label: vscode.l10n.t('No commits yet'), tooltip: vscode.l10n.t('Commit your work, then tag a release (for example "git tag {0}").', this.firstReleaseTag()) });
      return nodes;
    }
    if (this.skippedTags) nodes.push(this.skippedTagsNotice(this.skippedTags));
    nodes.push(...this.comparisons);
    if (this.unreleased) nodes.push(this.unreleased);
    const tags = this.tags ?? [];
    if (tags.length === 0) {
      nodes.push({ type: 'notice', id: 'no-tags', icon: 'info', label: vscode.l10n.t('No releases tagged yet'), tooltip: this.noTagsHint() });
    }
    const page = tags.slice(0, this.shownReleases).map((tag) => this.tagEntry(tag));
    nodes.push(...page);
    if (tags.length > this.shownReleases) nodes.push({ type: 'more-releases', root: this.root, shown: this.shownReleases, total: tags.length });
    this.summaries.read(nodes.filter((node): node is ReleaseEntry => node.type === 'release'));
    return nodes;
  }

  /** Shows the next page of releases. */
  showMoreReleases(): void {
    this.shownReleases += this.settings.pageSize;
  }

  /** Adds a comparison of two refs at the top of the list (once: the same pair again moves it to the top). */
  addComparison(from: string, to: string): ReleaseEntry {
    const entry: ReleaseEntry = { type: 'release', root: this.root, kind: 'comparison', name: `${from} ↔ ${to}`, range: { from, to }, tooltip: vscode.l10n.t('Changes from {0} to {1}', from, to) };
    this.removeComparison(entry.name);
    this.comparisons.unshift(entry);
    return entry;
  }

  /** Removes one comparison by its name; the others stay. */
  removeComparison(name: string): void {
    const index = this.comparisons.findIndex((c) => c.name === name);
    if (index >= 0) this.comparisons.splice(index, 1);
  }

  /** The comparisons shown, newest first, as the refs they compare. */
  comparedRanges(): { readonly from: string; readonly to: string }[] {
    return this.comparisons.flatMap((c) => (c.range?.from === undefined ? [] : [{ from: c.range.from, to: c.range.to }]));
  }

  /** The names a person can compare: HEAD and the release tags. */
  refNames(): string[] {
    return ['HEAD', ...(this.tags ?? []).map((t) => t.name)];
  }

  /** Whether `entry` is one of the entries this list shows (not one of a list it replaced). */
  shows(entry: ReleaseEntry): boolean {
    return entry === this.unreleased || this.comparisons.includes(entry) || this.tagEntries.get(entry.name) === entry;
  }

  /** What is known about a release so far; reads nothing. */
  summaryOf(entry: ReleaseEntry): ReleaseSummary {
    return this.summaries.of(entry) ?? {};
  }

  /**
   * Children of an expanded release: its groups, a Load more… item, and
   * Files changed. The whole range is read to count its groups; a long one
   * takes a while, so its first page is shown as soon as git has written it,
   * grouped, and the counts follow: the release redraws when they arrive.
   */
  async releaseChildren(entry: ReleaseEntry): Promise<ReleaseNode[]> {
    const counted = this.counted.has(entry.name);
    const known = this.summaries.of(entry);
    // Known to be long: nothing else is read until its first page is in (the changed files would only slow it down).
    if (!counted && known?.commitCount !== undefined && this.isLongCount(known)) {
      const page = await this.firstPage(entry);
      return this.showFirstPage(entry, page, this.load(entry), this.changedFiles(entry));
    }
    const whole = this.load(entry);
    // The changed files are read beside the commits, so Files changed shows its count with the groups.
    const files = this.changedFiles(entry);
    if (!counted && (await this.isLong(entry))) return this.showFirstPage(entry, await this.firstPage(entry), whole, files);
    const [loaded, changes] = await Promise.all([whole, files]);
    return this.countedChildren(entry, loaded, changes.length);
  }

  /** A long range's first page now; the release redraws with its counts once the whole range is read. */
  private showFirstPage(entry: ReleaseEntry, page: readonly ParsedCommit[], whole: Promise<LoadedRange>, files: Promise<FileChange[]>): ReleaseNode[] {
    const redraw = () => this.onSummary(entry);
    void Promise.all([whole, files]).then(redraw, redraw);
    return this.firstPageChildren(entry, page);
  }

  /** Whether a release's range is long enough to show its first page before counting it (its count, read if not known yet). */
  private async isLong(entry: ReleaseEntry): Promise<boolean> {
    const known = this.summaries.of(entry);
    return this.isLongCount(known?.commitCount !== undefined ? known : await readReleaseCount(this.repository, await this.rangeOf(entry), false, this.settings.paths));
  }

  private isLongCount({ commitCount, mergeCount }: { readonly commitCount?: number; readonly mergeCount?: number }): boolean {
    return (commitCount ?? 0) + (mergeCount ?? 0) > this.settings.pageSize * LONG_RANGE_PAGES;
  }

  /** A release's first page, grouped, while its whole range is still being counted. */
  private firstPageChildren(entry: ReleaseEntry, page: readonly ParsedCommit[]): ReleaseNode[] {
    const nodes: ReleaseNode[] = partitionCommits(page, this.settings.grouping).groups.map((group) => ({ type: 'group' as const, entry, group }));
    if (page.length > 0) nodes.push({ type: 'files', entry });
    return nodes;
  }

  private countedChildren(entry: ReleaseEntry, loaded: LoadedRange, fileCount: number): ReleaseNode[] {
    const nodes: ReleaseNode[] = [];
    if (loaded.partial) {
      nodes.push({ type: 'notice', id: `partial:${entry.name}`, icon: 'warning', label: vscode.l10n.t('Partial: this range reaches past the shallow clone'), tooltip: vscode.l10n.t('Some commits of this range were not fetched (shallow clone), so the list is incomplete. Run "git fetch --unshallow" to see all of them.') });
    }
    if (loaded.total === 0) nodes.push({ type: 'notice', id: `empty:${entry.name}`, icon: 'info', label: vscode.l10n.t('No commits in this range') });
    // Every group of the range with its whole count; under it, the commits loaded so far.
    for (const { type, title, count } of loaded.groups) {
      const commits = loaded.commits.filter((c, position) => loaded.groupOf.at(position, c.hash) === type);
      nodes.push({ type: 'group', entry, group: { type, title, commits }, total: count });
    }
    if (loaded.hidden.count > 0) {
      // Said as the notes say it, so the headings and the total agree with `reflect notes`.
      nodes.push({ type: 'notice', id: `hidden:${entry.name}`, icon: 'info', label: loaded.hidden.count === 1 ? vscode.l10n.t('1 commit of hidden types ({0}) not listed', loaded.hidden.types.join(', ')) : vscode.l10n.t('{0} commits of hidden types ({1}) not listed', loaded.hidden.count, loaded.hidden.types.join(', ')), tooltip: vscode.l10n.t('The changeLog.releaseNotes.hiddenTypes setting (releaseNotes.hiddenTypes in reflect.config.json) hides these types in the release notes and here.') });
    }
    if (loaded.commits.length < loaded.total) nodes.push({ type: 'more-commits', entry, shown: loaded.commits.length, total: loaded.total });
    if (loaded.total > 0) nodes.push({ type: 'files', entry, count: fileCount });
    return nodes;
  }

  /** Reads the next page of a release's commits. */
  async loadMoreCommits(entry: ReleaseEntry): Promise<void> {
    const loaded = await this.load(entry);
    const next = await readReleaseCommitPage(this.repository, loaded.range, loaded.commits.length, this.settings.pageSize, this.settings.paths);
    loaded.commits = loaded.commits.concat(next);
  }

  /** The changed files of a release, each with the two refs to diff. */
  async fileNodes(entry: ReleaseEntry): Promise<ReleaseNode[]> {
    const [range, changes] = await Promise.all([this.rangeOf(entry), this.changedFiles(entry)]);
    return changes.map((change) => ({ type: 'file' as const, entry, change, range }));
  }

  /** The files a release changed, within the path scope, read once. */
  private changedFiles(entry: ReleaseEntry): Promise<FileChange[]> {
    let reading = this.files.get(entry.name);
    if (!reading) {
      reading = this.rangeOf(entry).then((range) => readReleaseFiles(this.repository, range, this.settings.paths));
      reading.catch(() => this.files.delete(entry.name));
      this.files.set(entry.name, reading);
    }
    return reading;
  }

  /** The range of a release (read on demand for tags, once: its summary, commits and files all need it). */
  rangeOf(entry: ReleaseEntry): Promise<RevisionRange> {
    if (entry.range) return Promise.resolve(entry.range);
    let reading = this.ranges.get(entry.name);
    if (!reading) {
      const tags = this.tags ?? [];
      reading = this.ancestry().then((ancestry) => readReleaseRange(this.repository, tags, entry.name, ancestry));
      reading.catch(() => this.ranges.delete(entry.name));
      this.ranges.set(entry.name, reading);
    }
    return reading;
  }

  /**
   * The first page of a release's commits, from the read of its whole range
   * as soon as git has written them: for a range `A..B` git walks the whole
   * range before it writes the first commit, so a read of the page alone
   * would cost about as much as the whole range, twice over.
   */
  private async firstPage(entry: ReleaseEntry): Promise<readonly ParsedCommit[]> {
    void this.load(entry).catch(() => undefined);
    const page = this.firstPages.get(entry.name);
    return page ?? (await this.load(entry)).commits;
  }

  private load(entry: ReleaseEntry): Promise<LoadedRange> {
    let loading = this.loaded.get(entry.name);
    if (!loading) {
      let pageRead: (page: readonly ParsedCommit[]) => void = () => undefined;
      const page = new Promise<readonly ParsedCommit[]>((resolve) => (pageRead = resolve));
      loading = (async () => {
        const read = await readReleaseCommits(this.repository, await this.rangeOf(entry), this.shallow, this.settings.pageSize, this.settings.paths, this.settings.grouping, (first) => pageRead([...first]));
        pageRead(read.commits);
        return { ...read, commits: [...read.commits] };
      })();
      loading.then(
        () => this.counted.add(entry.name),
        () => {
          this.loaded.delete(entry.name);
          this.firstPages.delete(entry.name);
        },
      );
      this.loaded.set(entry.name, loading);
      // A failed read rejects the whole range; the page then fails with it (heard here when nobody asked for the page).
      const first = Promise.race([page, loading.then((loaded) => loaded.commits)]);
      first.catch(() => undefined);
      this.firstPages.set(entry.name, first);
    }
    return loading;
  }

  /** Says that the tag pattern skipped most tags; choosing it offers the families in a quick pick. */
  private skippedTagsNotice({ matched, total, sentence }: SkippedTags): ReleaseNode {
    return {
      type: 'notice',
      id: 'skipped-tags',
      icon: 'warning',
      label: vscode.l10n.t('Tag pattern matches {0} of {1} tags: pick a tag family', matched, total),
      tooltip: `${sentence[0].toUpperCase()}${sentence.slice(1)}.`,
      command: { command: 'changeLog.pickReleaseFamily', title: vscode.l10n.t('Pick a tag family'), arguments: [this.root] },
    };
  }

  /** The tag of the release line's first release, as the proposed version writes it (`v0.1.0`, `pkg-a@0.1.0`). */
  private firstReleaseTag(): string {
    return firstReleaseTag(this.settings.releaseFilter.pattern);
  }

  /** How to tag the first release of the line followed: a family's own tag and setting, or the tag pattern's. */
  private noTagsHint(): string {
    const { pattern } = this.settings.releaseFilter;
    return pattern.family !== undefined
      ? vscode.l10n.t('No tag of the {0} tag family yet. Tag the commit you release, for example: git tag -a {1} -m "First release". Releases are the tags of the family in the changeLog.releases.family setting.', pattern.family, this.firstReleaseTag())
      : vscode.l10n.t('Tag the commit you release, for example: git tag -a {0} -m "First release". Releases are tags that match the changeLog.tagPattern setting.', this.firstReleaseTag());
  }

  /** The same entry object for a tag every time, so the view can update it in place. */
  private tagEntry(tag: GitTag): ReleaseEntry {
    let entry = this.tagEntries.get(tag.name);
    if (!entry) {
      entry = { type: 'release', root: this.root, kind: 'tag', name: tag.name, date: tag.date, tooltip: vscode.l10n.t('{0}: {1} tag on {2}, {3}', tag.name, tag.annotated ? 'annotated' : 'lightweight', tag.hash.slice(0, 12), tag.date) };
      this.tagEntries.set(tag.name, entry);
    }
    return entry;
  }
}
