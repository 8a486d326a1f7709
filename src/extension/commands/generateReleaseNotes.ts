import * as vscode from 'vscode';
import { requireInsideRepository } from '../../core/files/safePaths';
import { generateReleaseNotes, notesFindingsIn, notesHistoryIsPartial, withNotesRangeEnd } from '../../core/usecases/releaseNotes';
import { writeGeneratedDocument } from '../generatedDocument';
import { toVscodeDiagnostic } from '../problemDiagnostics';
import { releaseTargetOf } from '../releaseTarget';
import { NOTIFICATION, withProgress } from '../progress';
import { CancelledByUser } from '../workspaceRepository';
import type { RepositoryRegistry } from '../repositoryRegistry';
import type { Command } from './command';

/**
 * Writes release notes for a release (latest tag..HEAD by default) into its
 * change record and opens them; regenerating replaces only generated parts.
 */
export class GenerateReleaseNotesCommand implements Command {
  readonly id = 'changeLog.generateReleaseNotes';

  /** Findings of the notes' own checks (hazard references), per notes file. */
  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly findings: vscode.DiagnosticCollection,
  ) {}

  async execute(node?: unknown): Promise<vscode.Uri | undefined> {
    const target = await releaseTargetOf(this.registry, node, 'unreleased');
    const { repository, range } = target;
    const config = await this.registry.configurationFor(repository.root, { forCommand: true });
    if (await notesHistoryIsPartial(repository, range)) {
      const anyway = vscode.l10n.t('Generate Anyway');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0}..{1} reaches past the history of this shallow clone, so the notes would miss commits.', range.from ?? vscode.l10n.t('The first commit'), range.to),
        { modal: true, detail: vscode.l10n.t('Run "git fetch --unshallow" for the complete history.') },
        anyway,
      );
      if (answer !== anyway) throw new CancelledByUser();
    }
    const since = performance.now();
    const notes = await withProgress(
      NOTIFICATION,
      vscode.l10n.t('Reading the commits of {0}..{1}', range.from ?? vscode.l10n.t('the first commit'), range.to),
      (signal) =>
        // For Unreleased the notes propose the version themselves: the range is read once.
        generateReleaseNotes(repository, config, { range, ...(target.version !== undefined ? { version: target.version } : {}), today: this.registry.today(), signal }),
      { since },
    );
    const relativePath = notes.recordPath;
    const uri = vscode.Uri.joinPath(vscode.Uri.file(repository.root), relativePath);
    await requireInsideRepository(repository.root, uri.fsPath, relativePath);
    // Writing is not cancellable (a Cancel then would hide the notification while the notes are written anyway).
    const { outcome } = await withProgress(
      NOTIFICATION,
      vscode.l10n.t('Writing {0}', relativePath),
      async () => {
        // The front matter's range end follows what the generated parts now cover (HEAD → the release's tag once it is tagged).
        const written = await writeGeneratedDocument(uri, notes.markdown, 'release notes', (text) => withNotesRangeEnd(text, notes.model));
        this.findings.set(uri, notesFindingsIn(notes.model, written.editor.document.getText(), config).map(toVscodeDiagnostic));
        return written;
      },
      { cancellable: false, since },
    );
    if (outcome === 'regenerated') void vscode.window.showInformationMessage(vscode.l10n.t('Regenerated the generated parts of {0}; everything else was kept.', relativePath));
    if (outcome === 'unchanged') void vscode.window.showInformationMessage(vscode.l10n.t('{0} is up to date.', relativePath));
    if (outcome === 'no-generated-parts') void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists and has no generated parts to refresh: it was opened unchanged.', relativePath));
    return uri;
  }
}
