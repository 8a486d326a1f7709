import { requireInsideRepository } from '../core/files/safePaths';
import * as vscode from 'vscode';
import type { GitRepository } from '../core/git/gitRepository';
import { documentAuthor, draftRecordDocument, NotARecordDocumentError, type TemplateContext } from '../core/usecases/recordDocuments';
import { localIsoDate } from '../core/vocabulary/clock';
import type { RepositoryRegistry } from './repositoryRegistry';
import { createOrOpenDocument } from './recordFiles';

export { listRecordVersions, type TemplateContext } from '../core/usecases/recordDocuments';

/**
 * Creates a record document from its template (never overwriting), or opens
 * it when it exists. `fileName` is one of the record's file names. The draft
 * is the core's, as `reflect new` makes it; the file is created through a
 * WorkspaceEdit so an open editor is never written behind.
 */
export async function createRecordDocument(registry: RepositoryRegistry, repository: GitRepository, version: string, fileName: string, context: TemplateContext = {}): Promise<{ uri: vscode.Uri; created: boolean }> {
  const recordsFolder = (await registry.configurationFor(repository.root, { forCommand: true })).recordsFolder;
  let draft;
  try {
    draft = await draftRecordDocument(repository.root, recordsFolder, version, fileName, { date: localIsoDate(), author: await documentAuthor(repository), ...context });
  } catch (error) {
    if (error instanceof NotARecordDocumentError) throw new Error(vscode.l10n.t('{0} is not a change-record document.', fileName));
    throw error;
  }
  const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), draft.relativePath);
  // A records folder that is a link out of the repository is refused, not written through.
  await requireInsideRepository(repository.root, uri.fsPath, draft.relativePath);
  const { created } = await createOrOpenDocument(uri, draft.content);
  if (!created) void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: opened it as it is.', draft.relativePath));
  return { uri, created };
}
