import { strict as assert } from 'node:assert';
import { analyseDocument } from '../../src/core/validate/validateDocument';
import { lexemeWidth } from '../../src/core/validate/boundedYaml';
import { unclosedOpenings } from '../../src/core/validate/yamlOpenings';

/** Where (0-based line, character) the first yaml-syntax problem of a front matter starts. */
function syntaxErrorsAt(frontMatter: string): { line: number; character: number; message: string }[] {
  return analyseDocument(`---\n${frontMatter}\n---\n# Body\n`)
    .problems.filter((p) => p.code === 'yaml-syntax')
    .map((p) => ({ line: p.range.start.line, character: p.range.start.character, message: p.message }));
}

describe('YAML syntax errors sit where the person fixes them', () => {
  const cases: [string, string, number, number][] = [
    ['an unclosed double quote', 'kind: reflection\ntitle: "unterminated\ndate: 2026-01-01', 2, 7],
    ['an unclosed single quote', "kind: reflection\nphase: 'on-action\ndate: 2026-01-01", 2, 7],
    ['an escaped quote that leaves the string open', 'a: "ok"\nb: "x\\"\nc: 1', 2, 3],
    ['an unclosed flow sequence', 'kind: reflection\nphase: [on-action\ndate: 2026-01-01', 2, 7],
    ['an unclosed flow map', 'kind: reflection\nrisk: {likelihood: low\ndate: 2026-01-01', 2, 6],
    ['a closed string before the unclosed one', 'a: "one"\nb: "two\nc: 3', 2, 3],
    ['after a BOM-free block of closed brackets', 'a: [1, 2]\nb: {c: 1}\nd: [3\ne: 4', 3, 3],
  ];
  for (const [name, yaml, line, character] of cases) {
    it(`${name}: at the opening mark, not the next line`, () => {
      const found = syntaxErrorsAt(yaml);
      assert.ok(found.length > 0, 'a syntax error is reported');
      assert.deepEqual({ line: found[0].line, character: found[0].character }, { line, character }, found[0].message);
    });
  }

  it('a nested unclosed map and sequence each point at their own bracket', () => {
    const found = syntaxErrorsAt('a: [x, {y: 1\nb: 2');
    assert.deepEqual(found.map((f) => [f.line, f.character, /Flow (map|sequence)/.exec(f.message)?.[1]]).sort(), [
      [1, 3, 'sequence'],
      [1, 7, 'map'],
    ]);
  });

  it('counts none of the lexer\'s own markers as source text', () => {
    assert.equal(lexemeWidth('\x02'), 0);
    assert.equal(lexemeWidth('\x1f'), 0);
    assert.equal(lexemeWidth('\x18'), 0);
    assert.equal(lexemeWidth('kind'), 4);
  });
});

describe('placing YAML errors stays linear', () => {
  it('answers every question in one pass, in any order', () => {
    // The answers depend only on the source before each offset.
    const source = 'a: [1\nb: "x\nc: {d\n';
    assert.deepEqual(unclosedOpenings(source, [{ offset: source.length, what: '{' }, { offset: 5, what: '[' }, { offset: source.length, what: 'quote' }]), [undefined, 3, 9]);
  });
});
