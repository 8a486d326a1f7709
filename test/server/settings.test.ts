import * as assert from 'node:assert/strict';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';
import { LspClient } from '../support/lspClient';

const CHANGE = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
let counter = 0;
const uri = () => `file:///work/docs/changes/v1.4.0-settings-${++counter}/change.md`;
const codes = (items: Array<{ code: string }>) => items.map((i) => i.code);

/** The default matrix with low × major rated 4 instead of 3. */
function stricterMatrix(): Record<string, Record<string, number>> {
  const row = (ratings: number[]) => Object.fromEntries(['minor', 'significant', 'considerable', 'major', 'catastrophic'].map((c, i) => [c, ratings[i]]));
  return { 'very low': row([1, 1, 2, 2, 3]), low: row([1, 2, 2, 4, 4]), medium: row([2, 2, 3, 3, 4]), high: row([2, 3, 3, 4, 5]), 'very high': row([3, 4, 4, 5, 5]) };
}

describe('risk matrix and rule settings over the protocol', () => {
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterEach(() => client.dispose());

  it("rates clinical risk with the organisation's matrix from changeLog.riskMatrix", async () => {
    const doc = uri();
    await client.open(doc, CHANGE);
    assert.deepEqual(await client.diagnostics(doc), []);
    client.configuration.changeLog = { riskMatrix: stricterMatrix() };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const items = await client.diagnostics(doc);
    assert.deepEqual(codes(items), ['risk-rating-mismatch']);
    const [fix] = await client.codeActions(doc, items);
    assert.equal(fix.title, 'Set the rating to 4');
  });

  it('falls back to the default for a malformed matrix and says so once', async () => {
    client.configuration.changeLog = { riskMatrix: { low: { minor: 9 } } };
    const first = uri();
    const second = uri();
    await client.open(first, CHANGE);
    await client.open(second, CHANGE.replace('  rating: 3', '  rating: 4'));
    assert.deepEqual(await client.diagnostics(first), []);
    assert.deepEqual(codes(await client.diagnostics(second)), ['risk-rating-mismatch'], 'the default matrix applies');
    assert.equal(client.shownMessages.length, 1);
    assert.equal(client.shownMessages[0].type, 2);
    assert.match(client.shownMessages[0].message, /changeLog\.riskMatrix is not used/);
  });

  it('applies a rule severity once, before the cap, so rules turned off leave room for others', async () => {
    client.configuration.changeLog = { validation: { maxProblems: 2, rules: { 'invalid-value': 'off', 'invalid-date': 'error' } } };
    const doc = uri();
    await client.open(doc, CHANGE.replace('status: approved', 'status: someday').replace('change_type: normal', 'change_type: odd').replace('date: 2026-11-20', 'date: soon'));
    const items = await client.diagnostics(doc);
    assert.deepEqual(items.map((i) => [i.code, i.severity]), [['invalid-date', 1]]);
  });
});

describe('required sign-offs over the protocol', () => {
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterEach(() => client.dispose());

  it('reports the sign-offs changeLog.validation.requiredSignOffs requires, and follows a change of the setting', async () => {
    const doc = uri();
    await client.open(doc, CHANGE);
    assert.deepEqual(await client.diagnostics(doc), [], 'by default only the supervisor signs, once closed');
    client.configuration.changeLog = { validation: { requiredSignOffs: { 'clinical-safety-officer': 'approved' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const items = await client.diagnostics(doc);
    assert.deepEqual(codes(items), ['sign-off-missing']);
    assert.match((items[0] as unknown as { message: string }).message, /^Clinical Safety Officer has not signed off/);
  });
});

describe('clinical safety thresholds over the protocol', () => {
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterEach(() => client.dispose());

  const LOG = [
    '---', 'kind: hazard-log', 'date: 2026-11-01', 'author: Dr Sam Patel', 'hazards:',
    '  - id: HAZ-012', '    title: Results shown against the wrong patient', '    cause: A message is matched on name alone', "    effect: A clinician sees another patient's results", '    harm: Treatment given on the wrong results',
    '    initial_risk:', '      likelihood: medium', '      consequence: considerable', '      rating: 3',
    '    residual_risk:', '      likelihood: medium', '      consequence: considerable', '      rating: 3',
    '    status: controlled', '    owner: Integration team lead', '---', '', '# Hazard log', '',
  ].join('\n');

  it('takes residualRiskThreshold from changeLog.validation.clinicalSafety, and follows a change of the setting', async () => {
    const doc = `file:///work/docs/changes-${++counter}/hazard-log.md`;
    client.configuration.changeLog = { recordsFolder: `docs/changes-${counter}` };
    await client.open(doc, LOG);
    assert.deepEqual(codes(await client.diagnostics(doc)), ['residual-risk-unjustified'], 'a residual 3 is above the default 2');
    client.configuration.changeLog = { recordsFolder: `docs/changes-${counter}`, validation: { clinicalSafety: { residualRiskThreshold: 3 } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await client.diagnostics(doc)), []);
  });

  it('reports a threshold out of range naming the setting, and keeps the default', async () => {
    client.configuration.changeLog = { recordsFolder: `docs/changes-${++counter}`, validation: { clinicalSafety: { residualRiskThreshold: 7 } } };
    const doc = `file:///work/docs/changes-${counter}/hazard-log.md`;
    await client.open(doc, LOG);
    assert.deepEqual(codes(await client.diagnostics(doc)), ['residual-risk-unjustified']);
    assert.equal(client.shownMessages.length, 1);
    assert.match(client.shownMessages[0].message, /Setting changeLog\.validation\.clinicalSafety is not used: residualRiskThreshold must be a rating from 1 to 5, not 7/);
  });
});
