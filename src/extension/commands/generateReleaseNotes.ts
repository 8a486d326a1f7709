import * as vscode from 'vscode';
import { readReleaseOverview } from '../../core/git/releases';
import { recordDocumentPath, RELEASE_NOTES_FILE } from '../../core/records/recordLayout';
import { buildReleaseNotes } from '../../core/render/buildReleaseNotes';
import { renderReleaseNotesMarkdown } from '../../core/render/releaseNotes';
import { readSettings } from '../configuration';
import { createOrOpenDocument } from '../recordFiles';
import { requireRepository } from '../workspaceRepository';
import { localToday, type Command } from './command';

/** Writes release notes for latest tag..HEAD into the change record and opens them. */
export class GenerateReleaseNotesCommand implements Command {
  readonly id = 'changeLog.generateReleaseNotes';

  async execute(): Promise<vscode.Uri | undefined> {
    const { folder, repository } = await requireRepository();
    const overview = await readReleaseOverview(repository);
    if (!overview.unreleased) throw new Error('The repository has no commits yet, so there are no release notes to write.');
    const model = await vscode.window.withProgress(
      { location: { viewId: 'changeLog.releases' }, title: 'Reading commits' },
      () => buildReleaseNotes(repository, { range: overview.unreleased?.range ?? { to: 'HEAD' }, date: localToday() }),
    );
    const relativePath = recordDocumentPath(readSettings(folder).recordsFolder, model.version, RELEASE_NOTES_FILE);
    const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), relativePath);
    const { created } = await createOrOpenDocument(uri, renderReleaseNotesMarkdown(model));
    if (!created) {
      void vscode.window.showInformationMessage(`${relativePath} already exists: it was opened unchanged, not overwritten.`);
    }
    return uri;
  }
}
