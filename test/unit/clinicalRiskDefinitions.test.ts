import * as assert from 'node:assert/strict';
import { describeField } from '../../src/core/validate/schemaFields';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { APPROVED_CHANGE_FRONT_MATTER, answered, withFrontMatter } from '../support/recordDocuments';

function consequence(value: string): string {
  return describeField('change', ['clinical_risk', 'consequence'])?.values.find((v) => v.value === value)?.description ?? '';
}

describe('clinical risk descriptions follow the DCB0129 / DCB0160 definitions', () => {
  it('a severe injury expected to heal soon, to one patient, is considerable, not significant', () => {
    assert.match(consequence('considerable'), /^One patient: a severe injury or incapacity expected to heal soon/);
    assert.doesNotMatch(consequence('significant'), /severe/);
  });

  it('lasting harm to one patient is major; significant is a minor injury that lasts, or minor harm to several', () => {
    assert.match(consequence('major'), /One patient: death, or permanent life-changing incapacity, or a severe injury or incapacity not expected to heal soon/);
    assert.match(consequence('significant'), /^One patient: a minor injury not expected to heal soon.*Several patients: minor injuries they recover from soon, or minor upset or inconvenience/);
    assert.match(consequence('minor'), /^One patient: a minor injury they recover from soon, minor upset or inconvenience/);
  });

  it('the hazard log and change.md read the same scales', () => {
    for (const path of [['hazards', 'initial_risk', 'consequence'], ['hazards', 'residual_risk', 'consequence']]) {
      assert.deepEqual(describeField('hazard-log', path)?.values, describeField('change', ['clinical_risk', 'consequence'])?.values, path.join('.'));
    }
  });

  it('a record with a per-change risk block and plain hazard ids stays valid (migration)', () => {
    const text = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
    assert.deepEqual(validateDocument(text).filter((p) => p.severity !== 'info'), []);
  });
});
