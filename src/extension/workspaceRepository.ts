import * as vscode from 'vscode';
import { GitProblem, type GitProblemKind } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';

/** What the views can show for the workspace; drives `changeLog.state` and the welcome views. */
export type WorkspaceState = 'noFolder' | 'untrusted' | 'ready' | GitProblemKind;

export interface WorkspaceRepository {
  readonly state: WorkspaceState;
  readonly folder?: vscode.WorkspaceFolder;
  readonly repository?: GitRepository;
  /** A sentence for the person when the state is not `ready`. */
  readonly explanation?: string;
}

/**
 * Finds the git repository of the first workspace folder. In Restricted Mode
 * no git is run at all.
 */
export async function locateRepository(): Promise<WorkspaceRepository> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (!folder) return { state: 'noFolder' };
  if (!vscode.workspace.isTrusted) return { state: 'untrusted', folder, explanation: 'Restricted Mode: no git is run until you trust this folder.' };
  try {
    const repository = await GitRepository.open(folder.uri.fsPath);
    return { state: 'ready', folder, repository };
  } catch (error) {
    if (error instanceof GitProblem) return { state: error.kind, folder, explanation: error.message };
    return { state: 'git-failed', folder, explanation: error instanceof Error ? error.message : String(error) };
  }
}

/** The repository, or an error message suited to a command's notification. */
export async function requireRepository(): Promise<{ folder: vscode.WorkspaceFolder; repository: GitRepository }> {
  const located = await locateRepository();
  if (located.state === 'ready' && located.folder && located.repository) return { folder: located.folder, repository: located.repository };
  switch (located.state) {
    case 'noFolder':
      throw new Error('Open a folder that is a git repository first.');
    case 'untrusted':
      throw new Error('This folder is in Restricted Mode: trust it to let Reflective Change Log read git history and write files.');
    default:
      throw new Error(located.explanation ?? 'The git repository could not be read.');
  }
}
