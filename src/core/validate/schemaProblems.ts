import type { ErrorObject } from 'ajv';
import { stringify } from 'yaml';
import { isDocumentKind } from '../vocabulary/documentKinds';
import { isPhaseId } from '../vocabulary/phaseIds';
import { readablePath } from './fieldNames';
import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem, ProblemFix } from './problem';
import { problemOf } from './ruleCatalog';
import { placeholderValue } from './schemaPlaceholders';
import { rangeOfNode } from './yamlRanges';

// More than this many schema errors are not placed: each placement walks the YAML tree, and the
// list is capped per document anyway.
const MAX_PLACED_ERRORS = 300;

// Keywords whose failure is already told by the errors of their parts.
const SILENT_KEYWORDS = new Set(['if', 'allOf']);

/** Turns ajv errors into problems placed on the key or value at fault. */
/** Values a fix can fill in because they are known, not guessed: today's date, the person's git `user.name`. */
export interface KnownValues {
  readonly date?: string;
  readonly author?: string;
}

export function schemaErrorsToProblems(errors: readonly ErrorObject[], frontMatter: FrontMatter, lines: LineIndex, known: KnownValues = {}): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors.slice(0, MAX_PLACED_ERRORS)) {
    if (SILENT_KEYWORDS.has(error.keyword)) continue;
    const path = error.instancePath.split('/').slice(1).map(decodePointerSegment);
    // Field names as people read them: `actions.0.due` is "action 1, due".
    const field = readablePath(path.map((p) => (/^\d+$/.test(p) ? Number(p) : p))) || 'front matter';
    const problem = describe(error, path, field, frontMatter, lines, known);
    const key = `${problem.code}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, path: string[], field: string, frontMatter: FrontMatter, lines: LineIndex, known: KnownValues): Problem {
  const at = nodeAtPath(frontMatter, path);
  const valueRange = rangeOfNode(at.value, frontMatter, lines) ?? rangeOfNode(at.key, frontMatter, lines) ?? frontMatter.openingRange;
  const keyRange = rangeOfNode(at.key, frontMatter, lines) ?? valueRange;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length === 0 ? frontMatter.openingRange : keyRange;
      const problem = problemOf('missing-field', where, path.length === 0 ? `Missing required field "${missing}".` : `Missing required field "${missing}" in ${field}.`);
      const fix = path.length === 0 ? missingFieldFix(missing, frontMatter, known) : undefined;
      return fix ? { ...problem, fix } : problem;
    }
    case 'enum':
      return problemOf('invalid-value', valueRange, `"${field}" must be one of: ${(params.allowedValues as unknown[]).join(', ')}.`);
    case 'const':
      return problemOf('invalid-value', valueRange, `"${field}" must be "${String(params.allowedValue)}".`);
    case 'type':
      return problemOf('invalid-type', valueRange, `"${field}" must be ${article(String(params.type))}.`);
    case 'format':
      return params.format === 'iso-date-time'
        ? problemOf('invalid-date', valueRange, `"${field}" must be an ISO 8601 date-time with a time of day (YYYY-MM-DDTHH:MM, ideally with Z or an offset).`)
        : problemOf('invalid-date', valueRange, `"${field}" must be an ISO 8601 date (YYYY-MM-DD) or date-time.`);
    case 'minLength':
      return problemOf('empty-field', valueRange, `"${field}" must not be empty.`);
    case 'minItems':
      return problemOf('empty-field', valueRange, `"${field}" must hold at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'item' : 'items'}.`);
    case 'maxLength':
      return problemOf('invalid-value', valueRange, `"${field}" is longer than ${String(params.limit)} characters.`);
    case 'maxItems':
      return problemOf('invalid-value', valueRange, `"${field}" holds more than ${String(params.limit)} items.`);
    case 'uniqueItems':
      return problemOf('invalid-value', valueRange, `"${field}" lists the same item twice.`);
    case 'pattern':
      return problemOf('invalid-value', valueRange, `"${field}" is not in the expected form.`);
    case 'minimum':
    case 'maximum':
      return problemOf('invalid-value', valueRange, `"${field}" must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`);
    default:
      return problemOf('invalid-value', valueRange, `"${field}" ${error.message ?? 'is not valid'}.`);
  }
}

/** Inserts a missing top-level field before the closing `---`: a known value (today, the git user name), else a placeholder from its schema. */
function missingFieldFix(name: string, frontMatter: FrontMatter, known: KnownValues): ProblemFix | undefined {
  const data = frontMatter.data ?? {};
  const kind = isDocumentKind(data.kind) ? data.kind : undefined;
  const phase = kind === 'reflection' && isPhaseId(data.phase) ? data.phase : undefined;
  const knownValue = name === 'date' || name === 'author' ? known[name] : undefined;
  const value = knownValue !== undefined && knownValue.length > 0 ? knownValue : placeholderValue(kind, [name], phase);
  const newText = stringify({ [name]: value }, { lineWidth: 0 });
  const at = frontMatter.closingRange.start;
  return { title: `Add field "${name}"`, range: { start: at, end: at }, newText };
}

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
