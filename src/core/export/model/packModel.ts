/**
 * A format-neutral model of the evidence pack: what it says, not how it is
 * drawn. The PDF writer draws it; the HTML renderer can be built on it too.
 * Every text here is plain text (never markup), so a renderer escapes or
 * measures it as it needs.
 */

import type { ImageType } from '../imageTypes';

/** A run of text with its emphasis; `\n` in `text` is a line break. */
export interface InlineSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly code?: boolean;
  /** An http, https or mailto destination (the only ones the pack links outside itself). */
  readonly href?: string;
  /** A place inside the pack this text links to (a section, a reflection, an attached file): a link between the record's documents. */
  readonly anchor?: string;
  /** The placeholder for a value that is not there ("not recorded"). */
  readonly missing?: boolean;
  /** An ISO 8601 date as written, when `text` is its readable form (HTML keeps it in a `<time>` element). */
  readonly date?: string;
}

/** What a table column holds; a renderer gives dates, people and states a width they are never squashed below. */
export type ColumnKind = 'text' | 'date' | 'person' | 'status' | 'hash' | 'number' | 'size';

export interface TableColumn {
  readonly title: string;
  readonly kind: ColumnKind;
}

/** How a paragraph reads: plain, a note, a warning the reader must not miss, or a placeholder for something absent. */
export type Tone = 'plain' | 'note' | 'warning' | 'missing';

export type PackBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: readonly InlineSpan[]; readonly anchor?: string }
  | { readonly kind: 'paragraph'; readonly text: readonly InlineSpan[]; readonly tone?: Tone }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start?: number; readonly items: ReadonlyArray<readonly PackBlock[]> }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: ReadonlyArray<ReadonlyArray<readonly InlineSpan[]>>; readonly rowAnchors?: ReadonlyArray<string | undefined> }
  | { readonly kind: 'facts'; readonly rows: ReadonlyArray<{ readonly label: string; readonly value: readonly InlineSpan[] }> }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'quote'; readonly blocks: readonly PackBlock[] }
  | { readonly kind: 'rule' }
  | PackImage;

/**
 * An image of the record, embedded: its bytes were checked to be PNG, JPEG,
 * GIF or WebP (by their first bytes) and kept under the size cap when the
 * record was read. A renderer that cannot draw its type says so in its place.
 */
export interface PackImage {
  readonly kind: 'image';
  readonly type: ImageType;
  /** `data:<type>;base64,…` */
  readonly dataUri: string;
  /** What the picture shows (the Markdown alt text, else the file's path). */
  readonly alt: string;
  /** The file's path, printed under the picture; absent for an image inside a document's text. */
  readonly caption?: string;
  /** The attached file's anchor in the Supporting material section. */
  readonly anchor?: string;
}

/** One numbered part of the pack after the cover. */
export interface PackSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly PackBlock[];
}

/** The whole pack. */
export interface PackModel {
  /** The cover's title: the activity's, else "Change record <version>". */
  readonly title: string;
  readonly subtitle: string;
  readonly version: string;
  /** What printed page headers name: the activity and the record. */
  readonly recordLabel: string;
  /** For document metadata. */
  readonly author?: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly generatedAt: Date;
  readonly cover: readonly PackBlock[];
  readonly sections: readonly PackSection[];
  /** The last line of the pack: what generated it, from what. */
  readonly colophon: string;
}

/** Plain text as one span. */
export function plain(text: string): InlineSpan[] {
  return [{ text }];
}

/** The placeholder for a value that is not there ("not recorded"), in italics. */
export function missingSpan(text = 'not recorded'): InlineSpan[] {
  return [{ text, italic: true, missing: true }];
}

/** A value as spans, or the placeholder when absent. */
export function valueSpans(text: string | undefined, missing = 'not recorded'): InlineSpan[] {
  return text === undefined ? missingSpan(missing) : plain(text);
}

/** A paragraph block. */
export function paragraph(text: string | readonly InlineSpan[], tone: Tone = 'plain'): PackBlock {
  return { kind: 'paragraph', text: typeof text === 'string' ? plain(text) : text, ...(tone === 'plain' ? {} : { tone }) };
}

/** The text of spans with emphasis dropped (for tests, metadata, measuring). */
export function spansText(spans: readonly InlineSpan[]): string {
  return spans.map((s) => s.text).join('');
}
