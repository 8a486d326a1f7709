import * as assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { standardFonts, TEXT_WIDTH, wrapSpans } from '../../src/core/export/pdf/pdfLayout';
import { columnWidths, TABLE_STYLE } from '../../src/core/export/pdf/pdfTables';
import { printable, type UnprintableTally } from '../../src/core/export/pdf/pdfText';

describe('PDF layout', () => {
  it('sizes table columns by content and never squashes dates, owners and states below a readable width', async () => {
    const fonts = await standardFonts(await PDFDocument.create());
    const long = 'Rehearse the rollback on the test system before the next release, timing each step and writing down who did what and when, '.repeat(3);
    const columns = [
      { title: 'Action', kind: 'text' as const },
      { title: 'Owner', kind: 'person' as const },
      { title: 'Due', kind: 'date' as const },
      { title: 'Status', kind: 'status' as const },
      { title: 'Evidence', kind: 'text' as const },
    ];
    const widths = columnWidths(columns, [[[{ text: long }], [{ text: 'Sam Patel' }], [{ text: '30 September 2027' }], [{ text: 'in-progress' }], [{ text: long }]]], fonts, TEXT_WIDTH);
    assert.ok(Math.abs(widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH) < 0.01, 'the table spans the text width');
    const needs = (text: string) => fonts.regular.widthOfTextAtSize(text, TABLE_STYLE.size);
    assert.ok(widths[2] >= needs('30 September 2027'), 'a date fits on one line');
    assert.ok(widths[3] >= needs('in-progress'), 'a state fits on one line');
    assert.ok(widths[1] >= needs('Sam Patel'), 'a short name fits on one line');
    assert.ok(widths[0] > widths[2] && widths[4] > widths[2], 'the long text columns take the rest');
  });

  it('wraps at spaces, and splits a word only when the word alone is wider than the line', async () => {
    const fonts = await standardFonts(await PDFDocument.create());
    const width = fonts.regular.widthOfTextAtSize('Featherstonehaugh-Llywelyn a', 10);
    const lines = wrapSpans([{ text: 'Featherstonehaugh-Llywelyn ap Gruffydd ' }, { text: 'a'.repeat(80), code: true }], fonts, { size: 10 }, width);
    const texts = lines.map((l) => l.runs.map((r) => r.text).join(''));
    assert.equal(texts[0], 'Featherstonehaugh-Llywelyn');
    assert.equal(texts[1], 'ap Gruffydd');
    assert.ok(texts.slice(2).every((t) => /^a+$/.test(t)) && texts.slice(2).join('').length === 80, 'the over-long word is split, and only it');
    assert.ok(lines.every((l) => l.width <= width));
  });

  it('keeps WinAnsi text, spells typography and checkboxes, and marks the rest by code point', () => {
    const tally: UnprintableTally = { count: 0, examples: [] };
    assert.equal(printable('café “quoted” – € ☐ ☑ → ≤', tally), 'café “quoted” – € [ ] [x] -> <=');
    assert.equal(printable('cafe\u0301', tally), 'café', 'a combining accent is composed first');
    assert.equal(tally.count, 0);
    assert.equal(printable('Gŵyl 🙂 王', tally), 'G[U+0175]yl [U+1F642] [U+738B]');
    assert.equal(tally.count, 3);
    assert.equal(printable('a\u0000b\u200bc\td', tally), 'abc    d', 'control and zero-width characters are dropped, tabs are spaces');
  });
});
