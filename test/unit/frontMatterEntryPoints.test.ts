import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readPackDocuments } from '../../src/core/export/packDocuments';
import { frontMatterCardPlugin } from '../../src/core/preview/frontMatterCard';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { completionsAt } from '../../src/server/handlers/completion';
import { hoverAt } from '../../src/server/handlers/hover';
import { ADVERSARIAL_FRONT_MATTER, documentWith, nestedFlowKeys } from '../support/adversarialFrontMatter';

const CLI = resolve(__dirname, '../../../dist/cli.js');
// Only a hang trips this: each document below is read in milliseconds, and took 5 s to minutes before parsing was bounded.
const HANG_MS = 30_000;
const NOW = { date: '2026-11-25', dateTime: '2026-11-25T10:00' };

/** Problem codes and messages of a document, as `reflect check` and the language server's diagnostics get them. */
function problemsOf(text: string): string[] {
  return validateDocument(text).map((p) => `${p.code}: ${p.message}`);
}

describe('every front matter reader goes through the bounded parse (reliability promise 5)', function () {
  this.timeout(HANG_MS);
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);

  before(() => process.on('warning', onWarning));
  after(() => process.off('warning', onWarning));

  for (const [name, build] of Object.entries(ADVERSARIAL_FRONT_MATTER)) {
    it(`${name}: validation, hover, completion, the preview card and the pack all finish`, async () => {
      warnings.length = 0;
      const source = build();
      assert.ok(source.length <= 64 * 1024, `${source.length} bytes is within the size limit`);
      const text = documentWith(source);
      validateDocument(text);
      const document = TextDocument.create('file:///docs/changes/v1.0.0/before-action.md', 'markdown', 1, text);
      const lastFieldLine = text.slice(0, text.indexOf('\n---\n')).split('\n').length - 1;
      hoverAt(document, { line: 1, character: 1 });
      hoverAt(document, { line: lastFieldLine, character: 2 });
      completionsAt(document, { line: lastFieldLine, character: 0 }, NOW);
      new MarkdownIt().use(frontMatterCardPlugin).render(text);
      readPackDocuments([{ name: 'before-action.md', text }]);
      // Node delivers process warnings on a later tick.
      await new Promise((resolveTick) => setImmediate(resolveTick));
      assert.deepEqual(warnings, [], 'yaml never stringified a collection key (it warns when it does)');
    });
  }

  it('nested complex keys and nesting behind a quote are refused with the depth message', () => {
    for (const name of ['nested complex keys', 'complex keys, one per line', 'flow nesting behind a quote in a plain scalar', 'complex keys in flow behind a quote', 'block sequences nested on one line']) {
      const problems = problemsOf(documentWith(ADVERSARIAL_FRONT_MATTER[name]()));
      assert.deepEqual(problems, ['yaml-syntax: The front matter nests lists or mappings more than 64 levels deep and was not read.'], name);
    }
  });

  it('a key that is a list or mapping is refused, however deeply keys nest', () => {
    const problems = problemsOf(documentWith(nestedFlowKeys(61)));
    assert.deepEqual(problems, ['yaml-syntax: A key of the front matter is a list or mapping; keys must be plain text, so the front matter was not read.']);
  });

  it('front matter denser than the token budget is refused with its own message', () => {
    for (const name of ['many keys', 'many flow items', 'many syntax errors', 'many custom tags']) {
      const problems = problemsOf(documentWith(ADVERSARIAL_FRONT_MATTER[name]()));
      assert.equal(problems.length, 1, name);
      assert.match(problems[0], /^yaml-syntax: The front matter is too complex to read: it has more than 20000 YAML tokens/, name);
    }
  });

  it('hover and the preview card answer nothing for refused front matter, and still work for a small one', () => {
    const hostile = documentWith(nestedFlowKeys(61));
    const hostileDocument = TextDocument.create('file:///docs/changes/v1.0.0/before-action.md', 'markdown', 1, hostile);
    assert.equal(hoverAt(hostileDocument, { line: 1, character: 1 }), null);
    assert.doesNotMatch(new MarkdownIt().use(frontMatterCardPlugin).render(hostile), /change-log-card/);
    assert.equal(readPackDocuments([{ name: 'before-action.md', text: hostile }]).get('before-action.md')?.data, undefined);

    const small = documentWith('kind: reflection\nphase: before-action\nchange: v1.0.0');
    const smallDocument = TextDocument.create('file:///docs/changes/v1.0.0/before-action.md', 'markdown', 1, small);
    assert.ok(hoverAt(smallDocument, { line: 1, character: 1 }));
    assert.match(new MarkdownIt().use(frontMatterCardPlugin).render(small), /change-log-card/);
    assert.equal(readPackDocuments([{ name: 'before-action.md', text: small }]).get('before-action.md')?.data?.kind, 'reflection');
  });

  it('reflect check reports hostile front matter and exits', function () {
    this.timeout(3 * HANG_MS);
    const folder = mkdtempSync(join(tmpdir(), 'reflect-bounded-'));
    try {
      const records = join(folder, 'docs', 'changes', 'v1.0.0');
      mkdirSync(records, { recursive: true });
      writeFileSync(join(records, 'before-action.md'), documentWith(ADVERSARIAL_FRONT_MATTER['nested complex keys']()));
      writeFileSync(join(records, 'on-action.md'), documentWith(nestedFlowKeys(61)));
      const result = spawnSync(process.execPath, [CLI, 'check', 'docs'], { cwd: folder, encoding: 'utf8', timeout: 2 * HANG_MS });
      assert.equal(result.signal, null, 'check finished');
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /nests lists or mappings more than 64 levels deep/);
      assert.match(result.stdout, /keys must be plain text/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
