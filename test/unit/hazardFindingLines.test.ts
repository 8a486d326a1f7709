import * as assert from 'node:assert/strict';
import { parseCommit } from '../../src/core/commits/conventionalCommit';
import { findMissingHazardReferences } from '../../src/core/render/hazardFindings';

const hashOf = (n: number) => `${n.toString(16).padStart(7, '0')}${'e'.repeat(33)}`;
const commit = (n: number) => parseCommit({ hash: hashOf(n), parents: ['p'], authorName: 'A', authorEmail: 'a@example.org', date: '2026-01-01T00:00:00Z', message: `feat: change ${n}` });

/** The reading the findings follow, line by line: the first list-item line showing the hash. */
function expectedLine(text: string, hash7: string): { line: number; end: number } | undefined {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (/^\s*- /.test(lines[index]) && lines[index].includes(`\`${hash7}\``)) return { line: index, end: lines[index].replace(/\r$/, '').length };
  }
  return undefined;
}

describe('hazard findings sit on the line that lists the commit', () => {
  it('the first list item showing the hash, after mentions elsewhere, with CRLF, indented and several on a line', () => {
    const commits = [1, 2, 3, 4, 5, 6].map(commit);
    const h = (n: number) => hashOf(n).slice(0, 7);
    const text = [
      `# Notes mentioning \`${h(1)}\` in a heading`,
      '',
      `A paragraph with \`${h(2)}\` and \`${h(3)}\`.`,
      `- first item \`${h(1)}\` and \`${h(2)}\`\r`,
      `  - nested \`${h(3)}\``,
      `-not a list item \`${h(4)}\``,
      `- \`${h(1)}\` again, later`,
      '```',
      `- in a code block \`${h(5)}\``,
      '```',
      `	- tab-indented \`${h(4)}\``,
      '',
    ].join('\n');
    const problems = findMissingHazardReferences({ commits, groups: [] }, text);
    assert.equal(problems.length, 6);
    for (const [index, problem] of problems.entries()) {
      const expected = expectedLine(text, h(index + 1));
      if (expected === undefined) assert.deepEqual(problem.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, h(index + 1));
      else assert.deepEqual(problem.range, { start: { line: expected.line, character: 0 }, end: { line: expected.line, character: expected.end } }, h(index + 1));
    }
    // The cases above mean something: an item after a mention, a CRLF line, a nested and a tab-indented item, none for 6.
    assert.deepEqual(problems.map((p) => p.range.start.line), [3, 3, 4, 10, 8, 0]);
  });

  it('agrees with the line-by-line reading on long generated notes', () => {
    const commits = Array.from({ length: 400 }, (_, n) => commit(n + 1));
    const lines: string[] = [];
    for (let n = 1; n <= 400; n++) {
      const h = hashOf(n).slice(0, 7);
      if (n % 7 === 0) lines.push(`See \`${h}\` below.`);
      if (n % 11 !== 0) lines.push(`${n % 3 === 0 ? '  ' : ''}- item ${n} (\`${h}\`)${n % 5 === 0 ? '\r' : ''}`);
      if (n % 13 === 0) lines.push('');
    }
    const text = lines.join('\n');
    const problems = findMissingHazardReferences({ commits, groups: [] }, text);
    for (const [index, problem] of problems.entries()) {
      const expected = expectedLine(text, hashOf(index + 1).slice(0, 7));
      assert.deepEqual(problem.range, expected === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : { start: { line: expected.line, character: 0 }, end: { line: expected.line, character: expected.end } });
    }
  });
});
