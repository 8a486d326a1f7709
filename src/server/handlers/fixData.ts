import type { ProblemFix, TextRange } from '../../core/validate/problem';

/** What a fixable diagnostic carries in `Diagnostic.data`: its edit, worked out when the diagnostic was produced. */
export interface FixData {
  readonly fix: { readonly title: string; readonly range: TextRange; readonly newText: string };
  /** False when the fix guesses: the editor should not apply it unasked. */
  readonly preferred: boolean;
  /** The document version the fix was worked out on. */
  readonly version: number;
}

/** The `data` of a diagnostic whose problem has a fix. */
export function fixData(fix: ProblemFix, version: number): FixData {
  return { fix: { title: fix.title, range: fix.range, newText: fix.newText }, preferred: fix.preferred ?? true, version };
}

/** The fix a diagnostic carries, when its `data` (sent back by the client, so not trusted) is well formed. */
export function fixDataOf(data: unknown): FixData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { fix, preferred, version } = data as Record<string, unknown>;
  if (typeof fix !== 'object' || fix === null || typeof version !== 'number' || !Number.isInteger(version)) return undefined;
  const { title, range, newText } = fix as Record<string, unknown>;
  if (typeof title !== 'string' || typeof newText !== 'string' || !isRange(range)) return undefined;
  return { fix: { title, range, newText }, preferred: preferred !== false, version };
}

function isRange(value: unknown): value is TextRange {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as Record<string, unknown>;
  return isPosition(start) && isPosition(end);
}

function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}
