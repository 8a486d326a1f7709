import * as vscode from 'vscode';
import { nextDueDocument, type RecordAssessment } from '../core/records/recordStatus';

/** One line on a record for a tooltip: its version, how far it has come, and what is due next. */
export function recordSummary(version: string, assessment: RecordAssessment): string {
  const progress = vscode.l10n.t('Change record {0}: {1} of {2} documents complete, {3} written.', version, assessment.complete, assessment.expected, assessment.present);
  const next = nextDueDocument(assessment);
  if (next === undefined) return `${progress} ${vscode.l10n.t('Nothing is due: every document is complete.')}`;
  const why = next.action === 'write' ? vscode.l10n.t('not written yet') : vscode.l10n.t('to finish');
  return `${progress} ${vscode.l10n.t('Next: {0} ({1}).', next.fileName, why)}`;
}
