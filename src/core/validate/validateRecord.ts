import { documentTypeOfFileName } from '../vocabulary/documentKinds';
import type { Problem } from './problem';
import type { RecordDocument } from './recordFields';
import { crossDocumentProblems } from './recordRules';

import { analyseDocument, finishProblems, type DocumentAnalysis } from './validateDocument';
import type { ValidationOptions } from './validationOptions';

/** A file of a record folder: its name inside the folder (a path is reduced to its last part) and its text. */
export interface RecordFile {
  readonly name: string;
  readonly text: string;
}

/** The problems of one file of a record, single-document and cross-document together, ordered and graded. */
export interface RecordFileProblems {
  readonly name: string;
  readonly problems: Problem[];
}

/**
 * Validates the documents of one record folder: each on its own, then across
 * them (dates in order, the action plan due after on-action, overdue actions,
 * documents that belong elsewhere). Returns the problems per file, in input order.
 * `analyse` reads each document on its own; the editor's adds every fix and
 * remembers unchanged siblings (validate/fixedProblems, validate/analysisCache).
 */
export function validateRecord(files: readonly RecordFile[], options: ValidationOptions = {}, analyse: (file: RecordFile) => DocumentAnalysis = (file) => analyseDocument(file.text, options)): RecordFileProblems[] {
  const documents: RecordDocument[] = files.map((file) => {
    const fileName = baseName(file.name);
    return { fileName, expected: documentTypeOfFileName(fileName), analysis: analyse(file) };
  });
  const extra = crossDocumentProblems(documents, options);
  return documents.map((doc, index) => ({
    name: files[index].name,
    problems: finishProblems([...doc.analysis.problems, ...(extra.get(doc) ?? [])], doc.analysis.lines, options),
  }));
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}
