import * as assert from 'node:assert/strict';
import { cssString } from '../../src/core/export/buildEvidencePack';
import { dateHtml } from '../../src/core/export/readableDates';
import { readableDate } from '../../src/core/vocabulary/readableDate';
import { completeRecordFiles, packOf, STYLESHEET } from '../support/evidencePackRecord';

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('Evidence pack layout: dates, tables and printed pages', () => {
  it('shows dates the way people read them, the ISO value kept in a <time> element', () => {
    assert.equal(readableDate('2026-10-23'), nbsp('23 Oct 2026'));
    assert.equal(readableDate('2026-12-02T21:00:00Z'), `${nbsp('2 Dec 2026')}, 21:00\u00a0UTC`);
    assert.equal(readableDate('2026-12-02T21:00:30+01:00'), `${nbsp('2 Dec 2026')}, 21:00:30\u00a0UTC+01:00`, 'the time as written, in its own zone');
    assert.equal(readableDate('2026-12-02T21:00'), `${nbsp('2 Dec 2026')}, 21:00\u00a0(no time zone given)`);
    assert.equal(readableDate('2026-02-30'), undefined, 'not on the calendar');
    assert.equal(readableDate('next Tuesday'), undefined);
    assert.equal(dateHtml('2026-10-23'), `<time datetime="2026-10-23" title="2026-10-23">${nbsp('23 Oct 2026')}</time>`);
    assert.equal(dateHtml('soon <b>'), 'soon &lt;b&gt;', 'anything else is shown as written, escaped');
    assert.equal(dateHtml(undefined), '<span class="missing">not recorded</span>');
  });

  it('keeps the action plan\'s owner, due and status columns readable: fixed widths, no breaking inside a date', () => {
    const html = packOf(completeRecordFiles());
    assert.match(html, /<div class="table-scroll">\n<table class="actions">\n<colgroup><col class="col-action"><col class="col-gap"><col class="col-owner"><col class="col-due"><col class="col-evidence"><col class="col-status"><\/colgroup>/);
    assert.match(STYLESHEET, /table\.actions \{ table-layout: fixed; min-width: 46rem; \}/);
    for (const column of ['owner', 'due', 'status']) assert.match(STYLESHEET, new RegExp(`table\\.actions col\\.col-${column} \\{ width: [\\d.]+em; \\}`));
    assert.match(STYLESHEET, /td\.date, td\.due, td\.status \{ white-space: nowrap; \}/);
    // "anywhere" lets a column shrink to one letter: it is what squashed "Priya Shah" into "Priy a Sha h".
    const cellRule = /\nth, td \{[^}]*\}/.exec(STYLESHEET)?.[0] ?? '';
    assert.match(cellRule, /overflow-wrap: break-word;/);
    assert.doesNotMatch(cellRule, /anywhere/);
  });

  it('prints the record name in each page header and the page number in the footer', () => {
    assert.match(STYLESHEET, /@bottom-right \{\n\s+content: "Page " counter\(page\) " of " counter\(pages\);/);
    const html = packOf(completeRecordFiles(), undefined, { activity: { system: 'Pathology results viewer' } });
    assert.match(html, /@page \{\n {2}@top-left \{ content: "Pathology results viewer, change record v1\.4\.0";/);
  });

  it('writes record text into the printed header only as an escaped CSS string', () => {
    assert.equal(cssString('v1.4.0'), '"v1.4.0"');
    assert.equal(cssString('a"b'), '"a\\22 b"');
    assert.equal(cssString('</style><script>'), '"\\3c \\2f style\\3e \\3c script\\3e "');
    assert.equal(cssString('x\\"; } body { display: none'), '"x\\5c \\22 \\3b  \\7d  body \\7b  display: none"');
    assert.equal(cssString('x\n}'), '"x\\a \\7d "');
  });
});
