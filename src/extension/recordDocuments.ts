import { readdir } from 'node:fs/promises';
import { requireInsideRepository } from '../core/files/safePaths';
import { join } from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { GitRepository } from '../core/git/gitRepository';
import { documentTypeOfFileName } from '../core/vocabulary/documentKinds';
import { renderDocumentTemplate, type DocumentTemplateInput, type TemplateTarget } from '../core/records/documentTemplates';
import { recordDocumentPath } from '../core/vocabulary/recordLayout';
import { localIsoDate } from '../core/vocabulary/clock';
import type { RepositoryRegistry } from './repositoryRegistry';
import { createOrOpenDocument } from './recordFiles';

/** The record versions that exist on disk, newest first by name. */
export async function listRecordVersions(repositoryRoot: string, recordsFolder: string): Promise<string[]> {
  const entries = await readdir(join(repositoryRoot, recordsFolder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
}

/** What a new document's template is filled in with, beyond version and date. */
export interface TemplateContext {
  readonly range?: DocumentTemplateInput['range'];
  readonly previousTag?: string;
  readonly bump?: DocumentTemplateInput['bump'];
}

/**
 * Creates a record document from its template (never overwriting), or opens
 * it when it exists. `fileName` is one of the record's file names.
 */
export async function createRecordDocument(registry: RepositoryRegistry, repository: GitRepository, version: string, fileName: string, context: TemplateContext = {}): Promise<{ uri: vscode.Uri; created: boolean }> {
  const type = documentTypeOfFileName(fileName);
  if (!type) throw new Error(vscode.l10n.t('{0} is not a change-record document.', fileName));
  const target: TemplateTarget = type.kind === 'reflection' && type.phase ? type.phase : (type.kind as Exclude<typeof type.kind, 'reflection'>);
  const root = vscode.Uri.file(repository.root);
  const relativePath = recordDocumentPath((await registry.configurationFor(repository.root, { forCommand: true })).recordsFolder, version, fileName);
  const uri = vscode.Uri.joinPath(root, relativePath);
  // A records folder that is a link out of the repository is refused, not written through.
  await requireInsideRepository(repository.root, uri.fsPath, relativePath);
  const author = (await repository.configValue('user.name')) ?? os.userInfo().username;
  const content = renderDocumentTemplate(target, { version, date: localIsoDate(), author, ...context });
  const { created } = await createOrOpenDocument(uri, content);
  if (!created) void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: opened it as it is.', relativePath));
  return { uri, created };
}
