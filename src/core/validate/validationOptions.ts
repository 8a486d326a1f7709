import type { HazardLogIndex } from './hazardLogIndex';
import type { RiskMatrix } from './riskMatrix';
import type { RuleSeverities } from './ruleCatalog';
import type { SignOffDue, SignOffRole } from '../vocabulary/signOffRoles';

/** Options every validation entry point takes; all are optional and have documented defaults. */
export interface ValidationOptions {
  /** Per-rule severity overrides, including `off` (setting `changeLog.validation.rules`). */
  readonly severities?: RuleSeverities;
  /** The likelihood × consequence → rating table (setting `changeLog.riskMatrix`); the DCB0129 / DCB0160 default otherwise. */
  readonly riskMatrix?: RiskMatrix;
  /** Fewest days between the on-action and beyond-action reflections (setting `changeLog.validation.beyondActionMinimumDays`); 28 by default. */
  readonly beyondActionMinimumDays?: number;
  /** Today's date (YYYY-MM-DD) for overdue actions; without it that rule is skipped, as there is no hidden clock. */
  readonly today?: string;
  /** The sign-off roles change.md must carry and the status from which each is due (`validation.requiredSignOffs`); the supervisor's from `closed` by default. */
  readonly requiredSignOffs?: Readonly<Partial<Record<SignOffRole, SignOffDue>>>;
  /** The highest residual risk rating accepted without a justification (`validation.clinicalSafety.residualRiskThreshold`); 2 by default. */
  readonly residualRiskThreshold?: number;
  /** The hazard rating from which the Clinical Safety Officer must sign off before the window (`validation.clinicalSafety.safetyOfficerRating`); 3 by default. */
  readonly safetyOfficerRating?: number;
  /** Whether a hazard the change adds or changes needs the Clinical Safety Officer's sign-off (`validation.clinicalSafety.safetyOfficerOnHazardChange`); true by default. */
  readonly safetyOfficerOnHazardChange?: boolean;
  /** The hazard log at the records root, for the record rules; without it (a document checked on its own) hazard ids are not looked up. */
  readonly hazardLog?: HazardLogIndex;
  /** The person's git `user.name` (read through the git layer), for the fix that adds a missing `author`. */
  readonly authorName?: string;
  /** Most problems reported per document; 200 by default. */
  readonly maxProblemsPerDocument?: number;
}

export const DEFAULT_BEYOND_ACTION_MINIMUM_DAYS = 28;
export const DEFAULT_MAX_PROBLEMS_PER_DOCUMENT = 200;
export const DEFAULT_RESIDUAL_RISK_THRESHOLD = 2;
export const DEFAULT_SAFETY_OFFICER_RATING = 3;

/**
 * By default only the supervisor's sign-off is required, once the record is
 * closed. Kept here, beside the other defaults, so reading the configuration
 * does not load the validation rules (nor yaml through them).
 */
export const DEFAULT_REQUIRED_SIGN_OFFS: Readonly<Partial<Record<SignOffRole, SignOffDue>>> = { supervisor: 'closed' };
