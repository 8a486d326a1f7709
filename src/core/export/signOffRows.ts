import { signOffRequirements } from '../validate/signOffRules';
import { SIGN_OFF_ROLES } from '../vocabulary/signOffRoles';
import { recordOf, textOf } from './htmlText';
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
