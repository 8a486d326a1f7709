/** The reflective phases of a change, in the order they are written. */
export const PHASE_IDS = ['before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** The file a phase's reflection is kept in, inside its record folder. */
export function phaseFileNameOf(phase: PhaseId): string {
  return `${phase}.md`;
}

/** Whether a value is one of the phase ids. */
export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (PHASE_IDS as readonly string[]).includes(value);
}
