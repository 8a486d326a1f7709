import * as assert from 'node:assert/strict';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';
import { LspClient, reflectionMissingAuthor, type DiagnosticItem } from '../support/lspClient';

const CHANGE = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
let counter = 0;
const uri = (name: string) => `file:///work/docs/changes/v1.4.0-fix-${++counter}/${name}`;

describe('quick fixes over the protocol', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });
  after(() => client.dispose());

  /** Opens a document, finds the diagnostic of `code` (and message), asks for its fixes, applies the one titled like `title`, and returns the diagnostics after. */
  async function fixOnce(doc: string, text: string, code: string, title: RegExp, message?: RegExp): Promise<{ after: DiagnosticItem[]; preferred?: boolean; text: string }> {
    await client.open(doc, text);
    const diagnostic = (await client.diagnostics(doc)).find((d) => d.code === code && (!message || message.test(d.message)));
    assert.ok(diagnostic, `a ${code} diagnostic`);
    const actions = await client.codeActions(doc, [diagnostic]);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `a fix titled ${title}; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const fixed = await client.apply(doc, action);
    return { after: await client.diagnostics(doc), preferred: action.isPreferred, text: fixed };
  }

  it('adds a missing top-level field with a placeholder', async () => {
    const { after, text, preferred } = await fixOnce(uri('before-action.md'), await reflectionMissingAuthor(), 'missing-field', /^Add field "author"$/);
    assert.equal(preferred, true);
    assert.match(text, /^author: ""$/m);
    assert.ok(!after.some((d) => d.code === 'missing-field'), after.map((d) => d.message).join('; '));
  });

  it('adds a missing nested field, and a missing risk rating is worked out from the matrix', async () => {
    const { after, text } = await fixOnce(uri('change.md'), CHANGE.replace('  rating: 3\n', ''), 'missing-field', /^Add field "rating" to clinical_risk$/);
    assert.match(text, /^ {2}consequence: major\n {2}rating: 3\n/m);
    assert.deepEqual(after, []);
  });

  it('adds a missing field to a list entry at its indentation', async () => {
    const { after, text } = await fixOnce(uri('change.md'), CHANGE.replace('    when: the day before\n', ''), 'missing-field', /^Add field "when" to communication item 1$/);
    assert.match(text, /^ {4}channel: email\n {4}sent: 2026-12-01\n {4}when: ""\n/m);
    assert.ok(!after.some((d) => d.code === 'missing-field'));
  });

  it('inserts a missing section heading with its prompts', async () => {
    const text = answered('on-action').replace('## Critical controls\n\nWe wrote a considered answer here.\n\n', '');
    const { after, text: fixed } = await fixOnce(uri('on-action.md'), text, 'missing-section', /^Add section "Critical controls"$/);
    assert.match(fixed, /## Critical controls\n\n> \*\*Prompt:\*\* /);
    assert.ok(!after.some((d) => d.code === 'missing-section'));
    assert.ok(after.some((d) => d.code === 'unanswered-prompt'), 'the inserted prompts wait for an answer');
  });

  for (const [written, iso, title, preferred] of [
    ['25/11/2026', '2026-11-25', /^Rewrite as 2026-11-25 \(read day\/month\/year, the UK order\)$/, true],
    ['05/11/2026', '2026-11-05', /^Rewrite as 2026-11-05 \(read day\/month\/year, the UK order\)$/, false],
    ['25 Nov 2026', '2026-11-25', /^Rewrite as 2026-11-25 \(ISO 8601\)$/, true],
    ['2026/11/25', '2026-11-25', /^Rewrite as 2026-11-25 \(ISO 8601\)$/, true],
  ] as const) {
    it(`rewrites the date ${written} as ${iso}${preferred ? '' : ', not preferred as day and month could swap'}`, async () => {
      const text = answered('before-action').replace('date: 2026-11-25', `date: ${written}`);
      const result = await fixOnce(uri('before-action.md'), text, 'invalid-date', title);
      assert.equal(result.preferred, preferred);
      assert.match(result.text, new RegExp(`^date: ${iso}$`, 'm'));
      assert.deepEqual(result.after, []);
    });
  }

  it('recomputes the clinical risk rating from likelihood and consequence', async () => {
    const { after, text, preferred } = await fixOnce(uri('change.md'), CHANGE.replace('  rating: 3', '  rating: 5'), 'risk-rating-mismatch', /^Set the rating to 3$/);
    assert.equal(preferred, true);
    assert.match(text, /^ {2}rating: 3$/m);
    assert.deepEqual(after, []);
  });

  it('offers nothing for a diagnostic it cannot fix, or from another source', async () => {
    const doc = uri('on-action.md');
    const text = answered('on-action').replace('date: 2026-11-25', 'date: someday');
    await client.open(doc, text);
    const diagnostics = await client.diagnostics(doc);
    assert.deepEqual(await client.codeActions(doc, diagnostics), []);
    assert.deepEqual(await client.codeActions(doc, diagnostics.map((d) => ({ ...d, source: 'other' }))), []);
  });

  it('names the document version in the edit when the client supports versioned edits', async () => {
    const versioned = new LspClient();
    try {
      await versioned.initialize(undefined, { workspaceEdit: { documentChanges: true } });
      const doc = uri('before-action.md');
      await versioned.open(doc, await reflectionMissingAuthor());
      const [action] = await versioned.codeActions(doc, await versioned.diagnostics(doc));
      assert.equal(action.edit?.documentChanges?.[0].textDocument.uri, doc);
      assert.equal(typeof action.edit?.documentChanges?.[0].textDocument.version, 'number');
    } finally {
      await versioned.dispose();
    }
  });
});
