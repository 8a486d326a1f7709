import { ACTION_PLAN_FILE, CHANGE_FILE, RELEASE_NOTES_FILE, ROLLBACK_FILE } from '../vocabulary/documentKinds';
import { PHASE_GUIDES } from '../records/phases';
import { PHASE_IDS, phaseFileNameOf } from '../vocabulary/phaseIds';
import { changeControlMoments } from './changeControlFacts';
import type { TimelineMoment } from './deploymentTimeline';
import { recordOf, textOf } from './htmlText';
import type { PackContext } from './packContext';

/** The moments of a record: when each document was written, and the approval. */
export function timelineMoments(context: PackContext): TimelineMoment[] {
  const dateOf = (fileName: string): TimelineMoment['date'] => textOf(context.documents.get(fileName)?.data?.date);
  const moment = (label: string, fileName: string): TimelineMoment => {
    const date = dateOf(fileName);
    const absentReason = context.documents.has(fileName) ? 'no date recorded' : 'not written';
    return date === undefined ? { label, absentReason } : { label, date, absentReason };
  };
  const approval = recordOf(context.change?.approval);
  const approvalDate = textOf(approval?.date);
  const authority = textOf(approval?.authority);
  return [
    moment('Change record written (change.md)', CHANGE_FILE),
    approvalDate === undefined
      ? { label: 'Approval', absentReason: 'not recorded' }
      : { label: `Approved${authority ? ` by ${authority}` : ''}`, date: approvalDate, absentReason: 'not recorded' },
    ...PHASE_IDS.map((phase) => moment(`${PHASE_GUIDES[phase].title} (${phase})`, phaseFileNameOf(phase))),
    moment('Release notes written', RELEASE_NOTES_FILE),
    moment('Rollback checklist written', ROLLBACK_FILE),
    moment('Action plan written', ACTION_PLAN_FILE),
    ...changeControlMoments(context),
  ];
}
