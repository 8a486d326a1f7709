import { PDFName, PDFString, rgb, StandardFonts, type Color, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { InlineSpan } from '../model/packModel';

/** A4 in points, portrait. */
export const PAGE_SIZE: readonly [number, number] = [595.28, 841.89];
/** Margins in points (about 20 mm at the sides); the header and footer sit in the top and bottom ones. */
export const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 } as const;
/** The height between the margins. */
export const BODY_HEIGHT = PAGE_SIZE[1] - MARGIN.top - MARGIN.bottom;
/** The width text may use. */
export const TEXT_WIDTH = PAGE_SIZE[0] - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.35, 0.4);
export const LINK = rgb(0.05, 0.3, 0.65);
export const WARNING = rgb(0.6, 0.2, 0.05);
export const RULE = rgb(0.75, 0.75, 0.78);
export const SHADE = rgb(0.93, 0.94, 0.96);

/** The standard fonts the pack uses: Helvetica for text, Courier for code and hashes. */
export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
  readonly boldItalic: PDFFont;
  readonly mono: PDFFont;
  readonly monoBold: PDFFont;
}

/** The standard fonts are referenced, not embedded: the PDF stays small and needs nothing at run time. */
export async function standardFonts(doc: PDFDocument): Promise<PdfFonts> {
  const [regular, bold, italic, boldItalic, mono, monoBold] = await Promise.all(
    [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.HelveticaOblique, StandardFonts.HelveticaBoldOblique, StandardFonts.Courier, StandardFonts.CourierBold].map((f) => doc.embedFont(f)),
  );
  return { regular, bold, italic, boldItalic, mono, monoBold };
}

/** The look of a block of text: its size and what every span in it has besides its own emphasis. */
export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: Color;
  /** Line height as a multiple of the size. */
  readonly leading?: number;
}

/** A piece of one line, drawn with one font. */
export interface Run {
  readonly text: string;
  readonly font: PDFFont;
  readonly size: number;
  readonly x: number;
  readonly width: number;
  readonly color: Color;
  readonly href?: string;
  readonly anchor?: string;
}

/** One laid-out line. */
export interface Line {
  readonly runs: readonly Run[];
  readonly width: number;
  readonly height: number;
  /** Distance from the line's top to its baseline. */
  readonly ascent: number;
}

interface Atom {
  readonly text: string;
  readonly font: PDFFont;
  readonly size: number;
  readonly width: number;
  readonly color: Color;
  readonly href?: string;
  readonly anchor?: string;
}

type Piece = { readonly kind: 'word'; readonly atoms: Atom[] } | { readonly kind: 'space'; readonly atom: Atom } | { readonly kind: 'break' };

function fontOf(fonts: PdfFonts, span: InlineSpan, style: TextStyle): PDFFont {
  const bold = span.bold === true || style.bold === true;
  const italic = span.italic === true || style.italic === true;
  if (span.code) return bold ? fonts.monoBold : fonts.mono;
  if (bold && italic) return fonts.boldItalic;
  if (bold) return fonts.bold;
  return italic ? fonts.italic : fonts.regular;
}

// Code is set a little smaller: Courier is wide.
function sizeOf(span: InlineSpan, style: TextStyle): number {
  return span.code ? style.size * 0.92 : style.size;
}

function piecesOf(spans: readonly InlineSpan[], fonts: PdfFonts, style: TextStyle): Piece[] {
  const pieces: Piece[] = [];
  let word: Atom[] | undefined;
  for (const span of spans) {
    const font = fontOf(fonts, span, style);
    const size = sizeOf(span, style);
    const color = span.href || span.anchor ? LINK : (style.color ?? INK);
    const target = { ...(span.href ? { href: span.href } : {}), ...(span.anchor ? { anchor: span.anchor } : {}) };
    for (const part of span.text.split(/(\n| +)/)) {
      if (part.length === 0) continue;
      const atom: Atom = { text: part, font, size, width: part === '\n' ? 0 : font.widthOfTextAtSize(part, size), color, ...target };
      if (part === '\n') {
        word = undefined;
        pieces.push({ kind: 'break' });
      } else if (part.startsWith(' ')) {
        word = undefined;
        pieces.push({ kind: 'space', atom: { ...atom, text: ' ', width: font.widthOfTextAtSize(' ', size) } });
      } else if (word) word.push(atom);
      else {
        word = [atom];
        pieces.push({ kind: 'word', atoms: word });
      }
    }
  }
  return pieces;
}

