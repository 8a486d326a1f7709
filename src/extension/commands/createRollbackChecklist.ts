import { requireInsideRepository } from '../../core/files/safePaths';
import * as vscode from 'vscode';
import { recordDocumentPath } from '../../core/vocabulary/recordLayout';
import { buildRollbackChecklist, renderRollbackChecklist, type PackageReference } from '../../core/rollback/rollbackChecklist';
import { packageOfTag } from '../../core/rollback/rollbackPackage';
import { packageFolderOf } from '../../core/usecases/rollbackPackages';
import { proposeVersionForRange } from '../../core/usecases/proposeVersion';
import { writeGeneratedDocument } from '../generatedDocument';
import { releaseTargetOf } from '../releaseTarget';
import { configurationFor } from '../repositoryConfigLoader';
import { localIsoDate } from '../../core/vocabulary/clock';
import type { Command } from './command';

export const ROLLBACK_FILE = 'rollback.md';

/**
 * Writes the rollback checklist of a release into its change record: steps
 * derived from what the release changed, and the package that restores the
 * previous version when one was made.
 */
export class CreateRollbackChecklistCommand implements Command {
  readonly id = 'changeLog.createRollbackChecklist';

  async execute(node?: unknown): Promise<vscode.Uri | undefined> {
    const target = await releaseTargetOf(node, 'ask');
    const { repository, range } = target;
    const config = await configurationFor(repository.root, { forCommand: true });
    const scope = vscode.Uri.file(repository.root);
    const packageReference = range.from ? await existingPackage(packageFolderOf(repository.root, config), range.from, repository.root) : undefined;
    // Only the version is needed for Unreleased: one read of the commits, not the notes.
    const version = target.version ?? (await proposeVersionForRange(repository, range, { paths: config.releaseNotes.paths, pattern: config.releaseFilter.pattern, preOneZero: config.releaseNotes.preOneZero }));
    const checklist = await buildRollbackChecklist(repository, { range, change: version, date: localIsoDate(), options: config.rollback, package: packageReference });
    const relativePath = recordDocumentPath(config.recordsFolder, version, ROLLBACK_FILE);
    const uri = vscode.Uri.joinPath(scope, relativePath);
    await requireInsideRepository(repository.root, uri.fsPath, relativePath);
    const { outcome } = await writeGeneratedDocument(uri, renderRollbackChecklist(checklist), 'rollback steps');
    if (outcome === 'regenerated') void vscode.window.showInformationMessage(vscode.l10n.t('Regenerated the steps of {0}; everything else was kept.', relativePath));
    if (outcome === 'no-generated-parts') void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists and has no generated parts: it was opened unchanged.', relativePath));
    if (!packageReference && range.from) {
      const create = vscode.l10n.t('Create Rollback Package');
      void vscode.window.showInformationMessage(vscode.l10n.t('No rollback package of {0} yet; the checklist will name it once you create one and regenerate.', range.from), create).then((answer) => {
        if (answer === create) void vscode.commands.executeCommand('changeLog.createRollbackPackage', node);
      });
    }
    return uri;
  }
}

/** The package of `tag` in the package folder, when it exists, verifies and its manifest names that tag. */
async function existingPackage(folder: string, tag: string, root: string): Promise<PackageReference | undefined> {
  const found = await packageOfTag(folder, tag, root);
  if (found.state === 'none') return undefined;
  if (found.state === 'unusable') {
    void vscode.window.showWarningMessage(vscode.l10n.t('The rollback package {0} did not verify ({1}); the checklist does not name it.', found.archivePath, found.problems.join(' ')));
    return undefined;
  }
  return { file: found.file, sha256: found.sha256 };
}
