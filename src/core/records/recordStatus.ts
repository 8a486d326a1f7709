import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../validate/problem';
import { validateRecord, type RecordFile, type RecordFileProblems } from '../validate/validateRecord';
import type { ValidationOptions } from '../validate/validationOptions';
import { RECORD_DOCUMENT_TYPES, type DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import { readContainedRecordFiles } from './recordFiles';
import { recordFolderName } from '../vocabulary/recordLayout';

/** Every document a complete change record holds, by file name. */
export const RECORD_DOCUMENTS: readonly string[] = RECORD_DOCUMENT_TYPES.map((d) => d.fileName);

/** Which of a record's documents exist on disk. */
export interface RecordPresence {
  readonly present: readonly string[];
  readonly expected: readonly string[];
}

/** Reads which documents of a version's record exist; undefined when the record folder does not. */
export async function readRecordPresence(repositoryRoot: string, recordsFolder: string, version: string): Promise<RecordPresence | undefined> {
  let names: string[];
  try {
    names = await readdir(join(repositoryRoot, recordsFolder, recordFolderName(version)));
  } catch {
    return undefined;
  }
  const present = RECORD_DOCUMENTS.filter((name) => names.includes(name));
  return { present, expected: RECORD_DOCUMENTS };
}

/** A record document's state in the Change Records and Releases views. */
export type DocumentState = 'missing' | 'has-problems' | 'complete';

/** One expected document of a record, with its state. */
export interface DocumentAssessment {
  readonly fileName: string;
  readonly kind: DocumentKind;
  readonly phase?: PhaseId;
  readonly state: DocumentState;
  /** Problems (after severity overrides; `off` rules are gone), empty when missing. */
  readonly problems: readonly Problem[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
}

/** How far a record has come. */
export interface RecordAssessment {
  /** The expected documents, in the order they are usually written. */
  readonly documents: readonly DocumentAssessment[];
  /** Other Markdown files in the folder, with their problems. */
  readonly otherFiles: ReadonlyArray<{ readonly fileName: string; readonly problems: readonly Problem[] }>;
  readonly complete: number;
  readonly present: number;
  readonly expected: number;
  /** Complete documents ÷ expected documents, 0 to 1. */
  readonly completeness: number;
}

/**
 * Assesses a record folder's files: each expected document is missing, has
 * problems (of any severity, so an unanswered prompt keeps it a draft), or is
 * complete. Pure: give it the folder's files and the same options the editor uses.
 */
export function assessRecord(files: readonly RecordFile[], options: ValidationOptions = {}): RecordAssessment {
  return assessFindings(validateRecord(files, options));
}

/** Assesses a record from its findings per file (the use case `checkRecord` adds the release notes' own to the validator's). */
export function assessFindings(results: readonly RecordFileProblems[]): RecordAssessment {
  const byName = new Map(results.map((r) => [baseName(r.name), r.problems]));
  const documents = RECORD_DOCUMENT_TYPES.map((type): DocumentAssessment => {
    const problems = byName.get(type.fileName);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const p of problems ?? []) counts[p.severity]++;
    const state: DocumentState = problems === undefined ? 'missing' : problems.length > 0 ? 'has-problems' : 'complete';
    return { fileName: type.fileName, kind: type.kind, ...(type.phase ? { phase: type.phase } : {}), state, problems: problems ?? [], counts };
  });
  const expectedNames = new Set(RECORD_DOCUMENTS);
  const otherFiles = results.filter((r) => !expectedNames.has(baseName(r.name))).map((r) => ({ fileName: baseName(r.name), problems: r.problems }));
  const complete = documents.filter((d) => d.state === 'complete').length;
  const present = documents.filter((d) => d.state !== 'missing').length;
  return { documents, otherFiles, complete, present, expected: documents.length, completeness: complete / documents.length };
}

/** Reads and assesses a version's record folder; undefined when the folder does not exist. */
export async function assessRecordFolder(repositoryRoot: string, recordsFolder: string, version: string, options: ValidationOptions = {}): Promise<RecordAssessment | undefined> {
  const files = await readContainedRecordFiles(join(repositoryRoot, recordsFolder, recordFolderName(version)), repositoryRoot);
  return files && assessRecord(files, options);
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

/** What a record needs next: a missing document to write, or one to finish. */
export interface NextDue {
  readonly fileName: string;
  readonly kind: DocumentKind;
  readonly phase?: PhaseId;
  readonly action: 'write' | 'finish';
}

/**
 * What is due next in a record: the first missing document in the order
 * they are usually written, else the first that still has problems; undefined
 * when every document is complete.
 */
export function nextDueDocument(assessment: RecordAssessment): NextDue | undefined {
  const pick = (d: DocumentAssessment, action: NextDue['action']): NextDue => ({ fileName: d.fileName, kind: d.kind, ...(d.phase ? { phase: d.phase } : {}), action });
  const missing = assessment.documents.find((d) => d.state === 'missing');
  if (missing) return pick(missing, 'write');
  const unfinished = assessment.documents.find((d) => d.state === 'has-problems');
  return unfinished && pick(unfinished, 'finish');
}
