import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem } from './problem';
import { DEFAULT_RISK_MATRIX, riskRatingFor, type RiskMatrix } from './riskMatrix';
import { problemOf } from './ruleCatalog';
import { rangeOfNode } from './yamlRanges';

/** Checks that the manifest's clinical risk rating is what the matrix gives for its likelihood and consequence. */
export function riskRatingProblems(data: Record<string, unknown>, frontMatter: FrontMatter, lines: LineIndex, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): Problem[] {
  const risk = data.clinical_risk;
  if (typeof risk !== 'object' || risk === null || Array.isArray(risk)) return [];
  const { likelihood, consequence, rating } = risk as Record<string, unknown>;
  const expected = riskRatingFor(matrix, likelihood, consequence);
  if (expected === undefined || typeof rating !== 'number' || rating === expected) return [];
  // A rating outside 1–5 is the schema's to report; this rule only speaks to valid ratings.
  if (![1, 2, 3, 4, 5].includes(rating)) return [];
  const node = nodeAtPath(frontMatter, ['clinical_risk', 'rating']).value;
  const range = rangeOfNode(node, frontMatter, lines) ?? frontMatter.openingRange;
  const problem = problemOf('risk-rating-mismatch', range, `The risk matrix rates likelihood "${String(likelihood)}" with consequence "${String(consequence)}" as ${expected}, not ${rating}.`);
  return [{ ...problem, fix: { title: `Set the rating to ${expected}`, range, newText: String(expected) } }];
}
