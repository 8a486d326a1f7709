import { readLogEntriesOfBody, LOG_ENTRY_TYPES, type DeploymentLogEntry } from '../records/deploymentLog';
import { normaliseHeading, readSections } from '../validate/markdownSections';
import { phaseFileNameOf } from '../vocabulary/phaseIds';
import type { TimelineMoment } from './deploymentTimeline';
import { recordOf, textOf } from './htmlText';
import type { PackContext } from './packContext';

/** The planning reflection's heading whose list items are the planned steps. */
const PLANNED_STEPS_HEADING = 'Steps and timeline';

/** The deployment log of the in-action-execution reflection, as written. */
export function logEntriesOf(context: PackContext): DeploymentLogEntry[] {
  const document = context.documents.get(phaseFileNameOf('in-action-execution'));
  return document ? readLogEntriesOfBody(document.body) : [];
}

/** The moments change control adds to the timeline: the actual window, the reviews, each check and each log entry. */
export function changeControlMoments(context: PackContext): TimelineMoment[] {
  const change = context.change;
  const deployment = recordOf(change?.deployment);
  const actual = recordOf(deployment?.actual);
  const review = recordOf(change?.review);
  const retrospective = recordOf(recordOf(change?.emergency)?.retrospective_review);
  const moments: TimelineMoment[] = [];
  const dated = (label: string, date: unknown): void => {
    const text = textOf(date);
    if (text !== undefined) moments.push({ label, date: text, absentReason: 'not recorded' });
  };
  dated('Deployment actually started', actual?.start);
  dated('Deployment actually ended', actual?.end);
  for (const check of checksOf(context)) dated(`Check ${textOf(check.result) ?? ''}: ${textOf(check.check) ?? 'unnamed'}`, check.at);
  for (const entry of logEntriesOf(context)) dated(`Log, ${labelOf(entry)}: ${entry.text}`, entry.at);
  dated(`Retrospective review${textOf(retrospective?.reviewer) ? ` by ${textOf(retrospective?.reviewer)}` : ''}`, retrospective?.date);
  dated(`Post-implementation review: ${textOf(review?.outcome) ?? 'no outcome'}`, review?.date);
  return moments;
}

/** The planning reflection's list items under "Steps and timeline", as written. */
export function plannedSteps(context: PackContext): string[] {
  const body = context.documents.get(phaseFileNameOf('in-action-planning'))?.body;
  if (body === undefined) return [];
  const section = readSections(body, 0).find((s) => normaliseHeading(s.heading) === normaliseHeading(PLANNED_STEPS_HEADING));
  if (!section) return [];
  return body
    .split(/\r?\n/)
    .slice(section.line + 1, section.endLine)
    .map((line) => /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.+)$/.exec(line)?.[1]?.trim())
    .filter((step): step is string => step !== undefined && step.length > 0)
    .slice(0, 200);
}

/** change.md's post-deployment checks (verification). */
export function checksOf(context: PackContext): Record<string, unknown>[] {
  const checks = context.change?.verification;
  return Array.isArray(checks) ? checks.map(recordOf).filter((c): c is Record<string, unknown> => c !== undefined) : [];
}

/** A deployment log entry's type as people read it. */
export function labelOf(entry: DeploymentLogEntry): string {
  return LOG_ENTRY_TYPES.find((t) => t.id === entry.type)?.label ?? entry.type;
}
