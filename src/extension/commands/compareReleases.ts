import * as vscode from 'vscode';
import { assertSafeRef } from '../../core/git/gitRepository';
import { RELEASES_VIEW_ID, type ReleasesTreeProvider } from '../views/releasesView';
import { CancelledByUser } from '../workspaceRepository';
import type { Command } from './command';

/** Picks two refs and shows their commits and changed files at the top of the Releases view. */
export class CompareReleasesCommand implements Command {
  readonly id = 'changeLog.compareReleases';

  constructor(private readonly releases: ReleasesTreeProvider) {}

  /** `from` and `to` may be given (from a script or a test); otherwise the person picks them. */
  async execute(fromArgument?: unknown, toArgument?: unknown): Promise<void> {
    const repositories = await this.releases.repositories();
    if (repositories.length === 0) throw new Error(vscode.l10n.t('Open a git repository (in a trusted folder) to compare releases.'));
    let repo = repositories[0];
    if (repositories.length > 1) {
      const picked = await vscode.window.showQuickPick(repositories.map((r) => ({ label: vscode.workspace.asRelativePath(r.root, true), repo: r })), { title: vscode.l10n.t('Compare Releases: which repository?') });
      if (!picked) throw new CancelledByUser();
      repo = picked.repo;
    }
    await repo.rootNodes();
    const refs = repo.refNames();
    const from = typeof fromArgument === 'string' ? assertSafeRef(fromArgument) : await pickRef(refs.slice(1).concat('HEAD'), 'Compare Releases (1/2): the older side', refs[1]);
    const to = typeof toArgument === 'string' ? assertSafeRef(toArgument) : await pickRef(refs.filter((r) => r !== from), `Compare Releases (2/2): compare ${from} with`, 'HEAD');
    repo.addComparison(from, to);
    this.releases.redraw();
    await vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
  }
}

async function pickRef(refs: readonly string[], title: string, preferred: string | undefined): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const pick = vscode.window.createQuickPick();
    pick.title = title;
    pick.placeholder = 'Pick a release or type any branch, tag or commit';
    const base = refs.map((label) => ({ label }));
    pick.items = base;
    const active = base.find((i) => i.label === preferred);
    if (active) pick.activeItems = [active];
    pick.onDidChangeValue((value) => {
      pick.items = value && !refs.includes(value) ? [{ label: value, description: refusal(value) ?? 'use this ref' }, ...base] : base;
    });
    let done = false;
    pick.onDidAccept(() => {
      const value = pick.selectedItems[0]?.label ?? pick.value;
      if (!value || refusal(value)) return;
      done = true;
      resolve(value);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) reject(new CancelledByUser());
    });
    pick.show();
  });
}

/** Why a typed ref cannot be used, or undefined when it can. */
function refusal(value: string): string | undefined {
  try {
    assertSafeRef(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
