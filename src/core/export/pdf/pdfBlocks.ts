import type { InlineSpan, PackBlock, PackImage, Tone } from '../model/packModel';
import { BODY_HEIGHT, INK, MARGIN, MUTED, PAGE_SIZE, RULE, SHADE, WARNING, wrapSpans, type PdfCursor, type TextStyle } from './pdfLayout';
import { drawTable } from './pdfTables';

/** Body text, in points. */
export const BODY_STYLE: TextStyle = { size: 10 };
const HEADING_SIZES = [18, 14, 12, 10.5, 10, 10];
const FACT_STYLE: TextStyle = { size: 9.5, leading: 1.32 };
const FACT_LABEL_WIDTH = 116;
const CODE_SIZE = 8.5;
const INDENT = 14;

/** Draws blocks from the cursor down, `width` wide at `x`. */
export function drawBlocks(cursor: PdfCursor, blocks: readonly PackBlock[], x: number, width: number): void {
  for (const block of blocks) drawBlock(cursor, block, x, width);
}

function drawBlock(cursor: PdfCursor, block: PackBlock, x: number, width: number): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(cursor, block.text, block.level, x, width, block.anchor);
    case 'paragraph':
      return drawParagraph(cursor, block.text, block.tone ?? 'plain', x, width);
    case 'list':
      return drawList(cursor, block.items, block.ordered, block.start ?? 1, x, width);
    case 'table':
      return drawTable(cursor, block.columns, block.rows, x, width, block.rowAnchors);
    case 'facts':
      return drawFacts(cursor, block.rows, x, width);
    case 'code':
      return drawCode(cursor, block.text, x, width);
    case 'quote':
      return drawQuote(cursor, block.blocks, x, width);
    case 'rule':
      cursor.ensure(12);
      cursor.page.drawLine({ start: { x, y: cursor.y - 6 }, end: { x: x + width, y: cursor.y - 6 }, thickness: 0.5, color: RULE });
      cursor.y -= 12;
      return;
    case 'image':
      return drawImage(cursor, block, x, width);
  }
}

// An image is never drawn larger than its pixels at 96 dpi, nor wider than the text, nor taller than most of a page.
const POINTS_PER_PIXEL = 0.75;
const MAX_IMAGE_HEIGHT = BODY_HEIGHT * 0.7;
const CAPTION_STYLE: TextStyle = { size: 8.5, italic: true, color: MUTED };

/**
 * An embedded PNG or JPEG scaled to fit the text width, with its path as a
 * caption; any other type (GIF, WebP) or an image the PDF library could not
 * read is named in its place, since the HTML pack shows it.
 */
function drawImage(cursor: PdfCursor, block: PackImage, x: number, width: number): void {
  const embedded = cursor.images.get(block.dataUri);
  if (!embedded || 'problem' in embedded) {
    const why = embedded && 'problem' in embedded ? embedded.problem : `${block.type === 'image/gif' ? 'GIF' : block.type === 'image/webp' ? 'WebP' : block.type} images are not drawn in the PDF`;
    cursor.placeAnchor(block.anchor);
    drawParagraph(cursor, [{ text: `[image: ${block.alt} — ${why}; the HTML evidence pack shows it, and Supporting material lists its SHA-256]`, italic: true }], 'note', x, width);
    return;
  }
  const scale = Math.min(POINTS_PER_PIXEL, width / embedded.width, MAX_IMAGE_HEIGHT / embedded.height);
  const w = embedded.width * scale;
  const h = embedded.height * scale;
  const caption = block.caption === undefined ? [] : wrapSpans([{ text: block.caption }], cursor.fonts, CAPTION_STYLE, width);
  const captionHeight = caption.reduce((sum, l) => sum + l.height, 0);
  cursor.ensure(h + captionHeight + 6);
  cursor.placeAnchor(block.anchor);
  cursor.page.drawImage(embedded, { x, y: cursor.y - h, width: w, height: h });
  cursor.page.drawRectangle({ x, y: cursor.y - h, width: w, height: h, borderColor: RULE, borderWidth: 0.5 });
  cursor.y -= h + 3;
  cursor.flowLines(caption, x);
  cursor.y -= 8;
}

/** A heading, kept on the same page as the first lines after it. */
export function drawHeading(cursor: PdfCursor, text: readonly InlineSpan[], level: number, x: number, width: number, anchor?: string): void {
  const size = HEADING_SIZES[Math.min(6, Math.max(1, level)) - 1];
  const lines = wrapSpans(text, cursor.fonts, { size, bold: true, leading: 1.25 }, width);
  const height = lines.reduce((h, l) => h + l.height, 0);
  const before = cursor.atTop ? 0 : level <= 2 ? 10 : 6;
  // A section's title keeps about a third of a page after it (its facts and the start of its table); a sub-heading, three lines.
  cursor.ensure(before + height + (level === 1 ? BODY_HEIGHT / 4 : 3 * BODY_STYLE.size * 1.38));
  if (!cursor.atTop) cursor.y -= before;
  cursor.placeAnchor(anchor);
  cursor.flowLines(lines, x);
  if (level === 1) {
    cursor.page.drawLine({ start: { x, y: cursor.y + 2 }, end: { x: x + width, y: cursor.y + 2 }, thickness: 0.8, color: RULE });
  }
  cursor.y -= 4;
}

