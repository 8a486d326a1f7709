import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileChange } from '../../core/git/gitLogParsing';
import { relativeDate } from '../../core/render/relativeDate';
import { countText } from '../../core/vocabulary/countText';
import { gitContentUri } from '../gitContentProvider';
import { commitFileSides } from './commitFileSides';
import type { ReleaseSummary } from './releaseSummaries';
import type { ReleaseEntry, ReleaseNode } from './repositoryReleases';

/** Each kind of change its own icon, so Features and Bug fixes are told apart at a glance. */
const GROUP_ICONS: Readonly<Record<string, string>> = {
  breaking: 'warning',
  feat: 'sparkle',
  fix: 'bug',
  perf: 'dashboard',
  revert: 'discard',
  reverted: 'discard',
  refactor: 'tools',
  docs: 'book',
  test: 'beaker',
  build: 'package',
  ci: 'server-process',
  style: 'symbol-color',
  chore: 'gear',
  merge: 'git-merge',
  other: 'circle-outline',
};

const STATUS_LETTERS: Record<FileChange['status'], string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
  copied: 'C',
  'type-changed': 'T',
  unmerged: 'U',
  unknown: '?',
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
      item.description = vscode.l10n.t('showing {0} of {1}', formatCount(node.shown), formatCount(node.total));
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: 'changeLog.loadMore', title: vscode.l10n.t('Load more'), arguments: [node] };
      return item;
    }
    case 'group': {
      const loaded = node.group.commits.length;
      // The count covers the whole range; only the commits loaded so far are listed under it.
      const item = new vscode.TreeItem(node.group.title, loaded > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      if (node.total === undefined) {
        item.description = vscode.l10n.t('{0} loaded · counting…', loaded);
        item.tooltip = vscode.l10n.t('The first {0} commits of this group are shown; the whole range is being counted.', loaded);
      } else {
        item.description = loaded < node.total ? vscode.l10n.t('{0} · {1} loaded', node.total, loaded) : `${node.total}`;
        item.tooltip = loaded < node.total ? vscode.l10n.t('{0} commits in this range; {1} loaded so far (Load more… reads the next page).', node.total, loaded) : vscode.l10n.t('{0} commits in this range.', node.total);
      }
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group.type] ?? 'list-unordered');
      return item;
    }
    case 'commit': {
      const { commit } = node;
      // The subject leads: a long scope list (`feat(api,ui,db):`) goes to the description, not before the words.
      const item = new vscode.TreeItem(commit.subject || commit.hash.slice(0, 7), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [commit.scope, commit.hash.slice(0, 7), commit.authorName, relativeDate(commit.date)].filter((p) => p).join(' · ');
      const heading = commit.type ? `${commit.type}${commit.scope ? `(${commit.scope})` : ''}${commit.breaking ? '!' : ''}` : undefined;
      item.tooltip = new vscode.MarkdownString().appendCodeblock(commit.message, 'text').appendMarkdown(`\n\n`).appendText(`${heading ? `${heading} · ` : ''}${commit.authorName}, ${commit.date}`).appendMarkdown('\n\n').appendCodeblock(commit.hash, 'text');
      item.iconPath = new vscode.ThemeIcon('git-commit');
      item.contextValue = node.webUrl ? 'commit.remote' : 'commit';
      item.command = { command: 'changeLog.openCommit', title: vscode.l10n.t('Open Commit Details'), arguments: [node] };
      item.id = `${node.root}\0commit\0${commit.hash}`;
      return item;
    }
    case 'commit-file': {
      const { change } = node;
      const item = new vscode.TreeItem(vscode.Uri.file(path.join(node.root, change.path)), vscode.TreeItemCollapsibleState.None);
      item.label = path.posix.basename(change.path);
      const folder = path.posix.dirname(change.path);
      const counts = change.added === undefined ? vscode.l10n.t('binary') : `+${change.added} −${change.removed ?? 0}`;
      item.description = `${folder === '.' ? '' : `${folder} · `}${STATUS_LETTERS[change.status]} ${counts}`;
      item.tooltip = `${change.path}\n${fileState(change)} · ${counts}`;
      item.iconPath = vscode.ThemeIcon.File;
      const { left, right, title } = commitFileSides(node);
      item.command = { command: 'vscode.diff', title: vscode.l10n.t('Open Diff'), arguments: [left, right, title, { preview: true }] };
      item.contextValue = 'commit-file';
      return item;
    }
    case 'files': {
      const item = new vscode.TreeItem(vscode.l10n.t('Files changed'), node.count === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
      if (node.count !== undefined) {
        item.description = formatCount(node.count);
        item.tooltip = node.count === 1 ? vscode.l10n.t('1 file changed in this range') : vscode.l10n.t('{0} files changed in this range', formatCount(node.count));
      }
      item.iconPath = new vscode.ThemeIcon('files');
      return item;
    }
    case 'file': {
      const { change, range } = node;
      const root = node.entry.root;
      // The file's own URI gives it the theme's file icon; its change is said in letters and words.
      const item = new vscode.TreeItem(vscode.Uri.file(path.join(root, change.path)), vscode.TreeItemCollapsibleState.None);
      item.label = path.posix.basename(change.path);
      const folder = path.posix.dirname(change.path);
      item.description = `${folder === '.' ? '' : `${folder} · `}${STATUS_LETTERS[change.status]} ${fileState(change)}`;
      item.tooltip = `${change.path} (${fileState(change)})`;
      item.iconPath = vscode.ThemeIcon.File;
      const left = gitContentUri(root, change.status === 'added' ? undefined : range.from, change.oldPath ?? change.path);
      const right = gitContentUri(root, change.status === 'deleted' ? undefined : range.to, change.path);
      item.command = { command: 'vscode.diff', title: vscode.l10n.t('Open Diff'), arguments: [left, right, `${change.path} (${range.from ?? 'empty'} ↔ ${range.to})`, { preview: true }] };
      item.contextValue = 'file';
      return item;
    }
  }
}

