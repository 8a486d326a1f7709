import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeneratedBlockError, readFences, sealFences } from '../../src/core/markdown/generatedFences';
import { regenerate } from '../../src/core/markdown/regenerate';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

const block = (name: string, content: string) => sealFences(`<!-- reflect:begin ${name} -->\n${content}\n<!-- reflect:end ${name} -->`);
const notes = (groups: string, before = '', after = '') => `---\nkind: release-notes\n---\n\n# Notes\n\n${before}${block('groups', groups)}\n\n${after}## Summary\n\nWritten by hand.\n`;

function rejectsWithLines(text: string, lines: number[], pattern: RegExp): void {
  assert.throws(
    () => regenerate(text, notes('- fresh')),
    (error: unknown) => {
      assert.ok(error instanceof GeneratedBlockError, String(error));
      assert.match(error.message, pattern);
      for (const line of lines) assert.match(error.message, new RegExp(`\\b${line}\\b`), `names line ${line}: ${error.message}`);
      return true;
    },
  );
}

describe('managed blocks: only top-level markers outside code count', () => {
  it('a pasted copy of an old block above the live one is an error naming both lines, not a silent rewrite', () => {
    const live = notes('- live');
    const pasted = live.replace('# Notes\n\n', `# Notes\n\nOld notes, pasted for reference:\n\n${block('groups', '- stale')}\n\n`);
    const beginLines = pasted.split('\n').flatMap((line, i) => (line.startsWith('<!-- reflect:begin groups') ? [i + 1] : []));
    assert.equal(beginLines.length, 2);
    rejectsWithLines(pasted, beginLines, /appears 2 times/);
  });

  for (const [kind, wrap] of [
    ['a backtick fence', (b: string) => `\`\`\`markdown\n${b}\n\`\`\`\n\n`],
    ['a tilde fence', (b: string) => `~~~\n${b}\n~~~\n\n`],
    ['a fenced block inside a list item', (b: string) => `- example:\n\n  \`\`\`\n${b.replace(/^/gm, '  ')}\n  \`\`\`\n\n`],
    ['an indented code block', (b: string) => `${b.replace(/^/gm, '    ')}\n\n`],
    ['a block quote', (b: string) => `${b.replace(/^/gm, '> ')}\n\n`],
    ['an HTML block', (b: string) => `<details>\n${b}\n</details>\n\n`],
  ] as const) {
    it(`markers inside ${kind} are text: kept byte for byte, the real block is updated`, () => {
      const example = wrap(block('groups', '- example the person wrote'));
      const existing = notes('- old', example);
      const result = regenerate(existing, notes('- fresh'));
      assert.ok(result.text.includes(example), 'the example is untouched');
      assert.match(result.text, /- fresh/);
      assert.ok(!result.text.includes('- old'));
      assert.deepEqual(readFences(existing).fences.map((f) => f.content), ['- old']);
    });
  }

  it('markers in the front matter are not blocks', () => {
    const text = `---\nkind: release-notes\nnote: |\n${block('groups', 'x').replace(/^/gm, '')}\n---\n\n${block('groups', '- real')}\n`;
    assert.deepEqual(readFences(text).fences.map((f) => [f.content, f.beginLine]), [['- real', 9]]);
  });

  it('a CRLF file with a fenced example still finds the fence closed', () => {
    const existing = notes('- old', `\`\`\`\n${block('groups', '- example')}\n\`\`\`\n\n`).replace(/\n/g, '\r\n');
    const result = regenerate(existing, notes('- fresh'));
    assert.match(result.text, /- example/);
    assert.match(result.text, /- fresh\r\n/);
  });

  it('an unmatched begin, a stray end and nested blocks are errors with line numbers', () => {
    rejectsWithLines(`# x\n\n<!-- reflect:begin groups -->\n- a\n`, [3], /never ended/);
    rejectsWithLines(`# x\n\n- a\n\n<!-- reflect:end groups -->\n`, [5], /never begun/);
    rejectsWithLines(`<!-- reflect:begin groups -->\n<!-- reflect:begin contributors -->\n<!-- reflect:end contributors -->\n<!-- reflect:end groups -->\n`, [1, 2], /cannot nest/);
    rejectsWithLines(`<!-- reflect:begin groups -->\n- a\n<!-- reflect:end contributors -->\n`, [1, 3], /is open/);
  });
});

describe('reflect notes --update with ambiguous blocks', () => {
  it('exits non-zero, names both lines and writes nothing', () => {
    const repo = new GitFixture();
    try {
      repo.commit('feat: first');
      repo.tag('v1.0.0');
      repo.commit('feat: second');
      const out = join(repo.dir, 'NOTES.md');
      const write = spawnSync(process.execPath, [CLI, 'notes', '--out', out], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(write.status, 0, write.stderr);
      const generated = readFileSync(out, 'utf8');
      const groups = /<!-- reflect:begin groups[\s\S]*?<!-- reflect:end groups -->/.exec(generated)?.[0] ?? '';
      assert.ok(groups.length > 0);
      const pasted = generated.replace(/^(# .*\n)/m, `$1\n${groups.replace('second', 'older text')}\n`);
      repo.write('NOTES.md', pasted);
      const update = spawnSync(process.execPath, [CLI, 'notes', '--out', out, '--update'], { cwd: repo.dir, encoding: 'utf8' });
      assert.notEqual(update.status, 0);
      assert.match(update.stderr, /block "groups" appears 2 times \(lines \d+ and \d+\)/);
      assert.equal(readFileSync(out, 'utf8'), pasted, 'nothing written');
    } finally {
      repo.dispose();
    }
  });
});
