import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';
import { answered, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';
import { LspClient } from '../support/lspClient';

const beforeAction = withFrontMatter(answered('before-action'), reflectionFrontMatter('before-action', '2026-11-20'));

describe('git-history diagnostics over the protocol', () => {
  let fixture: GitFixture;
  let client: LspClient;
  let uri: string;

  beforeEach(() => {
    fixture = new GitFixture('reflect-lsp-history-');
    const path = 'docs/changes/v1.4.0/before-action.md';
    fixture.write(path, beforeAction);
    fixture.git('add', '--', path);
    // First committed ten days before the date it gives.
    fixture.git('commit', '-q', '--no-verify', '--date=2026-11-10T10:00:00+00:00', '-m', 'docs: before-action');
    uri = pathToFileURL(join(fixture.dir, path)).href;
    client = new LspClient();
  });
  afterEach(async () => {
    await client.dispose();
    fixture.dispose();
  });

  it('reports date-after-first-commit when the client lets the server read git history', async () => {
    await client.initialize({ recordsFolder: 'docs/changes', readsGitHistory: true });
    await client.open(uri, beforeAction);
    const found = await client.diagnostics(uri);
    const problem = found.find((d) => d.code === 'date-after-first-commit');
    assert.ok(problem, found.map((d) => d.code).join(', '));
    assert.match(problem.message, /2026-11-20.*2026-11-10/);
  });

  it('spawns no git and reports nothing from history without it (Restricted Mode)', async () => {
    await client.initialize({ recordsFolder: 'docs/changes' });
    await client.open(uri, beforeAction);
    assert.ok(!(await client.diagnostics(uri)).some((d) => d.code.includes('first-commit')));
  });
});
