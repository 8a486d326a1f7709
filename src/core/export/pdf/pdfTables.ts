import type { ColumnKind, InlineSpan, TableColumn } from '../model/packModel';
import { BODY_HEIGHT, MUTED, naturalWidth, RULE, SHADE, widestWord, wrapSpans, type Line, type PdfCursor, type PdfFonts, type TextStyle } from './pdfLayout';

/** Table text size, and the padding inside each cell, in points. */
export const TABLE_STYLE: TextStyle = { size: 8.5, leading: 1.3 };
const HEADER_STYLE: TextStyle = { ...TABLE_STYLE, bold: true };
const PAD_X = 4;
const PAD_Y = 3;

// What a column of each kind is never narrower than (text set at TABLE_STYLE): a
// date, a person's name or a state stays readable on one or two lines.
const KIND_SAMPLES: Readonly<Record<ColumnKind, string>> = {
  date: '30 September 2026',
  person: 'Alexandra Morgan',
  status: 'in-progress',
  number: '0000',
  size: '1023.9 KB',
  hash: '0123456789ab',
  text: 'considered answer',
};

// A date, a name or a state wraps before it takes more than this share of the width from the text around it.
const FIELD_SHARE = 0.27;

// No single word may claim more than this share of the width; a longer one (a
// SHA-256 in a narrow table) is the only text split mid-word.
const WORD_SHARE = 0.5;
// A checksum or commit hash is split sooner: it is one long word nobody reads aloud.
const HASH_SHARE = 0.3;

/**
 * Column widths for a table `width` wide, sized by content: each column gets
 * at least its widest word and its kind's minimum, the rest of the width is
 * shared out by how much more each column's text would like, and a table
 * that fits unwrapped is spread to the full width.
 */
export function columnWidths(columns: readonly TableColumn[], rows: ReadonlyArray<ReadonlyArray<readonly InlineSpan[]>>, fonts: PdfFonts, width: number): number[] {
  const cells = (i: number): Array<{ spans: readonly InlineSpan[]; style: TextStyle }> => [{ spans: [{ text: columns[i].title }], style: HEADER_STYLE }, ...rows.map((r) => ({ spans: r[i] ?? [], style: TABLE_STYLE }))];
  const naturalOf = (i: number): number => Math.max(...cells(i).map((c) => naturalWidth(c.spans, fonts, c.style)));
  const minimumWith = (hashShare: number): number[] =>
    columns.map((column, i) => {
      const sample = fonts.regular.widthOfTextAtSize(KIND_SAMPLES[column.kind], TABLE_STYLE.size);
      const word = Math.max(...cells(i).map((c) => widestWord(c.spans, fonts, c.style)));
      return 2 * PAD_X + Math.max(Math.min(sample, naturalOf(i)), Math.min(word, width * (column.kind === 'hash' ? hashShare : WORD_SHARE)));
    });
  // A hash is kept whole while the table can afford it, and is the first thing split when it cannot.
  const whole = minimumWith(WORD_SHARE);
  const minimum = sum(whole) <= width ? whole : minimumWith(HASH_SHARE);
  const natural = columns.map((_, i) => Math.max(minimum[i], 2 * PAD_X + naturalOf(i)));
  const minTotal = sum(minimum);
  if (minTotal >= width) return minimum.map((m) => (m * width) / minTotal);
  if (sum(natural) <= width) return spread(natural, width);
  // Fields (dates, names, states, hashes) first get their own width, up to a share of the table, while the text columns keep their minimum...
  const isText = columns.map((c) => c.kind === 'text');
  const fields = natural.map((n, i) => (isText[i] ? minimum[i] : Math.max(minimum[i], Math.min(n, width * (columns[i].kind === 'hash' ? WORD_SHARE : FIELD_SHARE)))));
  if (sum(fields) <= width) {
    // ...and the text columns share the rest by how much more they would like.
    const want = natural.map((n, i) => (isText[i] ? n - minimum[i] : 0));
    const room = width - sum(fields);
    const wanted = sum(want);
    if (wanted > 0) return fields.map((f, i) => f + (room * want[i]) / wanted);
    return spread(fields, width);
  }
  const want = natural.map((n, i) => n - minimum[i]);
  return minimum.map((m, i) => m + ((width - minTotal) * want[i]) / sum(want));
}

