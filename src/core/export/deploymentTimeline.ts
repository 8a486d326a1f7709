import { daysBetween, parseIsoDate } from '../validate/isoDates';
import { plural, recordOf, textOf } from './htmlText';

/** The deployment window of a change record, as written in change.md. */
export interface DeploymentWindow {
  readonly start: string;
  readonly end: string;
}

/** The deployment window from change.md's front matter, or undefined when it is absent or not two readable dates. */
export function deploymentWindowOf(changeData: Record<string, unknown> | undefined): DeploymentWindow | undefined {
  const deployment = recordOf(changeData?.deployment);
  const start = textOf(deployment?.start);
  const end = textOf(deployment?.end);
  if (start === undefined || end === undefined || !parseIsoDate(start) || !parseIsoDate(end)) return undefined;
  return { start, end };
}

/**
 * Where a date sits against the deployment window, in words: "2 days before
 * deployment start", "on the deployment day", "31 days after deployment end".
 * Whole days count by the written day, as the validator's date-order rules
 * do; within the window's days a date-time is placed by the hour.
 */
export function relativeToDeployment(date: string, window: DeploymentWindow | undefined): string {
  if (!window) return 'no deployment window recorded';
  const when = parseIsoDate(date);
  const start = parseIsoDate(window.start);
  const end = parseIsoDate(window.end);
  if (!when) return 'date not readable';
  if (!start || !end) return 'no deployment window recorded';
  const daysBefore = daysBetween(date, window.start) ?? 0;
  if (daysBefore > 0) return `${plural(daysBefore, 'day')} before deployment start`;
  const daysAfter = daysBetween(window.end, date) ?? 0;
  if (daysAfter > 0) return `${plural(daysAfter, 'day')} after deployment end`;
  if (when.hasTime) {
    if (start.hasTime && when.instant < start.instant) return `${hoursText(start.instant - when.instant)} before deployment start`;
    if (end.hasTime && when.instant > end.instant) return `${hoursText(when.instant - end.instant)} after deployment end`;
    return 'during the deployment window';
  }
  return start.date === end.date ? 'on the deployment day' : 'during the deployment window';
}

function hoursText(milliseconds: number): string {
  const hours = Math.round(milliseconds / 3_600_000);
  return hours < 1 ? 'less than an hour' : plural(hours, 'hour');
}

/** One row of the pack's timeline. */
export interface TimelineEntry {
  readonly label: string;
  /** The date as written, or undefined when the document is missing or undated. */
  readonly date?: string;
  /** Where the date sits against the deployment, or why there is none. */
  readonly relative: string;
}

/** A dated moment of the record (a phase's reflection, the approval, the action plan). */
export interface TimelineMoment {
  readonly label: string;
  readonly date?: string;
  /** Said instead of a relative date when `date` is undefined ("not written"). */
  readonly absentReason: string;
}

/**
 * The timeline: the deployment window's two ends and every moment, dated ones
 * in date order (ties keep their given order), then the undated ones in the
 * order given.
 */
export function buildTimeline(moments: readonly TimelineMoment[], window: DeploymentWindow | undefined): TimelineEntry[] {
  const dated: Array<{ entry: TimelineEntry; instant: number; order: number }> = [];
  const undated: TimelineEntry[] = [];
  const add = (entry: TimelineEntry, instant: number | undefined): void => {
    if (instant === undefined) undated.push(entry);
    else dated.push({ entry, instant, order: dated.length });
  };
  if (window) {
    add({ label: 'Deployment window opens', date: window.start, relative: 'deployment start' }, parseIsoDate(window.start)?.instant);
    add({ label: 'Deployment window closes', date: window.end, relative: 'deployment end' }, parseIsoDate(window.end)?.instant);
  }
  for (const moment of moments) {
    const parsed = moment.date === undefined ? undefined : parseIsoDate(moment.date);
    if (moment.date === undefined) add({ label: moment.label, relative: moment.absentReason }, undefined);
    else add({ label: moment.label, date: moment.date, relative: relativeToDeployment(moment.date, window) }, parsed?.instant);
  }
  dated.sort((a, b) => a.instant - b.instant || a.order - b.order);
  return [...dated.map((d) => d.entry), ...undated];
}
