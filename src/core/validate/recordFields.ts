import { fileNameOfDocument, type RecordDocumentType } from '../vocabulary/documentKinds';
import { parseIsoDate } from './isoDates';
import type { TextRange } from './problem';
import type { DocumentAnalysis } from './validateDocument';
import { fieldRanges } from './yamlRanges';

/** A document of a record folder, read and checked on its own. */
export interface RecordDocument {
  readonly fileName: string;
  /** What the file name stands for, or undefined for a file the format does not name. */
  readonly expected?: RecordDocumentType;
  readonly analysis: DocumentAnalysis;
}

/** The document standing for a kind (and phase): the file named for it, else one whose front matter says so. */
export function findRecordDocument(documents: readonly RecordDocument[], type: RecordDocumentType): RecordDocument | undefined {
  const fileName = fileNameOfDocument(type.kind, type.phase);
  return (
    documents.find((d) => fileName !== undefined && d.fileName === fileName) ??
    documents.find((d) => d.expected === undefined && d.analysis.kind === type.kind && d.analysis.phase === type.phase)
  );
}


/** The value at a path of keys in a document's front matter. */
export function fieldAt(doc: RecordDocument | undefined, path: readonly (string | number)[]): unknown {
  let value: unknown = doc?.analysis.data;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** The ISO date or date-time at a path, or undefined when it is absent or not a date. */
export function dateAt(doc: RecordDocument | undefined, path: readonly (string | number)[]): string | undefined {
  const value = fieldAt(doc, path);
  return typeof value === 'string' && parseIsoDate(value) ? value : undefined;
}

/** Where a field is written (its value, else its key, else the front matter's first line). */
export function rangeAt(doc: RecordDocument, path: readonly (string | number)[]): TextRange {
  const { frontMatter, lines } = doc.analysis;
  if (!frontMatter) return lines.lineRange(0);
  const ranges = fieldRanges(frontMatter, lines, path);
  return ranges.value ?? ranges.key ?? frontMatter.openingRange;
}

/** The range of a field's value only, for a fix that replaces it. */
export function valueRangeAt(doc: RecordDocument, path: readonly (string | number)[]): TextRange | undefined {
  const { frontMatter, lines } = doc.analysis;
  return frontMatter ? fieldRanges(frontMatter, lines, path).value : undefined;
}

/** Whether `a` is before `b`: by instant when both have a time, else by day. */
export function isBefore(a: string, b: string): boolean {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return false;
  return x.hasTime && y.hasTime ? x.instant < y.instant : x.date < y.date;
}

/** The calendar day an ISO date or date-time is written for. */
export function dayOf(value: string): string | undefined {
  return parseIsoDate(value)?.date;
}

/** Text from a document, shortened for a message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
