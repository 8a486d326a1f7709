import * as assert from 'node:assert/strict';
import { buildPackModel, PACK_MODEL_SECTIONS } from '../../src/core/export/model/buildPackModel';
import type { EvidencePackInput } from '../../src/core/export/evidencePackInput';
import { renderPackPdf, type PdfPack } from '../../src/core/export/pdf/renderPackPdf';
import { assessRecord } from '../../src/core/records/recordStatus';
import type { RecordFile } from '../../src/core/validate/validateRecord';
import { buildEvidencePack } from '../../src/core/export/buildEvidencePack';
import { completeRecordFiles, deployedChangeControlFiles, GENERATED_AT, STYLESHEET } from '../support/evidencePackRecord';
import { PDFBool, PDFDict, PDFName, PDFString } from 'pdf-lib';
import { holds, readPdf } from '../support/pdfReading';
import { answered, withFrontMatter } from '../support/recordDocuments';

const ACTIVITY = { title: 'Deploying a pathology results viewer upgrade', trainee: 'Alex Morgan', system: 'Pathology results viewer' };

function inputOf(files: Record<string, string>, extra: Partial<EvidencePackInput> = {}): EvidencePackInput {
  const recordFiles: RecordFile[] = Object.entries(files).map(([name, text]) => ({ name, text }));
  const options = { today: '2027-01-10' };
  return { files: recordFiles, assessment: assessRecord(recordFiles, options), commits: { state: 'unavailable', reason: 'no repository in this test.' }, options, generatedAt: GENERATED_AT, stylesheet: STYLESHEET, recordName: 'v1.4.0', ...extra };
}

function pdfOf(files: Record<string, string>, extra: Partial<EvidencePackInput> = {}): Promise<PdfPack> {
  return renderPackPdf(buildPackModel(inputOf(files, extra)));
}

/** An action plan whose actions are given as YAML lines (each action's lines indented under `- `). */
function actionPlan(actions: ReadonlyArray<Record<string, string>>): string {
  const lines = ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', 'author: Alex Morgan', 'actions:'];
  for (const action of actions) {
    Object.entries(action).forEach(([key, value], i) => lines.push(`${i === 0 ? '  - ' : '    '}${key}: ${JSON.stringify(value)}`));
  }
  return withFrontMatter(answered('action-plan'), lines);
}

