import * as vscode from 'vscode';
import { commitGroupingOf } from '../../core/commits/groupCommits';
import type { GitRepository } from '../../core/git/gitRepository';
import type { RemoteLinks } from '../../core/render/remoteLinks';
import { assessRecordFolderOf } from '../../core/usecases/checkRecord';
import { readCommitOverview, readWebLinks } from '../../core/usecases/commitOverview';
import type { RepositoryRegistry } from '../repositoryRegistry';
import { readPageSize } from '../configuration';
import type { LocatedRepository, WorkspaceState } from '../workspaceRepository';
import { toTreeItem } from './releaseNodes';
import { RepositoryReleases, type CommitFileNode, type ReleaseEntry, type ReleaseNode } from './repositoryReleases';
import { withProgress } from '../progress';

export const RELEASES_VIEW_ID = 'changeLog.releases';
const IN_VIEW = { viewId: RELEASES_VIEW_ID } as const;

/**
 * The Releases view. One repository shows its releases at the top level;
 * several show one root item each. First paint reads only the tag list (and
 * the Unreleased count); everything else is read when expanded.
 */
export class ReleasesTreeProvider implements vscode.TreeDataProvider<ReleaseNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReleaseNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly links = new Map<string, Promise<RemoteLinks | undefined>>();
  private readonly comparisons = new Map<string, readonly { readonly from: string; readonly to: string }[]>();
  private located: Promise<{ state: WorkspaceState; repositories: LocatedRepository[]; releases: RepositoryReleases[] }> | undefined;

  /**
   * The registry locates the repositories to show and keeps what is read of
   * their releases; `onRepositories` hears which were found, each time the
   * view reads them, so watching starts only once the view is shown.
   */
  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly onRepositories: (repositories: GitRepository[]) => void = () => undefined,
  ) {}

  /** Forgets what was read and redraws the view. */
  refresh(): void {
    this.located = undefined;
    this.links.clear();
    this.changed.fire(undefined);
  }

  /** Redraws one node (or everything) without reading git again. */
  redraw(node?: ReleaseNode): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getTreeItem(node: ReleaseNode): vscode.TreeItem {
    // Drawing reads nothing: a release's summary is what is known so far.
    return toTreeItem(node, (entry) => this.registry.releasesOf(entry.root)?.summaryOf(entry) ?? {});
  }

  async getChildren(node?: ReleaseNode): Promise<ReleaseNode[]> {
    if (!node) return this.rootNodes();
    switch (node.type) {
      case 'repository':
        return this.guard(node.root, () => this.releasesOf(node.root).rootNodes());
      case 'release':
        return this.guard(node.name, () => withProgress(IN_VIEW, vscode.l10n.t('Reading {0}', node.name), () => this.releasesOf(node.root).releaseChildren(node)));
      case 'group': {
        const { root } = node.entry;
        const links = await this.webLinks(root);
        return node.group.commits.map((commit) => ({ type: 'commit', root, commit, ...(links ? { webUrl: links.commit(commit.hash) } : {}) }));
      }
      case 'commit':
        return this.guard(node.commit.hash, () => withProgress(IN_VIEW, vscode.l10n.t('Reading commit {0}', node.commit.hash.slice(0, 7)), () => this.commitFiles(node)));
      case 'files':
        return this.guard('files', () => withProgress(IN_VIEW, vscode.l10n.t('Reading changed files'), () => this.releasesOf(node.entry.root).fileNodes(node.entry)));
      default:
        return [];
    }
  }

  /** The files a commit changed, against its first parent (for its tree item and Open Changes). */
  async commitFiles(node: Extract<ReleaseNode, { type: 'commit' }>): Promise<CommitFileNode[]> {
    const config = await this.registry.configurationFor(node.root);
    const overview = await readCommitOverview(this.releasesOf(node.root).repository, config, node.commit.hash);
    return overview.files.map((change) => ({ type: 'commit-file', root: node.root, hash: overview.commit.hash, ...(overview.base ? { base: overview.base } : {}), change }));
  }

  /** Web links of a repository's origin remote, read once per listing (undefined when not a known host). */
  private webLinks(root: string): Promise<RemoteLinks | undefined> {
    let links = this.links.get(root);
    if (!links) {
      links = this.registry.configurationFor(root).then((config) => readWebLinks(this.releasesOf(root).repository, config)).catch(() => undefined);
      this.links.set(root, links);
    }
    return links;
  }

  /** Adds a comparison to a repository's list, kept across refreshes. */
  addComparison(repo: RepositoryReleases, from: string, to: string): void {
    repo.addComparison(from, to);
    this.comparisons.set(repo.root, repo.comparedRanges());
    this.changed.fire(undefined);
  }

  /** Removes one comparison (its context menu). */
  removeComparison(entry: ReleaseEntry): void {
    const repo = this.registry.releasesOf(entry.root);
    repo?.removeComparison(entry.name);
    this.comparisons.set(entry.root, repo?.comparedRanges() ?? []);
    this.changed.fire(undefined);
  }

  /** The repositories currently shown (for commands such as Compare Releases). */
  async repositories(): Promise<RepositoryReleases[]> {
    return (await this.locate()).releases;
  }

  /** Handles a "Load more…" item. */
  async loadMore(node: ReleaseNode): Promise<void> {
    if (node.type === 'more-releases') {
      this.releasesOf(node.root).showMoreReleases();
      this.changed.fire(undefined);
    } else if (node.type === 'more-commits') {
      await withProgress(IN_VIEW, vscode.l10n.t('Reading more commits'), () => this.releasesOf(node.entry.root).loadMoreCommits(node.entry));
      // A row from before a refresh (the repository changed meanwhile): the view holds other nodes now, and is redrawn whole.
      this.changed.fire(this.registry.releasesOf(node.entry.root)?.shows(node.entry) ? node.entry : undefined);
    }
  }

  private async rootNodes(): Promise<ReleaseNode[]> {
    const { repositories, releases } = await this.locate();
    if (releases.length === 1 && repositories.length === 1) {
      return this.guard(releases[0].root, () => withProgress(IN_VIEW, vscode.l10n.t('Reading tags'), () => releases[0].rootNodes()));
    }
    const nodes: ReleaseNode[] = [];
    for (const located of repositories) {
      const repo = releases.find((r) => r.root === located.path);
      if (repo) nodes.push({ type: 'repository', root: repo.root });
      else if (repositories.length > 1) nodes.push({ type: 'notice', id: `problem:${located.path}`, icon: 'warning', label: `${located.folder.name}: ${located.explanation ?? located.state}`, tooltip: located.explanation });
    }
    return nodes;
  }

  private locate() {
    this.located ??= this.registry.locate().then(async ({ state, repositories }) => {
      await vscode.commands.executeCommand('setContext', 'changeLog.state', state);
      const ready = repositories.filter((r): r is LocatedRepository & { repository: GitRepository } => r.state === 'ready' && r.repository !== undefined);
      const releases = await Promise.all(
        ready.map(async (r) => {
          // The repository's one configuration: reflect.config.json's tag pattern counts here as in `reflect notes`.
          const config = await this.registry.configurationFor(r.repository.root);
          // The release line's path scope too, so the view counts what `reflect notes` lists.
          const settings = { releaseFilter: config.releaseFilter, pageSize: readPageSize(r.folder), paths: config.releaseLine.paths, grouping: commitGroupingOf(config.releaseNotes) };
          return new RepositoryReleases(
            r.repository,
            settings,
            async (root, version) => {
              const assessment = await assessRecordFolderOf(root, version, { config, today: this.registry.today(), repository: r.repository });
              return assessment ? `record ${assessment.complete}/${assessment.expected}` : undefined;
            },
            (entry: ReleaseEntry) => this.changed.fire(entry),
          );
        }),
      );
      // Comparisons the person added stay across a refresh, in their order.
      for (const repo of releases) for (const { from, to } of [...(this.comparisons.get(repo.root) ?? [])].reverse()) repo.addComparison(from, to);
      this.registry.trackReleases(releases);
      this.onRepositories(releases.map((r) => r.repository));
      return { state, repositories, releases };
    });
    return this.located;
  }

  /** The releases of a repository this view listed. */
  private releasesOf(root: string): RepositoryReleases {
    const releases = this.registry.releasesOf(root);
    if (!releases) throw new Error(vscode.l10n.t('The repository {0} is no longer shown; refresh the view.', root));
    return releases;
  }

  /** Turns a failure while reading into one notice item instead of an error toast. */
  private async guard(id: string, read: () => Promise<ReleaseNode[]>): Promise<ReleaseNode[]> {
    try {
      return await read();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [{ type: 'notice', id: `error:${id}`, icon: 'error', label: message.split('\n', 1)[0], tooltip: message }];
    }
  }
}
