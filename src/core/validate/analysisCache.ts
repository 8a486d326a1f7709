import type { DocumentAnalysis } from './validateDocument';

/** Most text the cache keeps analyses for, summed over entries; past it the oldest go first. */
const MAX_CACHED_CHARACTERS = 16 * 1024 * 1024;
const MAX_ENTRIES = 512;

/**
 * Remembers the analysis of each record file while its text and the options
 * stay the same, so validating one document of a record does not re-read the
 * front matter of every sibling on each keystroke. An analysis is a pure
 * function of (text, options) and is never mutated, so a hit is exact.
 * Bounded by entries and by the text they hold; least recently used go first.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { readonly text: string; readonly optionsKey: string; readonly analysis: DocumentAnalysis }>();
  private characters = 0;

  /** The cached analysis of `key` (a file path) for exactly this text and options, or a fresh one from `analyse`. */
  analysis(key: string, text: string, optionsKey: string, analyse: () => DocumentAnalysis): DocumentAnalysis {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.characters -= cached.text.length;
      if (cached.text === text && cached.optionsKey === optionsKey) {
        this.remember(key, cached);
        return cached.analysis;
      }
    }
    const entry = { text, optionsKey, analysis: analyse() };
    if (text.length <= MAX_CACHED_CHARACTERS / 4) this.remember(key, entry);
    return entry.analysis;
  }

  /** Forgets a file (closed, deleted or renamed). */
  forget(key: string): void {
    const cached = this.entries.get(key);
    if (cached === undefined) return;
    this.entries.delete(key);
    this.characters -= cached.text.length;
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, entry: { readonly text: string; readonly optionsKey: string; readonly analysis: DocumentAnalysis }): void {
    this.entries.set(key, entry);
    this.characters += entry.text.length;
    for (const [oldest, old] of this.entries) {
      if (this.characters <= MAX_CACHED_CHARACTERS && this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldest);
      this.characters -= old.text.length;
    }
  }
}
