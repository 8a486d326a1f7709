import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { GitProblem, type GitProblemKind } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { nestedRepositoryFolders } from '../core/git/nestedRepositories';

/** What the views can show for a folder; drives `changeLog.state` and the welcome views. */
export type WorkspaceState = 'noFolder' | 'untrusted' | 'ready' | GitProblemKind;

/** A repository found in the workspace, or a folder that could not be read as one. */
export interface LocatedRepository {
  readonly state: WorkspaceState;
  readonly folder: vscode.WorkspaceFolder;
  /** The repository root, or the folder itself when it is not a repository. */
  readonly path: string;
  readonly repository?: GitRepository;
  /** A sentence for the person when the state is not `ready`. */
  readonly explanation?: string;
}

/** How deep to look for nested repositories below each workspace folder. */
const NESTED_SCAN_DEPTH = 2;

/**
 * Finds the git repositories of the workspace: the one containing each
 * folder, and repositories nested below it. In Restricted Mode no git is run.
 */
export async function locateRepositories(): Promise<{ state: WorkspaceState; repositories: LocatedRepository[] }> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) return { state: 'noFolder', repositories: [] };
  if (!vscode.workspace.isTrusted) return { state: 'untrusted', repositories: [] };
  const located: LocatedRepository[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    // The folder's own repository is opened while the folders below it are scanned for others.
    const own = openRepository(folder, folder.uri.fsPath);
    const nested = await nestedRepositoryFolders(folder.uri.fsPath, NESTED_SCAN_DEPTH);
    for (const [index, path] of [folder.uri.fsPath, ...nested].entries()) {
      const result = await (index === 0 ? own : openRepository(folder, path));
      if (seen.has(result.path)) continue;
      seen.add(result.path);
      // A folder that is not a repository matters only when it is the workspace folder itself.
      if (result.state === 'not-a-repository' && path !== folder.uri.fsPath) continue;
      located.push(result);
    }
  }
  const state = located.some((r) => r.state === 'ready') ? 'ready' : (located[0]?.state ?? 'not-a-repository');
  return { state, repositories: located };
}

async function openRepository(folder: vscode.WorkspaceFolder, path: string): Promise<LocatedRepository> {
  try {
    const repository = await GitRepository.open(path);
    return { state: 'ready', folder, path: repository.root, repository };
  } catch (error) {
    if (error instanceof GitProblem) return { state: error.kind, folder, path, explanation: error.message };
    return { state: 'git-failed', folder, path, explanation: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether a workspace folder may hold a git repository, from the file system
 * alone (a `.git` in it or above it, or in a folder below it that would be
 * scanned): what the palette's `changeLog.noRepository` key says, without
 * running git at activation.
 */
export async function folderMayHoldRepository(folder: string): Promise<boolean> {
  for (let current = folder, level = 0; level < 64; level++) {
    if (await pathExists(join(current, '.git'))) return true;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return (await nestedRepositoryFolders(folder, NESTED_SCAN_DEPTH)).length > 0;
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The repository a command works on: the only one, or the one the person picks. */
export async function requireRepository(locate: typeof locateRepositories = locateRepositories): Promise<{ folder: vscode.WorkspaceFolder; repository: GitRepository }> {
  const { state, repositories } = await locate();
  const ready = repositories.filter((r): r is LocatedRepository & { repository: GitRepository } => r.state === 'ready' && r.repository !== undefined);
  if (ready.length === 1) return ready[0];
  if (ready.length > 1) {
    const activePath = vscode.window.activeTextEditor?.document.uri.fsPath;
    const containing = activePath ? ready.filter((r) => activePath.startsWith(`${r.path}/`)).sort((a, b) => b.path.length - a.path.length)[0] : undefined;
    if (containing) return containing;
    const picked = await vscode.window.showQuickPick(
      ready.map((r) => ({ label: vscode.workspace.asRelativePath(r.path, true) || r.path, description: r.path, located: r })),
      { title: vscode.l10n.t('Which repository?'), placeHolder: vscode.l10n.t('Pick the repository to work on') },
    );
    if (!picked) throw new CancelledByUser();
    return picked.located;
  }
  switch (state) {
    case 'noFolder':
      throw new Error(vscode.l10n.t('Open a folder that is a git repository first.'));
    case 'untrusted':
      throw new Error(vscode.l10n.t('This folder is in Restricted Mode: trust it to let Reflective Change Log read git history and write files.'));
    default:
      throw new Error(repositories[0]?.explanation ?? 'The git repository could not be read.');
  }
}

/** The person dismissed a picker: not an error worth a message. */
export class CancelledByUser extends Error {
  constructor() {
    super('Cancelled.');
  }
}
