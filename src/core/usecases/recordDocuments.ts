import { readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { writeNewFile } from '../files/atomicWrite';
import { createFolder } from '../files/createFolder';
import { requireInsideRepository } from '../files/safePaths';
import type { GitRepository } from '../git/gitRepository';
import { renderDocumentTemplate, type DocumentTemplateInput, type TemplateTarget } from '../records/documentTemplates';
import { documentTypeOfFileName, DOCUMENT_KINDS, fileNameOfDocument, HAZARD_LOG_FILE, type DocumentKind } from '../vocabulary/documentKinds';
import { isPhaseId, phaseFileNameOf, PHASE_IDS, type PhaseId } from '../vocabulary/phaseIds';
import { recordDocumentPath } from '../vocabulary/recordLayout';

/** What a new document's template is filled in with, beyond version, date and author. */
export interface TemplateContext {
  readonly range?: DocumentTemplateInput['range'];
  readonly previousTag?: string;
  readonly bump?: DocumentTemplateInput['bump'];
}

/** The record documents a draft may refer to: the file names already in its record folder. */
export type RecordFolderContents = ReadonlySet<string>;

/** A record document about to be created: where it goes and what it holds. */
export interface RecordDocumentDraft {
  /** Relative to the repository root, with `/`. */
  readonly relativePath: string;
  readonly content: string;
}

/** A file name that is not one of a record's documents. */
export class NotARecordDocumentError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is not a change-record document.`);
    this.name = 'NotARecordDocumentError';
  }
}

/** The words `reflect new` and the editor accept for a document: every kind of the format, and each phase id. */
export function documentChoices(): string[] {
  return [...DOCUMENT_KINDS, ...PHASE_IDS];
}

/**
 * The record file a kind (and, for a reflection, a phase) is kept under, or
 * undefined when that kind is not kept in a record folder. Table-driven over
 * the document kinds, so a new kind with a record file name needs nothing here.
 */
export function recordFileNameFor(kind: DocumentKind, phase?: PhaseId): string | undefined {
  return fileNameOfDocument(kind, kind === 'reflection' ? phase : undefined);
}

/**
 * The draft of one record document from the template the editor uses: its
 * path inside the records folder and its content. Pure; `date` is the local
 * date from the one clock.
 */
export function recordDocumentDraft(recordsFolder: string, version: string, fileName: string, input: { readonly date: string; readonly author: string } & TemplateContext, written: RecordFolderContents = new Set()): RecordDocumentDraft {
  const type = documentTypeOfFileName(fileName);
  if (!type) throw new NotARecordDocumentError(fileName);
  const target = templateTargetOf(type.kind, type.phase);
  const onActionWritten = written.has(phaseFileNameOf('on-action'));
  return { relativePath: recordDocumentPath(recordsFolder, version, fileName), content: renderDocumentTemplate(target, { version, ...input, onActionWritten }) };
}

/**
 * The draft of one record document as `recordDocumentDraft` makes it, for
 * the record folder as it is on disk: what the new document may link to is
 * what the folder already holds. The folder is not created here, and a
 * folder that leads out of the repository is not read (writing the draft
 * refuses it with its own message).
 */
export async function draftRecordDocument(root: string, recordsFolder: string, version: string, fileName: string, input: { readonly date: string; readonly author: string } & TemplateContext): Promise<RecordDocumentDraft> {
  const relativeFolder = recordDocumentPath(recordsFolder, version, fileName).split('/').slice(0, -1);
  const entries = await requireInsideRepository(root, join(root, ...relativeFolder), relativeFolder.join('/'))
    .then((folder) => readdir(folder, { withFileTypes: true }))
    .catch(() => []);
  const written = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  return recordDocumentDraft(recordsFolder, version, fileName, input, written);
}

function templateTargetOf(kind: DocumentKind, phase: PhaseId | undefined): TemplateTarget {
  if (kind === 'reflection') {
    if (phase === undefined) throw new Error('A reflection needs its phase.');
    return phase;
  }
  return kind;
}

/**
 * The hazard log's first draft: `hazard-log.md` at the records root (beside
 * the record folders), from its template, titled with the system it covers.
 */
export function hazardLogDraft(recordsFolder: string, input: { readonly date: string; readonly author: string; readonly system: string }): RecordDocumentDraft {
  return { relativePath: `${recordsFolder}/${HAZARD_LOG_FILE}`, content: renderDocumentTemplate('hazard-log', { version: input.system, date: input.date, author: input.author }) };
}

/** Who writes a new document: git's `user.name`, else the account's name. */
export async function documentAuthor(repository: GitRepository): Promise<string> {
  return (await repository.configValue('user.name')) ?? userInfo().username;
}

/**
 * Writes a draft as a new file under the repository root: never over an
 * existing file (`FileExistsError`), never through a link out of the
 * repository (`OutsideRepositoryError`). Returns the absolute path.
 */
export async function writeRecordDocument(root: string, draft: RecordDocumentDraft): Promise<string> {
  const path = join(root, ...draft.relativePath.split('/'));
  await requireInsideRepository(root, path, draft.relativePath);
  await createFolder(dirname(path));
  // The folder may have been created through a link: checked again before the file is written.
  await requireInsideRepository(root, path, draft.relativePath);
  await writeNewFile(path, draft.content);
  return path;
}

/** The record versions that exist on disk, newest first by name. */
export async function listRecordVersions(repositoryRoot: string, recordsFolder: string): Promise<string[]> {
  const entries = await readdir(join(repositoryRoot, recordsFolder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
}

/**
 * The reflection due next: the phase after the last one written (the
 * editor's New Reflection and `reflect new reflection` agree), or undefined
 * when the last phase is written.
 */
export function nextDuePhase(isWritten: (phase: PhaseId) => boolean): PhaseId | undefined {
  const lastWritten = PHASE_IDS.reduce((last, phase, index) => (isWritten(phase) ? index : last), -1);
  return PHASE_IDS[lastWritten + 1];
}

/** Reads a choice word (`change`, `on-action`, `reflection` with a phase) as a kind and phase; undefined when it is none. */
export function documentChoiceOf(word: string, phase: string | undefined): { kind: DocumentKind; phase?: PhaseId } | undefined {
  if (isPhaseId(word)) return { kind: 'reflection', phase: word };
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(word) ? (word as DocumentKind) : undefined;
  if (kind === undefined) return undefined;
  if (kind === 'reflection' && phase !== undefined && isPhaseId(phase)) return { kind, phase };
  return { kind };
}
