import { requireInsideRepository } from '../../core/files/safePaths';
import * as vscode from 'vscode';
import { buildReleaseRollbackChecklist } from '../../core/usecases/rollbackChecklist';
import { NOTIFICATION, withProgress } from '../progress';
import { writeGeneratedDocument } from '../generatedDocument';
import { releaseTargetOf } from '../releaseTarget';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/**
 * Writes the rollback checklist of a release into its change record: steps
 * derived from what the release changed, and the package that restores the
 * previous version when one was made.
 */
export class CreateRollbackChecklistCommand implements Command {
  readonly id = 'changeLog.createRollbackChecklist';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(node?: unknown): Promise<vscode.Uri | undefined> {
    const target = await releaseTargetOf(this.registry, node, 'ask');
    const { repository, range } = target;
    const config = await this.registry.configurationFor(repository.root, { forCommand: true });
    const since = performance.now();
    const built = await withProgress(
      NOTIFICATION,
      vscode.l10n.t('Deriving the rollback checklist of {0}', target.version ?? range.to),
      () => buildReleaseRollbackChecklist(repository, config, { range, today: this.registry.today(), package: { lookup: 'package-folder' }, ...(target.version !== undefined ? { change: target.version } : {}) }),
      { since },
    );
    const found = built.packageFound;
    if (found.state === 'unusable') {
      void vscode.window.showWarningMessage(vscode.l10n.t('The rollback package {0} did not verify ({1}); the checklist does not name it.', found.archivePath, found.problems.join(' ')));
    }
    const relativePath = built.recordPath;
    const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), relativePath);
    await requireInsideRepository(repository.root, uri.fsPath, relativePath);
    // Writing is not cancellable (a Cancel then would hide the notification while the checklist is written anyway).
    const { outcome } = await withProgress(NOTIFICATION, vscode.l10n.t('Writing {0}', relativePath), () => writeGeneratedDocument(uri, built.markdown, 'rollback steps'), { cancellable: false, since });
    if (outcome === 'regenerated') void vscode.window.showInformationMessage(vscode.l10n.t('Regenerated the steps of {0}; everything else was kept.', relativePath));
    if (outcome === 'no-generated-parts') void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists and has no generated parts: it was opened unchanged.', relativePath));
    if (found.state !== 'verified' && range.from) {
      const create = vscode.l10n.t('Create Rollback Package');
      void vscode.window.showInformationMessage(vscode.l10n.t('No rollback package of {0} yet; the checklist will name it once you create one and regenerate.', range.from), create).then((answer) => {
        if (answer === create) void vscode.commands.executeCommand('changeLog.createRollbackPackage', node);
      });
    }
    return uri;
  }
}
