import * as assert from 'node:assert/strict';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';
import { LspClient, positionOf, type CompletionEntry } from '../support/lspClient';

const REFLECTION = answered('on-action');
const CHANGE = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
let counter = 0;
const uri = (name: string) => `file:///work/docs/changes/v1.4.0-${++counter}/${name}`;
const labels = (items: CompletionEntry[]) => items.map((i) => i.label);

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('hover and completion over the protocol', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider);
  });
  after(() => client.dispose());

  describe('hover', () => {
    it('on a key: the field description and its allowed values, each explained', async () => {
      const doc = uri('on-action.md');
      await client.open(doc, REFLECTION);
      const hover = await client.hover(doc, positionOf(REFLECTION, 'phase:', 2));
      assert.equal(hover?.contents.kind, 'markdown');
      assert.match(hover?.contents.value ?? '', /`phase`\*\* \(required\)/);
      assert.match(hover?.contents.value ?? '', /The time point this reflection was written at/);
      assert.match(hover?.contents.value ?? '', /- `before-action`: Before planning starts/);
      assert.deepEqual(hover?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
    });

    it('on an enum value: that value explained first', async () => {
      const doc = uri('on-action.md');
      await client.open(doc, REFLECTION);
      const hover = await client.hover(doc, positionOf(REFLECTION, 'on-action', 3));
      assert.match(hover?.contents.value ?? '', /^\*\*`on-action`\*\*: Shortly after the deployment/);
    });

    it('on a key nested under a map', async () => {
      const doc = uri('change.md');
      await client.open(doc, CHANGE);
      const hover = await client.hover(doc, positionOf(CHANGE, 'likelihood', 3));
      assert.match(hover?.contents.value ?? '', /`clinical_risk\.likelihood`\*\* \(required\)/);
      assert.match(hover?.contents.value ?? '', /How likely the change is to lead to harm/);
      assert.match(hover?.contents.value ?? '', /`very high`: Certain or almost certain/);
      const value = await client.hover(doc, positionOf(CHANGE, 'consequence: major', 15));
      assert.match(value?.contents.value ?? '', /^\*\*`major`\*\*: One patient: death, or permanent life-changing incapacity, or a severe injury or incapacity not expected to heal soon/);
    });

    it('nothing outside the front matter', async () => {
      const doc = uri('on-action.md');
      await client.open(doc, REFLECTION);
      assert.equal(await client.hover(doc, positionOf(REFLECTION, '## Critical controls', 4)), null);
    });
  });

  describe('completion', () => {
    it('offers the missing keys, required first, with snippets shaped like their values', async () => {
      const doc = uri('change.md');
      const text = CHANGE.replace(/^clinical_risk:\n(?: {2}.*\n)+/m, '').replace(/^communication:\n(?: {2}.*\n)+/m, '').replace('hazards: [HAZ-012]\n', '').replace(/^deployment:\n(?: {2}.*\n)+/m, '').replace('author: Alex Morgan\n', 'author: Alex Morgan\n\n');
      await client.open(doc, text);
      const at = positionOf(text, 'author: Alex Morgan\n', 'author: Alex Morgan\n'.length);
      const items = await client.completion(doc, at);
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.ok(!labels(items).includes('kind') && !labels(items).includes('status'), 'keys already there are not offered');
      assert.ok(labels(items).includes('clinical_risk') && labels(items).includes('communication'));
      const firstOptional = sorted.findIndex((i) => i.detail === 'optional');
      assert.ok(sorted.slice(0, Math.max(0, firstOptional)).every((i) => i.detail !== 'optional'), 'required keys sort first');
      const risk = items.find((i) => i.label === 'clinical_risk');
      assert.equal(risk?.insertTextFormat, 2);
      assert.equal(risk?.textEdit?.newText, 'clinical_risk:\n  likelihood: ${1|very low,low,medium,high,very high|}\n  consequence: ${2|minor,significant,considerable,major,catastrophic|}\n  rating: ${3|1,2,3,4,5|}');
      assert.deepEqual(risk?.textEdit?.range, { start: at, end: at });
      assert.equal(items.find((i) => i.label === 'communication')?.textEdit?.newText, 'communication:\n  - who: $1\n    when: $2\n    channel: $3');
      assert.equal(items.find((i) => i.label === 'hazards')?.textEdit?.newText, 'hazards:\n  - $1');
      assert.match(items.find((i) => i.label === 'deployment')?.textEdit?.newText ?? '', /^deployment:\n {2}start: \$\{1:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}\}\n {2}end: \$\{2:/);
    });

    it('offers the missing keys of a nested map, replacing what is typed', async () => {
      const doc = uri('change.md');
      const text = CHANGE.replace('  consequence: major\n  rating: 3\n', '  rat\n');
      await client.open(doc, text);
      const at = positionOf(text, '  rat\n', 5);
      const items = await client.completion(doc, at);
      assert.deepEqual(labels(items).slice(0, 2).sort(), ['consequence', 'rating']);
      assert.ok(!labels(items).includes('likelihood'));
      assert.deepEqual(items.find((i) => i.label === 'rating')?.textEdit?.range, { start: { line: at.line, character: 2 }, end: at });
    });

    it('offers the allowed values of an enum, each with its description', async () => {
      const doc = uri('change.md');
      const text = CHANGE.replace('status: approved', 'status: appr');
      await client.open(doc, text);
      const at = positionOf(text, 'status: appr', 12);
      const items = await client.completion(doc, at);
      assert.deepEqual(labels(items), ['planned', 'approved', 'deployed', 'rolled-back', 'closed']);
      const approved = items.find((i) => i.label === 'approved');
      assert.deepEqual(approved?.textEdit, { range: { start: { line: at.line, character: 8 }, end: at }, newText: 'approved' });
      assert.match(JSON.stringify(approved?.documentation), /Approved by the change authority/);
    });

    it('offers phase ids for phase, with a space after a bare colon', async () => {
      const doc = uri('on-action.md');
      const text = REFLECTION.replace('phase: on-action', 'phase:');
      await client.open(doc, text);
      const items = await client.completion(doc, positionOf(text, 'phase:', 6));
      assert.deepEqual(labels(items), ['before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action']);
      assert.equal(items[0].textEdit?.newText, ' before-action');
    });

    it("offers today's date for a date field", async () => {
      const doc = uri('on-action.md');
      const text = REFLECTION.replace('date: 2026-11-25', 'date: ');
      await client.open(doc, text);
      const items = await client.completion(doc, positionOf(text, 'date: ', 6));
      assert.equal(items[0].label, localToday());
      assert.equal(items[0].detail, 'today');
    });

    it('offers nothing outside the front matter', async () => {
      const doc = uri('on-action.md');
      await client.open(doc, REFLECTION);
      assert.deepEqual(await client.completion(doc, positionOf(REFLECTION, 'We wrote')), []);
      assert.deepEqual(await client.completion(doc, { line: 0, character: 3 }), []);
    });
  });
});
