import * as assert from 'node:assert/strict';
import { frontMatterCursorAt } from '../../src/core/validate/frontMatterCursor';
import { parseFrontMatter } from '../../src/core/validate/frontMatterParser';
import { frontMatterTargetAt } from '../../src/core/validate/frontMatterPosition';
import { isoDateFromLooseText } from '../../src/core/validate/looseDates';
import { LineIndex } from '../../src/core/validate/problem';

const DOC = ['---', 'kind: change', 'status: approved', 'clinical_risk:', '  likelihood: low', '  ', 'communication:', '  - who: x', '    when: y', '    ', '  - ', '---', '# Body', ''].join('\n');

describe('front matter helpers for the language server (pure)', () => {
  describe('frontMatterCursorAt: which mapping a half-typed line belongs to', () => {
    it('at the top level, with the keys already there', () => {
      const cursor = frontMatterCursorAt(DOC, 5, 0);
      assert.deepEqual(cursor?.parentPath, []);
      assert.deepEqual([...(cursor?.siblingKeys ?? [])].sort(), ['clinical_risk', 'communication', 'kind', 'status']);
    });

    it('inside a nested map and inside list entries, by indentation', () => {
      assert.deepEqual(frontMatterCursorAt(DOC, 5, 2)?.parentPath, ['clinical_risk']);
      assert.deepEqual(frontMatterCursorAt(DOC, 5, 2)?.siblingKeys, ['likelihood']);
      assert.deepEqual(frontMatterCursorAt(DOC, 9, 4)?.parentPath, ['communication', 0]);
      assert.deepEqual([...(frontMatterCursorAt(DOC, 9, 4)?.siblingKeys ?? [])].sort(), ['when', 'who']);
      assert.deepEqual(frontMatterCursorAt(DOC, 10, 4)?.parentPath, ['communication', 1]);
    });

    it('on a value: the key and the columns of the value', () => {
      const cursor = frontMatterCursorAt(DOC, 4, 15);
      assert.equal(cursor?.part, 'value');
      assert.equal(cursor?.key, 'likelihood');
      assert.deepEqual([cursor?.valueStart, cursor?.valueEnd], [14, 17]);
      assert.equal(cursor?.declaredKind, 'change');
    });

    it('nowhere outside the front matter', () => {
      assert.equal(frontMatterCursorAt(DOC, 0, 1), undefined);
      assert.equal(frontMatterCursorAt(DOC, 12, 2), undefined);
      assert.equal(frontMatterCursorAt('# no front matter\nkind: x\n', 1, 0), undefined);
    });
  });

  describe('frontMatterTargetAt: the key or value at an offset', () => {
    const text = ['---', 'clinical_risk:', '  likelihood: low', 'hazards: [HAZ-1, HAZ-2]', '---', ''].join('\n');
    const { frontMatter } = parseFrontMatter(text, new LineIndex(text));

    it('a nested key, a value and a list item', () => {
      assert.ok(frontMatter);
      assert.deepEqual(frontMatterTargetAt(frontMatter, text.indexOf('likelihood') + 2), { path: ['clinical_risk', 'likelihood'], part: 'key', start: text.indexOf('likelihood'), end: text.indexOf('likelihood') + 10, value: 'likelihood' });
      assert.equal(frontMatterTargetAt(frontMatter, text.indexOf('low') + 1)?.value, 'low');
      assert.deepEqual(frontMatterTargetAt(frontMatter, text.indexOf('HAZ-2'))?.path, ['hazards', 1]);
      assert.equal(frontMatterTargetAt(frontMatter, text.indexOf('\n---') + 2), undefined);
    });
  });

  describe('isoDateFromLooseText: dates in other forms, read day first as in the UK', () => {
    const cases: ReadonlyArray<[string, string | undefined, boolean?]> = [
      ['25/11/2026', '2026-11-25', false],
      ['05/11/2026', '2026-11-05', true],
      ['11/25/2026', '2026-11-25', false],
      ['25.11.26', '2026-11-25', false],
      ['2026/11/25', '2026-11-25', false],
      ['25 Nov 2026', '2026-11-25', false],
      ['Wednesday 25th November 2026', '2026-11-25', false],
      ['November 25, 2026', '2026-11-25', false],
      ['25/11/2026 14:30', '2026-11-25T14:30', false],
      ['2/12/2026 20:00 UTC', '2026-12-02T20:00Z', true],
      ['31/02/2026', undefined],
      ['25 Smarch 2026', undefined],
      ['next Tuesday', undefined],
      ['', undefined],
    ];
    for (const [text, iso, ambiguous] of cases) {
      it(`${JSON.stringify(text)} → ${iso ?? 'nothing'}${ambiguous ? ' (ambiguous)' : ''}`, () => {
        const rewrite = isoDateFromLooseText(text);
        assert.equal(rewrite?.iso, iso);
        if (iso) assert.equal(rewrite?.ambiguous, ambiguous);
      });
    }
  });
});