describe('The evidence pack as a PDF', () => {
  it('is A4 on every page, with the record in each header, "Page N of M" in each footer, and metadata from the record and the clock', async () => {
    const pdf = await pdfOf(completeRecordFiles(), { activity: ACTIVITY });
    const read = await readPdf(pdf.bytes);
    assert.equal(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.equal(read.pages.length, pdf.pages);
    assert.ok(pdf.pages >= 3, `a complete record runs to several pages, not ${pdf.pages}`);
    read.pages.forEach((page, i) => {
      assert.deepEqual(page.size.map(Math.round), [595, 842], `page ${i + 1} is A4`);
      assert.ok(page.text.includes('Deploying a pathology results viewer upgrade · change record v1.4.0'), `page ${i + 1} header names the record`);
      assert.ok(page.text.includes(`Page ${i + 1} of ${pdf.pages}`), `page ${i + 1} footer numbers it`);
    });
    const { doc } = read;
    assert.equal(doc.getTitle(), 'Evidence pack: Deploying a pathology results viewer upgrade');
    assert.equal(doc.getAuthor(), 'Alex Morgan');
    assert.equal(doc.getSubject(), 'Evidence pack of the change record v1.4.0 (Pathology results viewer)');
    assert.equal(doc.getCreator(), 'Reflective Change Log');
    assert.equal(doc.getCreationDate()?.toISOString(), GENERATED_AT.toISOString());
    assert.equal(doc.getModificationDate()?.toISOString(), GENERATED_AT.toISOString());
  });

  it('prints every section, in order, with the record’s text and dates as people read them', async () => {
    const pdf = await pdfOf(completeRecordFiles(), { activity: ACTIVITY });
    const { text } = await readPdf(pdf.bytes);
    let last = -1;
    PACK_MODEL_SECTIONS.forEach((section, i) => {
      const at = text.indexOf(`${i + 1}. ${section.title}`, last + 1);
      assert.ok(at > last, `section ${i + 1}. ${section.title} prints after the one before`);
      last = at;
    });
    for (const expected of [
      'EVIDENCE PACK',
      'Trainee',
      'likelihood low; consequence major; rating 3 (medium)',
      'Deployment window opens',
      '2 Dec 2026, 20:00 UTC',
      '20 Nov 2026',
      'Timed rehearsal notes',
      'Rehearse the rollback on the test system',
      '15 Jan 2027',
      'Before action (before-action)',
      'Beyond action (beyond-action)',
      'We wrote a considered answer here.',
      'show the trend of a result',
      '[x] Confirm the rollback target:',
      '[ ] Deploy the previous version from the rollback package.',
      '2 of 3 steps ticked',
      'Commits are not listed: no repository in this test.',
      'No open problems.',
      'Release package not looked for (no repository)',
    ]) {
      assert.ok(holds(text, expected), `the PDF prints "${expected}"`);
    }
    assert.ok(!text.includes('2026-11-20'), 'a date is printed as people read it, not as ISO 8601');
    assert.ok(!text.includes('reflect:begin'), 'generated-fence markers are not printed');
  });

  it('keeps long owner names whole in the action-plan table and its dates and states on one line', async () => {
    const owners = ['Professor Bartholomew Featherstonehaugh-Llywelyn ap Gruffydd', 'Dr Wilhelmina Montgomery-Cholmondeley', 'Siobhán Ní Mhaolchatha'];
    const files = completeRecordFiles();
    files['action-plan.md'] = actionPlan(
      owners.map((owner, i) => ({
        action: `Rehearse the rollback on the test system before the next release of the pathology interface, round ${i + 1}`,
        gap: 'on-action: the rollback took longer than planned because the package had to be found first',
        owner,
        due: `2027-0${i + 2}-1${i}`,
        evidence: 'Timed rehearsal notes in the next change record, with each step and who did it',
        status: i === 0 ? 'in-progress' : 'open',
      })),
    );
    const pdf = await pdfOf(files);
    const read = await readPdf(pdf.bytes);
    const runs = read.pages.flatMap((p) => p.runs.map((r) => r.text));
    const words = new Set(runs.flatMap((r) => r.split(' ')));
    for (const owner of owners) for (const word of owner.split(' ')) assert.ok(words.has(word), `"${word}" of ${owner} is printed whole`);
    for (const due of ['10 Feb 2027', '11 Mar 2027', '12 Apr 2027'].map((d) => d.replace(/ /g, '\u00a0'))) assert.ok(runs.includes(due), `the due date ${due} sits on one line`);
    assert.ok(runs.includes('in-progress'), 'a status is never broken');
  });

  it('repeats the table header row on every page a long table runs onto', async () => {
    const files = completeRecordFiles();
    files['action-plan.md'] = actionPlan(
      Array.from({ length: 70 }, (_, i) => ({ action: `Action number ${i + 1}: rehearse one more part of the rollback`, gap: 'on-action: too slow', owner: 'Sam Patel', due: '2027-02-01', evidence: 'Notes', status: 'open' })),
    );
    const read = await readPdf((await pdfOf(files)).bytes);
    const pagesWithActions = read.pages.filter((p) => /Action number \d+:/.test(p.text));
    assert.ok(pagesWithActions.length >= 2, `the table runs over ${pagesWithActions.length} pages`);
    for (const page of pagesWithActions) {
      const headerRow = page.runs.filter((r) => ['Action', 'Gap', 'Owner', 'Due', 'Evidence', 'Status'].includes(r.text));
      assert.equal(headerRow.length, 6, 'each page of the table starts with its header row');
      const firstAction = page.runs.find((r) => r.text.startsWith('Action number'));
      assert.ok(firstAction && headerRow.every((h) => h.y > firstAction.y), 'the header row is above the rows');
    }
    for (let n = 1; n <= 70; n++) assert.ok(holds(read.text, `Action number ${n}:`), `action ${n} is printed`);
  });

  it('prints text the standard fonts lack (Welsh ŵ, emoji, CJK) as visible code points, and says so on the cover', async () => {
    const files = completeRecordFiles();
    files['on-action.md'] = files['on-action.md'].replace('We wrote a considered answer here.', 'Gŵyl a Llŷr 🙂 王芳 café');
    const pdf = await pdfOf(files, { activity: { ...ACTIVITY, trainee: 'Dafydd ap Gwŷn' } });
    const read = await readPdf(pdf.bytes);
    assert.equal(pdf.unprintable, 6, 'ŵ, ŷ, the emoji, 王 and 芳 in the reflection, and the trainee’s ŷ on the cover');
    assert.ok(holds(read.text, 'G[U+0175]yl a Ll[U+0177]r [U+1F642] [U+738B][U+82B3] café'));
    assert.ok(holds(read.text, 'characters in this record cannot be shown in the PDF\'s standard fonts'));
    assert.equal(read.doc.getAuthor(), 'Dafydd ap Gwŷn', 'the metadata keeps every character (it is not limited to WinAnsi)');
  });

  it('makes safe links into link annotations and leaves unsafe ones as text', async () => {
    const files = completeRecordFiles();
    files['on-action.md'] = files['on-action.md'].replace('We wrote a considered answer here.', 'See [the runbook](https://example.org/runbook) and [this](javascript:alert(1)).');
    const read = await readPdf((await pdfOf(files)).bytes);
    const links = read.pages.flatMap((p) => p.links);
    assert.ok(links.includes('https://example.org/runbook'));
    assert.ok(links.includes('https://example.org/commit/8b8b4b9'), 'the release notes’ commit link');
    assert.ok(links.every((l) => /^(https?:|mailto:)/.test(l)), links.join(', '));
    assert.ok(holds(read.text, 'See the runbook and'));
  });

  it('gives the same bytes for the same record and clock', async () => {
    const [a, b] = await Promise.all([pdfOf(completeRecordFiles()), pdfOf(completeRecordFiles())]);
    assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)));
  });

  it('prints a record with no documents without failing, saying what is missing', async () => {
    const read = await readPdf((await pdfOf({})).bytes);
    for (const name of ['change.md', 'release-notes.md', 'rollback.md', 'action-plan.md', 'on-action.md']) assert.ok(holds(read.text, `${name} is missing from the change record.`), name);
    assert.ok(holds(read.text, 'Change record v1.4.0'));
  });

  it('has a counterpart of every section of the HTML pack, with the same title, in the same order', async () => {
    const input = inputOf(completeRecordFiles(), { activity: ACTIVITY });
    const html = buildEvidencePack(input);
    const htmlSections = [...html.matchAll(/<section class="pack-section" id="([^"]+)"[^>]*>\n<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => `${m[1]}: ${m[2]}`);
    const read = await readPdf((await renderPackPdf(buildPackModel(input))).bytes);
    const pdfTitles = [...new Set(read.pages.flatMap((p) => p.runs.map((r) => /^(\d+)\. (.+)$/.exec(r.text)).filter((m) => m !== null).map((m) => `${m[1]}. ${m[2]}`)))];
    const model = buildPackModel(input).sections.map((s) => `${s.id}: ${s.title}`);
    assert.ok(htmlSections.length >= 11, htmlSections.join('\n'));
    assert.deepEqual(model, htmlSections, 'the model has each HTML section, by id and title, in order');
    for (const [i, section] of htmlSections.entries()) {
      const title = section.slice(section.indexOf(': ') + 2);
      assert.ok(pdfTitles.includes(`${i + 1}. ${title}`), `the PDF prints "${i + 1}. ${title}"`);
    }
  });

  it('prints change control: the approved window beside the actual one, the review, each check, and the log beside the planned steps', async () => {
    const files = deployedChangeControlFiles('A ward nurse opens a result', 'Node 2 did not start', new Date('2026-12-02T20:10:00Z'));
    const read = await readPdf((await pdfOf(files)).bytes);
    const from = read.text.lastIndexOf('4. Change control');
    const part = read.text.slice(from, read.text.indexOf('5. Release notes', from));
    for (const expected of ['Planned and actual window', 'Start 2 Dec 2026, 20:00 UTC 2 Dec 2026, 20:05 UTC', 'Downtime (minutes) 30 25', 'Outcome: successful-with-issues, reviewed by Change Advisory Board on 3 Dec 2026.', 'A ward nurse opens a result pass Sam Patel 2 Dec 2026, 21:45 UTC', '1. Stop the interface engine', '2. Run the migration', 'problem: Node 2 did not start']) {
      assert.ok(holds(part, expected), `change control prints "${expected}"`);
    }
  });

  it('names its language and has viewers show its title, and does not claim to be tagged (the HTML is the accessible format)', async () => {
    const { doc } = await readPdf((await pdfOf(completeRecordFiles(), { activity: ACTIVITY })).bytes);
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    assert.ok(lang instanceof PDFString && lang.decodeText() === 'en', 'the catalogue says /Lang (en)');
    const preferences = doc.catalog.lookup(PDFName.of('ViewerPreferences'));
    assert.ok(preferences instanceof PDFDict && preferences.lookup(PDFName.of('DisplayDocTitle')) === PDFBool.True, 'viewers show the title, not the file name');
    assert.equal(doc.catalog.lookup(PDFName.of('MarkInfo')), undefined, 'no /MarkInfo: the PDF has no structure tree, so it must not say it is tagged');
  });
});
