import * as assert from 'node:assert/strict';
import { countText } from '../../src/core/vocabulary/countText';

const GROUPED_HERE = ['en', 'en-us', 'en-gb', 'ja', 'ko', 'zh-cn', 'zh-tw', 'EN-US'];

/** Counts around every grouping boundary up to a trillion, and a deterministic spread between them. */
function counts(): number[] {
  const list: number[] = [];
  for (let n = 0; n <= 12_000; n++) list.push(n);
  for (let power = 10; power <= 1e15; power *= 10) for (let d = -3; d <= 3; d++) list.push(power + d);
  let state = 11;
  for (let i = 0; i < 5000; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    list.push(state * (i % 7) * (i % 3 === 0 ? 1000 : 1));
  }
  return list.filter((n) => Number.isSafeInteger(n) && n >= 0);
}

describe('counts in the display language, without loading ICU for the comma-grouped languages', () => {
  for (const language of GROUPED_HERE) {
    it(`writes counts as Intl.NumberFormat("${language}") does`, () => {
      const intl = new Intl.NumberFormat(language);
      for (const n of counts()) assert.equal(countText(n, language), intl.format(n), `${n} in ${language}`);
    });
  }

  it('leaves other groupings to Intl: German dots, French spaces, Spanish four-digit numbers, Indian lakhs', () => {
    for (const language of ['de', 'fr', 'es', 'pl', 'en-in', 'ru', 'pt-br']) {
      const intl = new Intl.NumberFormat(language);
      for (const n of [0, 999, 1631, 16_310, 1_234_567, 12_345_678_901]) assert.equal(countText(n, language), intl.format(n), `${n} in ${language}`);
    }
    assert.equal(countText(1631, 'de'), '1.631');
    assert.equal(countText(1_234_567, 'en-in'), '12,34,567');
  });

  it('writes what is not a whole count as Intl does, and a language Intl cannot read as plain digits', () => {
    assert.equal(countText(-1631, 'en'), new Intl.NumberFormat('en').format(-1631));
    assert.equal(countText(1631.5, 'en'), new Intl.NumberFormat('en').format(1631.5));
    assert.equal(countText(1631, 'not a language!'), '1631');
  });
});
