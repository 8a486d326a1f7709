import * as assert from 'node:assert/strict';
import { LspClient, reflectionMissingAuthor } from '../support/lspClient';

let REFLECTION = '';
let counter = 0;
const uri = () => `file:///work/docs/changes/v1.2.0/doc-${++counter}.md`;

describe('language server diagnostics pipeline', () => {
  let client: LspClient;

  before(async () => {
    REFLECTION = await reflectionMissingAuthor();
  });

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterEach(() => client.dispose());

  it('links each diagnostic to the README section for its rule', async () => {
    const doc = uri();
    await client.open(doc, REFLECTION);
    const [item] = await client.diagnostics(doc);
    assert.equal(item.code, 'missing-field');
    assert.match(item.codeDescription?.href ?? '', /^file:\/\/.+\/README\.md#missing-field$/);
  });

  it('pulls settings per document: rule severities and rules turned off', async () => {
    client.configuration.changeLog = { recordsFolder: 'docs/changes', validation: { rules: { 'missing-field': 'error' } } };
    const doc = uri();
    await client.open(doc, REFLECTION);
    assert.equal((await client.diagnostics(doc))[0].severity, 1);
    client.configuration.changeLog = { validation: { rules: { 'missing-field': 'off' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.diagnostics(doc), []);
  });

  it('caps the number of diagnostics per document and says so', async () => {
    client.configuration.changeLog = { validation: { maxProblems: 3 } };
    const doc = uri();
    const many = ['---', 'kind: reflection', 'phase: never', 'change: ""', 'date: someday', 'author: ""', '---', ''].join('\n');
    await client.open(doc, many);
    const items = await client.diagnostics(doc);
    assert.equal(items.length, 3);
    assert.equal(items[items.length - 1].code, 'too-many-problems');
  });

  it('drops a stale result when the document changes while it is validated', async () => {
    const doc = uri();
    await client.open(doc, REFLECTION);
    const pending = client.diagnostics(doc);
    await client.change(doc, REFLECTION.replace('date: 2026-11-25', 'date: 2026-11-25\nauthor: Alex'));
    await assert.rejects(pending, (error: { code?: number; data?: { retriggerRequest?: boolean } }) => error.code === -32802 && error.data?.retriggerRequest === true);
    assert.deepEqual(await client.diagnostics(doc), []);
  });

  it('answers a cancelled request with a cancellation, not a result', async () => {
    const doc = uri();
    await client.open(doc, REFLECTION);
    const source = new (await import('vscode-jsonrpc/node')).CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc } }, source.token);
    source.cancel();
    await assert.rejects(pending);
    assert.equal((await client.diagnostics(doc)).length, 1);
  });

  it('skips a document over the size limit with one info diagnostic', async () => {
    const doc = uri();
    await client.open(doc, `${REFLECTION}${'x'.repeat(3 * 1024 * 1024)}`);
    const items = await client.diagnostics(doc);
    assert.deepEqual(items.map((i) => [i.code, i.severity]), [['too-large', 3]]);
  });
});
