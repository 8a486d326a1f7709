import { signOffRoleLabel } from '../validate/signOffRules';
import { packBlocksHtml } from './html/packBlocksHtml';
import { escapeHtml, htmlOf } from './htmlText';
import { signOffBlocks } from './model/recordModels';
import { signOffRowsOf } from './signOffRows';
import { dateHtml } from './readableDates';
import type { PackContext } from './packContext';

/** The cover's one line: who has signed, and which required sign-offs are outstanding. */
export function signOffSummaryHtml(context: PackContext): string {
  const rows = signOffRowsOf(context);
  if (rows.length === 0) return htmlOf(undefined, 'none recorded');
  return rows
    .map((row) => (row.entry ? `${escapeHtml(signOffRoleLabel(row.role))}: ${htmlOf(row.entry.name)}, ${dateHtml(row.entry.date, 'undated')}` : `${escapeHtml(signOffRoleLabel(row.role))}: <strong>required, not signed</strong>`))
    .join('<br>');
}

/** The sign-off page at the end in HTML: the same blocks the PDF draws (model/recordModels decides the section). */
export function renderSignOff(context: PackContext): string {
  return packBlocksHtml(signOffBlocks(context));
}
