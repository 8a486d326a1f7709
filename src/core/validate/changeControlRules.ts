import { clip, dateAt, dayOf, fieldAt, findRecordDocument, rangeAt, type RecordDocument } from './recordFields';
import { noticeTimingOf } from './noticeTiming';
import { problemOf } from './ruleCatalog';
import type { PlacedProblem } from './timelineRules';
import type { ValidationOptions } from './validationOptions';

/** Statuses of a change that has been deployed (and perhaps rolled back or closed since). */
const DEPLOYED = new Set(['deployed', 'rolled-back', 'closed']);
/** Statuses past `planned`: the change has been approved. */
const PAST_PLANNED = new Set(['approved', ...DEPLOYED]);
/** Review outcomes that say the change did not go as planned; a failed check is then accounted for. */
const OUTCOMES_WITH_ISSUES = new Set(['successful-with-issues', 'failed', 'backed-out']);

/**
 * The change-control rules of change.md (ITIL change enablement): planned
 * vs actual window, the closing review and its follow-up, business
 * continuity, post-deployment verification, the communication plan's
 * notices, and an emergency change's retrospective review. Date order
 * (reviews after the deployment, the actual window's ends) is in timelineRules.
 */
export function changeControlProblems(documents: readonly RecordDocument[], options: ValidationOptions): PlacedProblem[] {
  const change = findRecordDocument(documents, { kind: 'change' });
  const status = fieldAt(change, ['status']);
  if (!change || typeof status !== 'string') return [];
  return [
    ...actualProblems(change, status),
    ...reviewProblems(change, status),
    ...continuityProblems(change, status),
    ...verificationProblems(change, status),
    ...noticeProblems(change, status, options.today),
  ];
}

function actualProblems(change: RecordDocument, status: string): PlacedProblem[] {
  const found: PlacedProblem[] = [];
  const recorded = dateAt(change, ['deployment', 'actual', 'start']) && dateAt(change, ['deployment', 'actual', 'end']);
  if (DEPLOYED.has(status) && fieldAt(change, ['deployment']) !== undefined && !recorded) {
    const range = fieldAt(change, ['deployment', 'actual']) === undefined ? rangeAt(change, ['deployment']) : rangeAt(change, ['deployment', 'actual']);
    found.push({ doc: change, problem: problemOf('actual-window-missing', range, `The record is ${status}, but deployment.actual does not give when the deployment really started and ended; record them beside the approved window.`) });
  }
  const expected = fieldAt(change, ['deployment', 'expected_downtime_minutes']);
  const actual = fieldAt(change, ['deployment', 'actual', 'downtime_minutes']);
  if (typeof expected === 'number' && typeof actual === 'number' && actual > expected) {
    found.push({ doc: change, problem: problemOf('downtime-over-expected', rangeAt(change, ['deployment', 'actual', 'downtime_minutes']), `The service was down for ${actual} minutes, ${actual - expected} more than the ${expected} expected; say why in the post-implementation review.`) });
  }
  return found;
}

function reviewProblems(change: RecordDocument, status: string): PlacedProblem[] {
  const found: PlacedProblem[] = [];
  const outcome = fieldAt(change, ['review', 'outcome']);
  if (outcome === 'failed' || outcome === 'backed-out') {
    const missing = [fieldAt(change, ['review', 'rollback_executed']) === undefined ? 'whether the rollback was executed (rollback_executed)' : undefined, textOf(fieldAt(change, ['review', 'incident'])) === undefined ? 'the incident raised (incident, or "none")' : undefined].filter((m) => m !== undefined);
    if (missing.length > 0) found.push({ doc: change, problem: problemOf('review-follow-up-missing', rangeAt(change, ['review', 'outcome']), `The review's outcome is ${outcome}, but it does not say ${missing.join(' or ')}.`) });
  }
  if (status === 'rolled-back' && (outcome === 'successful' || outcome === 'successful-with-issues')) {
    found.push({ doc: change, problem: problemOf('review-outcome-contradicts-status', rangeAt(change, ['review', 'outcome']), `The record is rolled-back, but the review's outcome is ${outcome}; a rolled-back change is backed-out (or failed).`) });
  }
  const emergency = fieldAt(change, ['change_type']) === 'emergency';
  if (emergency && status === 'closed' && fieldAt(change, ['emergency', 'retrospective_review']) === undefined) {
    const range = fieldAt(change, ['emergency']) === undefined ? rangeAt(change, ['change_type']) : rangeAt(change, ['emergency']);
    found.push({ doc: change, problem: problemOf('emergency-review-missing', range, 'This emergency change is closed without its retrospective review: record emergency.retrospective_review (date and reviewer).') });
  }
  return found;
}

