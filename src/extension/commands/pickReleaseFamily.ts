import * as vscode from 'vscode';
import type { TagFamily } from '../../core/git/tagFamilies';
import { familyNameProblem } from '../../core/git/tagPattern';
import { readTagFamilies } from '../../core/usecases/tagFamilies';
import type { RepositoryRegistry } from '../repositoryRegistry';
import { RELEASES_VIEW_ID, type ReleasesTreeProvider } from '../views/releasesView';
import type { RepositoryReleases } from '../views/repositoryReleases';
import { CancelledByUser } from '../workspaceRepository';
import type { Command } from './command';

export const PICK_RELEASE_FAMILY_COMMAND = 'changeLog.pickReleaseFamily';

/** A quick-pick row: a family with its tag count and newest release, or following the tag pattern again. */
export interface FamilyPickItem extends vscode.QuickPickItem {
  /** The family to follow; undefined follows the tag pattern (the setting is cleared). */
  readonly family: string | undefined;
}

/**
 * Picks the tag family a repository's release line follows and writes it to
 * `changeLog.releases.family` (the workspace setting, or the folder's when the
 * folder sets its own); the Releases view is then read again for that family.
 */
export class PickReleaseFamilyCommand implements Command {
  readonly id = PICK_RELEASE_FAMILY_COMMAND;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly releases: ReleasesTreeProvider,
  ) {}

  /** `root` (a repository the view shows) and `family` may be given (the view's notice, a script or a test); else the person picks. */
  async execute(rootArgument?: unknown, familyArgument?: unknown): Promise<string | undefined> {
    const repo = await this.repositoryOf(rootArgument);
    const config = await this.registry.configurationFor(repo.root);
    const families = await readTagFamilies(repo.repository);
    if (families.length === 0) throw new Error(vscode.l10n.t('No tag of {0} ends in a version (such as pkg@1.2.0), so there is no tag family to pick.', vscode.workspace.asRelativePath(repo.root, true)));
    const family = typeof familyArgument === 'string' ? checkedFamily(familyArgument, families) : await pickFamily(familyPickItems(families, config.releaseLine.family));
    await writeFamilySetting(repo.root, family);
    // The configuration is resolved again and the view re-read for the family (the settings change does the same in the extension).
    this.registry.forgetConfigurations();
    this.releases.refresh();
    await vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
    return family;
  }

  private async repositoryOf(rootArgument: unknown): Promise<RepositoryReleases> {
    const repositories = await this.releases.repositories();
    if (repositories.length === 0) throw new Error(vscode.l10n.t('Open a git repository (in a trusted folder) to pick a release family.'));
    const given = typeof rootArgument === 'string' ? repositories.find((r) => r.root === rootArgument) : undefined;
    if (given) return given;
    if (repositories.length === 1) return repositories[0];
    const picked = await vscode.window.showQuickPick(
      repositories.map((r) => ({ label: vscode.workspace.asRelativePath(r.root, true), repo: r })),
      { title: vscode.l10n.t('Pick Release Family: which repository?') },
    );
    if (!picked) throw new CancelledByUser();
    return picked.repo;
  }
}

/**
 * The rows of the family quick pick: each family (largest first) with its
 * number of tags and newest release, the one followed now marked; and, when
 * a family is followed, a row to follow the tag pattern again.
 */
export function familyPickItems(families: readonly TagFamily[], current: string | undefined): FamilyPickItem[] {
  const items: FamilyPickItem[] = families.map((f) => ({
    family: f.name,
    label: f.name,
    description: f.count === 1 ? vscode.l10n.t('1 tag · newest {0}', f.latest) : vscode.l10n.t('{0} tags · newest {1}', f.count, f.latest),
    ...(f.name === current ? { detail: vscode.l10n.t('$(check) followed now'), picked: true } : {}),
  }));
  if (current !== undefined) items.push({ family: undefined, label: vscode.l10n.t('$(close) No family: follow the tag pattern'), description: vscode.l10n.t('clears changeLog.releases.family') });
  return items;
}

function pickFamily(items: readonly FamilyPickItem[]): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const pick = vscode.window.createQuickPick<FamilyPickItem>();
    pick.title = vscode.l10n.t('Pick Release Family');
    pick.placeholder = vscode.l10n.t('The tag family whose tags are the releases (type to filter)');
    pick.matchOnDescription = true;
    pick.items = items;
    const current = items.find((i) => i.picked);
    if (current) pick.activeItems = [current];
    let done = false;
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      if (!chosen) return;
      done = true;
      resolve(chosen.family);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) reject(new CancelledByUser());
    });
    pick.show();
  });
}

/** A family given by a script or the notice: it must be one of the repository's, or nothing is written. */
function checkedFamily(name: string, families: readonly TagFamily[]): string {
  const problem = familyNameProblem(name);
  if (problem) throw new Error(problem);
  if (!families.some((f) => f.name === name)) {
    throw new Error(vscode.l10n.t('"{0}" is not a tag family of this repository; its families are {1}.', name.slice(0, 80), families.slice(0, 5).map((f) => f.name).join(', ')));
  }
  return name;
}

/** Writes the family where it takes effect: the folder's own setting when it has one, else the workspace's. */
async function writeFamilySetting(root: string, family: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('changeLog', vscode.Uri.file(root));
  const target = config.inspect('releases.family')?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await config.update('releases.family', family, target);
}
