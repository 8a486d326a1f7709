import { signOffRequirements, signOffRoleLabel } from '../validate/signOffRules';
import { SIGN_OFF_ROLES } from '../vocabulary/signOffRoles';
import { escapeHtml, htmlOf, recordOf, textOf } from './htmlText';
import { dateHtml } from './readableDates';
import type { PackContext } from './packContext';

/** One row per role: the entries change.md's `sign_off` carries, then any required role nobody has signed. */
export interface SignOffRow {
  readonly role: string;
  readonly entry?: Record<string, unknown>;
  readonly required: boolean;
}

/** The sign-off rows of a record, for every format of the pack. */
export function signOffRowsOf(context: PackContext): SignOffRow[] {
  const blocks = Array.isArray(context.change?.sign_off) ? (context.change.sign_off as unknown[]) : [];
  const entries = blocks.map(recordOf).filter((e): e is Record<string, unknown> => e !== undefined);
  const required = new Set(context.change ? signOffRequirements(context.input.options).filter((r) => context.change && r.reasonFor(context.change) !== undefined).map((r) => r.role as string) : []);
  const rows: SignOffRow[] = entries.map((entry) => ({ role: textOf(entry.role) ?? '', entry, required: required.has(textOf(entry.role) ?? '') }));
  for (const { id } of SIGN_OFF_ROLES) if (required.has(id) && !entries.some((e) => e.role === id)) rows.push({ role: id, required: true });
  return rows;
}

/** The cover's one line: who has signed, and which required sign-offs are outstanding. */
export function signOffSummaryHtml(context: PackContext): string {
  const rows = signOffRowsOf(context);
  if (rows.length === 0) return htmlOf(undefined, 'none recorded');
  return rows
    .map((row) => (row.entry ? `${escapeHtml(signOffRoleLabel(row.role))}: ${htmlOf(row.entry.name)}, ${dateHtml(row.entry.date, 'undated')}` : `${escapeHtml(signOffRoleLabel(row.role))}: <strong>required, not signed</strong>`))
    .join('<br>');
}

/** The sign-off page at the end: each role with name, title and date, and a space for each required one still unsigned. */
export function renderSignOff(context: PackContext): string {
  const rows = signOffRowsOf(context);
  if (rows.length === 0) return '<p class="missing">No sign-off is recorded in change.md (sign_off), and none is required yet.</p>';
  const body = rows.map((row) => {
    const entry = row.entry;
    const state = entry ? 'signed' : 'required, not signed';
    return `<tr><td>${escapeHtml(signOffRoleLabel(row.role))}</td><td>${entry ? htmlOf(entry.name) : ''}</td><td>${entry ? htmlOf(entry.title, '') : ''}</td><td class="date">${entry ? dateHtml(entry.date) : ''}</td><td>${escapeHtml(state)}</td></tr>`;
  });
  return ['<div class="table-scroll">', '<table class="sign-off">', '<thead><tr><th>Role</th><th>Name</th><th>Title</th><th>Date</th><th>State</th></tr></thead>', '<tbody>', ...body, '</tbody>', '</table>', '</div>'].join('\n');
}
