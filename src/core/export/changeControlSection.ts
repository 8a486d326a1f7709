import { readLogEntriesOfBody, LOG_ENTRY_TYPES, type DeploymentLogEntry } from '../records/deploymentLog';
import { normaliseHeading, readSections } from '../validate/markdownSections';
import { phaseFileNameOf } from '../vocabulary/phaseIds';
import { relativeToDeployment, type TimelineMoment } from './deploymentTimeline';
import { escapeHtml, htmlOf, recordOf, textOf } from './htmlText';
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

/**
 * The change-control page: the approved window beside what happened, the
 * closing review, business continuity, the post-deployment checks, the
 * communication plan with what was sent, and the deployment log beside the
 * planned steps.
 */
export function renderChangeControl(context: PackContext): string {
  const change = context.change;
  if (!change) return '<p class="missing">No change.md could be read, so there is no change-control record.</p>';
  return [plannedVsActual(context), reviewPart(context), continuityPart(context), verificationPart(context), communicationPart(context), logBesidePlan(context)].join('\n');
}

function plannedVsActual(context: PackContext): string {
  const deployment = recordOf(context.change?.deployment);
  const actual = recordOf(deployment?.actual);
  const row = (what: string, planned: unknown, happened: unknown) => `<tr><td>${escapeHtml(what)}</td><td>${htmlOf(planned)}</td><td>${htmlOf(happened)}</td></tr>`;
  return [
    '<h3>Planned and actual window</h3>',
    '<table class="planned-actual">',
    '<thead><tr><th></th><th>Approved</th><th>Actual</th></tr></thead>',
    '<tbody>',
    row('Start', deployment?.start, actual?.start),
    row('End', deployment?.end, actual?.end),
    row('Downtime (minutes)', deployment?.expected_downtime_minutes, actual?.downtime_minutes),
    '</tbody>',
    '</table>',
    `<p>Change type: ${htmlOf(context.change?.change_type)}${textOf(context.change?.change_model) ? `; change model: ${htmlOf(context.change?.change_model)}` : ''}${recordOf(context.change?.emergency) ? `; emergency authority: ${htmlOf(recordOf(context.change?.emergency)?.authority)}` : ''}.</p>`,
  ].join('\n');
}

function reviewPart(context: PackContext): string {
  const review = recordOf(context.change?.review);
  if (!review) return '<h3>Post-implementation review</h3>\n<p class="missing">No post-implementation review recorded (review).</p>';
  const followUp = review.outcome === 'failed' || review.outcome === 'backed-out' ? `<br>Rollback executed: ${htmlOf(review.rollback_executed)}; incident: ${htmlOf(review.incident)}` : '';
  return `<h3>Post-implementation review</h3>\n<p>Outcome: <strong>${htmlOf(review.outcome)}</strong>, reviewed by ${htmlOf(review.reviewer)} on <span class="date">${htmlOf(review.date)}</span>.${followUp}</p>`;
}

function continuityPart(context: PackContext): string {
  const continuity = recordOf(context.change?.continuity);
  if (!continuity) return '<h3>Business continuity</h3>\n<p class="missing">Not recorded (continuity).</p>';
  const yesNo = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : undefined);
  return `<h3>Business continuity</h3>\n<p>Affects clinical services: ${htmlOf(yesNo(continuity.affects_clinical_services))}; downtime procedure: ${htmlOf(continuity.procedure)}; covers this change: ${htmlOf(yesNo(continuity.covers_change))}; checked by ${htmlOf(continuity.reviewed_by)}.</p>`;
}

function verificationPart(context: PackContext): string {
  const checks = checksOf(context);
  if (checks.length === 0) return '<h3>Post-deployment verification</h3>\n<p class="missing">No post-deployment checks recorded (verification).</p>';
  const rows = checks.map((c) => `<tr><td>${htmlOf(c.check)}</td><td>${htmlOf(c.result)}</td><td>${htmlOf(c.by)}</td><td class="date">${htmlOf(c.at)}</td></tr>`);
  return ['<h3>Post-deployment verification</h3>', '<table class="verification">', '<thead><tr><th>Check</th><th>Result</th><th>By</th><th>When</th></tr></thead>', '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

function communicationPart(context: PackContext): string {
  const plan = Array.isArray(context.change?.communication) ? (context.change.communication as unknown[]).map(recordOf).filter((e) => e !== undefined) : [];
  if (plan.length === 0) return '<h3>Communication</h3>\n<p class="missing">No communication plan recorded (communication).</p>';
  const rows = plan.map((e) => `<tr><td>${htmlOf(e.type, '')}</td><td>${htmlOf(e.who)}</td><td>${htmlOf(e.when)}</td><td>${htmlOf(e.channel)}</td><td class="date">${htmlOf(e.sent, 'not sent')}</td></tr>`);
  return ['<h3>Communication</h3>', '<table class="communication">', '<thead><tr><th>Notice</th><th>Who</th><th>When</th><th>Channel</th><th>Sent</th></tr></thead>', '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

/** The planned steps (the planning reflection's list under "Steps and timeline") beside the log written during the window. */
function logBesidePlan(context: PackContext): string {
  const planned = plannedSteps(context);
  const entries = logEntriesOf(context);
  const plannedHtml = planned.length > 0 ? `<ol>\n${planned.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ol>` : '<p class="missing">No steps listed under "Steps and timeline" in in-action-planning.md.</p>';
  const loggedHtml =
    entries.length > 0
      ? `<table class="deployment-log">\n<thead><tr><th>When</th><th>Entry</th><th>Relative to the window</th></tr></thead>\n<tbody>\n${entries
          .map((e) => `<tr><td class="date">${escapeHtml(e.at)}</td><td><strong>${escapeHtml(labelOf(e))}</strong>: ${escapeHtml(e.text)}</td><td>${escapeHtml(relativeToDeployment(e.at, context.window))}</td></tr>`)
          .join('\n')}\n</tbody>\n</table>`
      : '<p class="missing">No deployment log entries in in-action-execution.md ("Deployment log").</p>';
  return `<h3>Deployment log beside the planned steps</h3>\n<div class="log-beside-plan">\n<div><h4>Planned steps</h4>\n${plannedHtml}\n</div>\n<div><h4>Logged during the window</h4>\n${loggedHtml}\n</div>\n</div>`;
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
