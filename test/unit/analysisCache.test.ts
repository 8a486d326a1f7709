import { strict as assert } from 'node:assert';
import { AnalysisCache } from '../../src/core/validate/analysisCache';
import { validateRecordWithFixes } from '../../src/core/validate/fixedProblems';
import { analyseDocument } from '../../src/core/validate/validateDocument';

const reflection = (date: string) => `---\nkind: reflection\nphase: on-action\ndate: ${date}\nauthor: A. Trainee\nchange: v1.2.0\n---\n\n# On action\n`;

describe('AnalysisCache', () => {
  it('reads a file again only when its text or the options change', () => {
    const cache = new AnalysisCache();
    let reads = 0;
    const analyse = (text: string) => () => {
      reads += 1;
      return analyseDocument(text);
    };
    const first = cache.analysis('a', reflection('2026-01-02'), '{}', analyse(reflection('2026-01-02')));
    assert.equal(cache.analysis('a', reflection('2026-01-02'), '{}', analyse(reflection('2026-01-02'))), first);
    assert.equal(reads, 1);
    cache.analysis('a', reflection('2026-01-03'), '{}', analyse(reflection('2026-01-03')));
    assert.equal(reads, 2);
    cache.analysis('a', reflection('2026-01-03'), '{"today":"2026-02-01"}', analyse(reflection('2026-01-03')));
    assert.equal(reads, 3);
    assert.equal(cache.size, 1);
  });

  it('stays bounded however many files pass through it', () => {
    const cache = new AnalysisCache();
    for (let i = 0; i < 2000; i += 1) cache.analysis(`f${i}`, reflection('2026-01-02'), '{}', () => analyseDocument(reflection('2026-01-02')));
    assert.ok(cache.size <= 512, `${cache.size} entries`);
  });

  it('gives the same problems with and without the cache, before and after a sibling changes', () => {
    const cache = { cache: new AnalysisCache(), folder: '/r/v1.2.0' };
    const plan = (due: string) => `---\nkind: action-plan\nchange: v1.2.0\ndate: 2026-01-05\nauthor: A. Trainee\nactions:\n  - action: Re-run the smoke tests\n    owner: A. Trainee\n    due: ${due}\n    status: open\n---\n`;
    const options = { today: '2026-03-01' };
    for (const files of [
      [{ name: 'on-action.md', text: reflection('2026-01-10') }, { name: 'action-plan.md', text: plan('2026-02-01') }],
      [{ name: 'on-action.md', text: reflection('2026-01-10') }, { name: 'action-plan.md', text: plan('2026-04-01') }],
      [{ name: 'on-action.md', text: reflection('not a date') }, { name: 'action-plan.md', text: plan('2026-04-01') }],
    ]) {
      assert.deepEqual(validateRecordWithFixes(files, options, cache), validateRecordWithFixes(files, options));
    }
  });
});
