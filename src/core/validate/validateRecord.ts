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
 * `prepare` may amend each document's own analysis (the editor's fixes, validate/fixedProblems).
 */
export function validateRecord(files: readonly RecordFile[], options: ValidationOptions = {}, prepare: (analysis: DocumentAnalysis) => DocumentAnalysis = (a) => a): RecordFileProblems[] {
  const documents: RecordDocument[] = files.map((file) => {
    const fileName = baseName(file.name);
    return { fileName, expected: documentTypeOfFileName(fileName), analysis: prepare(analyseDocument(file.text, options)) };
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
