import * as assert from 'node:assert/strict';
import { PHASE_GUIDES } from '../../src/core/records/phases';
import { PHASE_IDS } from '../../src/core/vocabulary/phaseIds';
import { DEFAULT_RISK_MATRIX, parseRiskMatrix, RISK_CONSEQUENCES, RISK_LIKELIHOODS } from '../../src/core/validate/riskMatrix';
import { ALL_SCHEMAS, type JsonSchema } from '../../src/core/validate/schemaDocuments';
import { renderFieldReference, renderRuleTable } from '../../src/core/validate/referenceTables';
import { RULES } from '../../src/core/validate/ruleCatalog';
import { describeField, documentSchemaInfo, fieldsOf } from '../../src/core/validate/schemaFields';
import { SchemaRegistry } from '../../src/core/validate/schemaRegistry';

/** Every subschema that is a property, list item or definition, with where it sits. */
function subschemas(schema: JsonSchema, where: string): Array<{ where: string; schema: JsonSchema }> {
  const found: Array<{ where: string; schema: JsonSchema }> = [];
  const visit = (node: unknown, path: string, isField: boolean) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const s = node as JsonSchema;
    if (isField) found.push({ where: path, schema: s });
    for (const [name, child] of Object.entries((s.properties as object | undefined) ?? {})) visit(child, `${path}.${name}`, typeof child === 'object');
    for (const [name, child] of Object.entries((s.definitions as object | undefined) ?? {})) visit(child, `${path}#${name}`, true);
    if (s.items) visit(s.items, `${path}[]`, true);
    for (const [i, part] of ((s.allOf as unknown[] | undefined) ?? []).entries()) visit(part, `${path}/allOf/${i}`, false);
  };
  visit(schema, where, false);
  return found;
}

