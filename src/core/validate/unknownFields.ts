import type { DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import type { FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem } from './problem';
import { problemOf } from './ruleCatalog';
import { describeField, fieldsOf } from './schemaFields';
import { readablePath } from './fieldNames';
import { fieldRanges } from './yamlRanges';

const MAX_DEPTH = 4;
// Past this many unknown keys the document is something else; the rest are not listed.
const MAX_REPORTED = 50;

/**
 * Front matter keys the kind's schema does not know (rule `unknown-field`),
 * at every level the schema describes, each on its key with the closest
 * known key as "did you mean …?" and a quick fix that renames it.
 */
export function unknownFieldProblems(data: Record<string, unknown>, frontMatter: FrontMatter, lines: LineIndex, kind: DocumentKind, phase?: PhaseId): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: readonly (string | number)[], depth: number) => {
    if (depth > MAX_DEPTH || problems.length >= MAX_REPORTED) return;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const known = fieldsOf(kind, path, phase).map((f) => f.name);
    if (known.length === 0) return;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) {
        if (describeField(kind, [...path, key], phase)?.hasFields) visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
        continue;
      }
      if (problems.length >= MAX_REPORTED) return;
      const range = fieldRanges(frontMatter, lines, [...path, key]).key ?? frontMatter.openingRange;
      const suggestion = closest(key, known);
      const where = readablePath(path);
      const message = `"${key.slice(0, 60)}" is not a field ${where ? `of ${where}` : `of a ${kind} document`}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`;
      const problem = problemOf('unknown-field', range, message);
      problems.push(suggestion ? { ...problem, fix: { title: `Rename to "${suggestion}"`, range, newText: suggestion } } : problem);
    }
  };
  visit(data, [], 0);
  return problems;
}

/** The known key nearest to `key` in edit distance, when it is near enough to be a slip. */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[- ]/g, '_');
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = name === lower ? 0 : editDistance(lower.slice(0, 64), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
