import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, type PDFPage } from 'pdf-lib';

/** One text-showing operation of a page: where it starts and what it shows. */
export interface PdfRun {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** What a test reads back from a PDF: every page's text runs, its text (the runs in the order drawn, one a line), and its link destinations. */
export interface ReadPdf {
  readonly doc: PDFDocument;
  readonly pages: ReadonlyArray<{ readonly runs: readonly PdfRun[]; readonly text: string; readonly links: readonly string[]; readonly size: readonly [number, number] }>;
  /** All pages' text, pages joined by form feeds. */
  readonly text: string;
}

const WIN_ANSI = new TextDecoder('windows-1252');

/**
 * Reads a PDF the way a viewer would for text: loads it with pdf-lib,
 * inflates each page's content streams and decodes the `<hex> Tj` strings
 * (WinAnsi) at their `Tm` positions. Only what our writer emits is read; a
 * test-only reader, not a general text extractor.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) => {
    const runs = runsOf(contentOf(page));
    // In the order drawn: a table cell's lines follow each other, as a reader's text would.
    const text = runs.map((r) => r.text).join('\n');
    const { width, height } = page.getSize();
    return { runs, text, links: linksOf(page), size: [width, height] as const };
  });
  return { doc, pages, text: pages.map((p) => p.text).join('\f') };
}

/** Whether `text` holds `needle`, ignoring where lines and runs were broken (all white space removed from both). */
export function holds(text: string, needle: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(text).includes(squash(needle));
}

function contentOf(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) return '';
      const filter = stream.dict.get(PDFName.of('Filter'));
      const raw = Buffer.from(stream.contents);
      return (filter === PDFName.of('FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
    })
    .join('\n');
}

function runsOf(content: string): PdfRun[] {
  const runs: PdfRun[] = [];
  let x = 0;
  let y = 0;
  for (const match of content.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
    if (match[7] === undefined) {
      x = Number(match[5]);
      y = Number(match[6]);
    } else runs.push({ x, y, text: WIN_ANSI.decode(Buffer.from(match[7], 'hex')) });
  }
  return runs;
}

function linksOf(page: PDFPage): string[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  return annots.asArray().flatMap((ref) => {
    const annot = page.doc.context.lookup(ref);
    if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
    const action = annot.lookup(PDFName.of('A'));
    const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
    return uri instanceof PDFString ? [uri.decodeText()] : [];
  });
}
