import * as vscode from 'vscode';
import type { GitRepository } from '../core/git/gitRepository';

const DEBOUNCE_MS = 400;

/**
 * Calls `onChange` (debounced) when HEAD, refs or packed-refs of any of the
 * repositories change: a commit, a checkout, a new tag, a fetch.
 */
export class RepositoryWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watched = '';

  constructor(private readonly onChange: () => void) {}

  /** Watches exactly these repositories (a no-op when the set is unchanged). */
  async watch(repositories: readonly GitRepository[]): Promise<void> {
    const gitDirs = await Promise.all(repositories.map((r) => r.gitPath('.').then((p) => p.replace(/\/\.$/, ''), () => undefined)));
    const dirs = [...new Set(gitDirs.filter((d): d is string => d !== undefined))].sort();
    const key = dirs.join('\n');
    if (key === this.watched) return;
    this.disposeWatchers();
    this.watched = key;
    for (const dir of dirs) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '{HEAD,packed-refs,refs/**}'));
      const fire = () => this.schedule();
      this.watchers.push(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire));
    }
  }

  dispose(): void {
    this.disposeWatchers();
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, DEBOUNCE_MS);
  }

  private disposeWatchers(): void {
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
  }
}
