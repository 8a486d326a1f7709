import { CHANGE_FILE } from '../vocabulary/documentKinds';
import { DEFAULT_RISK_MATRIX, riskRatingFor } from '../validate/riskMatrix';
import { escapeHtml, factList, htmlOf, missingDocumentHtml, plural, recordOf, textOf } from './htmlText';
import type { PackContext } from './packContext';
import { uncommittedBanner } from './provenanceSection';
import { signOffSummaryHtml } from './signOffSection';
import { activityOf } from './packActivity';
import { dateHtml } from './readableDates';

const RATING_WORDS: Readonly<Record<string, string>> = { '1': 'very low', '2': 'low', '3': 'medium', '4': 'high', '5': 'very high' };

/** The cover: what the change is, when, at what clinical risk, approved by whom, where it stands. */
export function renderCover(context: PackContext): string {
  const { change, input, version } = context;
  const range = recordOf(change?.range);
  const activity = activityOf(input.activity, change);
  const activityRows: Array<readonly [string, string]> = [
    ['Activity', htmlOf(activity.title)],
    ['Trainee', htmlOf(activity.trainee)],
    ['Supervisor', htmlOf(activity.supervisor)],
    ['Organisation', htmlOf(activity.organisation)],
    ['System changed', htmlOf(activity.system)],
    ['Learning outcomes', outcomesHtml(activity.learningOutcomes)],
  ];
  const rows: Array<readonly [string, string]> = [
    ['Version', escapeHtml(version)],
    ['Range', rangeHtml(range)],
    ['Status', htmlOf(change?.status)],
    ['Change type', htmlOf(change?.change_type)],
    ['Author', htmlOf(change?.author)],
    ['Record date', dateHtml(change?.date)],
    ['Deployment window', windowHtml(change)],
    ['Approval', approvalHtml(recordOf(change?.approval))],
    ['Sign-off', signOffSummaryHtml(context)],
    ['Clinical risk', riskHtml(context)],
    ['Hazards', htmlOf(change?.hazards, 'none recorded')],
    ['Services affected', htmlOf(recordOf(change?.affected)?.services)],
    ['User groups affected', htmlOf(recordOf(change?.affected)?.user_groups)],
    ['Rollback target', htmlOf(change?.rollback_target)],
    ['Record completeness', escapeHtml(`${input.assessment.complete} of ${plural(input.assessment.expected, 'document')} complete, ${input.assessment.present} present`)],
    ['Generated', dateHtml(input.generatedAt.toISOString())],
  ];
  return [
    '<header class="cover" id="cover">',
    '<p class="pack-kind">Evidence pack</p>',
    `<h1>${escapeHtml(activity.title ?? `Change record ${version}`)}</h1>`,
    `<p class="cover-subtitle">${escapeHtml([activity.system, `change record ${version}`].filter((p) => p !== undefined).join(', '))}</p>`,
    factList(activityRows, 'facts cover-facts activity'),
    change ? '' : missingDocumentHtml(CHANGE_FILE),
    uncommittedBanner(input.provenance),
    factList(rows, 'facts cover-facts'),
    communicationHtml(change?.communication),
    '</header>',
  ]
    .filter((part) => part.length > 0)
    .join('\n');
}

function outcomesHtml(outcomes: readonly string[] | undefined): string {
  if (!outcomes || outcomes.length === 0) return htmlOf(undefined);
  return `<ul class="outcomes">${outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`;
}

function rangeHtml(range: Record<string, unknown> | undefined): string {
  const from = textOf(range?.from);
  const to = textOf(range?.to);
  if (from === undefined && to === undefined) return htmlOf(undefined);
  return `${htmlOf(from, 'the first commit')} → ${htmlOf(to)}`;
}

function windowHtml(change: Record<string, unknown> | undefined): string {
  const deployment = recordOf(change?.deployment);
  if (!deployment) return htmlOf(undefined);
  const downtime = deployment.expected_downtime_minutes;
  const downtimeText = typeof downtime === 'number' ? `; expected downtime ${plural(downtime, 'minute')}` : '';
  return `${dateHtml(deployment.start)} to ${dateHtml(deployment.end)}${escapeHtml(downtimeText)}`;
}

function approvalHtml(approval: Record<string, unknown> | undefined): string {
  if (!approval) return htmlOf(undefined);
  const reference = textOf(approval.reference);
  return `${htmlOf(approval.authority, 'authority not recorded')}, ${dateHtml(approval.date, 'date not recorded')}${reference ? ` (reference ${escapeHtml(reference)})` : ''}`;
}

function riskHtml(context: PackContext): string {
  const risk = recordOf(context.change?.clinical_risk);
  if (!risk) return htmlOf(undefined);
  const rating = textOf(risk.rating);
  const word = rating === undefined ? undefined : RATING_WORDS[rating];
  const expected = riskRatingFor(context.input.options.riskMatrix ?? DEFAULT_RISK_MATRIX, risk.likelihood, risk.consequence);
  const parts = [
    `likelihood ${htmlOf(risk.likelihood)}`,
    `consequence ${htmlOf(risk.consequence)}`,
    `rating ${htmlOf(rating)}${word ? ` (${escapeHtml(word)})` : ''}`,
  ];
  const mismatch = expected !== undefined && rating !== String(expected) ? `<br><strong>The risk matrix gives ${expected} for this likelihood and consequence.</strong>` : '';
  const reviewer = textOf(risk.reviewed_by);
  return `${parts.join('; ')}${reviewer ? `; reviewed by ${escapeHtml(reviewer)}` : ''}${mismatch}`;
}

function communicationHtml(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return '';
  const rows = value.map((item) => {
    const entry = recordOf(item);
    return `<tr><td>${htmlOf(entry?.who)}</td><td>${htmlOf(entry?.when)}</td><td>${htmlOf(entry?.channel)}</td></tr>`;
  });
  return ['<h2 class="cover-subhead">Communication plan</h2>', '<table class="communication">', '<thead><tr><th>Who</th><th>When</th><th>Channel</th></tr></thead>', `<tbody>\n${rows.join('\n')}\n</tbody>`, '</table>'].join('\n');
}