function toneStyle(tone: Tone): TextStyle {
  if (tone === 'missing') return { ...BODY_STYLE, italic: true, color: MUTED };
  if (tone === 'note') return { ...BODY_STYLE, color: MUTED };
  if (tone === 'warning') return { ...BODY_STYLE, color: WARNING };
  return BODY_STYLE;
}

function drawParagraph(cursor: PdfCursor, text: readonly InlineSpan[], tone: Tone, x: number, width: number): void {
  const bar = tone === 'warning' ? 8 : 0;
  const lines = wrapSpans(text, cursor.fonts, toneStyle(tone), width - bar);
  const start = { page: cursor.page, y: cursor.y };
  cursor.flowLines(lines, x + bar);
  if (bar > 0 && start.page === cursor.page) cursor.page.drawRectangle({ x, y: cursor.y, width: 2.5, height: start.y - cursor.y, color: WARNING });
  cursor.y -= 5;
}

function drawList(cursor: PdfCursor, items: ReadonlyArray<readonly PackBlock[]>, ordered: boolean, start: number, x: number, width: number): void {
  items.forEach((item, i) => {
    const marker = ordered ? `${start + i}.` : '•';
    cursor.ensure(BODY_STYLE.size * 1.38);
    const [markerLine] = wrapSpans([{ text: marker }], cursor.fonts, BODY_STYLE, INDENT * 2);
    if (markerLine) cursor.drawLine(markerLine, x + INDENT - markerLine.width - 4, cursor.y);
    const before = cursor.y;
    drawBlocks(cursor, item, x + INDENT, width - INDENT);
    // A tight list's items sit closer than paragraphs.
    if (cursor.y < before) cursor.y += 2;
  });
  cursor.y -= 3;
}

function drawFacts(cursor: PdfCursor, rows: ReadonlyArray<{ readonly label: string; readonly value: readonly InlineSpan[] }>, x: number, width: number): void {
  const labelStyle: TextStyle = { ...FACT_STYLE, bold: true, color: MUTED };
  // One label width for every list that fits it, so the cover's lists line up.
  const labelWidth = Math.min(width * 0.3, Math.max(FACT_LABEL_WIDTH, ...rows.map((r) => cursor.fonts.bold.widthOfTextAtSize(r.label, FACT_STYLE.size) + 10)));
  const laid = rows.map((row) => {
    const labels = wrapSpans([{ text: row.label }], cursor.fonts, labelStyle, labelWidth - 10);
    const values = wrapSpans(row.value, cursor.fonts, FACT_STYLE, width - labelWidth);
    return { labels, values, height: Math.max(...[labels, values].map((ls) => ls.reduce((h, l) => h + l.height, 0))) + 1.5 };
  });
  // A short list is kept on one page; a longer one keeps each row whole while it can, and runs on line by line when it cannot.
  const total = laid.reduce((h, r) => h + r.height, 0);
  if (total <= BODY_HEIGHT / 3) cursor.ensure(total);
  for (const { labels, values, height } of laid) {
    if (height <= BODY_HEIGHT) cursor.ensure(height);
    for (let i = 0; i < Math.max(labels.length, values.length); i++) {
      const step = Math.max(labels[i]?.height ?? 0, values[i]?.height ?? 0);
      cursor.ensure(step);
      const label = labels[i];
      const value = values[i];
      if (label) cursor.drawLine(label, x, cursor.y);
      if (value) cursor.drawLine(value, x + labelWidth, cursor.y);
      cursor.y -= step;
    }
    cursor.y -= 1.5;
  }
  cursor.y -= 4;
}

function drawCode(cursor: PdfCursor, text: string, x: number, width: number): void {
  const font = cursor.fonts.mono;
  const charWidth = font.widthOfTextAtSize('M', CODE_SIZE);
  const perLine = Math.max(1, Math.floor((width - 8) / charWidth));
  const height = CODE_SIZE * 1.35;
  const lines = text.split('\n').flatMap((line) => (line.length === 0 ? [''] : (line.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [''])));
  cursor.y -= 2;
  for (const line of lines) {
    cursor.ensure(height);
    cursor.page.drawRectangle({ x, y: cursor.y - height, width, height, color: SHADE });
    if (line.trim().length > 0) cursor.page.drawText(line, { x: x + 4, y: cursor.y - CODE_SIZE, size: CODE_SIZE, font, color: INK });
    cursor.y -= height;
  }
  cursor.y -= 7;
}

function drawQuote(cursor: PdfCursor, blocks: readonly PackBlock[], x: number, width: number): void {
  const startIndex = cursor.pages.indexOf(cursor.page);
  const startY = cursor.y;
  drawBlocks(cursor, blocks, x + 12, width - 12);
  const endIndex = cursor.pages.indexOf(cursor.page);
  for (let i = startIndex; i <= endIndex; i++) {
    const top = i === startIndex ? startY : PAGE_SIZE[1] - MARGIN.top;
    const bottom = i === endIndex ? cursor.y + 4 : MARGIN.bottom;
    if (top > bottom) cursor.pages[i].drawRectangle({ x: x + 2, y: bottom, width: 2, height: top - bottom, color: RULE });
  }
}
