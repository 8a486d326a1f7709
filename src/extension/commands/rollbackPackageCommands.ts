import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FileExistsError } from '../../core/files/atomicWrite';
import { verifyRollbackPackage, type RollbackPackage } from '../../core/rollback/rollbackPackage';
import { createPackage, packageFolderOf } from '../../core/usecases/rollbackPackages';
import { releaseTargetOf, versionOf } from '../releaseTarget';
import { NOTIFICATION, withProgress } from '../progress';
import { CancelledByUser, requireRepository } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/**
 * Archives the version a release would roll back to (the previous tag, from
 * git, never the working tree) with its checksum and manifest, into a folder
 * that git ignores.
 */
export class CreateRollbackPackageCommand implements Command {
  readonly id = 'changeLog.createRollbackPackage';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(node?: unknown): Promise<string | undefined> {
    const target = await releaseTargetOf(this.registry, node, 'ask');
    const previous = target.range.from;
    if (!previous) throw new Error(vscode.l10n.t('{0} is the first release: there is no earlier version to roll back to.', await versionOf(this.registry, target)));
    const config = await this.registry.configurationFor(target.repository.root, { forCommand: true });
    const folder = config.packageFolder;
    let created;
    let packaging: Promise<RollbackPackage> | undefined;
    try {
      // The core makes the package folder git-ignored first, as for `reflect package`.
      // Cancel stops it at its next step (git archive and gzip are stopped) and it removes its partial files.
      created = await withProgress(NOTIFICATION, vscode.l10n.t('Packaging {0}', previous), (signal) => (packaging = createPackage(target.repository, config, { ref: previous, signal })));
    } catch (error) {
      if (error instanceof CancelledByUser && packaging) {
        // Said only once the work has stopped and its partial files are gone; a package finished before the cancel reached it stays, and is said.
        created = await packaging.catch(() => undefined);
        if (!created) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Packaging {0} was cancelled: no package was written.', previous));
          return undefined;
        }
      } else if (error instanceof FileExistsError) {
        const verify = vscode.l10n.t('Verify It');
        const existing = error.path;
        void vscode.window.showInformationMessage(vscode.l10n.t('A rollback package of {0} already exists in {1}; it was not replaced.', previous, folder), verify).then((answer) => {
          if (answer === verify) void vscode.commands.executeCommand('changeLog.verifyRollbackPackage', existing);
        });
        return undefined;
      } else {
        throw error;
      }
    }
    const { manifest } = created;
    const copy = vscode.l10n.t('Copy Checksum');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Rollback package of {0} ({1}): {2}, {3} files, SHA-256 {4}…', previous, manifest.commit.slice(0, 12), vscode.workspace.asRelativePath(created.archivePath), manifest.files, manifest.sha256.slice(0, 16)), copy)
      .then((answer) => {
        if (answer === copy) void vscode.env.clipboard.writeText(manifest.sha256);
      });
    return created.archivePath;
  }
}

/** Re-checks a rollback package's checksum, manifest and archive. */
export class VerifyRollbackPackageCommand implements Command {
  readonly id = 'changeLog.verifyRollbackPackage';

  constructor(private readonly registry: RepositoryRegistry) {}

  async execute(file?: unknown): Promise<boolean> {
    const archive = typeof file === 'string' ? file : file instanceof vscode.Uri ? file.fsPath : await pickArchive(this.registry);
    const result = await withProgress(NOTIFICATION, vscode.l10n.t('Verifying {0}', archive), () => verifyRollbackPackage(archive));
    const name = vscode.workspace.asRelativePath(archive);
    if (result.ok) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is intact: SHA-256 {1} matches its checksum and manifest.', name, result.sha256 ?? ''));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed verification: {1}', name, result.problems.join(' ')));
    return result.ok;
  }
}

async function pickArchive(registry: RepositoryRegistry): Promise<string> {
  const { repository } = await requireRepository(registry.locate);
  const dir = packageFolderOf(repository.root, await registry.configurationFor(repository.root));
  const archives = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tar.gz'));
  const browse = { label: vscode.l10n.t('$(folder-opened) Choose a file…'), path: '' };
  const picked = await vscode.window.showQuickPick([...archives.map((n) => ({ label: n, description: vscode.workspace.asRelativePath(join(dir, n)), path: join(dir, n) })), browse], {
    title: vscode.l10n.t('Verify Rollback Package'),
    placeHolder: archives.length > 0 ? 'Pick a package' : 'No packages in the package folder yet',
  });
  if (!picked) throw new CancelledByUser();
  if (picked.path) return picked.path;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Rollback package': ['gz'] }, defaultUri: vscode.Uri.file(dir) });
  if (!chosen?.[0]) throw new CancelledByUser();
  return chosen[0].fsPath;
}
