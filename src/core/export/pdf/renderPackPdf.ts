import { PDFDocument, type PDFImage } from 'pdf-lib';
import type { PackBlock, PackImage, PackModel } from '../model/packModel';
import { readableInstant } from '../../vocabulary/readableDate';
import { drawBlocks, drawHeading } from './pdfBlocks';
import { MARGIN, MUTED, PAGE_SIZE, PdfCursor, RULE, standardFonts, TEXT_WIDTH, wrapSpans, type PdfFonts } from './pdfLayout';
import { printable, printableModel, type UnprintableTally } from './pdfText';

/** What the PDF writer made. */
export interface PdfPack {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** How many characters the standard fonts could not show, printed as `[U+XXXX]` markers. */
  readonly unprintable: number;
}

/** Said in the metadata and printed nowhere else. */
const CREATOR = 'Reflective Change Log';
const PRODUCER = 'Reflective Change Log (pdf-lib)';

/**
 * Writes the pack as an A4 PDF: the cover and a list of contents, then each
 * section, with the record named in every page's header and "Page N of M" in
 * its footer. The fonts are the standard 14, so nothing is embedded or
 * fetched; text they cannot show is printed as a visible marker, and the
 * cover says how much. The document's dates are the pack's time stamp, so the
 * same model always gives the same bytes.
 */
export async function renderPackPdf(source: PackModel): Promise<PdfPack> {
  const tally: UnprintableTally = { count: 0, examples: [] };
  const model = printableModel(source, tally);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Evidence pack: ${source.title}`, { showInWindowTitleBar: true });
  if (source.author) doc.setAuthor(source.author);
  doc.setSubject(source.subject);
  doc.setKeywords([...source.keywords]);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(source.generatedAt);
  doc.setModificationDate(source.generatedAt);
  doc.setLanguage('en');
  const fonts = await standardFonts(doc);
  const cursor = new PdfCursor(doc, fonts, await embedImages(doc, model));
  const x = MARGIN.left;
  cursor.placeAnchor('cover');

  cursor.flowLines(wrapSpans([{ text: 'EVIDENCE PACK' }], fonts, { size: 9, bold: true, color: MUTED }, TEXT_WIDTH), x);
  cursor.flowLines(wrapSpans([{ text: model.title }], fonts, { size: 22, bold: true, leading: 1.2 }, TEXT_WIDTH), x);
  cursor.flowLines(wrapSpans([{ text: model.subtitle }], fonts, { size: 12, color: MUTED }, TEXT_WIDTH), x);
  cursor.y -= 8;
  if (tally.count > 0) {
    const note = `${tally.count} ${tally.count === 1 ? 'character' : 'characters'} in this record cannot be shown in the PDF's standard fonts and ${tally.count === 1 ? 'is' : 'are each'} printed as its Unicode code point, for example ${tally.examples.join(', ')}. The HTML evidence pack shows every character as written.`;
    drawBlocks(cursor, [{ kind: 'paragraph', text: [{ text: note }], tone: 'warning' }], x, TEXT_WIDTH);
  }
  drawBlocks(cursor, model.cover, x, TEXT_WIDTH);
  drawHeading(cursor, [{ text: 'Contents' }], 2, x, TEXT_WIDTH);
  drawBlocks(cursor, [{ kind: 'list', ordered: true, items: model.sections.map((s) => [{ kind: 'paragraph', text: [{ text: s.title }] }]) }], x, TEXT_WIDTH);

  model.sections.forEach((section, i) => {
    if (i === 0) cursor.newPage();
    drawHeading(cursor, [{ text: `${i + 1}. ${section.title}` }], 1, x, TEXT_WIDTH, section.id);
    drawBlocks(cursor, section.blocks, x, TEXT_WIDTH);
  });
  cursor.y -= 10;
  cursor.flowLines(wrapSpans([{ text: model.colophon }], fonts, { size: 8, italic: true, color: MUTED }, TEXT_WIDTH), x);

  // A link to an attached file whose row was not drawn goes to the Supporting material section.
  cursor.resolveInternalLinks((anchor) => (anchor.startsWith('file-') ? 'supporting-material' : undefined));
  const pages = cursor.pages;
  pages.forEach((page, i) => drawHeaderAndFooter(page, fonts, model, i + 1, pages.length));
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: pages.length, unprintable: tally.count };
}

/** Every image block of the model, the cover's and each section's, nested ones included. */
export function imagesOf(blocks: readonly PackBlock[]): PackImage[] {
  return blocks.flatMap((b): PackImage[] => {
    if (b.kind === 'image') return [b];
    if (b.kind === 'list') return b.items.flatMap(imagesOf);
    if (b.kind === 'quote') return imagesOf(b.blocks);
    return [];
  });
}

// PNG and JPEG are embedded once each (an image shown in a document and under Supporting material is one object); a file pdf-lib cannot decode is named, not fatal.
async function embedImages(doc: PDFDocument, model: PackModel): Promise<Map<string, PDFImage | { readonly problem: string }>> {
  const images = new Map<string, PDFImage | { readonly problem: string }>();
  for (const image of [...imagesOf(model.cover), ...model.sections.flatMap((s) => imagesOf(s.blocks))]) {
    if (images.has(image.dataUri) || (image.type !== 'image/png' && image.type !== 'image/jpeg')) continue;
    // A copy with a buffer of its own: pdf-lib's JPEG reader ignores a view's offset into a shared (pooled) buffer.
    const bytes = new Uint8Array(Buffer.from(image.dataUri.slice(image.dataUri.indexOf(',') + 1), 'base64'));
    try {
      images.set(image.dataUri, image.type === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes));
    } catch {
      images.set(image.dataUri, { problem: `the PDF writer could not read this ${image.type === 'image/png' ? 'PNG' : 'JPEG'}` });
    }
  }
  return images;
}

function drawHeaderAndFooter(page: PdfCursor['page'], fonts: PdfFonts, model: PackModel, number: number, total: number): void {
  const size = 8;
  const [width, height] = PAGE_SIZE;
  const right = width - MARGIN.right;
  const kind = 'Evidence pack';
  const kindWidth = fonts.regular.widthOfTextAtSize(kind, size);
  const label = fitted(model.recordLabel, fonts, size, right - MARGIN.left - kindWidth - 16);
  const headerY = height - MARGIN.top + 22;
  page.drawText(label, { x: MARGIN.left, y: headerY, size, font: fonts.bold, color: MUTED });
  page.drawText(kind, { x: right - kindWidth, y: headerY, size, font: fonts.regular, color: MUTED });
  page.drawLine({ start: { x: MARGIN.left, y: headerY - 5 }, end: { x: right, y: headerY - 5 }, thickness: 0.5, color: RULE });
  const footerY = MARGIN.bottom - 30;
  const pageText = `Page ${number} of ${total}`;
  const pageWidth = fonts.regular.widthOfTextAtSize(pageText, size);
  const generated = fitted(`Change record ${model.version} · generated ${printable(readableInstant(model.generatedAt))}`, fonts, size, right - MARGIN.left - pageWidth - 16);
  page.drawLine({ start: { x: MARGIN.left, y: footerY + 12 }, end: { x: right, y: footerY + 12 }, thickness: 0.5, color: RULE });
  page.drawText(generated, { x: MARGIN.left, y: footerY, size, font: fonts.regular, color: MUTED });
  page.drawText(pageText, { x: right - pageWidth, y: footerY, size, font: fonts.regular, color: MUTED });
}

// A header text cut to a width, ending in an ellipsis when cut.
function fitted(text: string, fonts: PdfFonts, size: number, width: number): string {
  if (fonts.bold.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && fonts.bold.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

