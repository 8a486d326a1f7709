import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileChange } from '../../core/git/gitLogParsing';
import { relativeDate } from '../../core/render/relativeDate';
import { gitContentUri } from '../gitContentProvider';
import type { ReleaseEntry, ReleaseNode, ReleaseSummary } from './repositoryReleases';

const STATUS_ICONS: Record<FileChange['status'], string> = {
  added: 'diff-added',
  modified: 'diff-modified',
  deleted: 'diff-removed',
  renamed: 'diff-renamed',
  copied: 'diff-added',
  'type-changed': 'diff-modified',
  unmerged: 'warning',
  unknown: 'question',
};

/** Draws a node; `summaryOf` says what is known of a release already (drawing reads nothing). */
export function toTreeItem(node: ReleaseNode, summaryOf: (entry: ReleaseEntry) => ReleaseSummary): vscode.TreeItem {
  switch (node.type) {
    case 'repository': {
      const item = new vscode.TreeItem(path.basename(node.root), vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.workspace.asRelativePath(node.root, true);
      item.tooltip = node.root;
      item.iconPath = new vscode.ThemeIcon('repo');
      item.contextValue = 'repository';
      return item;
    }
    case 'notice': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.tooltip = node.tooltip ?? node.label;
      item.iconPath = new vscode.ThemeIcon(node.icon, new vscode.ThemeColor(node.icon === 'info' ? 'foreground' : node.icon === 'error' ? 'errorForeground' : 'editorWarning.foreground'));
      item.contextValue = 'notice';
      if (node.command) item.command = node.command;
      return item;
    }
    case 'release':
      return releaseItem(node, summaryOf(node));
    case 'more-releases':
    case 'more-commits': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
      item.description = `showing ${node.shown} of ${node.total}`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: 'changeLog.loadMore', title: vscode.l10n.t('Load more'), arguments: [node] };
      return item;
    }
    case 'group': {
      const loaded = node.group.commits.length;
      // The count covers the whole range; only the commits loaded so far are listed under it.
      const item = new vscode.TreeItem(node.group.title, loaded > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = loaded < node.total ? `${node.total} · ${loaded} loaded` : `${node.total}`;
      item.tooltip = loaded < node.total ? vscode.l10n.t('{0} commits in this range; {1} loaded so far (Load more… reads the next page).', node.total, loaded) : vscode.l10n.t('{0} commits in this range.', node.total);
      item.iconPath = new vscode.ThemeIcon(node.group.type === 'breaking' ? 'warning' : node.group.type === 'other' ? 'circle-outline' : 'list-unordered');
      return item;
    }
    case 'commit': {
      const { commit } = node;
      const item = new vscode.TreeItem(commit.scope ? `${commit.scope}: ${commit.subject}` : commit.subject, vscode.TreeItemCollapsibleState.None);
      item.description = `${commit.hash.slice(0, 7)} · ${commit.authorName} · ${relativeDate(commit.date)}`;
      item.tooltip = new vscode.MarkdownString().appendCodeblock(commit.message, 'text').appendMarkdown(`\n\n${commit.authorName}, ${commit.date}\n\n`).appendCodeblock(commit.hash, 'text');
      item.iconPath = new vscode.ThemeIcon('git-commit');
      item.contextValue = 'commit';
      return item;
    }
    case 'files': {
      const item = new vscode.TreeItem(vscode.l10n.t('Files changed'), vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('files');
      return item;
    }
    case 'file': {
      const { change, range } = node;
      const item = new vscode.TreeItem(path.posix.basename(change.path), vscode.TreeItemCollapsibleState.None);
      const folder = path.posix.dirname(change.path);
      item.description = `${folder === '.' ? '' : `${folder} · `}${change.status}${change.oldPath ? ` from ${change.oldPath}` : ''}`;
      item.tooltip = `${change.path} (${change.status})`;
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[change.status]);
      const root = node.entry.root;
      const left = gitContentUri(root, change.status === 'added' ? undefined : range.from, change.oldPath ?? change.path);
      const right = gitContentUri(root, change.status === 'deleted' ? undefined : range.to, change.path);
      item.command = { command: 'vscode.diff', title: vscode.l10n.t('Open Diff'), arguments: [left, right, `${change.path} (${range.from ?? 'empty'} ↔ ${range.to})`, { preview: true }] };
      item.contextValue = 'file';
      return item;
    }
  }
}

function releaseItem(entry: ReleaseEntry, summary: ReleaseSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.name, vscode.TreeItemCollapsibleState.Collapsed);
  const parts: string[] = [];
  if (summary.commitCount !== undefined) parts.push(`${summary.commitCount} ${summary.commitCount === 1 ? 'commit' : 'commits'}`);
  if (entry.date) parts.push(entry.date.slice(0, 10));
  if (summary.record) parts.push(summary.record);
  if (summary.partial) parts.push('partial history');
  item.description = parts.join(' · ');
  item.tooltip = entry.tooltip;
  item.iconPath = new vscode.ThemeIcon(entry.kind === 'unreleased' ? 'git-commit' : entry.kind === 'comparison' ? 'git-compare' : 'tag');
  item.contextValue = entry.kind === 'unreleased' ? 'unreleased' : entry.kind === 'comparison' ? 'comparison' : 'release';
  item.id = `${entry.root}\0${entry.kind}\0${entry.name}`;
  return item;
}
