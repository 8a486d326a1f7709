import * as vscode from 'vscode';
import { GitRepository } from '../core/git/gitRepository';

/** The read-only scheme that serves files as they were at a revision. */
export const GIT_CONTENT_SCHEME = 'changelog-git';

/**
 * A URI for a file at a revision. An undefined revision stands for "no file"
 * (the empty side of an added or deleted file's diff).
 */
export function gitContentUri(repositoryRoot: string, ref: string | undefined, path: string): vscode.Uri {
  const query = new URLSearchParams({ root: repositoryRoot, ...(ref === undefined ? {} : { ref }) }).toString();
  return vscode.Uri.from({ scheme: GIT_CONTENT_SCHEME, path: `/${path.replace(/^\/+/, '')}`, query });
}

/**
 * Serves file contents at a revision from `git cat-file`; the working tree
 * is never read or written. Documents of this scheme are read-only.
 */
export class GitContentProvider implements vscode.TextDocumentContentProvider {
  private readonly repositories = new Map<string, Promise<GitRepository>>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const root = query.get('root');
    const ref = query.get('ref');
    if (!root || ref === null) return '';
    if (!vscode.workspace.isTrusted) return '';
    let repository = this.repositories.get(root);
    if (!repository) {
      repository = GitRepository.open(root);
      this.repositories.set(root, repository);
    }
    const bytes = await (await repository).readBlob(ref, uri.path.replace(/^\/+/, ''));
    if (bytes === undefined) return '';
    if (bytes.subarray(0, 8000).includes(0)) return `Binary file (${bytes.length} bytes) not shown.`;
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }
}
