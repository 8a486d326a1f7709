import { ACTION_PLAN_FILE, RELEASE_NOTES_FILE, ROLLBACK_FILE } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import type { Problem } from './problem';
import { clip, dateAt, dayOf, fieldAt, findRecordDocument, isBefore, rangeAt, valueRangeAt, type RecordDocument } from './recordFields';
import { problemOf } from './ruleCatalog';
import type { ValidationOptions } from './validationOptions';

/** A problem and the document it belongs to. */
export interface PlacedProblem {
  readonly doc: RecordDocument;
  readonly problem: Problem;
}

/** Reflections written before the window opens: they plan it. */
const PLANNING_PHASES: readonly PhaseId[] = ['before-action', 'in-action-planning'];

/** Action states that still need doing. */
const UNFINISHED_ACTION = (status: unknown) => status !== 'done' && status !== 'dropped';

/** The documents a record in each state must hold besides change.md. */
const DOCUMENTS_BY_STATUS: Readonly<Record<string, readonly string[]>> = {
  deployed: [RELEASE_NOTES_FILE, ROLLBACK_FILE],
  'rolled-back': [RELEASE_NOTES_FILE, ROLLBACK_FILE],
  closed: [RELEASE_NOTES_FILE, ROLLBACK_FILE, 'on-action.md', ACTION_PLAN_FILE],
};

/**
 * Dates that cannot be right: written in the future (judged against the one
 * clock's `today`), a planning reflection dated after the window opened, an
 * execution reflection outside the window, an approval given after the
 * window opened.
 */
export function recordDateProblems(documents: readonly RecordDocument[], options: ValidationOptions): PlacedProblem[] {
  const found: PlacedProblem[] = [];
  const today = options.today;
  if (today) for (const doc of documents) found.push(...futureDates(doc, today));
  const change = findRecordDocument(documents, { kind: 'change' });
  const start = dateAt(change, ['deployment', 'start']);
  const end = dateAt(change, ['deployment', 'end']);
  for (const phase of PLANNING_PHASES) {
    const doc = findRecordDocument(documents, { kind: 'reflection', phase });
    const date = dateAt(doc, ['date']);
    if (doc && date && start && isBefore(start, date)) {
      found.push({ doc, problem: problemOf('planning-after-deployment-start', rangeAt(doc, ['date']), `The ${phase} reflection is dated ${date}, after the deployment window opened (${start} in change.md): it should be written while planning.`) });
    }
  }
  const execution = findRecordDocument(documents, { kind: 'reflection', phase: 'in-action-execution' });
  const executed = dateAt(execution, ['date']);
  if (execution && executed && start && end && (dayBefore(executed, start) || dayBefore(end, executed))) {
    found.push({ doc: execution, problem: problemOf('execution-outside-deployment', rangeAt(execution, ['date']), `The in-action-execution reflection is dated ${executed}, outside the deployment window (${start} to ${end} in change.md).`) });
  }
  found.push(...actualWindowProblems(change), ...reviewDateProblems(change));
  const approved = dateAt(change, ['approval', 'date']);
  if (change && approved && start && isBefore(start, approved)) {
    found.push({ doc: change, problem: problemOf('approval-after-deployment-start', rangeAt(change, ['approval', 'date']), `The approval is dated ${approved}, after the deployment window opened (${start}): a change is approved before it is deployed.`) });
  }
  return found;
}

/**
 * States that contradict the record: `closed` with actions still open, and
 * a deployed, rolled-back or closed record without the documents that state needs.
 */
