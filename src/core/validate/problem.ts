/** A zero-based position in a text document (UTF-16 code units, as LSP and VS Code count). */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** One finding about a document, shared by the language server, the CLI and the views. */
export interface Problem {
  readonly range: TextRange;
  readonly severity: ProblemSeverity;
  /** Stable rule code, documented in the README (for example `missing-field`). */
  readonly code: string;
  readonly message: string;
  /** An edit that fixes the problem, when one is obvious (a missing field or section); editors offer it as a quick fix. */
  readonly fix?: ProblemFix;
}

/** A text edit that fixes a problem: replace `range` (empty to insert) with `newText`. */
export interface ProblemFix {
  readonly title: string;
  readonly range: TextRange;
  readonly newText: string;
  /** False when the fix has to guess (a date whose day and month could be swapped): editors should not apply it unasked. */
  readonly preferred?: boolean;
}

/** Turns offsets into positions for one text; built once per validation. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  rangeOf(start: number, end: number): TextRange {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The range of a whole line, without its line break. */
  lineRange(line: number): TextRange {
    const start = this.starts[Math.min(line, this.starts.length - 1)];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.rangeOf(start, end);
  }
}
