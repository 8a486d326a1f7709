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

describe('the palette shows only what can apply', () => {
  const raw = readFileSync(join(__dirname, '../../../package.json'), 'utf8');
  const sources = ['src/extension/workspaceContextKeys.ts', 'src/extension/views/releasesView.ts'].map((f) => readFileSync(join(__dirname, '../../..', f), 'utf8')).join('\n');

  it('every changeLog.* key a when clause reads is one the extension sets', () => {
    const keys = new Set([...raw.matchAll(/(?:when|completionEvents)[^\n]*?(changeLog\.(?:written\.[A-Za-z]+|no[A-Z][A-Za-z]+|state))/g)].map((m) => m[1]));
    assert.ok(keys.size > 0);
    const written = new Set(RECORD_DOCUMENT_TYPES.map((d) => writtenContextKey(d.fileName)));
    for (const key of keys) assert.ok(written.has(key) || sources.includes(`'${key}'`), `${key} is read by a when clause but never set`);
  });

  it('commands that need a repository or a record are hidden once it is known there is none (and shown before the extension starts)', () => {
    const palette = (JSON.parse(raw) as { contributes: { menus: { commandPalette: { command: string; when: string }[] } } }).contributes.menus.commandPalette;
    const when = new Map(palette.map((e) => [e.command, e.when]));
    for (const command of ['changeLog.generateReleaseNotes', 'changeLog.createRollbackChecklist', 'changeLog.createRollbackPackage', 'changeLog.startChangeRecord', 'changeLog.newReflection', 'changeLog.openActionPlan', 'changeLog.compareReleases']) {
      assert.match(when.get(command) ?? '', /isWorkspaceTrusted && !changeLog\.noRepository/, command);
    }
    for (const command of ['changeLog.exportEvidencePack']) assert.match(when.get(command) ?? '', /!changeLog\.noRecord/, command);
  });
});
