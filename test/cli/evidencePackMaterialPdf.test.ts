import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { fileLayer } from '../../src/core/config/configLayers';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildRecordPack } from '../../src/core/usecases/exportPack';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { holds, readPdf } from '../support/pdfReading';

const NOW = new Date('2027-01-10T09:30:00Z');
const IMAGES = resolve(__dirname, '../../../test/fixtures/images');
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
// A real 1×1 GIF: the PDF names it (the HTML shows it).
const GIF = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');

const LINKS = ['', '## What the board showed', '', 'The ward board after go-live:', '', '![The ward board after go-live](evidence/ward-board.jpg)', '', 'See [my planning notes](before-action.md), [the deploy log](evidence/deploy.log) and [a note I lost](evidence/missing.txt).', ''].join('\n');

/** The image XObjects a page's resources hold. */
function imagesOn(page: PDFPage): number {
  const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xObjects instanceof PDFDict)) return 0;
  return xObjects.keys().filter((key) => {
    const object = xObjects.lookup(key);
    return object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image');
  }).length;
}

/** Links on a page that go to a place inside the PDF (a destination, not a URI). */
function internalLinksOn(page: PDFPage): number {
  const annots = page.node.Annots();
  if (!annots) return 0;
  return annots.asArray().filter((ref) => {
    const annot = page.doc.context.lookup(ref);
    return annot instanceof PDFDict && annot.get(PDFName.of('Subtype')) === PDFName.of('Link') && annot.get(PDFName.of('Dest')) !== undefined;
  }).length;
}

// The page's content stream draws an image (a `Do` of an XObject) only where the image is placed.
function drawsImage(page: PDFPage): boolean {
  const contents = page.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return parts.some((s) => s instanceof PDFRawStream && / Do\b/.test(inflateSync(Buffer.from(s.contents)).toString('latin1')));
}

describe('Supporting material in both formats: an image and a log in evidence/, and an image linked from a reflection', () => {
  let repo: GitFixture;
  let folder: string;
  const record = 'docs/changes/v1.4.0';
  const png = readFileSync(join(IMAGES, 'dashboard.png'));
  const jpeg = readFileSync(join(IMAGES, 'ward-board.jpg'));
  const log = 'deployed at 21:05\nnode 2 restarted at 21:12\n';

  before(() => {
    repo = new GitFixture('reflect-material-pdf-');
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    repo.commit('feat(results): show the trend of a result');
    const files = completeRecordFiles();
    files['on-action.md'] += LINKS;
    folder = writeRecord(join(repo.dir, record), files);
    mkdirSync(join(folder, 'evidence'), { recursive: true });
    copyFileSync(join(IMAGES, 'dashboard.png'), join(folder, 'evidence/screenshot.png'));
    copyFileSync(join(IMAGES, 'ward-board.jpg'), join(folder, 'evidence/ward-board.jpg'));
    writeFileSync(join(folder, 'evidence/deploy.log'), log);
    writeFileSync(join(folder, 'evidence/spinner.gif'), GIF);
    repo.git('add', '.');
    repo.git('commit', '-m', 'docs: the change record of v1.4.0');
  });
  after(() => repo.dispose());

  async function packOf(format: 'html' | 'pdf') {
    const repository = await GitRepository.open(repo.dir);
    return buildRecordPack(join(repo.dir, record), { repository, root: repository.root, config: resolveConfig([fileLayer({})]).config, clock: { now: () => NOW }, format });
  }

  it('the HTML pack lists the log with size and SHA-256 and embeds the images', async () => {
    const { html } = await packOf('html');
    const material = html.slice(html.indexOf('id="supporting-material"'), html.indexOf('id="commits"'));
    for (const [name, bytes] of [['evidence/screenshot.png', png], ['evidence/deploy.log', Buffer.from(log)], ['evidence/ward-board.jpg', jpeg]] as const) {
      assert.ok(material.includes(name), name);
      assert.ok(material.includes(sha(bytes)), `the SHA-256 of ${name}`);
    }
    assert.ok(material.includes(`src="data:image/png;base64,${png.toString('base64')}"`), 'the screenshot is embedded');
    assert.ok(html.includes(`<img src="data:image/jpeg;base64,${jpeg.toString('base64')}" alt="The ward board after go-live">`), 'the linked image sits in the reflection');
  });

  it('the PDF embeds the PNG and the JPEG as image objects, lists every file with size and SHA-256, and names the GIF it cannot draw', async () => {
    const pack = await packOf('pdf');
    assert.ok(pack.pdf);
    if (process.env.PACK_PDF_OUT) writeFileSync(process.env.PACK_PDF_OUT, pack.pdf.bytes);
    const read = await readPdf(pack.pdf.bytes);
    const pages = read.doc.getPages();
    const start = read.pages.findIndex((p) => p.text.includes('. Supporting material'));
    assert.ok(start > 0, 'the PDF has a Supporting material section');
    const end = read.pages.findIndex((p, i) => i >= start && /\d+\. Commits/.test(p.text));
    const material = read.pages.slice(start, end + 1).map((p) => p.text).join('\n');
    for (const [name, bytes, size] of [['evidence/screenshot.png', png, `${(png.length / 1024).toFixed(1)} KB`], ['evidence/deploy.log', Buffer.from(log), `${log.length} bytes`], ['evidence/ward-board.jpg', jpeg, `${(jpeg.length / 1024).toFixed(1)} KB`], ['evidence/spinner.gif', GIF, `${GIF.length} bytes`]] as const) {
      assert.ok(holds(material, name), `${name} is listed`);
      assert.ok(holds(material, sha(bytes)), `the SHA-256 of ${name} is printed`);
      assert.ok(holds(material, size), `the size of ${name} (${size}) is printed`);
    }
    const imagePages = pages.slice(start, end + 1).filter(imagesOn);
    assert.ok(imagePages.length > 0 && imagePages.some(drawsImage), 'the section draws image objects');
    const objects = new Set(pages.flatMap((page) => {
      const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
      return xObjects instanceof PDFDict ? xObjects.values().map(String) : [];
    }));
    assert.equal(objects.size, 2, 'the PNG and the JPEG, each embedded once though the JPEG is shown twice');
    assert.ok(holds(material, '[image: evidence/spinner.gif — GIF images are not drawn in the PDF'), 'the GIF is named where it would stand');
  });

  it('the PDF shows the linked image at its place in the reflection, links the other documents inside the PDF, and marks the broken link', async () => {
    const pack = await packOf('pdf');
    assert.ok(pack.pdf);
    const read = await readPdf(pack.pdf.bytes);
    const pages = read.doc.getPages();
    const at = read.pages.findIndex((p) => holds(p.text, 'The ward board after go-live:'));
    assert.ok(at >= 0);
    const here = [at, at + 1].filter((i) => i < pages.length);
    assert.ok(here.some((i) => imagesOn(pages[i]) > 0 && drawsImage(pages[i])), 'the JPEG is drawn beside its paragraph in On action');
    assert.ok(holds(read.pages[at].text, 'See my planning notes, the deploy log and a note I lost'));
    assert.ok(holds(read.text, 'a note I lost [broken link — evidence/missing.txt: no such file in the repository]'));
    assert.ok(internalLinksOn(pages[at]) >= 2, 'the links to before-action.md and to the log go to their places in the PDF');
  });
});
