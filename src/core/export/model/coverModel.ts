import { CHANGE_FILE } from '../../vocabulary/documentKinds';
import { DEFAULT_RISK_MATRIX, riskRatingFor } from '../../validate/riskMatrix';
import { signOffRoleLabel } from '../../validate/signOffRules';
import { plural, recordOf, textOf } from '../htmlText';
import { activityOf } from '../packActivity';
import type { PackContext } from '../packContext';
import { signOffRowsOf } from '../signOffRows';
import { missingSpan, paragraph, plain, valueSpans, type InlineSpan, type PackBlock } from './packModel';
import { readableDate, readableInstant } from '../../vocabulary/readableDate';

const RATING_WORDS: Readonly<Record<string, string>> = { '1': 'very low', '2': 'low', '3': 'medium', '4': 'high', '5': 'very high' };

/** A front matter date as people read it, or the placeholder. */
export function dateSpans(value: unknown, missing = 'not recorded'): InlineSpan[] {
  const text = textOf(value);
  if (text === undefined) return missingSpan(missing);
  const readable = readableDate(text);
  return readable === undefined ? plain(text) : [{ text: readable, date: text.trim() }];
}

/** The cover: the activity, then what the change is, when, at what risk, approved and signed by whom. */
export function coverBlocks(context: PackContext): PackBlock[] {
  const { change, input, version } = context;
  const activity = activityOf(input.activity, change);
  const range = recordOf(change?.range);
  const activityRows = [
    { label: 'Activity', value: valueSpans(activity.title) },
    { label: 'Trainee', value: valueSpans(activity.trainee) },
    { label: 'Supervisor', value: valueSpans(activity.supervisor) },
    { label: 'Organisation', value: valueSpans(activity.organisation) },
    { label: 'System changed', value: valueSpans(activity.system) },
    { label: 'Learning outcomes', value: activity.learningOutcomes && activity.learningOutcomes.length > 0 ? plain(activity.learningOutcomes.map((o) => `• ${o}`).join('\n')) : missingSpan() },
  ];
  const rows = [
    { label: 'Version', value: plain(version) },
    { label: 'Range', value: range && (textOf(range.from) ?? textOf(range.to)) !== undefined ? plain(`${textOf(range.from) ?? 'the first commit'} → ${textOf(range.to) ?? 'not recorded'}`) : missingSpan() },
    { label: 'Status', value: valueSpans(textOf(change?.status)) },
    { label: 'Change type', value: valueSpans(textOf(change?.change_type)) },
    { label: 'Author', value: valueSpans(textOf(change?.author)) },
    { label: 'Record date', value: dateSpans(change?.date) },
    { label: 'Deployment window', value: windowSpans(change) },
    { label: 'Approval', value: approvalSpans(recordOf(change?.approval)) },
    { label: 'Sign-off', value: signOffSummary(context) },
    { label: 'Clinical risk', value: riskSpans(context) },
    { label: 'Hazards', value: valueSpans(textOf(change?.hazards), 'none recorded') },
    { label: 'Services affected', value: valueSpans(textOf(recordOf(change?.affected)?.services)) },
    { label: 'User groups affected', value: valueSpans(textOf(recordOf(change?.affected)?.user_groups)) },
    { label: 'Rollback target', value: valueSpans(textOf(change?.rollback_target)) },
    { label: 'Record completeness', value: plain(`${input.assessment.complete} of ${plural(input.assessment.expected, 'document')} complete, ${input.assessment.present} present`) },
    { label: 'Generated', value: plain(readableInstant(input.generatedAt)) },
  ];
  const blocks: PackBlock[] = [{ kind: 'facts', rows: activityRows }];
  if (!change) blocks.push(paragraph(`${CHANGE_FILE} is missing from the change record.`, 'missing'));
  const edited = input.provenance?.documents.filter((d) => d.uncommitted) ?? [];
  if (edited.length > 0) {
    blocks.push(paragraph([{ text: 'Exported with uncommitted changes', bold: true }, { text: ` to ${edited.map((d) => d.name).join(', ')}: what this pack shows is not yet in the repository’s history (see Provenance).` }], 'warning'));
  }
  blocks.push({ kind: 'facts', rows });
  const communication = Array.isArray(change?.communication) ? (change.communication as unknown[]).map(recordOf) : [];
  if (communication.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: plain('Communication plan') });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Who', kind: 'person' },
        { title: 'When', kind: 'date' },
        { title: 'Channel', kind: 'text' },
      ],
      rows: communication.map((entry) => [valueSpans(textOf(entry?.who)), dateSpans(entry?.when), valueSpans(textOf(entry?.channel))]),
    });
  }
  return blocks;
}

function windowSpans(change: Record<string, unknown> | undefined): InlineSpan[] {
  const deployment = recordOf(change?.deployment);
  if (!deployment) return missingSpan();
  const downtime = deployment.expected_downtime_minutes;
  const downtimeText = typeof downtime === 'number' ? `; expected downtime ${plural(downtime, 'minute')}` : '';
  return [...dateSpans(deployment.start), { text: ' to ' }, ...dateSpans(deployment.end), ...(downtimeText ? plain(downtimeText) : [])];
}

function approvalSpans(approval: Record<string, unknown> | undefined): InlineSpan[] {
  if (!approval) return missingSpan();
  const reference = textOf(approval.reference);
  return [...valueSpans(textOf(approval.authority), 'authority not recorded'), { text: ', ' }, ...dateSpans(approval.date, 'date not recorded'), ...(reference ? plain(` (reference ${reference})`) : [])];
}

function signOffSummary(context: PackContext): InlineSpan[] {
  const rows = signOffRowsOf(context);
  if (rows.length === 0) return missingSpan('none recorded');
  return rows.flatMap((row, i): InlineSpan[] => {
    const lead = `${i > 0 ? '\n' : ''}${signOffRoleLabel(row.role)}: `;
    if (!row.entry) return [{ text: lead }, { text: 'required, not signed', bold: true }];
    return [{ text: lead }, ...valueSpans(textOf(row.entry.name)), { text: ', ' }, ...dateSpans(row.entry.date, 'undated')];
  });
}

function riskSpans(context: PackContext): InlineSpan[] {
  const risk = recordOf(context.change?.clinical_risk);
  if (!risk) return missingSpan();
  const rating = textOf(risk.rating);
  const word = rating === undefined ? undefined : RATING_WORDS[rating];
  const expected = riskRatingFor(context.input.options.riskMatrix ?? DEFAULT_RISK_MATRIX, risk.likelihood, risk.consequence);
  const reviewer = textOf(risk.reviewed_by);
  const text = `likelihood ${textOf(risk.likelihood) ?? 'not recorded'}; consequence ${textOf(risk.consequence) ?? 'not recorded'}; rating ${rating ?? 'not recorded'}${word ? ` (${word})` : ''}${reviewer ? `; reviewed by ${reviewer}` : ''}`;
  const mismatch = expected !== undefined && rating !== String(expected) ? [{ text: `\nThe risk matrix gives ${expected} for this likelihood and consequence.`, bold: true }] : [];
  return [{ text }, ...mismatch];
}
