import * as assert from 'node:assert/strict';
import { resolveConfig, validationOptionsOf } from '../../src/core/config/resolvedConfig';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileLayer, settingsLayer } from '../../src/core/config/configLayers';
import { DEFAULT_REQUIRED_SIGN_OFFS } from '../../src/core/validate/validationOptions';
import { SIGN_OFF_DUE_VALUES, SIGN_OFF_ROLES } from '../../src/core/vocabulary/signOffRoles';
import { validateRecord } from '../../src/core/validate/validateRecord';
import { validateDocument } from '../../src/core/validate/validateDocument';
import type { ValidationOptions } from '../../src/core/validate/validationOptions';
import { completeRecordFiles, packOf } from '../support/evidencePackRecord';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';

const SIGNED = ['sign_off:', '  - role: supervisor', '    name: Dr Priya Shah', '    title: Training officer', '    date: 2027-01-05'];
const change = (status: string, extra: readonly string[] = []) => withFrontMatter(answered('change'), [...APPROVED_CHANGE_FRONT_MATTER.map((l) => l.replace('status: approved', `status: ${status}`)), ...extra]);
const signOffCodes = (text: string, options: ValidationOptions = {}) => validateRecord([{ name: 'change.md', text }], options)[0].problems.filter((p) => p.code === 'sign-off-missing');

describe('sign-off blocks', () => {
  it('the schema accepts named roles with name, title and date, and refuses an unknown role', () => {
    assert.deepEqual(validateDocument(change('approved', SIGNED)).map((p) => p.code), []);
    const bad = validateDocument(change('approved', ['sign_off:', '  - role: friend', '    name: A', '    date: 2027-01-05']));
    assert.ok(bad.some((p) => p.code === 'invalid-value'), bad.map((p) => p.code).join(', '));
  });

  it("sign-off-missing: the supervisor's is due once the record is closed, by default", () => {
    assert.equal(signOffCodes(change('deployed')).length, 0);
    const missing = signOffCodes(change('closed'));
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /Supervisor or training officer has not signed off/);
    assert.equal(signOffCodes(change('closed', SIGNED)).length, 0);
  });

  it('which roles are required, and from which status, comes from validation.requiredSignOffs', () => {
    const { config, problems } = resolveConfig([fileLayer({ validation: { requiredSignOffs: { 'change-authority': 'approved', supervisor: 'never' } } })]);
    assert.deepEqual(problems, []);
    const options = validationOptionsOf(config, '2027-06-01');
    assert.deepEqual(signOffCodes(change('approved'), options).map((p) => p.message.split(' has')[0]), ['Change authority']);
    assert.equal(signOffCodes(change('closed'), options).filter((p) => p.message.startsWith('Supervisor')).length, 0);
    const refused = resolveConfig([fileLayer({ validation: { requiredSignOffs: { friend: 'closed' } } })]);
    assert.equal(refused.problems.length, 1);
    assert.deepEqual(refused.config.validation.requiredSignOffs, { supervisor: 'closed' }, 'an invalid value leaves the default');
  });

  it('the pack shows sign-offs on the cover and on the sign-off page at the end, with required ones unsigned', () => {
    const files = { ...completeRecordFiles(), 'change.md': change('closed', ['sign_off:', '  - role: clinical-safety-officer', '    name: Sam Patel', '    date: 2026-11-30']) };
    const html = packOf(files);
    const cover = html.slice(html.indexOf('id="cover"'), html.indexOf('</header>'));
    assert.match(cover, /Clinical Safety Officer: Sam Patel, <time datetime="2026-11-30" title="2026-11-30">30\u00a0Nov\u00a02026<\/time>/);
    assert.match(cover, /Supervisor or training officer: <strong>required, not signed<\/strong>/);
    const page = html.slice(html.indexOf('id="sign-off"'));
    assert.ok(html.indexOf('id="sign-off"') > html.indexOf('id="commits"'), 'the sign-off page comes last');
    assert.match(page, /<td>Clinical Safety Officer<\/td><td>Sam Patel<\/td>/);
    assert.match(page, /<td>Supervisor or training officer<\/td><td><\/td><td><\/td><td class="date"><\/td><td class="status"><strong>required, not signed<\/strong><\/td>/);
  });
});

describe('changeLog.validation.requiredSignOffs', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown; propertyNames: { enum: string[] }; additionalProperties: { enum: string[] } }> } } };
  const setting = manifest.contributes.configuration.properties['changeLog.validation.requiredSignOffs'];

  it('is contributed with the default, the roles and the statuses of the core', () => {
    assert.ok(setting, 'the setting is contributed');
    assert.deepEqual(setting.default, DEFAULT_REQUIRED_SIGN_OFFS);
    assert.deepEqual(setting.propertyNames.enum, SIGN_OFF_ROLES.map((r) => r.id));
    assert.deepEqual(setting.additionalProperties.enum, SIGN_OFF_DUE_VALUES);
  });

  it('is merged through the one configuration: the setting wins over reflect.config.json, and a bad value is named', () => {
    const file = fileLayer({ validation: { requiredSignOffs: { 'change-authority': 'approved' } } });
    const settings = settingsLayer({ validation: { requiredSignOffs: { 'clinical-safety-officer': 'deployed' } } });
    assert.deepEqual(resolveConfig([file, settings]).config.validation.requiredSignOffs, { 'clinical-safety-officer': 'deployed' });
    const refused = resolveConfig([file, settingsLayer({ validation: { requiredSignOffs: { supervisor: 'soon' } } })]);
    assert.deepEqual(refused.config.validation.requiredSignOffs, { 'change-authority': 'approved' }, 'the layer below applies');
    assert.match(refused.problems[0].message, /^Setting changeLog\.validation\.requiredSignOffs is not used: it must map roles/);
  });
});
