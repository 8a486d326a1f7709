import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { compileTemplate, renderTemplate, TemplateError } from '../../src/core/render/logicLessTemplate';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');
// Only a hang trips this: each rendering below stops at its budget within a second; before the budget, each ran for minutes.
const HANG_MS = 30_000;
const TEN = { a: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] };

/** `{{#a}}` nested `depth` deep around `inner`: ten items at each level repeat it 10^depth times. */
function nestedSections(depth: number, inner: string): string {
  return `${'{{#a}}'.repeat(depth)}${inner}${'{{/a}}'.repeat(depth)}`;
}

describe('template rendering within a budget (reliability promise 5)', function () {
  this.timeout(HANG_MS);

  it('stops a few-hundred-byte template that would write gigabytes, naming the template', () => {
    // Ten levels of ten items: 10^10 copies of the line, some hundreds of gigabytes.
    const template = `# Notes\n${nestedSections(10, '- an item that repeats {{.}}\n')}`;
    assert.ok(template.length < 300);
    assert.throws(() => renderTemplate(template, TEN, { name: 'docs/release-notes.md' }), (error: unknown) => {
      assert.ok(error instanceof TemplateError);
      assert.match(error.message, /^The template "docs\/release-notes\.md" writes more than 32 MB and was stopped/);
      return true;
    });
  });

  it('counts every character against the budget it is given', () => {
    const render = compileTemplate(nestedSections(3, 'x'), { maxOutputLength: 999 });
    assert.throws(() => render(TEN), /writes more than 1 KB/);
    assert.equal(compileTemplate(nestedSections(3, 'x'), { maxOutputLength: 1000 })(TEN).length, 1000);
  });

  it('stops sections that loop without writing, by counting steps', () => {
    // Fourteen levels of ten items around nothing: 10^14 visits and no output to count.
    assert.throws(() => renderTemplate(nestedSections(14, ''), TEN), /^TemplateError: The template repeats its sections more than 20,000,000 times/);
    assert.throws(() => renderTemplate(nestedSections(4, ''), TEN, { maxSteps: 1000 }), /more than 1,000 times/);
    assert.equal(renderTemplate(nestedSections(2, '{{.}}'), { a: ['1', '2'] }), '1212');
  });

  it('reads tags by scanning: spaces inside a tag do not make the reading backtrack', () => {
    // One regular expression with `\s*` on both sides of a lazy name took seconds for 400 spaces and grew steeply after.
    assert.equal(renderTemplate(`{{${' '.repeat(20000)}x`, {}), `{{${' '.repeat(20000)}x`);
    assert.equal(renderTemplate(`{{${' '.repeat(20000)}name${' '.repeat(20000)}}}`, { name: 'value' }), 'value');
    assert.equal(renderTemplate('{{{name}}}|{{ # a }}[{{.}}]{{ / a }}|{{! note }}', { name: '<b>', a: ['x', 'y'] }), '<b>|[x][y]|');
  });

  it('counts lines once for a template of many tags, and still names the right line', () => {
    // 66,000 tags in under 512 KB: counting from the start for each tag read some 15 GB.
    const lines = Array.from({ length: 22000 }, (_, i) => `{{a}}{{b}}{{c}} ${i}`);
    lines.push('{{#broken}}');
    const template = lines.join('\n');
    assert.ok(template.length < 512 * 1024);
    assert.throws(() => compileTemplate(template), /^TemplateError: Line 22001: \{\{#broken\}\} is never closed/);
  });

  it('reflect notes names the template file that writes too much', function () {
    this.timeout(3 * HANG_MS);
    const repo = new GitFixture('reflect-template-budget-');
    try {
      repo.commit('feat: first', 'a.txt');
      repo.tag('v1.0.0');
      for (let i = 0; i < 3; i++) repo.commit(`fix: change ${i}`, `b${i}.txt`);
      // `groups` is found again from inside itself, so each level repeats the whole list.
      const template = `${'{{#groups}}{{#commits}}'.repeat(16)}{{{subject}}} again and again\n${'{{/commits}}{{/groups}}'.repeat(16)}`;
      repo.write('notes-template.md', template);
      const result = spawnSync(process.execPath, [CLI, 'notes', 'v1.0.0..HEAD', '--template', 'notes-template.md'], { cwd: repo.dir, encoding: 'utf8', timeout: 2 * HANG_MS });
      assert.equal(result.signal, null, 'notes finished');
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^reflect: The template "notes-template\.md" (writes more than 32 MB|repeats its sections more than)/);
    } finally {
      repo.dispose();
    }
  });
});
