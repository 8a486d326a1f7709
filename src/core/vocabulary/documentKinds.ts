import { PHASE_IDS, phaseFileNameOf, type PhaseId } from './phaseIds';

/** The document kinds of the product's document format (the `kind` key). */
export const DOCUMENT_KINDS = ['change', 'reflection', 'action-plan', 'release-notes', 'rollback'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Whether a value is one of the document kinds. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const CHANGE_FILE = 'change.md';
export const RELEASE_NOTES_FILE = 'release-notes.md';
export const ROLLBACK_FILE = 'rollback.md';
export const ACTION_PLAN_FILE = 'action-plan.md';

/** A document of a record: a kind, and a phase for reflections. */
export interface RecordDocumentType {
  readonly kind: DocumentKind;
  readonly phase?: PhaseId;
}

/** Every document a complete change record holds, by file name, in the order they are usually written. */
export const RECORD_DOCUMENT_TYPES: ReadonlyArray<RecordDocumentType & { readonly fileName: string }> = [
  { fileName: CHANGE_FILE, kind: 'change' },
  { fileName: RELEASE_NOTES_FILE, kind: 'release-notes' },
  { fileName: ROLLBACK_FILE, kind: 'rollback' },
  ...PHASE_IDS.map((phase) => ({ fileName: phaseFileNameOf(phase), kind: 'reflection' as const, phase })),
  { fileName: ACTION_PLAN_FILE, kind: 'action-plan' },
];

/** The kind (and phase) a file name stands for inside a record folder, or undefined for other files. */
export function documentTypeOfFileName(fileName: string): RecordDocumentType | undefined {
  const found = RECORD_DOCUMENT_TYPES.find((d) => d.fileName === fileName);
  return found && (found.phase ? { kind: found.kind, phase: found.phase } : { kind: found.kind });
}

/** The file name a kind (and phase) is kept under inside a record folder. */
export function fileNameOfDocument(kind: DocumentKind, phase?: PhaseId): string | undefined {
  return RECORD_DOCUMENT_TYPES.find((d) => d.kind === kind && d.phase === phase)?.fileName;
}

/** The editor's context key that is true once some record of the workspace holds `fileName` (`changeLog.written.beforeAction`); the walkthrough's steps complete on them. */
export function writtenContextKey(fileName: string): string {
  const stem = fileName.replace(/\.md$/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return `changeLog.written.${stem}`;
}
