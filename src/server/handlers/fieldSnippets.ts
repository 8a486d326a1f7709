import type { DocumentKind } from '../../core/vocabulary/documentKinds';
import type { PhaseId } from '../../core/vocabulary/phaseIds';
import { describeField, fieldsOf, type FieldInfo } from '../../core/validate/schemaFields';

/** What a date field is offered: today's date, and for date-times the current time with its offset. */
export interface Now {
  readonly date: string;
  readonly dateTime: string;
}

// A snippet for a field of fields of fields… stops here; no schema of ours nests deeper.
const MAX_DEPTH = 4;

/**
 * The snippet that follows `name:` for a field, shaped like its value: an
 * enum as a choice, a date as today, an object as an indented block of its
 * required fields, a list as `- ` items. Indentation is absolute (the key
 * starts at `column`), so the completion is inserted as is.
 */
export function fieldValueSnippet(kind: DocumentKind | undefined, path: readonly (string | number)[], phase: PhaseId | undefined, column: number, now: Now): string {
  return valueSnippet({ kind, phase, now, next: 1 }, path, column, 0);
}

interface SnippetState {
  readonly kind: DocumentKind | undefined;
  readonly phase: PhaseId | undefined;
  readonly now: Now;
  next: number;
}

function valueSnippet(state: SnippetState, path: readonly (string | number)[], column: number, depth: number): string {
  const info = describeField(state.kind, path, state.phase);
  const stop = () => state.next++;
  if (!info || depth > MAX_DEPTH) return ` $${stop()}`;
  if (info.values.length === 1) return ` ${escapeText(String(info.values[0].value))}`;
  if (info.values.length > 1) return ` \${${stop()}|${info.values.map((v) => escapeChoice(String(v.value))).join(',')}|}`;
  if (info.type === 'object') return blockOf(state, path, column + 2, depth, '');
  if (info.type === 'array') {
    if (!info.hasFields) return `\n${spaces(column + 2)}- $${stop()}`;
    // The first field of a list entry sits on the dash line; the others line up under it.
    return blockOf(state, [...path, 0], column + 4, depth, `${spaces(column + 2)}- `);
  }
  if (isDate(info)) return ` \${${stop()}:${escapeText(info.format === 'iso-date-time' ? state.now.dateTime : state.now.date)}}`;
  if (info.default !== undefined && typeof info.default !== 'object') return ` \${${stop()}:${escapeText(String(info.default))}}`;
  return ` $${stop()}`;
}

/** The required fields of an object (all of them when none is required), one per line at `column`. */
function blockOf(state: SnippetState, path: readonly (string | number)[], column: number, depth: number, firstPrefix: string): string {
  const fields = fieldsOf(state.kind, path, state.phase);
  const chosen = fields.some((f) => f.required) ? fields.filter((f) => f.required) : fields;
  if (chosen.length === 0) return `\n${firstPrefix || spaces(column)}$${state.next++}`;
  return chosen.map((field, i) => `\n${i === 0 && firstPrefix ? firstPrefix : spaces(column)}${field.name}:${valueSnippet(state, [...path, field.name], column, depth + 1)}`).join('');
}

/** Whether a field holds a date or date-time. */
export function isDate(info: FieldInfo): boolean {
  return info.format === 'iso-date-or-date-time' || info.format === 'iso-date-time' || info.format === 'date' || info.format === 'date-time';
}

/** Escapes text for a snippet, where `$`, `}` and `\` are special. */
export function escapeText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

function spaces(count: number): string {
  return ' '.repeat(count);
}