const widthOf = (atoms: readonly Atom[]): number => atoms.reduce((sum, a) => sum + a.width, 0);

// A word wider than the whole line is the one thing split mid-word: character by character, as many as fit.
function splitWord(atoms: readonly Atom[], width: number): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let used = 0;
  for (const atom of atoms) {
    for (const char of atom.text) {
      const w = atom.font.widthOfTextAtSize(char, atom.size);
      if (used + w > width && line.length > 0) {
        lines.push(line);
        line = [];
        used = 0;
      }
      line.push({ ...atom, text: char, width: w });
      used += w;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * Wraps spans into lines no wider than `width`: breaks at spaces and line
 * breaks only, and splits a word only when the word alone is wider than
 * the line.
 */
export function wrapSpans(spans: readonly InlineSpan[], fonts: PdfFonts, style: TextStyle, width: number): Line[] {
  const lines: Atom[][] = [];
  let current: Atom[] = [];
  let used = 0;
  let space: Atom | undefined;
  for (const piece of piecesOf(spans, fonts, style)) {
    if (piece.kind === 'break') {
      lines.push(current);
      current = [];
      used = 0;
      space = undefined;
    } else if (piece.kind === 'space') {
      if (current.length > 0) space = piece.atom;
    } else {
      const w = widthOf(piece.atoms);
      const gap = space ? space.width : 0;
      if (current.length > 0 && used + gap + w > width) {
        lines.push(current);
        current = [];
        used = 0;
        space = undefined;
      }
      if (current.length === 0 && w > width) {
        const parts = splitWord(piece.atoms, width);
        lines.push(...parts.slice(0, -1));
        current = parts[parts.length - 1] ?? [];
        used = widthOf(current);
      } else {
        if (space && current.length > 0) current.push(space);
        current.push(...piece.atoms);
        used += (space && current.length > piece.atoms.length ? space.width : 0) + w;
      }
      space = undefined;
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines.map((atoms) => lineOf(atoms, style));
}

function lineOf(atoms: readonly Atom[], style: TextStyle): Line {
  const runs: Run[] = [];
  let x = 0;
  for (const atom of atoms) {
    const last = runs[runs.length - 1];
    if (last && last.font === atom.font && last.size === atom.size && last.href === atom.href && last.anchor === atom.anchor && last.color === atom.color) {
      runs[runs.length - 1] = { ...last, text: last.text + atom.text, width: last.width + atom.width };
    } else runs.push({ text: atom.text, font: atom.font, size: atom.size, x, width: atom.width, color: atom.color, ...(atom.href ? { href: atom.href } : {}), ...(atom.anchor ? { anchor: atom.anchor } : {}) });
    x += atom.width;
  }
  const size = Math.max(style.size, ...atoms.map((a) => a.size));
  return { runs, width: x, height: size * (style.leading ?? 1.38), ascent: size * 0.95 };
}

/** The width of the widest word in spans (what a table column must hold to keep its words whole). */
export function widestWord(spans: readonly InlineSpan[], fonts: PdfFonts, style: TextStyle): number {
  return Math.max(0, ...piecesOf(spans, fonts, style).map((p) => (p.kind === 'word' ? widthOf(p.atoms) : 0)));
}

/** The width of spans' widest line, unwrapped. */
export function naturalWidth(spans: readonly InlineSpan[], fonts: PdfFonts, style: TextStyle): number {
  return Math.max(0, ...wrapSpans(spans, fonts, style, Number.POSITIVE_INFINITY).map((l) => l.width));
}

/**
 * The page being written and where on it: new pages come from here, and
 * every line of text is drawn through it (links become link annotations).
 */
export class PdfCursor {
  page: PDFPage;
  /** The top of the space left on the page, in PDF coordinates (from the bottom). */
  y: number;
  readonly pages: PDFPage[] = [];
  private readonly places = new Map<string, { readonly page: PDFPage; readonly y: number }>();
  private readonly internalLinks: Array<{ readonly page: PDFPage; readonly anchor: string; readonly rect: readonly [number, number, number, number] }> = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    /** The record's images, embedded once before drawing (by data URI), or why one could not be. */
    readonly images: ReadonlyMap<string, PDFImage | { readonly problem: string }> = new Map(),
  ) {
    this.page = this.addPage();
    this.y = PAGE_SIZE[1] - MARGIN.top;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE_SIZE[0], PAGE_SIZE[1]]);
    this.pages.push(page);
    return page;
  }

  newPage(): void {
    this.page = this.addPage();
    this.y = PAGE_SIZE[1] - MARGIN.top;
  }

  /** The height left above the bottom margin. */
  get remaining(): number {
    return this.y - MARGIN.bottom;
  }

  /** Whether the page has nothing on it yet. */
  get atTop(): boolean {
    return this.y >= PAGE_SIZE[1] - MARGIN.top;
  }

  /** Starts a new page unless `height` fits on this one (or this one is empty). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  /** Draws a line with its top at `top` and its left at `x`. */
  drawLine(line: Line, x: number, top: number): void {
    const baseline = top - line.ascent;
    for (const run of line.runs) {
      if (run.text.trim().length === 0 && !run.href) continue;
      this.page.drawText(run.text, { x: x + run.x, y: baseline, size: run.size, font: run.font, color: run.color });
      if (run.href || run.anchor) {
        this.page.drawLine({ start: { x: x + run.x, y: baseline - 1.2 }, end: { x: x + run.x + run.width, y: baseline - 1.2 }, thickness: 0.5, color: LINK });
        const rect = [x + run.x, baseline - 2.5, x + run.x + run.width, top] as const;
        if (run.href) this.addLink(run.href, rect);
        else if (run.anchor) this.internalLinks.push({ page: this.page, anchor: run.anchor, rect });
      }
    }
  }

  /** Draws lines down from the cursor, starting a new page whenever the next line does not fit. */
  flowLines(lines: readonly Line[], x: number): void {
    for (const line of lines) {
      this.ensure(line.height);
      this.drawLine(line, x, this.y);
      this.y -= line.height;
    }
  }

  /** Marks where a place the pack links to (a section, a reflection, an attached file) starts: here, unless it was placed already. */
  placeAnchor(anchor: string | undefined): void {
    if (anchor !== undefined && !this.places.has(anchor)) this.places.set(anchor, { page: this.page, y: this.y });
  }

  /**
   * Makes each link inside the pack a link annotation that goes to its place
   * (drawn before or after it); a link whose place was never drawn stays text.
   */
  resolveInternalLinks(fallback: (anchor: string) => string | undefined): void {
    for (const link of this.internalLinks) {
      const place = this.places.get(link.anchor) ?? this.places.get(fallback(link.anchor) ?? '');
      if (!place) continue;
      const destination = this.doc.context.obj([place.page.ref, PDFName.of('XYZ'), MARGIN.left, Math.min(PAGE_SIZE[1], place.y + 14), null]);
      const annotation = this.doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [...link.rect], Border: [0, 0, 0], Dest: destination });
      link.page.node.addAnnot(this.doc.context.register(annotation));
    }
  }

  private addLink(href: string, rect: readonly [number, number, number, number]): void {
    const annotation = this.doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [...rect], Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) } });
    this.page.node.addAnnot(this.doc.context.register(annotation));
  }
}
