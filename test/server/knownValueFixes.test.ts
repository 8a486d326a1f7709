import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localIsoDate } from '../../src/core/vocabulary/clock';
import { GitFixture } from '../fixtures/gitFixture';
import { writeRecord } from '../support/evidencePackRecord';
import { LspClient, reflectionMissingAuthor } from '../support/lspClient';

describe('"add field" fills in what is known: the git user name, today', function () {
  this.timeout(60_000);
  let repo: GitFixture | undefined;
  let client: LspClient | undefined;
  before(async () => {
    repo = new GitFixture('reflect-known-values-');
    repo.commit('feat: first');
    client = new LspClient();
    // A trusted workspace: the server may read git (user.name, through the git layer).
    await client.initialize({ recordsFolder: 'docs/changes', readsGitHistory: true });
  });
  after(() => {
    client?.dispose();
    repo?.dispose();
  });

  async function fix(text: string, title: RegExp): Promise<string> {
    assert.ok(client && repo);
    const folder = writeRecord(join(realpathSync(repo.dir), 'docs/changes/v1.2.0'), { 'before-action.md': text });
    const uri = pathToFileURL(join(folder, 'before-action.md')).toString();
    await client.open(uri, text);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'missing-field');
    const actions = await client.codeActions(uri, diagnostics);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    return client.apply(uri, action);
  }

  it("a missing author is added as the repository's git user.name", async () => {
    assert.match(await fix(await reflectionMissingAuthor(), /^Add field "author"$/), /^author: Test Author$/m);
  });

  it("a missing date is added as today's date", async () => {
    const text = (await reflectionMissingAuthor()).replace('date: 2026-11-25\n', 'author: A\n');
    assert.match(await fix(text, /^Add field "date"$/), new RegExp(`^date: ${localIsoDate()}$`, 'm'));
  });
});
