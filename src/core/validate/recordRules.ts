import { fileNameOfDocument, type RecordDocumentType } from '../vocabulary/documentKinds';
import { daysBetween, parseIsoDate } from './isoDates';
import type { Problem, TextRange } from './problem';
import { problemOf } from './ruleCatalog';
import type { DocumentAnalysis } from './validateDocument';
import { DEFAULT_BEYOND_ACTION_MINIMUM_DAYS, type ValidationOptions } from './validationOptions';
import { fieldRanges } from './yamlRanges';

/** A document of a record folder, read and checked on its own. */
export interface RecordDocument {
  readonly fileName: string;
  /** What the file name stands for, or undefined for a file the format does not name. */
  readonly expected?: RecordDocumentType;
  readonly analysis: DocumentAnalysis;
}

/** The rules that look across a record's documents; problems are keyed by the document they belong to. */
export function crossDocumentProblems(documents: readonly RecordDocument[], options: ValidationOptions): Map<RecordDocument, Problem[]> {
  const found = new Map<RecordDocument, Problem[]>();
  const add = (doc: RecordDocument, problem: Problem) => {
    const list = found.get(doc);
    if (list) list.push(problem);
    else found.set(doc, [problem]);
  };
  for (const doc of documents) {
    const problem = kindMismatch(doc);
    if (problem) add(doc, problem);
  }
  const change = findRecordDocument(documents, { kind: 'change' });
  const onAction = findRecordDocument(documents, { kind: 'reflection', phase: 'on-action' });
  const beyondAction = findRecordDocument(documents, { kind: 'reflection', phase: 'beyond-action' });
  const actionPlan = findRecordDocument(documents, { kind: 'action-plan' });
  const version = change?.analysis.data?.change;
  if (typeof version === 'string') {
    for (const doc of documents) {
      const own = doc.analysis.data?.change;
      if (doc === change || typeof own !== 'string' || own === version) continue;
      add(doc, problemOf('record-version-mismatch', rangeAt(doc, ['change']), `This document is for "${clip(own)}", but the record's change.md is for "${clip(version)}".`));
    }
  }
  const deploymentEnd = valueAt(change, ['deployment', 'end']);
  const onActionDate = valueAt(onAction, ['date']);
  if (onAction && deploymentEnd && onActionDate && isBefore(onActionDate, deploymentEnd)) {
    add(onAction, problemOf('on-action-before-deployment', rangeAt(onAction, ['date']), `The on-action reflection is dated ${onActionDate}, before the deployment ended (${deploymentEnd} in change.md).`));
  }
  const beyondDate = valueAt(beyondAction, ['date']);
  const minimum = options.beyondActionMinimumDays ?? DEFAULT_BEYOND_ACTION_MINIMUM_DAYS;
  const gap = onActionDate && beyondDate ? daysBetween(onActionDate, beyondDate) : undefined;
  if (beyondAction && gap !== undefined && gap < minimum) {
    add(beyondAction, problemOf('beyond-action-too-soon', rangeAt(beyondAction, ['date']), `The beyond-action reflection is dated ${gap} ${Math.abs(gap) === 1 ? 'day' : 'days'} after the on-action one; allow at least ${minimum}.`));
  }
  if (onAction && !actionPlan) {
    add(onAction, problemOf('missing-action-plan', onAction.analysis.frontMatter?.openingRange ?? onAction.analysis.lines.lineRange(0), 'The on-action reflection is written, so the record needs an action plan: add action-plan.md.'));
  }
  if (actionPlan && options.today) for (const problem of overdueActions(actionPlan, options.today)) add(actionPlan, problem);
  return found;
}

/** The document standing for a kind (and phase): the file named for it, else one whose front matter says so. */
export function findRecordDocument(documents: readonly RecordDocument[], type: RecordDocumentType): RecordDocument | undefined {
  const fileName = fileNameOfDocument(type.kind, type.phase);
  return (
    documents.find((d) => fileName !== undefined && d.fileName === fileName) ??
    documents.find((d) => d.expected === undefined && d.analysis.kind === type.kind && d.analysis.phase === type.phase)
  );
}

/** Actions past their due date that are neither done nor dropped. */
function overdueActions(plan: RecordDocument, today: string): Problem[] {
  const actions = plan.analysis.data?.actions;
  if (!Array.isArray(actions)) return [];
  const problems: Problem[] = [];
  actions.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) return;
    const { due, status, action } = item as Record<string, unknown>;
    if (typeof due !== 'string' || status === 'done' || status === 'dropped') return;
    const late = daysBetween(due, today);
    if (late === undefined || late <= 0) return;
    const what = typeof action === 'string' && action.trim() ? `"${clip(action.trim())}"` : `Action ${index + 1}`;
    problems.push(problemOf('action-overdue', rangeAt(plan, ['actions', index, 'due']), `${what} was due ${due} (${late} ${late === 1 ? 'day' : 'days'} ago) and is ${typeof status === 'string' ? status : 'not done'}.`));
  });
  return problems;
}

function kindMismatch(doc: RecordDocument): Problem | undefined {
  const { expected, analysis } = doc;
  if (!expected || !analysis.data) return undefined;
  const kind = analysis.data.kind;
  if (typeof kind === 'string' && kind !== expected.kind) {
    return problemOf('document-kind-mismatch', rangeAt(doc, ['kind']), `${doc.fileName} holds a "${expected.kind}" document, not "${clip(kind)}".`);
  }
  const phase = analysis.data.phase;
  if (expected.phase && typeof phase === 'string' && phase !== expected.phase) {
    return problemOf('document-kind-mismatch', rangeAt(doc, ['phase']), `${doc.fileName} holds the ${expected.phase} reflection, not "${clip(phase)}"; rename the file or change the phase.`);
  }
  return undefined;
}

/** Whether `a` is before `b`: by instant when both have a time, else by day. */
function isBefore(a: string, b: string): boolean {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return false;
  return x.hasTime && y.hasTime ? x.instant < y.instant : x.date < y.date;
}

function valueAt(doc: RecordDocument | undefined, path: readonly string[]): string | undefined {
  let value: unknown = doc?.analysis.data;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && parseIsoDate(value) ? value : undefined;
}

function rangeAt(doc: RecordDocument, path: readonly (string | number)[]): TextRange {
  const { frontMatter, lines } = doc.analysis;
  if (!frontMatter) return lines.lineRange(0);
  const ranges = fieldRanges(frontMatter, lines, path);
  return ranges.value ?? ranges.key ?? frontMatter.openingRange;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
