import type { Problem } from './problem';
import { fieldAt, findRecordDocument, rangeAt, type RecordDocument } from './recordFields';
import { problemOf } from './ruleCatalog';
import type { PlacedProblem } from './timelineRules';
import type { ValidationOptions } from './validationOptions';
import { SIGN_OFF_ROLES, type SignOffDue, type SignOffRole } from '../vocabulary/signOffRoles';

/** By default only the supervisor's sign-off is required, once the record is closed. */
export const DEFAULT_REQUIRED_SIGN_OFFS: Readonly<Partial<Record<SignOffRole, SignOffDue>>> = { supervisor: 'closed' };

/**
 * One reason a sign-off is required. Each requirement looks at change.md's
 * front matter and says why the role must sign, or undefined when it need
 * not; the configured ones come from `validation.requiredSignOffs`, and
 * others (such as the Clinical Safety Officer's for a high-rated hazard) are
 * added to `signOffRequirements`.
 */
export interface SignOffRequirement {
  readonly role: SignOffRole;
  reasonFor(change: Readonly<Record<string, unknown>>): string | undefined;
}

const STATUS_RANK: Readonly<Record<string, number>> = { planned: 0, approved: 1, deployed: 2, 'rolled-back': 2, closed: 3 };

/** The label a person reads for a role id. */
export function signOffRoleLabel(role: string): string {
  return SIGN_OFF_ROLES.find((r) => r.id === role)?.label ?? role;
}

/** The requirements that apply with these options: one per configured role. */
export function signOffRequirements(options: ValidationOptions): SignOffRequirement[] {
  const configured = options.requiredSignOffs ?? DEFAULT_REQUIRED_SIGN_OFFS;
  return SIGN_OFF_ROLES.flatMap(({ id }): SignOffRequirement[] => {
    const due = configured[id];
    if (due === undefined || due === 'never') return [];
    return [{ role: id, reasonFor: (change) => ((STATUS_RANK[String(change.status)] ?? -1) >= STATUS_RANK[due] ? `the record is ${String(change.status)} and this sign-off is due from ${due}` : undefined) }];
  });
}

/** Required sign-offs change.md does not carry (rule `sign-off-missing`), on its `sign_off` (or `status`) line. */
export function signOffProblems(documents: readonly RecordDocument[], options: ValidationOptions): PlacedProblem[] {
  const change = findRecordDocument(documents, { kind: 'change' });
  const data = change?.analysis.data;
  if (!change || !data) return [];
  const blocks = fieldAt(change, ['sign_off']);
  const signed = new Set((Array.isArray(blocks) ? blocks : []).map((b: unknown) => (typeof b === 'object' && b !== null ? (b as Record<string, unknown>).role : undefined)));
  const found: PlacedProblem[] = [];
  for (const requirement of signOffRequirements(options)) {
    if (signed.has(requirement.role)) continue;
    const reason = requirement.reasonFor(data);
    if (reason === undefined) continue;
    const range = Array.isArray(blocks) ? rangeAt(change, ['sign_off']) : rangeAt(change, ['status']);
    const problem: Problem = problemOf('sign-off-missing', range, `${signOffRoleLabel(requirement.role)} has not signed off in change.md (sign_off): ${reason}.`);
    found.push({ doc: change, problem });
  }
  return found;
}
