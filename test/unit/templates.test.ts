import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { renderDocumentTemplate, type TemplateTarget } from '../../src/core/records/documentTemplates';
import { PHASE_IDS } from '../../src/core/vocabulary/phaseIds';
import { renderReflectionTemplate } from '../../src/core/records/reflectionTemplate';
import { PROMPT_MARKER } from '../../src/core/vocabulary/promptMarker';
import { documentSchemaInfo } from '../../src/core/validate/schemaFields';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { answered, INPUT } from '../support/recordDocuments';

const TARGETS: TemplateTarget[] = ['change', 'release-notes', 'rollback', 'action-plan', ...PHASE_IDS];

function frontMatterOf(text: string): Record<string, unknown> {
  return parse(text.slice(4, text.indexOf('\n---\n', 4))) as Record<string, unknown>;
}

describe('document templates', () => {
  it('fill in the front matter: kind, phase, version, date and author', () => {
    for (const phase of PHASE_IDS) {
      const text = renderReflectionTemplate({ phase, version: 'v1.4.0', date: '2026-11-25', author: 'Alex Morgan' });
      assert.deepEqual(frontMatterOf(text), { kind: 'reflection', phase, change: 'v1.4.0', date: '2026-11-25', author: 'Alex Morgan' });
      assert.match(text, /^---\nkind: reflection\nphase: /);
    }
    const change = frontMatterOf(renderDocumentTemplate('change', INPUT));
    assert.deepEqual(change, { kind: 'change', change: 'v1.4.0', date: '2026-11-25', author: 'Alex Morgan', status: 'planned', range: { from: 'v1.3.2', to: 'v1.4.0' }, change_type: 'normal' });
    assert.deepEqual(frontMatterOf(renderDocumentTemplate('rollback', INPUT)).target, { tag: 'v1.3.2' });
    assert.deepEqual(frontMatterOf(renderDocumentTemplate('release-notes', { ...INPUT, bump: 'minor', range: { to: 'HEAD' } })).range, { from: 'v1.3.2', to: 'HEAD' });
  });

  it('name the keys a manifest needs later in a comment, from the schema', () => {
    const template = renderDocumentTemplate('change', INPUT);
    assert.match(template, /^# Needed once status is approved, deployed, rolled-back or closed: clinical_risk, hazards, affected, communication, deployment, rollback_target\.$/m);
    assert.match(template, /^# Needed once status is approved, deployed, rolled-back or closed and change_type is normal or emergency: approval\.$/m);
    assert.match(template, /^# Needed once status is approved, deployed, rolled-back or closed and change_type is standard: change_model\.$/m);
    assert.match(template, /^# Needed once status is closed: review\.$/m);
  });

  it('put every heading of the schema in the body, each with marked prompts, one quote each', () => {
    for (const target of TARGETS) {
      const text = renderDocumentTemplate(target, INPUT);
      const info = documentSchemaInfo(target === 'change' || target === 'release-notes' || target === 'rollback' || target === 'action-plan' ? target : 'reflection', PHASE_IDS.find((p) => p === target));
      for (const section of info.sections) {
        assert.ok(text.includes(`\n## ${section.heading}\n\n${section.prompts.map((p) => `${PROMPT_MARKER} ${p}`).join('\n\n')}\n`), `${target}: ${section.heading}`);
      }
    }
  });

  it('validate as generated: valid front matter or clearly flagged placeholders, and one unanswered prompt per section', () => {
    for (const target of TARGETS) {
      const problems = validateDocument(renderDocumentTemplate(target, INPUT));
      const sections = problems.filter((p) => p.code === 'unanswered-prompt');
      const expectedSections = renderDocumentTemplate(target, INPUT).split('\n## ').length - 1;
      assert.equal(sections.length, expectedSections, target);
      const others = problems.filter((p) => p.code !== 'unanswered-prompt').map((p) => `${p.severity} ${p.code}`);
      // The action plan's one row is still the writer's to fill in: one reminder, no warning.
      assert.deepEqual(others, target === 'action-plan' ? ['info action-not-written'] : [], target);
    }
  });

  it("action plan: the template's empty row is one reminder on its first line; once the writer starts it, each field still empty is a warning", () => {
    const template = renderDocumentTemplate('action-plan', INPUT);
    const [reminder] = validateDocument(template).filter((p) => p.code === 'action-not-written');
    assert.equal(reminder.severity, 'info');
    assert.equal(template.split('\n')[reminder.range.start.line], '  - action: ""');
    assert.match(reminder.message, /^Action 1 is not written yet: say what will be done \(action\), the gap it answers \(gap\), when it is due \(due, YYYY-MM-DD\)/);
    const started = template.replace('  - action: ""', '  - action: Rehearse the rollback on the test system');
    const codes = validateDocument(started).filter((p) => p.code !== 'unanswered-prompt').map((p) => `${p.code} ${p.message}`);
    assert.deepEqual(codes, ['empty-field "action 1, gap" must not be empty.', 'invalid-date "action 1, due" must be an ISO 8601 date (YYYY-MM-DD) or date-time.', 'empty-field "action 1, evidence" must not be empty.']);
    // A row with a field missing altogether is not the template's: its missing field is reported as such.
    const broken = template.replace('    evidence: ""\n', '');
    assert.deepEqual(validateDocument(broken).filter((p) => p.code !== 'unanswered-prompt').map((p) => p.code).sort(), ['empty-field', 'empty-field', 'invalid-date', 'missing-field']);
  });

  it('validate cleanly once every prompt is answered', () => {
    for (const target of TARGETS) {
      if (target === 'action-plan') continue;
      assert.deepEqual(validateDocument(answered(target)), [], target);
    }
  });

  it('escape a version that looks like Markdown in the title', () => {
    const text = renderDocumentTemplate('on-action', { ...INPUT, version: '# <b>x</b>' });
    assert.match(text, /^# On action: \\# \\<b\\>x\\<\/b\\>$/m);
    assert.equal(frontMatterOf(text).change, '# <b>x</b>');
  });

  it('flag an empty author instead of inventing one', () => {
    const problems = validateDocument(answered('before-action', { author: '' }));
    assert.deepEqual(problems.map((p) => p.code), ['empty-field']);
  });
});