export function recordStateProblems(documents: readonly RecordDocument[]): PlacedProblem[] {
  const change = findRecordDocument(documents, { kind: 'change' });
  const status = fieldAt(change, ['status']);
  if (!change || typeof status !== 'string') return [];
  const found: PlacedProblem[] = [];
  const plan = findRecordDocument(documents, { kind: 'action-plan' });
  const actions = fieldAt(plan, ['actions']);
  if (status === 'closed' && Array.isArray(actions)) {
    const open = actions.filter((a: unknown) => typeof a === 'object' && a !== null && UNFINISHED_ACTION((a as Record<string, unknown>).status));
    if (open.length > 0) {
      const first = textOf((open[0] as Record<string, unknown>).action);
      const named = first ? ` (first: "${clip(first)}")` : '';
      found.push({ doc: change, problem: problemOf('closed-with-open-actions', rangeAt(change, ['status']), `The record is closed, but ${open.length} ${open.length === 1 ? 'action is' : 'actions are'} neither done nor dropped in action-plan.md${named}.`) });
    }
  }
  const present = new Set(documents.map((d) => d.fileName));
  const missing = (DOCUMENTS_BY_STATUS[status] ?? []).filter((name) => !present.has(name));
  if (missing.length > 0) {
    found.push({ doc: change, problem: problemOf('status-missing-documents', rangeAt(change, ['status']), `The record is ${status}, but it has no ${missing.join(', ')}.`) });
  }
  return found;
}

/**
 * When the deployment really ended: change.md's `deployment.actual.end`
 * once recorded, else the approved window's end. The planned end stays as
 * approved; the dates that must follow the deployment follow what happened.
 */
export function deploymentEndOf(change: RecordDocument | undefined): { date: string; path: readonly string[] } | undefined {
  for (const path of [['deployment', 'actual', 'end'], ['deployment', 'end']] as const) {
    const date = dateAt(change, path);
    if (date) return { date, path };
  }
  return undefined;
}

/** The actual window's end before its start (rule `actual-window-out-of-order`). */
function actualWindowProblems(change: RecordDocument | undefined): PlacedProblem[] {
  const start = dateAt(change, ['deployment', 'actual', 'start']);
  const end = dateAt(change, ['deployment', 'actual', 'end']);
  if (!change || !start || !end || !isBefore(end, start)) return [];
  return [{ doc: change, problem: problemOf('actual-window-out-of-order', rangeAt(change, ['deployment', 'actual', 'end']), `The deployment's actual end (${end}) is before its actual start (${start}).`) }];
}

/** Reviews dated before the deployment ended (rule `review-before-deployment`): the closing review and an emergency change's retrospective one. */
function reviewDateProblems(change: RecordDocument | undefined): PlacedProblem[] {
  const ended = deploymentEndOf(change);
  if (!change || !ended) return [];
  const reviews = [
    { path: ['review', 'date'], what: 'The post-implementation review' },
    { path: ['emergency', 'retrospective_review', 'date'], what: "The emergency change's retrospective review" },
  ];
  const found: PlacedProblem[] = [];
  for (const { path, what } of reviews) {
    const date = dateAt(change, path);
    if (!date || !isBefore(date, ended.date)) continue;
    const which = ended.path.includes('actual') ? 'actual end' : 'window end';
    found.push({ doc: change, problem: problemOf('review-before-deployment', rangeAt(change, path), `${what} is dated ${date}, before the deployment ended (${ended.date}, its ${which}): a review looks back on a deployment that has happened.`) });
  }
  return found;
}

/** A document's own dates that lie after today: its `date`, and in change.md the approval's. */
function futureDates(doc: RecordDocument, today: string): PlacedProblem[] {
  const paths: (readonly (string | number)[])[] = [['date']];
  if (doc.analysis.kind === 'change') {
    paths.push(['approval', 'date']);
    const blocks = fieldAt(doc, ['sign_off']);
    if (Array.isArray(blocks)) blocks.forEach((_, index) => paths.push(['sign_off', index, 'date']));
  }
  const found: PlacedProblem[] = [];
  for (const path of paths) {
    const value = dateAt(doc, path);
    const day = value && dayOf(value);
    if (!value || !day || day <= today) continue;
    const valueRange = valueRangeAt(doc, path);
    const what = path.length === 1 ? `${doc.fileName} is dated` : path[0] === 'approval' ? 'The approval is dated' : 'The sign-off is dated';
    const problem = problemOf('date-in-future', rangeAt(doc, path), `${what} ${value}, after today (${today}): a date records what has happened.`);
    found.push({ doc, problem: valueRange ? { ...problem, fix: { title: `Date it today (${today})`, range: valueRange, newText: today } } : problem });
  }
  return found;
}

/** Whether the day of `a` is before the day of `b`. */
function dayBefore(a: string, b: string): boolean {
  const x = dayOf(a);
  const y = dayOf(b);
  return x !== undefined && y !== undefined && x < y;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}
