import * as assert from 'node:assert/strict';
import { FRONT_MATTER_BUDGET, parseYamlWithinBudget, type BoundedYamlOptions } from '../../src/core/validate/boundedYaml';
import { nestedFlowKeys } from '../support/adversarialFrontMatter';

const OPTIONS: BoundedYamlOptions = { uniqueKeys: false, strict: true, prettyErrors: false, schema: 'core', customTags: [], merge: false };

function refusalOf(source: string, budget = FRONT_MATTER_BUDGET) {
  const result = parseYamlWithinBudget(source, OPTIONS, budget);
  assert.ok(result.refusal, 'the text was refused');
  return result.refusal;
}

describe('YAML parsing within a work budget', () => {
  it('counts the tokens the lexer really yields, and stops at the limit', () => {
    const budget = { ...FRONT_MATTER_BUDGET, maxTokens: 50 };
    const source = Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join('\n');
    const refusal = refusalOf(source, budget);
    assert.equal(refusal.reason, 'tokens');
    assert.match(refusal.message, /more than 50 YAML tokens/);
    // A `kN: v` line is a handful of tokens: the refusal falls within the first lines, not at the end.
    assert.ok(refusal.end < 100, `stopped at offset ${refusal.end} of ${source.length}`);
    assert.equal(parseYamlWithinBudget('a: 1\nb: 2\n', OPTIONS, budget).refusal, undefined);
  });

  it('measures nesting on the parser stack: flow, block, complex keys and indentation alike', () => {
    const deeper = FRONT_MATTER_BUDGET.maxDepth + 1;
    const shapes = {
      flow: `x: ${'['.repeat(deeper)}${']'.repeat(deeper)}`,
      'flow maps': `x: ${'{a: '.repeat(deeper)}1${'}'.repeat(deeper)}`,
      'block sequences': `x:\n  ${'- '.repeat(deeper)}a`,
      'complex keys': `x:\n  ${'? '.repeat(deeper)}a`,
      indentation: Array.from({ length: deeper }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const refusal = refusalOf(shape);
      assert.equal(refusal.reason, 'depth', name);
      assert.match(refusal.message, /more than 64 levels deep/, name);
    }
    // Eight levels, more than any field needs, are read.
    assert.equal(parseYamlWithinBudget(`x: ${'['.repeat(8)}${']'.repeat(8)}`, OPTIONS).refusal, undefined);
  });

  it('sees nesting that a quote inside a plain scalar hides from a scan of the text', () => {
    // In `[a", [[[…` the `"` is part of the plain scalar `a"`: the brackets after it are real nesting.
    const source = `x: [a", ${'['.repeat(20000)}${']'.repeat(20000)}]`;
    const refusal = refusalOf(source);
    assert.equal(refusal.reason, 'depth');
    assert.ok(refusal.end < 200, `stopped at offset ${refusal.end} of ${source.length}`);
  });

  it('stops deep nesting as it is read, not after reading it all', () => {
    const source = `x:\n  ${'? '.repeat(30000)}a`;
    const refusal = refusalOf(source);
    assert.equal(refusal.reason, 'depth');
    assert.ok(refusal.end < 300, `stopped at offset ${refusal.end} of ${source.length}`);
  });

  it('refuses a key that is a list or mapping, naming where it is', () => {
    for (const source of ['? [a, b]\n: 1', '{[a]: 1}', '[a, b]: 1', nestedFlowKeys(40)]) {
      const refusal = refusalOf(source);
      assert.equal(refusal.reason, 'collection-key', source);
      assert.match(refusal.message, /keys must be plain text/);
    }
    const source = 'kind: reflection\nx:\n  ok: 1\n  ? {a: 1}\n  : 2\n';
    const refusal = refusalOf(source);
    assert.equal(source.slice(refusal.start, refusal.end), '{a: 1}');
  });

  it('counts aliases and refuses past the limit before any is resolved', () => {
    const budget = { ...FRONT_MATTER_BUDGET, maxAliases: 3 };
    const refusal = refusalOf('a: &a 1\nb: [*a, *a, *a, *a, *a]', budget);
    assert.equal(refusal.reason, 'aliases');
    assert.match(refusal.message, /more than 3 aliases/);
    // An alias inside a block scalar or a quoted string is text.
    assert.equal(parseYamlWithinBudget('a: "*a *a *a *a"\nb: |\n  *a\n  *a\n  *a\n  *a\n', OPTIONS, budget).refusal, undefined);
  });

  it('reads a change record with every list at its schema maximum', () => {
    const source = [
      'kind: change',
      'hazards:',
      ...Array.from({ length: 500 }, (_, i) => `  - HAZ-${i}`),
      'communications:',
      ...Array.from({ length: 200 }, () => '  - who: Ward managers\n    when: the day before\n    channel: email'),
      'services:',
      ...Array.from({ length: 200 }, (_, i) => `  - Service ${i}`),
    ].join('\n');
    const result = parseYamlWithinBudget(source, OPTIONS);
    assert.equal(result.refusal, undefined);
    assert.equal(result.document?.errors.length, 0);
  });

  it('keeps only the first document, as parseDocument does, with an error for the rest', () => {
    const result = parseYamlWithinBudget('a: 1\n---\nb: 2\n', OPTIONS);
    assert.ok(result.document);
    assert.deepEqual(result.document.toJS(), { a: 1 });
    assert.equal(result.document.errors[0]?.code, 'MULTIPLE_DOCS');
  });
});
