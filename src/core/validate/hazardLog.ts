import { parseFrontMatter, type FrontMatter } from './frontMatterParser';
import type { HazardEntry, HazardLogIndex } from './hazardLogIndex';
import { LineIndex, type Problem } from './problem';
import { DEFAULT_RISK_MATRIX } from './riskMatrix';
import { riskBlockProblem } from './riskRatingRule';
import { problemOf } from './ruleCatalog';
import { DEFAULT_RESIDUAL_RISK_THRESHOLD, type ValidationOptions } from './validationOptions';
import { fieldRanges } from './yamlRanges';

export type { HazardEntry, HazardLogIndex } from './hazardLogIndex';

/** The index of a hazard log's text (undefined when the records root has no `hazard-log.md`). */
export function hazardLogIndexOf(text: string | undefined, file: string): HazardLogIndex {
  if (text === undefined) return { file, present: false, entries: new Map() };
  const { frontMatter } = parseFrontMatter(text, new LineIndex(text));
  const entries = new Map<string, HazardEntry>();
  for (const item of hazardItems(frontMatter?.data)) {
    const id = item.value.id;
    if (typeof id !== 'string' || entries.has(id)) continue;
    entries.set(id, { id, initialRating: ratingOf(item.value.initial_risk), residualRating: ratingOf(item.value.residual_risk), ...(typeof item.value.status === 'string' ? { status: item.value.status } : {}) });
  }
  return { file, present: true, entries };
}

/** The highest rating a hazard has been given, initial or residual: what decides whether the Clinical Safety Officer must look at it. */
export function highestRatingOf(entry: HazardEntry): number | undefined {
  const ratings = [entry.initialRating, entry.residualRating].filter((r): r is number => r !== undefined);
  return ratings.length === 0 ? undefined : Math.max(...ratings);
}

/**
 * The hazard log's own rules: each initial and residual risk agrees with the
 * matrix (`risk-rating-mismatch`), a residual risk above the threshold says
 * why it is accepted (`residual-risk-unjustified`), and no id is used twice
 * (`duplicate-hazard-id`).
 */
export function hazardLogProblems(data: Record<string, unknown>, frontMatter: FrontMatter, lines: LineIndex, options: ValidationOptions = {}): Problem[] {
  const matrix = options.riskMatrix ?? DEFAULT_RISK_MATRIX;
  const threshold = options.residualRiskThreshold ?? DEFAULT_RESIDUAL_RISK_THRESHOLD;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { value, index } of hazardItems(data)) {
    const name = typeof value.id === 'string' && value.id.length > 0 ? value.id.slice(0, 60) : `Hazard ${index + 1}`;
    const path = ['hazards', index];
    const range = (sub: readonly (string | number)[]) => {
      const found = fieldRanges(frontMatter, lines, [...path, ...sub]);
      return found.value ?? found.key ?? frontMatter.openingRange;
    };
    for (const [key, label] of [['initial_risk', 'initial risk'], ['residual_risk', 'residual risk']] as const) {
      const problem = riskBlockProblem(value[key], [...path, key], frontMatter, lines, matrix, `${name}, ${label}: `);
      if (problem) problems.push(problem);
    }
    const residual = value.residual_risk;
    const rating = ratingOf(residual);
    const justification = typeof residual === 'object' && residual !== null ? (residual as Record<string, unknown>).justification : undefined;
    if (rating !== undefined && rating > threshold && (typeof justification !== 'string' || justification.trim().length === 0)) {
      const keyRange = fieldRanges(frontMatter, lines, [...path, 'residual_risk']).key ?? range(['residual_risk']);
      problems.push(problemOf('residual-risk-unjustified', keyRange, `${name}, residual risk: rated ${rating}, above the accepted ${threshold}, with no justification; say why the risk is accepted (residual_risk.justification).`));
    }
    if (typeof value.id === 'string') {
      if (seen.has(value.id)) problems.push(problemOf('duplicate-hazard-id', range(['id']), `${name} is already the id of an earlier hazard in this log; each hazard needs its own id.`));
      seen.add(value.id);
    }
  }
  return problems;
}

function hazardItems(data: Record<string, unknown> | undefined): Array<{ value: Record<string, unknown>; index: number }> {
  const hazards = data?.hazards;
  if (!Array.isArray(hazards)) return [];
  const items: Array<{ value: Record<string, unknown>; index: number }> = [];
  hazards.forEach((value: unknown, index) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) items.push({ value: value as Record<string, unknown>, index });
  });
  return items;
}

function ratingOf(block: unknown): number | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  const rating = (block as Record<string, unknown>).rating;
  return typeof rating === 'number' && [1, 2, 3, 4, 5].includes(rating) ? rating : undefined;
}
