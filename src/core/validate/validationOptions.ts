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
  /** Most problems reported per document; 200 by default. */
  readonly maxProblemsPerDocument?: number;
}

export const DEFAULT_BEYOND_ACTION_MINIMUM_DAYS = 28;
export const DEFAULT_MAX_PROBLEMS_PER_DOCUMENT = 200;