/** A file's change as people read it ("renamed from a.ts"), in their language. */
function fileState(change: FileChange): string {
  const states: Record<FileChange['status'], string> = {
    added: vscode.l10n.t('added'),
    modified: vscode.l10n.t('modified'),
    deleted: vscode.l10n.t('deleted'),
    renamed: vscode.l10n.t('renamed'),
    copied: vscode.l10n.t('copied'),
    'type-changed': vscode.l10n.t('type changed'),
    unmerged: vscode.l10n.t('unmerged'),
    unknown: vscode.l10n.t('changed'),
  };
  return change.oldPath ? vscode.l10n.t('{0} from {1}', states[change.status], change.oldPath) : states[change.status];
}

function releaseItem(entry: ReleaseEntry, summary: ReleaseSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.name, vscode.TreeItemCollapsibleState.Collapsed);
  const parts: string[] = [];
  if (summary.commitCount !== undefined) parts.push(commitCountText(summary.commitCount, summary.mergeCount ?? 0));
  if (entry.date) parts.push(entry.date.slice(0, 10));
  if (summary.record) parts.push(summary.record);
  if (summary.partial) parts.push(vscode.l10n.t('partial history'));
  item.description = parts.join(' · ');
  item.tooltip = entry.tooltip;
  item.iconPath = new vscode.ThemeIcon(entry.kind === 'unreleased' ? 'git-commit' : entry.kind === 'comparison' ? 'git-compare' : 'tag');
  item.contextValue = entry.kind === 'unreleased' ? 'unreleased' : entry.kind === 'comparison' ? 'comparison' : 'release';
  item.id = `${entry.root}\0${entry.kind}\0${entry.name}`;
  return item;
}

/** The count a release's notes give: "1,631 commits, 7 merges not listed". */
export function commitCountText(commits: number, merges: number): string {
  const listed = commits === 1 ? vscode.l10n.t('1 commit') : vscode.l10n.t('{0} commits', formatCount(commits));
  if (merges === 0) return listed;
  const unlisted = merges === 1 ? vscode.l10n.t('1 merge not listed') : vscode.l10n.t('{0} merges not listed', formatCount(merges));
  return `${listed}, ${unlisted}`;
}

/** A count with the display language's digit grouping (1,631). */
function formatCount(count: number): string {
  return countText(count, vscode.env.language);
}
