import * as vscode from 'vscode';
import { GitRepository } from '../core/git/gitRepository';
import { renderCommitOverview } from '../core/render/commitOverviewMarkdown';
import { readCommitOverview } from '../core/usecases/commitOverview';
import type { RepositoryRegistry } from './repositoryRegistry';

/** The read-only scheme of a commit's details page (Markdown, shown in the preview). */
export const COMMIT_DETAILS_SCHEME = 'changelog-commit';

/** The URI of a commit's details page; its name is the short hash, so the tab says which commit. */
export function commitDetailsUri(repositoryRoot: string, hash: string): vscode.Uri {
  const query = new URLSearchParams({ root: repositoryRoot, hash }).toString();
  return vscode.Uri.from({ scheme: COMMIT_DETAILS_SCHEME, path: `/${hash.slice(0, 7)}.md`, query });
}

/**
 * Serves a commit's details page from the core use case (message, trailers,
 * links, files against the first parent). Git is read only in a trusted
 * workspace, as everywhere else; the page is never written anywhere.
 */
export class CommitDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly repositories = new Map<string, Promise<GitRepository>>();

  constructor(private readonly registry: RepositoryRegistry) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const root = query.get('root');
    const hash = query.get('hash');
    if (!root || !hash) return '';
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('Commit details are shown in a trusted workspace only.');
    let repository = this.repositories.get(root);
    if (!repository) {
      repository = GitRepository.open(root);
      this.repositories.set(root, repository);
      repository.catch(() => this.repositories.delete(root));
    }
    const config = await this.registry.configurationFor(root);
    return renderCommitOverview(await readCommitOverview(await repository, config, hash));
  }
}
