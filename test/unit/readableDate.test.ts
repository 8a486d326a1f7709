import * as assert from 'node:assert/strict';
import { buildEvidencePack } from '../../src/core/export/buildEvidencePack';
import { buildPackModel } from '../../src/core/export/model/buildPackModel';
import { spansText, type PackBlock } from '../../src/core/export/model/packModel';
import { parseCommitFully } from '../../src/core/commits/conventionalCommit';
import { renderCommitOverview, type CommitOverview } from '../../src/core/render/commitOverviewMarkdown';
import { readableDate, readableDateOrAsWritten, readableInstant } from '../../src/core/vocabulary/readableDate';
import { assessRecord } from '../../src/core/records/recordStatus';
import type { RecordFile } from '../../src/core/validate/validateRecord';
import { completeRecordFiles, GENERATED_AT, STYLESHEET } from '../support/evidencePackRecord';

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

function blockText(block: PackBlock): string {
  switch (block.kind) {
    case 'facts':
      return block.rows.map((r) => `${r.label} ${spansText(r.value)}`).join('\n');
    case 'table':
      return block.rows.map((r) => r.map(spansText).join(' | ')).join('\n');
    case 'paragraph':
    case 'heading':
      return spansText(block.text);
    default:
      return '';
  }
}

describe('One readable-date formatter', () => {
  it('reads ISO dates the way people do, keeping the written time zone, and leaves anything else alone', () => {
    assert.equal(readableDate('2026-12-02'), nbsp('2 Dec 2026'));
    assert.equal(readableDate('2026-12-02T20:00:00Z'), `${nbsp('2 Dec 2026')}, 20:00\u00a0UTC`);
    assert.equal(readableDate('2026-12-02T20:00+01:00'), `${nbsp('2 Dec 2026')}, 20:00\u00a0UTC+01:00`);
    assert.equal(readableDate('2026-11-30T14:05:00+0000'), `${nbsp('30 Nov 2026')}, 14:05\u00a0UTC`);
    assert.equal(readableDate('2026-13-02'), undefined);
    assert.equal(readableDateOrAsWritten('the day before'), 'the day before');
    assert.equal(readableDateOrAsWritten('2026-02-30'), '2026-02-30', 'not on the calendar: shown as written');
    assert.equal(readableInstant(new Date('2027-01-10T09:30:00Z')), `${nbsp('10 Jan 2027')}, 09:30\u00a0UTC`);
  });

  it('is what the HTML pack, the PDF model and the commit overview all print', () => {
    const files: RecordFile[] = Object.entries(completeRecordFiles()).map(([name, text]) => ({ name, text }));
    const options = { today: '2027-01-10' };
    const input = { files, assessment: assessRecord(files, options), commits: { state: 'unavailable' as const, reason: 'none' }, options, generatedAt: GENERATED_AT, stylesheet: STYLESHEET, recordName: 'v1.4.0' };
    const expected = readableDateOrAsWritten('2026-12-02T20:00:00Z');
    assert.ok(buildEvidencePack(input).includes(`>${expected}</time>`), 'the HTML cover');
    const cover = buildPackModel(input).cover.map(blockText).join('\n');
    assert.ok(cover.includes(expected), 'the PDF model’s cover');
    assert.ok(cover.includes(`Generated ${readableInstant(GENERATED_AT)}`), 'the time stamp');
    const commit = parseCommitFully({ hash: 'a'.repeat(40), parents: [], authorName: 'Sam Patel', authorEmail: 'sam@example.org', date: '2026-12-02T20:00:00Z', message: 'fix: x' });
    const overview: CommitOverview = { commit, parents: [], files: [] };
    assert.ok(renderCommitOverview(overview).includes(`| Date | ${expected} (`), 'the commit overview');
  });
});
