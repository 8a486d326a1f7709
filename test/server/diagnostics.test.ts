import * as assert from 'node:assert/strict';
import { LspClient, reflectionMissingAuthor } from '../support/lspClient';

describe('language server over stdio', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const result = await client.initialize();
    assert.ok(result.capabilities.diagnosticProvider, 'server offers pull diagnostics');
  });
  after(() => client.dispose());

  it('reports a missing required field of a reflection', async () => {
    const uri = 'file:///work/docs/changes/v1.2.0/before-action.md';
    await client.open(uri, await reflectionMissingAuthor());
    const items = await client.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].code, 'missing-field');
    assert.equal(items[0].source, 'Change Log');
    assert.equal(items[0].severity, 2);
    assert.match(items[0].message, /author/);
  });

  it('leaves other Markdown alone', async () => {
    const uri = 'file:///work/README.md';
    await client.open(uri, '---\ntitle: not ours\n---\n# Readme\n');
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});

describe('reflect-language-server run by hand', () => {
  it('without a transport, says how to start it and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const { resolve } = await import('node:path');
    const result = spawnSync(process.execPath, [resolve(__dirname, '../../../dist/server.js')], { encoding: 'utf8', timeout: 10000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--stdio/);
  });
});
