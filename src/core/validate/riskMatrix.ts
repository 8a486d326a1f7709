/** Likelihood of harm, from the DCB0129 / DCB0160 risk matrix, lowest first. */
export const RISK_LIKELIHOODS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
export type RiskLikelihood = (typeof RISK_LIKELIHOODS)[number];

/** Consequence of harm, from the DCB0129 / DCB0160 risk matrix, least severe first. */
export const RISK_CONSEQUENCES = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
export type RiskConsequence = (typeof RISK_CONSEQUENCES)[number];

/** A clinical risk rating, 1 (very low) to 5 (very high). */
export type RiskRating = 1 | 2 | 3 | 4 | 5;

/** The rating for each likelihood and consequence. */
export type RiskMatrix = Readonly<Record<RiskLikelihood, Readonly<Record<RiskConsequence, RiskRating>>>>;

/**
 * The default likelihood × consequence → rating table: the risk matrix of the
 * NHS clinical risk management standards DCB0129 and DCB0160 (their
 * implementation guidance). An organisation can replace it (`changeLog.riskMatrix`).
 */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  'very low': { minor: 1, significant: 1, considerable: 2, major: 2, catastrophic: 3 },
  low: { minor: 1, significant: 2, considerable: 2, major: 3, catastrophic: 4 },
  medium: { minor: 2, significant: 2, considerable: 3, major: 3, catastrophic: 4 },
  high: { minor: 2, significant: 3, considerable: 3, major: 4, catastrophic: 5 },
  'very high': { minor: 3, significant: 4, considerable: 4, major: 5, catastrophic: 5 },
};

/** The rating a matrix gives, or undefined when the likelihood or consequence is not on its scales. */
export function riskRatingFor(matrix: RiskMatrix, likelihood: unknown, consequence: unknown): RiskRating | undefined {
  if (!isOneOf(RISK_LIKELIHOODS, likelihood) || !isOneOf(RISK_CONSEQUENCES, consequence)) return undefined;
  return matrix[likelihood][consequence];
}

/**
 * Reads a risk matrix from a setting: an object keyed by likelihood, each an
 * object keyed by consequence, each a rating 1–5. Returns the matrix, or the
 * reasons it was refused (then callers keep the default).
 */
export function parseRiskMatrix(value: unknown): { matrix?: RiskMatrix; problems: string[] } {
  if (!isPlainObject(value)) return { problems: ['The risk matrix must be an object keyed by likelihood.'] };
  const problems: string[] = [];
  const rows: Partial<Record<RiskLikelihood, Record<RiskConsequence, RiskRating>>> = {};
  for (const key of Object.keys(value)) {
    if (!isOneOf(RISK_LIKELIHOODS, key)) problems.push(`Unknown likelihood "${key.slice(0, 40)}"; use ${RISK_LIKELIHOODS.join(', ')}.`);
  }
  for (const likelihood of RISK_LIKELIHOODS) {
    const row: unknown = Object.hasOwn(value, likelihood) ? value[likelihood] : undefined;
    if (!isPlainObject(row)) {
      problems.push(`The risk matrix has no row for likelihood "${likelihood}".`);
      continue;
    }
    const ratings: Partial<Record<RiskConsequence, RiskRating>> = {};
    for (const consequence of RISK_CONSEQUENCES) {
      const rating: unknown = Object.hasOwn(row, consequence) ? row[consequence] : undefined;
      if (rating === 1 || rating === 2 || rating === 3 || rating === 4 || rating === 5) ratings[consequence] = rating;
      else problems.push(`The risk matrix needs a rating 1–5 for likelihood "${likelihood}" and consequence "${consequence}".`);
    }
    rows[likelihood] = ratings as Record<RiskConsequence, RiskRating>;
  }
  return problems.length === 0 ? { matrix: rows as RiskMatrix, problems } : { problems };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
