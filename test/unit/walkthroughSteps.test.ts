import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_DOCUMENT_TYPES, writtenContextKey } from '../../src/core/vocabulary/documentKinds';

interface Step {
  readonly id: string;
  readonly description: string;
  readonly completionEvents?: readonly string[];
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: Step[] }[] } };
const nls = JSON.parse(readFileSync(join(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);

describe('the walkthrough ticks one step per document', () => {
  it('no two steps complete on the same event', () => {
    const seen = new Map<string, string>();
    for (const step of steps) {
      for (const event of step.completionEvents ?? []) {
        assert.ok(!seen.has(event), `${step.id} and ${seen.get(event)} both complete on ${event}`);
        seen.set(event, step.id);
      }
    }
  });

  it('a step whose button creates a reflection completes when that reflection exists', () => {
    for (const step of steps) {
      const description = nls[step.description.replace(/^%|%$/g, '')] ?? step.description;
      const phase = /changeLog\.newReflection\?%5B%22([a-z-]+)%22%5D/.exec(description)?.[1];
      if (phase === undefined) continue;
      const fileName = `${phase}.md`;
      assert.ok(RECORD_DOCUMENT_TYPES.some((d) => d.fileName === fileName), fileName);
      assert.deepEqual(step.completionEvents, [`onContext:${writtenContextKey(fileName)}`], step.id);
    }
  });

  it('context keys are distinct per document and valid in when clauses', () => {
    const keys = RECORD_DOCUMENT_TYPES.map((d) => writtenContextKey(d.fileName));
    assert.equal(new Set(keys).size, keys.length);
    for (const key of keys) assert.match(key, /^changeLog\.written\.[a-zA-Z]+$/);
    assert.equal(writtenContextKey('in-action-planning.md'), 'changeLog.written.inActionPlanning');
  });
});
