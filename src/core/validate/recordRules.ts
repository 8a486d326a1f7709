import { daysBetween } from './isoDates';
import type { Problem } from './problem';
import { clip, dateAt, findRecordDocument, isBefore, rangeAt, valueRangeAt, type RecordDocument } from './recordFields';
import { hazardReferenceProblems, hazardStatusProblems } from './hazardRules';
import { signOffProblems } from './signOffRules';
import { changeControlProblems } from './changeControlRules';
import { deploymentEndOf, recordDateProblems, recordStateProblems } from './timelineRules';
import { problemOf } from './ruleCatalog';
import { DEFAULT_BEYOND_ACTION_MINIMUM_DAYS, type ValidationOptions } from './validationOptions';

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
  const deploymentEnd = deploymentEndOf(change)?.date;
  const onActionDate = dateAt(onAction, ['date']);
  if (onAction && deploymentEnd && onActionDate && isBefore(onActionDate, deploymentEnd)) {
    add(onAction, problemOf('on-action-before-deployment', rangeAt(onAction, ['date']), `The on-action reflection is dated ${onActionDate}, before the deployment ended (${deploymentEnd} in change.md).`));
  }
  const beyondDate = dateAt(beyondAction, ['date']);
  const minimum = options.beyondActionMinimumDays ?? DEFAULT_BEYOND_ACTION_MINIMUM_DAYS;
  const gap = onActionDate && beyondDate ? daysBetween(onActionDate, beyondDate) : undefined;
  if (beyondAction && gap !== undefined && gap < minimum) {
    add(beyondAction, problemOf('beyond-action-too-soon', rangeAt(beyondAction, ['date']), `The beyond-action reflection is dated ${gap} ${Math.abs(gap) === 1 ? 'day' : 'days'} after the on-action one; allow at least ${minimum}.`));
  }
  if (onAction && !actionPlan) {
    add(onAction, problemOf('missing-action-plan', onAction.analysis.frontMatter?.openingRange ?? onAction.analysis.lines.lineRange(0), 'The on-action reflection is written, so the record needs an action plan: add action-plan.md.'));
  }
  if (actionPlan && options.today) for (const problem of overdueActions(actionPlan, options.today)) add(actionPlan, problem);
  for (const { doc, problem } of [...recordDateProblems(documents, options), ...recordStateProblems(documents), ...signOffProblems(documents, options), ...hazardReferenceProblems(documents, options), ...hazardStatusProblems(documents, options), ...changeControlProblems(documents, options)]) add(doc, problem);
  return found;
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
    return withValueFix(doc, ['kind'], expected.kind, problemOf('document-kind-mismatch', rangeAt(doc, ['kind']), `${doc.fileName} holds a "${expected.kind}" document, not "${clip(kind)}".`));
  }
  const phase = analysis.data.phase;
  if (expected.phase && typeof phase === 'string' && phase !== expected.phase) {
    return withValueFix(doc, ['phase'], expected.phase, problemOf('document-kind-mismatch', rangeAt(doc, ['phase']), `${doc.fileName} holds the ${expected.phase} reflection, not "${clip(phase)}"; rename the file or change the phase.`));
  }
  return undefined;
}

/** The value the file name stands for, as the fix (`phase: befor-action` in before-action.md becomes `before-action`). */
function withValueFix(doc: RecordDocument, path: readonly string[], value: string, problem: Problem): Problem {
  const range = valueRangeAt(doc, path);
  return range ? { ...problem, fix: { title: `Set ${path.join('.')} to "${value}" (from the file name)`, range, newText: value } } : problem;
}
