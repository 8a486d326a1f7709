import * as vscode from 'vscode';
import { requireInsideRepository } from '../../core/files/safePaths';
import { RELEASE_NOTES_FILE } from '../../core/vocabulary/documentKinds';
import { recordDocumentPath } from '../../core/vocabulary/recordLayout';
import { buildReleaseNotes } from '../../core/render/buildReleaseNotes';
import { findMissingHazardReferences } from '../../core/render/hazardFindings';
import { loadNotesTemplate } from '../../core/render/notesTemplateFile';
import { renderReleaseNotesMarkdown } from '../../core/render/releaseNotes';
import { writeGeneratedDocument } from '../generatedDocument';
import { toVscodeDiagnostic } from '../problemDiagnostics';
import { releaseTargetOf } from '../releaseTarget';
import { configurationFor } from '../repositoryConfigLoader';
import { RELEASES_VIEW_ID } from '../views/releasesView';
import { withViewProgress } from '../views/viewProgress';
import { CancelledByUser } from '../workspaceRepository';
import { localIsoDate } from '../../core/vocabulary/clock';
import type { Command } from './command';

/**
 * Writes release notes for a release (latest tag..HEAD by default) into its
 * change record and opens them; regenerating replaces only generated parts.
 */
export class GenerateReleaseNotesCommand implements Command {
  readonly id = 'changeLog.generateReleaseNotes';

  /** Findings of the notes' own checks (hazard references), per notes file. */
  constructor(private readonly findings: vscode.DiagnosticCollection) {}

  async execute(node?: unknown): Promise<vscode.Uri | undefined> {
    const target = await releaseTargetOf(node, 'unreleased');
    const { repository, range } = target;
    const config = await configurationFor(repository.root, { forCommand: true });
    if (await repository.rangeCrossesShallowBoundary(range)) {
      const anyway = vscode.l10n.t('Generate Anyway');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0}..{1} reaches past the history of this shallow clone, so the notes would miss commits.', range.from ?? vscode.l10n.t('The first commit'), range.to),
        { modal: true, detail: vscode.l10n.t('Run "git fetch --unshallow" for the complete history.') },
        anyway,
      );
      if (answer !== anyway) throw new CancelledByUser();
    }
    const template = await loadNotesTemplate(repository.root, config.releaseNotes.template);
    const model = await withViewProgress(RELEASES_VIEW_ID, 'Reading commits', () =>
      // For Unreleased the notes propose the version themselves: the range is read once.
      buildReleaseNotes(repository, { range, ...(target.version !== undefined ? { version: target.version } : {}), date: localIsoDate(), options: config.releaseNotes }),
    );
    const markdown = renderReleaseNotesMarkdown(model, template);
    const relativePath = recordDocumentPath(config.recordsFolder, model.version, RELEASE_NOTES_FILE);
    const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), relativePath);
    await requireInsideRepository(repository.root, uri.fsPath, relativePath);
    const { outcome, editor } = await writeGeneratedDocument(uri, markdown, 'release notes');
    const problems = findMissingHazardReferences(model, editor.document.getText(), config.releaseNotes.hazardCheck);
    this.findings.set(uri, problems.map(toVscodeDiagnostic));
    if (outcome === 'regenerated') void vscode.window.showInformationMessage(vscode.l10n.t('Regenerated the generated parts of {0}; everything else was kept.', relativePath));
    if (outcome === 'unchanged') void vscode.window.showInformationMessage(vscode.l10n.t('{0} is up to date.', relativePath));
    if (outcome === 'no-generated-parts') void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists and has no generated parts to refresh: it was opened unchanged.', relativePath));
    return uri;
  }
}
