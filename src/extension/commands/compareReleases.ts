import * as vscode from 'vscode';
import { assertSafeRef } from '../../core/git/gitCall';
import { RELEASES_VIEW_ID, type ReleasesTreeProvider } from '../views/releasesView';
import type { ReleaseEntry } from '../views/repositoryReleases';
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
    const tags = repo.refNames();
    const branches = await repo.repository.listBranches().catch(() => []);
    const exists = (ref: string) => repo.repository.resolveCommit(ref).then(() => true, () => false);
    const from = typeof fromArgument === 'string' ? await checkedRef(fromArgument, exists) : await pickRef([...tags.slice(1), 'HEAD'], branches, vscode.l10n.t('Compare Releases (1/2): the older side'), tags[1], exists);
    const to = typeof toArgument === 'string' ? await checkedRef(toArgument, exists) : await pickRef(tags.filter((r) => r !== from), branches, vscode.l10n.t('Compare Releases (2/2): compare {0} with', from), 'HEAD', exists);
    this.releases.addComparison(repo, from, to);
    await vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
  }
}

/** A ref given by a script or another command: it must name a commit, or nothing is added. */
async function checkedRef(ref: string, exists: (ref: string) => Promise<boolean>): Promise<string> {
  const safe = assertSafeRef(ref);
  if (!(await exists(safe))) throw new Error(vscode.l10n.t('"{0}" is not a branch, tag or commit of this repository.', safe.slice(0, 80)));
  return safe;
}

/**
 * Picks a ref: releases first, then branches; anything typed is checked with
 * git before it is accepted, so a comparison is never added for a ref that
 * does not exist (the picker says so and stays open).
 */
async function pickRef(refs: readonly string[], branches: readonly string[], title: string, preferred: string | undefined, exists: (ref: string) => Promise<boolean>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const pick = vscode.window.createQuickPick();
    pick.title = title;
    pick.placeholder = vscode.l10n.t('Pick a release or branch, or type any branch, tag or commit');
    const releaseItems = refs.map((label) => ({ label, iconPath: new vscode.ThemeIcon(label === 'HEAD' ? 'git-commit' : 'tag') }));
    const branchItems = branches.filter((b) => !refs.includes(b)).map((label) => ({ label, iconPath: new vscode.ThemeIcon('git-branch') }));
    const base = [...releaseItems, ...(branchItems.length > 0 ? [{ label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator }, ...branchItems] : [])];
    const known = new Set([...refs, ...branches]);
    pick.items = base;
    const active = base.find((i) => i.label === preferred);
    if (active) pick.activeItems = [active];
    let typedNote: string | undefined;
    const showTyped = (value: string) => {
      pick.items = value && !known.has(value) ? [{ label: value, description: typedNote ?? refusal(value) ?? vscode.l10n.t('use this ref') }, ...base] : base;
    };
    pick.onDidChangeValue((value) => {
      typedNote = undefined;
      showTyped(value);
    });
    let done = false;
    pick.onDidAccept(async () => {
      const value = pick.selectedItems[0]?.label ?? pick.value;
      if (!value || refusal(value)) return;
      if (!known.has(value)) {
        pick.busy = true;
        const found = await exists(value);
        pick.busy = false;
        if (!found) {
          typedNote = vscode.l10n.t('$(error) not a branch, tag or commit of this repository');
          showTyped(value);
          return;
        }
      }
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

/** Removes one comparison from the Releases view (its context menu); the others and the releases stay. */
export class RemoveComparisonCommand implements Command {
  readonly id = 'changeLog.removeComparison';

  constructor(private readonly releases: ReleasesTreeProvider) {}

  execute(node: unknown): void {
    const entry = node as Partial<ReleaseEntry> | undefined;
    if (entry?.type !== 'release' || entry.kind !== 'comparison') throw new Error(vscode.l10n.t('Choose a comparison in the Releases view first.'));
    this.releases.removeComparison(entry as ReleaseEntry);
  }
}
