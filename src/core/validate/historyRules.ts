import { daysBetween } from './isoDates';
import type { Problem } from './problem';
import { dateAt, dayOf, rangeAt, type RecordDocument } from './recordFields';
import { problemOf } from './ruleCatalog';
import { analyseDocument } from './validateDocument';

/** A commit of a document's history, as far as these rules need it. */
export interface HistoryCommit {
  readonly hash: string;
  /** ISO 8601 author date. */
  readonly date: string;
}

/** A document's `date` this many days or more before its first commit is said (as information). */
export const LONG_BEFORE_FIRST_COMMIT_DAYS = 30;

/**
 * A document's `date` against its git history (newest commit first): later
 * than the day it was first committed (a warning: it existed before the day
 * it claims), or long before it (information, both dates given). Nothing
 * when the document has no commits or no date.
 */
export function historyProblems(text: string, history: readonly HistoryCommit[]): Problem[] {
  const first = history[history.length - 1];
  if (!first) return [];
  const doc: RecordDocument = { fileName: '', analysis: analyseDocument(text) };
  const date = dateAt(doc, ['date']);
  const written = date && dayOf(date);
  const committed = dayOf(first.date);
  if (!date || !written || !committed) return [];
  const commit = `${first.hash.slice(0, 7)} on ${committed}`;
  if (written > committed) {
    return [problemOf('date-after-first-commit', rangeAt(doc, ['date']), `Dated ${date}, but first committed in ${commit}: the document existed before the day it gives.`)];
  }
  const gap = daysBetween(written, committed) ?? 0;
  if (gap >= LONG_BEFORE_FIRST_COMMIT_DAYS) {
    return [problemOf('date-long-before-first-commit', rangeAt(doc, ['date']), `Dated ${date}, ${gap} days before it was first committed (${commit}).`)];
  }
  return [];
}