function continuityProblems(change: RecordDocument, status: string): PlacedProblem[] {
  if (!PAST_PLANNED.has(status)) return [];
  const continuity = fieldAt(change, ['continuity']);
  if (continuity === undefined) {
    const downtime = fieldAt(change, ['deployment', 'expected_downtime_minutes']);
    if (typeof downtime !== 'number' || downtime <= 0) return [];
    return [{ doc: change, problem: problemOf('continuity-missing', rangeAt(change, ['deployment', 'expected_downtime_minutes']), `The change takes the service down for ${downtime} minutes, but change.md has no continuity block: say whether clinical services are affected and whether the downtime procedure covers the change.`) }];
  }
  if (fieldAt(change, ['continuity', 'affects_clinical_services']) !== true) return [];
  const procedure = textOf(fieldAt(change, ['continuity', 'procedure']));
  const covers = fieldAt(change, ['continuity', 'covers_change']);
  const gap =
    procedure === undefined
      ? 'names no downtime (fallback) procedure (continuity.procedure)'
      : covers === false
        ? `says the downtime procedure "${clip(procedure)}" does not cover what the change adds: update the procedure before go-live, or record who accepted the gap`
        : covers === undefined
          ? `does not say whether "${clip(procedure)}" covers what the change adds (continuity.covers_change)`
          : undefined;
  if (gap === undefined) return [];
  const path = procedure === undefined ? ['continuity', 'affects_clinical_services'] : covers === undefined ? ['continuity', 'procedure'] : ['continuity', 'covers_change'];
  return [{ doc: change, problem: problemOf('continuity-not-covered', rangeAt(change, path), `The change affects clinical services, but change.md ${gap}.`) }];
}

function verificationProblems(change: RecordDocument, status: string): PlacedProblem[] {
  const checks = fieldAt(change, ['verification']);
  const list = Array.isArray(checks) ? checks : [];
  if ((status === 'deployed' || status === 'closed') && list.length === 0) {
    const range = checks === undefined ? rangeAt(change, ['status']) : rangeAt(change, ['verification']);
    return [{ doc: change, problem: problemOf('verification-missing', range, `The record is ${status}, but it lists no post-deployment checks (verification: check, result, by, at).`) }];
  }
  const outcome = fieldAt(change, ['review', 'outcome']);
  if (typeof outcome === 'string' && OUTCOMES_WITH_ISSUES.has(outcome)) return [];
  const found: PlacedProblem[] = [];
  list.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || (item as Record<string, unknown>).result !== 'fail') return;
    const name = textOf((item as Record<string, unknown>).check);
    const what = name ? `The check "${clip(name)}"` : `Check ${index + 1}`;
    const said = typeof outcome === 'string' ? `the review's outcome is ${outcome}` : 'no review records what followed';
    found.push({ doc: change, problem: problemOf('verification-check-failed', rangeAt(change, ['verification', index, 'result']), `${what} failed, but ${said}: record the follow-up (successful-with-issues, failed or backed-out).`) });
  });
  return found;
}

/**
 * Notices due before the window opens that carry no `sent` date, once they
 * are due (or the change has gone ahead): `when` is a date, or words placed
 * relative to the window ("2 days before", "the day before", "on the day").
 * A `when` that cannot be placed is reported (`notice-when-unclear`), so a
 * notice is never left unchecked without saying so.
 */
function noticeProblems(change: RecordDocument, status: string, today: string | undefined): PlacedProblem[] {
  const start = dateAt(change, ['deployment', 'start']);
  const opens = start && dayOf(start);
  const plan = fieldAt(change, ['communication']);
  if (!start || !opens || !Array.isArray(plan)) return [];
  const found: PlacedProblem[] = [];
  plan.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) return;
    const entry = item as Record<string, unknown>;
    if (typeof entry.when !== 'string' || entry.when.trim().length === 0 || wasSent(entry.sent)) return;
    const type = typeof entry.type === 'string' ? `${entry.type} notice` : 'message';
    const who = textOf(entry.who);
    const message = `The ${type}${who ? ` to ${clip(who)}` : ''}`;
    const range = rangeAt(change, ['communication', index, 'when']);
    const timing = noticeTimingOf(entry.when, start);
    if (timing.kind === 'unclear') {
      found.push({ doc: change, problem: problemOf('notice-when-unclear', range, `${message} is due "${clip(entry.when.trim())}", which cannot be placed against the window (${start}): give a date (YYYY-MM-DD) or a time relative to the window, such as "2 days before", "the day before", "on the day" or "after go-live".`) });
      return;
    }
    if (timing.kind !== 'due' || timing.day > opens) return;
    const dueNow = (today !== undefined && timing.day <= today) || DEPLOYED.has(status);
    if (!dueNow) return;
    const said = dayOf(entry.when.trim()) !== undefined ? timing.day : `${timing.day} ("${clip(entry.when.trim())}")`;
    found.push({ doc: change, problem: problemOf('notice-not-sent', range, `${message} was due ${said}, before the window opens (${start}), and has no sent date: send it, then record when.`) });
  });
  return found;
}

/** Whether a `sent` value records a sending: a date (or any text), not an empty `sent:`. */
function wasSent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}
