import type { ErrorObject } from 'ajv';
import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import type { LineIndex, Problem, TextRange } from './problem';

/** Turns ajv errors into problems placed on the key or value at fault. */
export function schemaErrorsToProblems(errors: readonly ErrorObject[], frontMatter: FrontMatter, lines: LineIndex): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).map(decodePointerSegment);
    const field = path.join('.') || 'front matter';
    const problem = describe(error, path, field, frontMatter, lines);
    const key = `${problem.code}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, path: string[], field: string, frontMatter: FrontMatter, lines: LineIndex): Problem {
  const at = nodeAtPath(frontMatter, path);
  const valueRange = rangeOfNode(at.value, frontMatter, lines) ?? rangeOfNode(at.key, frontMatter, lines) ?? frontMatter.openingRange;
  const keyRange = rangeOfNode(at.key, frontMatter, lines) ?? valueRange;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length === 0 ? frontMatter.openingRange : keyRange;
      const name = path.length === 0 ? missing : `${field}.${missing}`;
      return { range: where, severity: 'warning', code: 'missing-field', message: `Missing required field "${name}".` };
    }
    case 'enum':
      return { range: valueRange, severity: 'warning', code: 'invalid-value', message: `"${field}" must be one of: ${(params.allowedValues as unknown[]).join(', ')}.` };
    case 'const':
      return { range: valueRange, severity: 'warning', code: 'invalid-value', message: `"${field}" must be "${String(params.allowedValue)}".` };
    case 'type':
      return { range: valueRange, severity: 'warning', code: 'invalid-type', message: `"${field}" must be ${article(String(params.type))}.` };
    case 'format':
      return { range: valueRange, severity: 'warning', code: 'invalid-date', message: `"${field}" must be an ISO 8601 date (YYYY-MM-DD) or date-time.` };
    case 'minLength':
      return { range: valueRange, severity: 'warning', code: 'empty-field', message: `"${field}" must not be empty.` };
    case 'maxLength':
      return { range: valueRange, severity: 'warning', code: 'invalid-value', message: `"${field}" is longer than ${String(params.limit)} characters.` };
    default:
      return { range: valueRange, severity: 'warning', code: 'invalid-value', message: `"${field}" ${error.message ?? 'is not valid'}.` };
  }
}

function rangeOfNode(node: { range?: [number, number, number] | null } | undefined, frontMatter: FrontMatter, lines: LineIndex): TextRange | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return lines.rangeOf(frontMatter.sourceOffset + range[0], frontMatter.sourceOffset + range[1]);
}

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
