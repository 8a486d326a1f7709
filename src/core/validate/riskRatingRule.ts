import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem } from './problem';
import { DEFAULT_RISK_MATRIX, riskRatingFor, type RiskMatrix } from './riskMatrix';
import { problemOf } from './ruleCatalog';
import { rangeOfNode } from './yamlRanges';

/** Checks that the manifest's clinical risk rating is what the matrix gives for its likelihood and consequence. */
export function riskRatingProblems(data: Record<string, unknown>, frontMatter: FrontMatter, lines: LineIndex, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): Problem[] {
  const problem = riskBlockProblem(data.clinical_risk, ['clinical_risk'], frontMatter, lines, matrix, '');
  return problem ? [problem] : [];
}

/**
 * The `risk-rating-mismatch` problem of one risk block (likelihood,
 * consequence, rating) at `path`, or undefined when it agrees with the matrix
 * or is not complete enough to judge. `what` starts the message ("HAZ-1,
 * residual risk: ").
 */
export function riskBlockProblem(block: unknown, path: readonly (string | number)[], frontMatter: FrontMatter, lines: LineIndex, matrix: RiskMatrix, what: string): Problem | undefined {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return undefined;
  const { likelihood, consequence, rating } = block as Record<string, unknown>;
  const expected = riskRatingFor(matrix, likelihood, consequence);
  if (expected === undefined || typeof rating !== 'number' || rating === expected) return undefined;
  // A rating outside 1–5 is the schema's to report; this rule only speaks to valid ratings.
  if (![1, 2, 3, 4, 5].includes(rating)) return undefined;
  const node = nodeAtPath(frontMatter, [...path, 'rating']).value;
  const range = rangeOfNode(node, frontMatter, lines) ?? frontMatter.openingRange;
  const problem = problemOf('risk-rating-mismatch', range, `${what}The risk matrix rates likelihood "${String(likelihood)}" with consequence "${String(consequence)}" as ${expected}, not ${rating}.`);
  return { ...problem, fix: { title: `Set the rating to ${expected}`, range, newText: String(expected) } };
}
