import type { Problem } from './problem';
import { hazardReferencesOf } from './hazardReferences';
import { highestRatingOf } from './hazardLog';
import { clip, dateAt, fieldAt, findRecordDocument, isBefore, rangeAt, type RecordDocument } from './recordFields';
import { problemOf } from './ruleCatalog';
import type { PlacedProblem } from './timelineRules';
import { DEFAULT_REQUIRED_SIGN_OFFS, DEFAULT_SAFETY_OFFICER_RATING, type ValidationOptions } from './validationOptions';
import { SIGN_OFF_ROLES, type SignOffRole } from '../vocabulary/signOffRoles';

/**
 * One reason a sign-off is required. Each requirement looks at change.md's
 * front matter and says why the role must sign, or undefined when it need
 * not; the configured ones come from `validation.requiredSignOffs`, and
 * others (such as the Clinical Safety Officer's for a high-rated hazard) are
 * added to `signOffRequirements`.
 */
export interface SignOffRequirement {
  readonly role: SignOffRole;
  /** Whether the sign-off must be dated before the deployment window opens (rule `sign-off-after-deployment-start`). */
  readonly beforeDeployment?: boolean;
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
  const byStatus = SIGN_OFF_ROLES.flatMap(({ id }): SignOffRequirement[] => {
    const due = configured[id];
    if (due === undefined || due === 'never') return [];
    return [{ role: id, reasonFor: (change) => ((STATUS_RANK[String(change.status)] ?? -1) >= STATUS_RANK[due] ? `the record is ${String(change.status)} and this sign-off is due from ${due}` : undefined) }];
  });
  const safety = safetyOfficerRequirement(options);
  return safety ? [...byStatus, safety] : byStatus;
}

/**
 * The Clinical Safety Officer's sign-off, due before the window, when a
 * hazard change.md names is rated at or above the configured rating (its
 * higher of initial and residual risk in the hazard log) or the change adds
 * or changes a hazard. Undefined when no hazard log was read.
 */
function safetyOfficerRequirement(options: ValidationOptions): SignOffRequirement | undefined {
  const log = options.hazardLog;
  if (!log) return undefined;
  const rating = options.safetyOfficerRating ?? DEFAULT_SAFETY_OFFICER_RATING;
  const onChange = options.safetyOfficerOnHazardChange ?? true;
  return {
    role: 'clinical-safety-officer',
    beforeDeployment: true,
    reasonFor(change) {
      for (const ref of hazardReferencesOf(change)) {
        const entry = log.entries.get(ref.id);
        const highest = entry ? highestRatingOf(entry) : undefined;
        if (highest !== undefined && highest >= rating) return `hazard ${clip(ref.id)} is rated ${highest} in the hazard log (sign-off needed from ${rating})`;
        if (onChange && (ref.impact === 'added' || ref.impact === 'changed')) return `the change has ${ref.impact} hazard ${clip(ref.id)}`;
      }
      return undefined;
    },
  };
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
  const start = dateAt(change, ['deployment', 'start']);
  if (start === undefined || !Array.isArray(blocks)) return found;
  for (const requirement of signOffRequirements(options)) {
    if (!requirement.beforeDeployment || requirement.reasonFor(data) === undefined) continue;
    blocks.forEach((block: unknown, index) => {
      const date = typeof block === 'object' && block !== null ? (block as Record<string, unknown>).date : undefined;
      if ((block as Record<string, unknown> | null)?.role !== requirement.role || typeof date !== 'string' || !isBefore(start, date)) return;
      const message = `${signOffRoleLabel(requirement.role)} signed off on ${clip(date)}, after the deployment window opened (${start}); this sign-off comes before go-live.`;
      found.push({ doc: change, problem: problemOf('sign-off-after-deployment-start', rangeAt(change, ['sign_off', index, 'date']), message) });
    });
  }
  return found;
}