describe('schemas', () => {
  it('compile once in ajv strict mode, without warnings', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      new SchemaRegistry();
    } finally {
      console.warn = original;
    }
    assert.deepEqual(warnings, []);
  });

  it('describe every property, definition and list item', () => {
    for (const schema of ALL_SCHEMAS) {
      for (const { where, schema: field } of subschemas(schema, String(schema.$id).replace(/.*\//, ''))) {
        assert.equal(typeof field.description, 'string', `${where} has no description`);
        assert.ok(String(field.description).length > 10, `${where} has a too-short description`);
      }
    }
  });

  it('describe every enum value, one description per value', () => {
    for (const schema of ALL_SCHEMAS) {
      for (const { where, schema: field } of subschemas(schema, String(schema.$id))) {
        if (!Array.isArray(field.enum)) continue;
        assert.ok(Array.isArray(field.enumDescriptions), `${where} has no enumDescriptions`);
        assert.equal((field.enumDescriptions as unknown[]).length, field.enum.length, `${where}: enumDescriptions and enum differ in length`);
      }
    }
  });

  it('bound every string, with maxLength before any pattern', () => {
    for (const schema of ALL_SCHEMAS) {
      for (const { where, schema: field } of subschemas(schema, String(schema.$id))) {
        if (field.type !== 'string' || field.enum || field.const) continue;
        assert.equal(typeof field.maxLength, 'number', `${where} has no maxLength`);
        if (field.pattern) assert.ok(Object.keys(field).indexOf('maxLength') < Object.keys(field).indexOf('pattern'), `${where}: maxLength must come before pattern`);
      }
    }
  });

  it('agree with the default risk matrix', () => {
    const risk = fieldsOf('change', ['clinical_risk']);
    const values = (name: string) => risk.find((f) => f.name === name)?.values.map((v) => v.value);
    assert.deepEqual(values('likelihood'), [...RISK_LIKELIHOODS]);
    assert.deepEqual(values('consequence'), [...RISK_CONSEQUENCES]);
    assert.deepEqual(values('rating'), [1, 2, 3, 4, 5]);
    for (const likelihood of RISK_LIKELIHOODS) {
      const row = RISK_CONSEQUENCES.map((c) => DEFAULT_RISK_MATRIX[likelihood][c]);
      assert.deepEqual([...row].sort(), row, `ratings grow with consequence for ${likelihood}`);
    }
    for (const consequence of RISK_CONSEQUENCES) {
      const column = RISK_LIKELIHOODS.map((l) => DEFAULT_RISK_MATRIX[l][consequence]);
      assert.deepEqual([...column].sort(), column, `ratings grow with likelihood for ${consequence}`);
    }
    assert.equal(DEFAULT_RISK_MATRIX['very low'].minor, 1);
    assert.equal(DEFAULT_RISK_MATRIX['very high'].catastrophic, 5);
  });

  it('read a replacement risk matrix from a setting, refusing incomplete ones', () => {
    const all3 = Object.fromEntries(RISK_LIKELIHOODS.map((l) => [l, Object.fromEntries(RISK_CONSEQUENCES.map((c) => [c, 3]))]));
    assert.equal(parseRiskMatrix(all3).matrix?.low.minor, 3);
    const broken = parseRiskMatrix({ ...all3, low: { minor: 7 } });
    assert.equal(broken.matrix, undefined);
    assert.ok(broken.problems.length > 0);
    assert.ok(parseRiskMatrix([1, 2]).problems.length > 0);
  });

  it('tell hover and completion about a field: description, values, examples, required', () => {
    const status = describeField('change', ['status']);
    assert.ok(status);
    assert.equal(status.required, true);
    assert.equal(status.values.length, 5);
    assert.ok(status.values.every((v) => typeof v.description === 'string' && v.description.length > 0));
    const approval = describeField('change', ['approval']);
    assert.equal(approval?.required, false);
    // A standard change names its pre-approved change model instead of an approver.
    assert.equal(approval?.requiredWhen, 'status is approved, deployed, rolled-back or closed and change_type is normal or emergency');
    assert.equal(describeField('change', ['change_model'])?.requiredWhen, 'status is approved, deployed, rolled-back or closed and change_type is standard');
    assert.deepEqual(fieldsOf('change', ['approval']).map((f) => [f.name, f.required]), [['authority', true], ['date', true], ['reference', false]]);
    assert.deepEqual(describeField('change', ['range', 'from'])?.examples, ['v1.3.2']);
    assert.equal(describeField('action-plan', ['actions', 0, 'due'])?.format, 'iso-date-or-date-time');
    assert.equal(describeField('rollback', ['package', 'sha256'])?.type, 'string');
    assert.equal(describeField('change', ['nonsense']), undefined);
    assert.deepEqual(fieldsOf(undefined).map((f) => f.name), ['kind', 'change', 'date', 'author']);
    assert.deepEqual(describeField('change', ['kind'])?.values.map((v) => v.value), ['change']);
  });

  it('keep the phases distinguishable, each with its own headings and date description', () => {
    const headings = new Set<string>();
    for (const phase of PHASE_IDS) {
      const info = documentSchemaInfo('reflection', phase);
      assert.match(info.id, new RegExp(`reflection-${phase}\\.schema\\.json$`));
      assert.deepEqual(describeField('reflection', ['phase'], phase)?.values.map((v) => v.value), [phase]);
      assert.equal(PHASE_GUIDES[phase].sections, info.sections);
      assert.ok(info.sections.length >= 5, phase);
      for (const section of info.sections) {
        assert.ok(section.prompts.length > 0, `${phase}: ${section.heading} has prompts`);
        headings.add(`${phase}:${section.heading}`);
      }
    }
    assert.match(describeField('reflection', ['date'], 'on-action')?.description ?? '', /deployment/);
    assert.notEqual(describeField('reflection', ['date'], 'on-action')?.description, describeField('reflection', ['date'], 'before-action')?.description);
  });

  it('feed the README: a rule table and a field reference for every kind', () => {
    const rules = renderRuleTable();
    for (const rule of RULES) assert.ok(rules.includes(`| <a id="${rule.code}"></a>\`${rule.code}\` | ${rule.severity} |`), rule.code);
    const fields = renderFieldReference();
    for (const heading of ['### `change`', '### `reflection`', '### `action-plan`', '### `release-notes`', '### `rollback`']) assert.ok(fields.includes(heading), heading);
    assert.match(fields, /\| `clinical_risk.rating` \| yes \|/);
    assert.match(fields, /\| `approval` \| when status is approved, deployed, rolled-back or closed and change_type is normal or emergency \|/);
  });
});
