import { isMap, stringify, type Node } from 'yaml';
import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import { frontMatterTargetAt } from './frontMatterPosition';
import { isoDateFromLooseText, type IsoDateRewrite } from './looseDates';
import type { Problem, ProblemFix, TextPosition } from './problem';
import { DEFAULT_RISK_MATRIX, riskRatingFor } from './riskMatrix';
import { describeField, fieldsOf } from './schemaFields';
import { placeholderValue } from './schemaPlaceholders';
import type { DocumentAnalysis } from './validateDocument';
import type { ValidationOptions } from './validationOptions';
import { readablePath } from './fieldNames';

/** A problem with an edit that fixes it. */
export interface FixableProblem {
  readonly problem: Problem;
  readonly fix: ProblemFix;
  /** False when the fix has to guess (a date whose day and month could be swapped): editors should not apply it unasked. */
  readonly preferred: boolean;
}

type Path = readonly (string | number)[];

// Walking deeper or wider than this finds no field of ours; it only bounds the work on hostile input.
const MAX_DEPTH = 6;
const MAX_FOUND = 200;

/**
 * The problems of an analysed document that have a fix: the ones the
 * validator fixes itself (a missing top-level field or section, a risk rating
 * that disagrees with the matrix), plus a missing field inside a mapping
 * (such as `clinical_risk.rating`) and a date written in another form
 * (`25/11/2026` becomes `2026-11-25`).
 */
export function fixableProblems(analysis: DocumentAnalysis, options: ValidationOptions = {}): FixableProblem[] {
  const fixable: FixableProblem[] = [];
  let missing: Array<{ parent: Path; name: string }> | undefined;
  for (const problem of analysis.problems) {
    if (problem.fix) {
      fixable.push({ problem, fix: problem.fix, preferred: true });
      continue;
    }
    const { frontMatter, data } = analysis;
    if (!frontMatter || !data) continue;
    if (problem.code === 'missing-field') {
      missing ??= missingNestedFields(analysis, data);
      const entry = missing.find((m) => problem.message === `Missing required field "${m.name}" in ${readablePath(m.parent)}.`);
      const fix = entry && nestedFieldFix(analysis, frontMatter, data, entry.parent, entry.name, options);
      if (fix) fixable.push({ problem, fix, preferred: true });
    } else if (problem.code === 'invalid-date') {
      const found = dateFix(analysis, frontMatter, problem);
      if (found) fixable.push({ problem, ...found });
    }
  }
  return fixable;
}

/** Required fields missing from mappings below the top level (the validator fixes top-level ones itself). */
function missingNestedFields(analysis: DocumentAnalysis, data: Record<string, unknown>): Array<{ parent: Path; name: string }> {
  const found: Array<{ parent: Path; name: string }> = [];
  const walk = (value: unknown, path: Path, depth: number): void => {
    if (depth > MAX_DEPTH || found.length >= MAX_FOUND) return;
    if (Array.isArray(value)) {
      value.slice(0, MAX_FOUND).forEach((item, index) => walk(item, [...path, index], depth + 1));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const fields = fieldsOf(analysis.kind, path, analysis.phase);
    for (const field of fields) {
      const present = Object.hasOwn(value, field.name);
      if (!present && field.required && path.length > 0) found.push({ parent: path, name: field.name });
      if (present && field.hasFields) walk((value as Record<string, unknown>)[field.name], [...path, field.name], depth + 1);
    }
  };
  walk(data, [], 0);
  return found;
}

/** Inserts `name: placeholder` after the last field of a block mapping, at its indentation. */
function nestedFieldFix(analysis: DocumentAnalysis, frontMatter: FrontMatter, data: Record<string, unknown>, parent: Path, name: string, options: ValidationOptions): ProblemFix | undefined {
  const node = nodeAtPath(frontMatter, parent).value;
  if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
  const firstKey = node.items[0].key as Node | null;
  const last = node.items[node.items.length - 1];
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  const firstStart = firstKey?.range?.[0];
  if (firstStart === undefined || lastEnd === undefined) return undefined;
  const { text, lines } = analysis;
  const column = lines.positionAt(frontMatter.sourceOffset + firstStart).character;
  let end = frontMatter.sourceOffset + lastEnd;
  while (end > frontMatter.sourceOffset && /\s/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  const eol = text.slice(0, frontMatter.bodyOffset).includes('\r\n') ? '\r\n' : '\n';
  const value = placeholderFor(analysis, data, parent, name, options);
  const indent = ' '.repeat(column);
  const block = stringify({ [name]: value }, { lineWidth: 0 }).trimEnd().split('\n').map((l) => `${indent}${l}`).join(eol);
  const at = lines.positionAt(lineEnd === -1 ? text.length : lineEnd + 1);
  return { title: `Add field "${name}" to ${describePath(parent)}`, range: { start: at, end: at }, newText: lineEnd === -1 ? `${eol}${block}` : `${block}${eol}` };
}

/** The schema's placeholder, except that a missing risk rating is worked out from the matrix when it can be. */
function placeholderFor(analysis: DocumentAnalysis, data: Record<string, unknown>, parent: Path, name: string, options: ValidationOptions): unknown {
  if (analysis.kind === 'change' && parent.length === 1 && parent[0] === 'clinical_risk' && name === 'rating') {
    const risk = data.clinical_risk as Record<string, unknown>;
    const rating = riskRatingFor(options.riskMatrix ?? DEFAULT_RISK_MATRIX, risk.likelihood, risk.consequence);
    if (rating !== undefined) return rating;
  }
  const keys = [...parent, name].filter((p): p is string => typeof p === 'string');
  return placeholderValue(analysis.kind, keys, analysis.phase);
}

/** Rewrites a date written in another form as ISO 8601, when the field can hold the result. */
function dateFix(analysis: DocumentAnalysis, frontMatter: FrontMatter, problem: Problem): { fix: ProblemFix; preferred: boolean } | undefined {
  const target = frontMatterTargetAt(frontMatter, offsetOf(analysis.text, problem.range.start));
  if (!target || target.part !== 'value' || typeof target.value !== 'string') return undefined;
  const rewrite = isoDateFromLooseText(target.value);
  if (!rewrite) return undefined;
  const field = describeField(analysis.kind, target.path, analysis.phase);
  // A date-time field needs a time of day, which the fix cannot invent.
  if (field?.format === 'iso-date-time' && !rewrite.hasTime) return undefined;
  const range = analysis.lines.rangeOf(target.start, target.end);
  return { fix: { title: dateFixTitle(rewrite), range, newText: rewrite.iso }, preferred: !rewrite.ambiguous };
}

function dateFixTitle(rewrite: IsoDateRewrite): string {
  switch (rewrite.reading) {
    case 'day-month-year':
      return `Rewrite as ${rewrite.iso} (read day/month/year, the UK order)`;
    case 'month-day-year':
      return `Rewrite as ${rewrite.iso} (read month/day/year: day/month gives no date)`;
    default:
      return `Rewrite as ${rewrite.iso} (ISO 8601)`;
  }
}

function describePath(path: Path): string {
  const keys = path.filter((p): p is string => typeof p === 'string').join('.');
  const index = path.at(-1);
  return typeof index === 'number' ? `${keys} item ${index + 1}` : keys;
}

/** The offset of a position; front matter positions are near the start, so the scan is short. */
function offsetOf(text: string, position: TextPosition): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}
