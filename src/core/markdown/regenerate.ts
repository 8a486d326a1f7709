import { fenceHash, findFences, type Fence } from './generatedFences';

/** What regeneration did. */
export interface RegenerateResult {
  /** The existing text with its generated fences replaced; every other character is unchanged. */
  readonly text: string;
  /** Fences a person edited since they were generated (their content no longer matches the recorded hash) and that the fresh text would change. */
  readonly editedFences: string[];
  /** Fences of the fresh text that the existing text does not have (not added: the person may have removed them on purpose). */
  readonly missingFences: string[];
}

/** Which edited fences to keep as the person left them. */
export interface RegenerateOptions {
  readonly keep?: readonly string[];
  /** Names the existing document in a `GeneratedBlockError`. */
  readonly name?: string;
}

/**
 * Replaces the generated fences of `existingText` with those of the same
 * name in `freshText`. Text outside fences is kept byte for byte; a fence
 * listed in `options.keep` is left as it is. Markers that do not make
 * unique, well-formed top-level blocks (a name used twice, a begin without
 * its end, nesting) raise `GeneratedBlockError` naming their lines: nothing
 * is rewritten on a guess. Pure: no I/O.
 */
export function regenerate(existingText: string, freshText: string, options: RegenerateOptions = {}): RegenerateResult {
  const existing = byName(findFences(existingText, options.name));
  const fresh = byName(findFences(freshText, 'The generated text'));
  const keep = new Set(options.keep ?? []);
  const editedFences: string[] = [];
  let text = '';
  let last = 0;
  for (const fence of existing.values()) {
    const replacement = fresh.get(fence.name);
    if (!replacement) continue;
    const newContent = replacement.content;
    const edited = fence.recordedHash !== fenceHash(fence.content);
    const differs = normalise(fence.content) !== normalise(newContent);
    if (edited && differs) editedFences.push(fence.name);
    if (keep.has(fence.name) && edited) continue;
    if (!differs && !edited) continue;
    text += existingText.slice(last, fence.start) + withEol(freshText.slice(replacement.start, replacement.end), fence.eol);
    last = fence.end;
  }
  text += existingText.slice(last);
  const missingFences = [...fresh.keys()].filter((name) => !existing.has(name));
  return { text, editedFences, missingFences };
}

// findFences has refused any name used twice.
function byName(fences: readonly Fence[]): Map<string, Fence> {
  return new Map(fences.map((fence) => [fence.name, fence]));
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

// A file that uses CRLF keeps CRLF inside the regenerated fence too.
function withEol(block: string, eol: '\n' | '\r\n'): string {
  const lf = normalise(block);
  return eol === '\r\n' ? lf.replace(/\n/g, '\r\n') : lf;
}
