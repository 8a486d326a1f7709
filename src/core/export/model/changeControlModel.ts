import { phaseFileNameOf } from '../../vocabulary/phaseIds';
import { checksOf, labelOf, logEntriesOf, plannedSteps } from '../changeControlFacts';
import { relativeToDeployment } from '../deploymentTimeline';
import { recordOf, textOf } from '../htmlText';
import type { PackContext } from '../packContext';
import { dateSpans } from './coverModel';
import { paragraph, plain, valueSpans, type InlineSpan, type PackBlock } from './packModel';

const heading = (text: string, level = 3): PackBlock => ({ kind: 'heading', level, text: plain(text) });

/**
 * The change-control part: the approved window beside what happened, the
 * closing review, business continuity, the post-deployment checks, the
 * communication plan with what was sent, and the deployment log beside the
 * planned steps.
 */
export function changeControlBlocks(context: PackContext): PackBlock[] {
  if (!context.change) return [paragraph('No change.md could be read, so there is no change-control record.', 'missing')];
  return [...plannedVsActual(context), ...reviewPart(context), ...continuityPart(context), ...verificationPart(context), ...communicationPart(context), ...logBesidePlan(context)];
}

// A front matter value that may be a date: readable when it is one, as written otherwise.
function valueOrDate(value: unknown, missing = 'not recorded'): InlineSpan[] {
  return typeof value === 'number' ? plain(String(value)) : dateSpans(value, missing);
}

function plannedVsActual(context: PackContext): PackBlock[] {
  const change = context.change;
  const deployment = recordOf(change?.deployment);
  const actual = recordOf(deployment?.actual);
  const emergency = recordOf(change?.emergency);
  const model = textOf(change?.change_model);
  const kind: InlineSpan[] = [{ text: 'Change type: ' }, ...valueSpans(textOf(change?.change_type)), ...(model ? plain(`; change model: ${model}`) : []), ...(emergency ? [{ text: '; emergency authority: ' }, ...valueSpans(textOf(emergency.authority))] : []), { text: '.' }];
  return [
    heading('Planned and actual window'),
    {
      kind: 'table',
      columns: [
        { title: '', kind: 'text' },
        { title: 'Approved', kind: 'date' },
        { title: 'Actual', kind: 'date' },
      ],
      rows: [
        [plain('Start'), valueOrDate(deployment?.start), valueOrDate(actual?.start)],
        [plain('End'), valueOrDate(deployment?.end), valueOrDate(actual?.end)],
        [plain('Downtime (minutes)'), valueSpans(textOf(deployment?.expected_downtime_minutes)), valueSpans(textOf(actual?.downtime_minutes))],
      ],
    },
    paragraph(kind),
  ];
}

function reviewPart(context: PackContext): PackBlock[] {
  const review = recordOf(context.change?.review);
  if (!review) return [heading('Post-implementation review'), paragraph('No post-implementation review recorded (review).', 'missing')];
  const followUp: InlineSpan[] = review.outcome === 'failed' || review.outcome === 'backed-out' ? [{ text: '\nRollback executed: ' }, ...valueSpans(textOf(review.rollback_executed)), { text: '; incident: ' }, ...valueSpans(textOf(review.incident))] : [];
  return [
    heading('Post-implementation review'),
    paragraph([{ text: 'Outcome: ' }, { text: textOf(review.outcome) ?? 'not recorded', bold: true }, { text: ', reviewed by ' }, ...valueSpans(textOf(review.reviewer)), { text: ' on ' }, ...dateSpans(review.date), { text: '.' }, ...followUp]),
  ];
}

function continuityPart(context: PackContext): PackBlock[] {
  const continuity = recordOf(context.change?.continuity);
  if (!continuity) return [heading('Business continuity'), paragraph('Not recorded (continuity).', 'missing')];
  const yesNo = (value: unknown) => valueSpans(value === true ? 'yes' : value === false ? 'no' : undefined);
  return [
    heading('Business continuity'),
    paragraph([
      { text: 'Affects clinical services: ' },
      ...yesNo(continuity.affects_clinical_services),
      { text: '; downtime procedure: ' },
      ...valueSpans(textOf(continuity.procedure)),
      { text: '; covers this change: ' },
      ...yesNo(continuity.covers_change),
      { text: '; checked by ' },
      ...valueSpans(textOf(continuity.reviewed_by)),
      { text: '.' },
    ]),
  ];
}

function verificationPart(context: PackContext): PackBlock[] {
  const checks = checksOf(context);
  if (checks.length === 0) return [heading('Post-deployment verification'), paragraph('No post-deployment checks recorded (verification).', 'missing')];
  return [
    heading('Post-deployment verification'),
    {
      kind: 'table',
      columns: [
        { title: 'Check', kind: 'text' },
        { title: 'Result', kind: 'status' },
        { title: 'By', kind: 'person' },
        { title: 'When', kind: 'date' },
      ],
      rows: checks.map((c) => [valueSpans(textOf(c.check)), valueSpans(textOf(c.result)), valueSpans(textOf(c.by)), dateSpans(c.at)]),
    },
  ];
}

function communicationPart(context: PackContext): PackBlock[] {
  const plan = Array.isArray(context.change?.communication) ? (context.change.communication as unknown[]).map(recordOf).filter((e) => e !== undefined) : [];
  if (plan.length === 0) return [heading('Communication'), paragraph('No communication plan recorded (communication).', 'missing')];
  return [
    heading('Communication'),
    {
      kind: 'table',
      columns: [
        { title: 'Notice', kind: 'text' },
        { title: 'Who', kind: 'person' },
        { title: 'When', kind: 'date' },
        { title: 'Channel', kind: 'text' },
        { title: 'Sent', kind: 'date' },
      ],
      rows: plan.map((e) => [plain(textOf(e.type) ?? ''), valueSpans(textOf(e.who)), valueOrDate(e.when), valueSpans(textOf(e.channel)), dateSpans(e.sent, 'not sent')]),
    },
  ];
}

function logBesidePlan(context: PackContext): PackBlock[] {
  const planned = plannedSteps(context);
  const entries = logEntriesOf(context);
  return [
    heading('Deployment log beside the planned steps'),
    heading('Planned steps', 4),
    planned.length > 0 ? { kind: 'list', ordered: true, items: planned.map((s) => [paragraph(s)]) } : paragraph(`No steps listed under "Steps and timeline" in ${phaseFileNameOf('in-action-planning')}.`, 'missing'),
    heading('Logged during the window', 4),
    entries.length > 0
      ? {
          kind: 'table',
          columns: [
            { title: 'When', kind: 'date' },
            { title: 'Entry', kind: 'text' },
            { title: 'Relative to the window', kind: 'text' },
          ],
          rows: entries.map((e) => [dateSpans(e.at), [{ text: labelOf(e), bold: true }, { text: `: ${e.text}` }], plain(relativeToDeployment(e.at, context.window))]),
        }
      : paragraph(`No deployment log entries in ${phaseFileNameOf('in-action-execution')} ("Deployment log").`, 'missing'),
  ];
}

