import type { DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import { describeField, fieldsOf } from './schemaFields';

/**
 * A value to start a field with, derived from its schema: its default or
 * const, an object of its required fields, a list with as many items as it
 * must hold, or else an empty value the validator flags until it is filled in.
 * Used by the templates and by the quick fix that inserts a missing field.
 */
export function placeholderValue(kind: DocumentKind | undefined, path: readonly string[], phase?: PhaseId, depth = 0): unknown {
  const info = describeField(kind, path, phase);
  if (!info || depth > 6) return '';
  if (info.default !== undefined) return info.default;
  if (info.values.length === 1) return info.values[0].value;
  if (info.type === 'object') return requiredFieldsOf(kind, path, phase, depth);
  if (info.type === 'array') {
    const count = info.minItems ?? 0;
    const item = (): unknown => (info.hasFields ? requiredFieldsOf(kind, path, phase, depth) : '');
    return Array.from({ length: count }, item);
  }
  if (info.type === 'integer' || info.type === 'number') return null;
  return '';
}

function requiredFieldsOf(kind: DocumentKind | undefined, path: readonly string[], phase: PhaseId | undefined, depth: number): Record<string, unknown> {
  const fields = fieldsOf(kind, path, phase).filter((f) => f.required);
  return Object.fromEntries(fields.map((f) => [f.name, placeholderValue(kind, [...path, f.name], phase, depth + 1)]));
}
