/** The roles a sign-off block names (change.md `sign_off[].role`), as the schema lists them. */
export const SIGN_OFF_ROLES = [
  { id: 'supervisor', label: 'Supervisor or training officer' },
  { id: 'clinical-safety-officer', label: 'Clinical Safety Officer' },
  { id: 'change-authority', label: 'Change authority' },
] as const;

export type SignOffRole = (typeof SIGN_OFF_ROLES)[number]['id'];



/** The status from which a role's sign-off is due, or `never`. */
export type SignOffDue = 'approved' | 'deployed' | 'closed' | 'never';

export const SIGN_OFF_DUE_VALUES: readonly SignOffDue[] = ['approved', 'deployed', 'closed', 'never'];
