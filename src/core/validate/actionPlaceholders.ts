import type { ErrorObject } from 'ajv';
import type { FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem } from './problem';
import { problemOf } from './ruleCatalog';
import { fieldRanges } from './yamlRanges';

/** The fields of an action the template leaves for the writer (the owner and status it fills in). */
const WRITTEN_BY_THE_WRITER = ['action', 'gap', 'due', 'evidence'] as const;

/**
 * The actions still as the template made them: every field the writer must
 * write is there and empty. Such a row is one thing left to do, like an
 * unanswered prompt, not four broken fields; once any of them is written,
 * the row is the writer's and each field still empty is a warning again.
 */
export function placeholderActionRows(data: Readonly<Record<string, unknown>>): Set<number> {
  const rows = new Set<number>();
  const actions = data.actions;
  if (data.kind !== 'action-plan' || !Array.isArray(actions)) return rows;
  actions.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
    const row = item as Record<string, unknown>;
    if (WRITTEN_BY_THE_WRITER.every((field) => Object.hasOwn(row, field) && isEmpty(row[field]))) rows.add(index);
  });
  return rows;
}

/** The schema errors left once those of the placeholder rows' empty fields are told by one reminder each instead. */
export function withoutPlaceholderErrors(errors: readonly ErrorObject[], rows: ReadonlySet<number>): ErrorObject[] {
  if (rows.size === 0) return [...errors];
  return errors.filter((error) => {
    const [first, index, field] = error.instancePath.split('/').slice(1);
    return !(first === 'actions' && rows.has(Number(index)) && (WRITTEN_BY_THE_WRITER as readonly string[]).includes(field ?? ''));
  });
}

/** One `action-not-written` reminder per placeholder row, on its first line. */
export function placeholderActionProblems(rows: ReadonlySet<number>, frontMatter: FrontMatter, lines: LineIndex): Problem[] {
  return [...rows].map((index) => {
    const found = fieldRanges(frontMatter, lines, ['actions', index, 'action']);
    const range = found.key ?? fieldRanges(frontMatter, lines, ['actions', index]).value ?? frontMatter.openingRange;
    return problemOf('action-not-written', range, `Action ${index + 1} is not written yet: say what will be done (action), the gap it answers (gap), when it is due (due, YYYY-MM-DD) and what will show it done (evidence).`);
  });
}

function isEmpty(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim().length === 0);
}