function sum(list: readonly number[]): number {
  return list.reduce((a, b) => a + b, 0);
}

// Widths that fit, widened in proportion to fill `width`.
function spread(widths: readonly number[], width: number): number[] {
  const total = sum(widths);
  return widths.map((w) => w + ((width - total) * w) / total);
}

/**
 * Draws a table from the cursor down. A row that does not fit goes to the
 * next page, under the header row repeated; a row taller than a whole page
 * is split between pages line by line.
 */
export function drawTable(cursor: PdfCursor, columns: readonly TableColumn[], rows: ReadonlyArray<ReadonlyArray<readonly InlineSpan[]>>, x: number, width: number, rowAnchors?: ReadonlyArray<string | undefined>): void {
  const widths = columnWidths(columns, rows, cursor.fonts, width);
  const lay = (cells: ReadonlyArray<readonly InlineSpan[]>, style: TextStyle): Line[][] => widths.map((w, i) => wrapSpans(cells[i] ?? [], cursor.fonts, style, w - 2 * PAD_X));
  const header = lay(
    columns.map((c) => [{ text: c.title }]),
    HEADER_STYLE,
  );
  const headerHeight = rowHeight(header);
  const drawHeader = (): void => {
    drawRow(cursor, header, widths, x, true);
  };
  const firstRow = rows.length > 0 ? rowHeight(lay(rows[0], TABLE_STYLE)) : 0;
  cursor.ensure(headerHeight + Math.min(firstRow, 4 * TABLE_STYLE.size * 1.3 + 2 * PAD_Y));
  drawHeader();
  rows.forEach((row, index) => {
    let remaining = lay(row, TABLE_STYLE);
    const full = rowHeight(remaining);
    if (full > cursor.remaining && full <= BODY_HEIGHT - headerHeight) {
      cursor.newPage();
      drawHeader();
    }
    cursor.placeAnchor(rowAnchors?.[index]);
    while (remaining.some((cell) => cell.length > 0)) {
      if (rowHeight(firstLines(remaining, 1)) > cursor.remaining) {
        cursor.newPage();
        drawHeader();
      }
      const slice = fitting(remaining, cursor.remaining);
      drawRow(cursor, slice, widths, x, false);
      remaining = remaining.map((cell, i) => cell.slice(slice[i].length));
    }
  });
  cursor.y -= 8;
}

function rowHeight(cells: ReadonlyArray<readonly Line[]>): number {
  return 2 * PAD_Y + Math.max(0, ...cells.map((lines) => lines.reduce((h, l) => h + l.height, 0)));
}

function firstLines(cells: ReadonlyArray<readonly Line[]>, count: number): Line[][] {
  return cells.map((lines) => lines.slice(0, count));
}

// As many of each cell's lines as fit in `height`.
function fitting(cells: ReadonlyArray<readonly Line[]>, height: number): Line[][] {
  return cells.map((lines) => {
    const out: Line[] = [];
    let used = 2 * PAD_Y;
    for (const line of lines) {
      if (used + line.height > height && out.length > 0) break;
      out.push(line);
      used += line.height;
    }
    return out;
  });
}

function drawRow(cursor: PdfCursor, cells: ReadonlyArray<readonly Line[]>, widths: readonly number[], x: number, header: boolean): void {
  const height = rowHeight(cells);
  const top = cursor.y;
  const total = widths.reduce((a, b) => a + b, 0);
  if (header) cursor.page.drawRectangle({ x, y: top - height, width: total, height, color: SHADE });
  let left = x;
  cells.forEach((lines, i) => {
    let lineTop = top - PAD_Y;
    for (const line of lines) {
      cursor.drawLine(line, left + PAD_X, lineTop);
      lineTop -= line.height;
    }
    left += widths[i];
  });
  cursor.page.drawLine({ start: { x, y: top - height }, end: { x: x + total, y: top - height }, thickness: header ? 0.8 : 0.4, color: header ? MUTED : RULE });
  cursor.y = top - height;
}
