import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoadedConfig } from '../../src/core/config/loadReflectConfig';
import type { RecordFile } from '../../src/core/validate/validateRecord';
import { fixedClock } from '../../src/core/vocabulary/clock';
import { nodeServerFiles, type ServerFiles } from '../../src/server/serverRuntime';
import { inProcessServer } from '../support/inProcessServer';
import { LspClient } from '../support/lspClient';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

const NO_CONFIG: LoadedConfig = { config: {}, found: false, problems: [] };

/** A file system held in memory: record folders by path, no repositories, no config files. */
function memoryFiles(folders: Record<string, RecordFile[]> = {}): ServerFiles {
  return { repositoryOf: () => undefined, readRecordFolder: async (folder) => folders[folder], readConfig: async () => NO_CONFIG, readHazardLog: async () => undefined };
}

async function started(files: ServerFiles, now = '2030-03-01T12:00:00'): Promise<LspClient> {
  const client = new LspClient(inProcessServer({ clock: fixedClock(new Date(now)), files }));
  await client.initialize();
  return client;
}

const codes = (items: Array<{ code: string }>) => items.map((d) => d.code);
const plan = withFrontMatter(answered('action-plan'), [
  'kind: action-plan', 'change: v1.4.0', 'date: 2030-01-01', 'author: Alex Morgan', 'actions:',
  '  - action: Add an alert', '    gap: No alert', '    owner: Sam', '    due: 2030-02-01', '    evidence: none', '    status: open',
]);
const onAction = withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', '2026-12-01'));
// The approved change's deployment ends after 2026-12-01, so an on-action reflection of that day comes too early.
const CHANGE = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER.map((line) => line.replace(/^(\s*end:\s*).*$/, '$12026-12-05T18:00:00Z')));

describe('the language server in this process (startServer with a given clock and file system)', () => {
  const clients: LspClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  it("grades overdue actions and offers today's date by the clock it is given, not the machine's", async () => {
    const folder = '/memory/docs/changes/v1.4.0';
    const uri = pathToFileURL(join(folder, 'action-plan.md')).href;
    const late = await started(memoryFiles(), '2030-03-01T12:00:00');
    const early = await started(memoryFiles(), '2030-01-15T12:00:00');
    clients.push(late, early);
    await late.open(uri, plan);
    await early.open(uri, plan);
    assert.ok(codes(await late.diagnostics(uri)).includes('action-overdue'));
    assert.ok(!codes(await early.diagnostics(uri)).includes('action-overdue'));
    const text = plan.replace('date: 2030-01-01', 'date: ');
    await early.change(uri, text);
    const [first] = await early.completion(uri, { line: text.split('\n').findIndex((l) => l === 'date: '), character: 6 });
    assert.equal(first.label, '2030-01-15');
  });

  it('reads sibling documents through the file system it is given', async () => {
    const folder = join('/memory', 'docs', 'changes', 'v1.4.0');
    const uri = pathToFileURL(join(folder, 'on-action.md')).href;
    const client = await started(memoryFiles({ [folder]: [{ name: 'change.md', text: CHANGE }] }));
    clients.push(client);
    await client.open(uri, onAction);
    assert.ok(codes(await client.diagnostics(uri)).includes('on-action-before-deployment'));
  });

  it('offers a quick fix from the diagnostic alone: its edit travels in Diagnostic.data', async () => {
    const uri = 'file:///memory/docs/changes/v1.4.0/on-action.md';
    const client = await started(memoryFiles());
    clients.push(client);
    const text = onAction.replace(/^date: .*$/m, 'date: 25/11/2026');
    await client.open(uri, text);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'invalid-date');
    assert.ok(diagnostic, 'an invalid-date diagnostic');
    const data = (diagnostic as { data?: { fix?: { newText?: string } } }).data;
    assert.equal(data?.fix?.newText, '2026-11-25');
    // The message is not what the fix is found by: a diagnostic with another message still gets it.
    const [action] = await client.codeActions(uri, [{ ...diagnostic, message: 'reworded by the client' }]);
    assert.match(action.title, /^Rewrite as 2026-11-25/);
    assert.equal(await client.apply(uri, action), onAction.replace(/^date: .*$/m, 'date: 2026-11-25'));
    // Without data there is nothing to offer: the document is not analysed again.
    const { data: _dropped, ...bare } = diagnostic as typeof diagnostic & { data?: unknown };
    assert.deepEqual(await client.codeActions(uri, [bare]), []);
  });

  describe('on a real file system, read as the CLI reads it', () => {
    let base: string;
    let repo: string;
    let outside: string;
    beforeEach(() => {
      base = mkdtempSync(join(tmpdir(), 'reflect-lsp-links-'));
      repo = join(base, 'repo');
      outside = join(base, 'outside');
      mkdirSync(join(repo, '.git'), { recursive: true });
      mkdirSync(join(outside, 'v1.4.0'), { recursive: true });
    });
    afterEach(() => rmSync(base, { recursive: true, force: true }));

    it('a records folder linked out of the repository gives no sibling content', async () => {
      writeFileSync(join(outside, 'v1.4.0', 'change.md'), CHANGE);
      mkdirSync(join(repo, 'docs'));
      symlinkSync(outside, join(repo, 'docs', 'changes'), 'dir');
      const uri = pathToFileURL(join(repo, 'docs', 'changes', 'v1.4.0', 'on-action.md')).href;
      const client = await started(nodeServerFiles);
      clients.push(client);
      await client.open(uri, onAction);
      assert.ok(!codes(await client.diagnostics(uri)).includes('on-action-before-deployment'), 'change.md outside the repository was not read');
    });

    it('the same record inside the repository is read (the control)', async () => {
      mkdirSync(join(repo, 'docs', 'changes', 'v1.4.0'), { recursive: true });
      writeFileSync(join(repo, 'docs', 'changes', 'v1.4.0', 'change.md'), CHANGE);
      const uri = pathToFileURL(join(repo, 'docs', 'changes', 'v1.4.0', 'on-action.md')).href;
      const client = await started(nodeServerFiles);
      clients.push(client);
      await client.open(uri, onAction);
      assert.ok(codes(await client.diagnostics(uri)).includes('on-action-before-deployment'));
    });

    it('a reflect.config.json linked out of the repository gives a message, not its content', async () => {
      const secret = join(outside, 'config.json');
      writeFileSync(secret, '{"recordsFolder": "SECRET-VALUE-7f3a"}');
      symlinkSync(secret, join(repo, 'reflect.config.json'));
      mkdirSync(join(repo, 'docs', 'changes', 'v1.4.0'), { recursive: true });
      const uri = pathToFileURL(join(repo, 'docs', 'changes', 'v1.4.0', 'on-action.md')).href;
      const client = await started(nodeServerFiles);
      clients.push(client);
      await client.open(uri, onAction);
      await client.diagnostics(uri);
      assert.equal(client.shownMessages.length, 1, JSON.stringify(client.shownMessages));
      assert.match(client.shownMessages[0].message, /reflect\.config\.json links outside the repository; it was not read/);
      assert.doesNotMatch(client.shownMessages[0].message, /SECRET-VALUE/);
    });
  });
});
