import * as vscode from 'vscode';
import { parseCommit, type ParsedCommit } from '../../core/commits/conventionalCommit';
import { groupCommitsByType, type CommitGroup } from '../../core/commits/groupCommits';
import type { GitRepository, RevisionRange } from '../../core/git/gitRepository';
import { rangeOfTag, readReleaseOverview } from '../../core/git/releases';
import { locateRepository, type WorkspaceRepository } from '../workspaceRepository';

/** A node of the Releases tree. */
export type ReleaseNode =
  | { readonly type: 'release'; readonly label: string; readonly description: string; readonly range: RevisionRange; readonly tooltip: string; readonly unreleased: boolean }
  | { readonly type: 'group'; readonly group: CommitGroup }
  | { readonly type: 'commit'; readonly commit: ParsedCommit }
  | { readonly type: 'message'; readonly label: string };

/**
 * The Releases view: Unreleased, then each tag newest first. First paint
 * reads only the tag list and one commit count; a release's commits are read
 * when it is expanded.
 */
export class ReleasesTreeProvider implements vscode.TreeDataProvider<ReleaseNode> {
  private readonly changed = new vscode.EventEmitter<ReleaseNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private located: Promise<WorkspaceRepository> | undefined;

  /** Forgets what was read and redraws the view. */
  refresh(): void {
    this.located = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getTreeItem(node: ReleaseNode): vscode.TreeItem {
    switch (node.type) {
      case 'release': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.unreleased ? 'git-commit' : 'tag');
        item.contextValue = node.unreleased ? 'unreleased' : 'release';
        item.id = `release:${node.label}`;
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.title, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.group.commits.length}`;
        item.iconPath = new vscode.ThemeIcon(node.group.type === 'breaking' ? 'warning' : 'list-unordered');
        return item;
      }
      case 'commit': {
        const item = new vscode.TreeItem(node.commit.scope ? `${node.commit.scope}: ${node.commit.subject}` : node.commit.subject, vscode.TreeItemCollapsibleState.None);
        item.description = `${node.commit.hash.slice(0, 7)} · ${node.commit.authorName}`;
        item.tooltip = new vscode.MarkdownString().appendText(node.commit.message).appendMarkdown(`\n\n`).appendCodeblock(node.commit.hash, 'text');
        item.iconPath = new vscode.ThemeIcon('git-commit');
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    }
  }

  async getChildren(node?: ReleaseNode): Promise<ReleaseNode[]> {
    const located = await this.locate();
    if (located.state !== 'ready' || !located.repository) return [];
    if (!node) return readReleases(located.repository);
    if (node.type === 'release') return readGroups(located.repository, node.range);
    if (node.type === 'group') return node.group.commits.map((commit) => ({ type: 'commit', commit }));
    return [];
  }

  private locate(): Promise<WorkspaceRepository> {
    this.located ??= locateRepository().then(async (located) => {
      await vscode.commands.executeCommand('setContext', 'changeLog.state', located.state);
      return located;
    });
    return this.located;
  }
}

async function readReleases(repository: GitRepository): Promise<ReleaseNode[]> {
  const overview = await readReleaseOverview(repository);
  const nodes: ReleaseNode[] = [];
  if (overview.unreleased) {
    const count = overview.unreleased.commitCount;
    nodes.push({
      type: 'release',
      label: 'Unreleased',
      description: `${count} ${count === 1 ? 'commit' : 'commits'}`,
      range: overview.unreleased.range,
      tooltip: `Commits since ${overview.unreleased.range.from ?? 'the first commit'}`,
      unreleased: true,
    });
  }
  for (const tag of overview.tags) {
    nodes.push({
      type: 'release',
      label: tag.name,
      description: tag.date.slice(0, 10),
      range: rangeOfTag(overview.tags, tag.name),
      tooltip: `${tag.name} (${tag.annotated ? 'annotated' : 'lightweight'} tag) at ${tag.hash.slice(0, 12)}, ${tag.date}`,
      unreleased: false,
    });
  }
  if (overview.tags.length === 0 && overview.unreleased) nodes.push({ type: 'message', label: 'No tags yet: create one with "git tag v0.1.0" to mark a release.' });
  return nodes;
}

async function readGroups(repository: GitRepository, range: RevisionRange): Promise<ReleaseNode[]> {
  const commits = (await repository.readCommits(range)).map(parseCommit);
  const groups = groupCommitsByType(commits);
  if (groups.length === 0) return [{ type: 'message', label: 'No commits in this range.' }];
  return groups.map((group) => ({ type: 'group', group }));
}
