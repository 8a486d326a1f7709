import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';
import { LspClient } from '../support/lspClient';
import { TempRecordFolder } from '../support/recordFolder';

const changeEndingOn = (end: string) => withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER.map((l) => (l.startsWith('  end:') ? `  end: ${end}` : l)));
const onAction = (date: string) => withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', date));
const codes = (items: Array<{ code: string }>) => items.map((i) => i.code);

describe('cross-document diagnostics over the protocol', () => {
  let client: LspClient;
  let record: TempRecordFolder;

  beforeEach(async () => {
    record = new TempRecordFolder();
    client = new LspClient();
    await client.initialize();
  });
  afterEach(async () => {
    await client.dispose();
    record.remove();
  });

  it('checks the one open document against its siblings on disk, and again when a sibling changes on disk', async () => {
    const changeUri = record.write('change.md', changeEndingOn('2026-12-02T22:00:00Z'));
    const onActionUri = record.write('on-action.md', onAction('2026-12-01'));
    await client.open(onActionUri, onAction('2026-12-01'));
    const before = await client.diagnostics(onActionUri);
    assert.ok(codes(before).includes('on-action-before-deployment'), codes(before).join(', '));
    assert.match(before.find((d) => d.code === 'on-action-before-deployment')?.message ?? '', /2026-12-01.*2026-12-02/);

    record.write('change.md', changeEndingOn('2026-11-30T22:00:00Z'));
    const refreshed = client.nextRefresh();
    await client.watchedFilesChanged([{ uri: changeUri, type: 2 }]);
    await refreshed;
    assert.ok(!codes(await client.diagnostics(onActionUri)).includes('on-action-before-deployment'));
  });

  it('reads an open sibling as edited, not as saved, and pulls the others again when it is edited', async () => {
    const changeUri = record.write('change.md', changeEndingOn('2026-11-30T22:00:00Z'));
    const onActionUri = record.write('on-action.md', onAction('2026-12-01'));
    await client.open(onActionUri, onAction('2026-12-01'));
    assert.ok(!codes(await client.diagnostics(onActionUri)).includes('on-action-before-deployment'));

    const opened = client.nextRefresh();
    await client.open(changeUri, changeEndingOn('2026-12-05T22:00:00Z'));
    await opened;
    assert.ok(codes(await client.diagnostics(onActionUri)).includes('on-action-before-deployment'), 'the unsaved end date counts');

    const edited = client.nextRefresh();
    await client.change(changeUri, changeEndingOn('2026-11-29T22:00:00Z'));
    await edited;
    assert.ok(!codes(await client.diagnostics(onActionUri)).includes('on-action-before-deployment'));
  });

  it('checks an open change.md again when the hazard log at the records root changes: on disk, edited while open, and closed', async () => {
    const logPath = join(record.root, 'docs', 'changes', 'hazard-log.md');
    const logUri = pathToFileURL(logPath).href;
    const log = (ids: string[]) => ['---', 'kind: hazard-log', 'date: 2026-11-01', 'author: Dr Sam Patel', 'hazards:', ...ids.flatMap((id) => [`  - id: ${id}`, '    title: Results shown against the wrong patient', '    cause: A message is matched on name alone', '    effect: A clinician sees another patient\'s results', '    harm: Treatment given on the wrong results', '    initial_risk:', '      likelihood: low', '      consequence: minor', '      rating: 1', '    status: controlled', '    owner: Integration team lead']), '---', '', '# Hazard log', ''].join('\n');
    writeFileSync(logPath, log(['HAZ-001']));
    const change = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
    const changeUri = record.write('change.md', change);
    await client.open(changeUri, change);
    const unknown = async () => (await client.diagnostics(changeUri)).filter((d) => d.code === 'hazard-unknown').map((d) => d.message);
    assert.deepEqual(await unknown(), ['Hazard HAZ-012 is not defined in the hazard log (docs/changes/hazard-log.md); add it there, or correct the id.']);

    // Saved on disk (by another tool, or from a closed editor): the watcher says so, and change.md is pulled again.
    writeFileSync(logPath, log(['HAZ-001', 'HAZ-012']));
    const onDisk = client.nextRefresh();
    await client.watchedFilesChanged([{ uri: logUri, type: 2 }]);
    await onDisk;
    assert.deepEqual(await unknown(), []);

    // Opened and edited, not saved: the open text counts.
    const opened = client.nextRefresh();
    await client.open(logUri, log(['HAZ-001', 'HAZ-012']));
    await opened;
    const edited = client.nextRefresh();
    await client.change(logUri, log(['HAZ-001']));
    await edited;
    assert.equal((await unknown()).length, 1, 'the unsaved log counts');

    // Closed without saving: the log on disk counts again.
    const closed = client.nextRefresh();
    await client.close(logUri);
    await closed;
    assert.deepEqual(await unknown(), []);
  });

  it('ignores a hazard log no open record is checked against', async () => {
    const onActionUri = record.write('on-action.md', onAction('2026-12-01'));
    await client.open(onActionUri, onAction('2026-12-01'));
    await client.diagnostics(onActionUri);
    await client.watchedFilesChanged([{ uri: 'file:///elsewhere/docs/changes/hazard-log.md', type: 2 }]);
    await client.diagnostics(onActionUri);
    assert.equal(client.refreshes, 0);
  });

  it('ignores file events outside the folders of open documents', async () => {
    const onActionUri = record.write('on-action.md', onAction('2026-12-01'));
    await client.open(onActionUri, onAction('2026-12-01'));
    await client.diagnostics(onActionUri);
    await client.watchedFilesChanged([{ uri: 'file:///elsewhere/docs/changes/v9.9.9/change.md', type: 2 }]);
    await client.diagnostics(onActionUri);
    assert.equal(client.refreshes, 0);
  });

  it('passes the local date, so overdue actions are found', async () => {
    const plan = withFrontMatter(answered('action-plan'), [
      'kind: action-plan', 'change: v1.4.0', 'date: 2020-01-01', 'author: Alex Morgan', 'actions:',
      '  - action: Add an alert', '    gap: No alert', '    owner: Sam', '    due: 2020-02-01', '    evidence: none', '    status: open',
    ]);
    const uri = record.write('action-plan.md', plan);
    await client.open(uri, plan);
    assert.ok(codes(await client.diagnostics(uri)).includes('action-overdue'));
  });

  it('takes the beyond-action minimum gap from changeLog.validation.beyondActionMinimumDays', async () => {
    record.write('on-action.md', onAction('2026-12-03'));
    const beyond = withFrontMatter(answered('beyond-action'), reflectionFrontMatter('beyond-action', '2026-12-20'));
    const uri = record.write('beyond-action.md', beyond);
    await client.open(uri, beyond);
    assert.ok(codes(await client.diagnostics(uri)).includes('beyond-action-too-soon'), '17 days is under the default 28');
    client.configuration.changeLog = { validation: { beyondActionMinimumDays: 14 } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!codes(await client.diagnostics(uri)).includes('beyond-action-too-soon'));
  });
});
