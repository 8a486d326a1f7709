import * as assert from 'node:assert/strict';
import { compareNames, compareText } from '../../src/core/vocabulary/textOrder';

const collator = new Intl.Collator('en');
const sign = (n: number) => Math.sign(n);
const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/** A small deterministic generator, so a failure names the same strings on every run. */
function* strings(count: number, alphabet: string, seed = 7): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const length = next() % 7;
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

describe('the order of names: an English collation without loading one for ASCII names', () => {
  it('agrees with Intl.Collator("en") on every pair of printable ASCII characters', () => {
    for (const a of printable) for (const b of printable) assert.equal(sign(compareNames(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  });

  it('agrees on thousands of strings where case, punctuation and length decide', () => {
    const alphabet = 'aAbBzZ09 .-_\'(,';
    const list = [...strings(3000, alphabet)];
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      assert.equal(sign(compareNames(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    assert.deepEqual([...list].sort(compareNames), [...list].sort(collator.compare));
  });

  it('orders names as people read them, and the same as the collator for names beyond ASCII', () => {
    const names = ['Zoe', 'Émile', 'bob', 'Alice', 'alice', 'Łukasz Wołodkiewicz', 'Ｂｅｎ Ｔｅａ', '花开半亩地', '⚡ Aditya Patel ⚡', 'Mike McCready', 'mike mccready', 'Mike-McCready', 'O\'Brien', 'Obrien', 'dependabot[bot]', 'renovate[bot]', 'Nick', ''];
    assert.deepEqual([...names].sort(compareNames), [...names].sort(collator.compare));
    assert.deepEqual(['Zoe', 'Émile', 'bob', 'Alice', 'alice'].sort(compareNames), ['alice', 'Alice', 'bob', 'Émile', 'Zoe']);
  });

  it('compareText is code-unit order, whatever the machine\'s locale', () => {
    assert.deepEqual(['b', 'B', 'a', 'A', '2024-01-02', '2024-01-10', 'v1.10.0', 'v1.9.0'].sort(compareText), ['2024-01-02', '2024-01-10', 'A', 'B', 'a', 'b', 'v1.10.0', 'v1.9.0']);
    assert.equal(compareText('x', 'x'), 0);
  });
});
