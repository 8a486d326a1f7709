import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileLayer } from '../../src/core/config/configLayers';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { activityOf, packFileNameOf } from '../../src/core/export/packActivity';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { GitFixture } from '../fixtures/gitFixture';
import { buildRecordPack, openRecordRepository } from '../../src/core/usecases/exportPack';
import { fixedClock } from '../../src/core/vocabulary/clock';
import { completeRecordFiles, packOf, writeRecord } from '../support/evidencePackRecord';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';

const ACTIVITY = { title: 'Deploy a system change in a controlled fashion', trainee: 'Alex Morgan', supervisor: 'Dr Priya Shah', organisation: 'Northshire Hospitals', system: 'Clinic Web', learningOutcomes: ['Plan a controlled deployment', 'Reflect on its clinical impact'] };

describe('the cover identifies the activity', () => {
  it('from reflect.config.json, with change.md winning field by field', () => {
    const change = { activity: { system: 'Results Viewer', learning_outcomes: ['Only this one'] } };
    assert.deepEqual(activityOf(ACTIVITY, change), { ...ACTIVITY, system: 'Results Viewer', learningOutcomes: ['Only this one'] });
    assert.deepEqual(activityOf(undefined, undefined), {});
  });

  it('shows title, trainee, supervisor, organisation, system and outcomes; nothing is made up when none is given', () => {
    const html = packOf(completeRecordFiles(), undefined, { activity: ACTIVITY });
    const cover = html.slice(html.indexOf('id="cover"'), html.indexOf('</header>'));
    assert.match(cover, /<h1>Deploy a system change in a controlled fashion<\/h1>/);
    for (const text of ['Alex Morgan', 'Dr Priya Shah', 'Northshire Hospitals', 'Clinic Web', '<li>Plan a controlled deployment</li>']) assert.ok(cover.includes(text), text);
    const bare = packOf(completeRecordFiles());
    const bareCover = bare.slice(bare.indexOf('id="cover"'), bare.indexOf('</header>'));
    assert.match(bareCover, /<dt>Trainee<\/dt><dd><span class="missing">not recorded<\/span><\/dd>/);
    assert.match(bareCover, /<h1>Change record v1\.4\.0<\/h1>/);
  });

  it('change.md may carry its own activity block, valid against the schema', () => {
    const text = withFrontMatter(answered('change'), [...APPROVED_CHANGE_FRONT_MATTER, 'activity:', '  title: Upgrade the results viewer', '  learning_outcomes: [Plan a controlled deployment]']);
    const html = packOf({ ...completeRecordFiles(), 'change.md': text });
    assert.match(html, /<h1>Upgrade the results viewer<\/h1>/);
    assert.deepEqual(validateDocument(text).map((p) => p.code), []);
  });

  it('file name: <system>-<version>-evidence.html, configurable, always a safe name', () => {
    assert.equal(packFileNameOf('v1.4.0', { system: 'Clinic Web' }), 'Clinic-Web-v1.4.0-evidence.html');
    assert.equal(packFileNameOf('v1.4.0', {}), 'v1.4.0-evidence.html', 'no system: the dash drops out');
    assert.equal(packFileNameOf('v1.4.0', { system: '../../etc', trainee: 'A B' }, '{trainee}_{version}.html'), 'A-B_v1.4.0.html');
    assert.equal(packFileNameOf('v1.4.0', { system: 'x' }, '{system}-{version}-evidence.html', 'pdf'), 'x-v1.4.0-evidence.pdf');
    assert.ok(!packFileNameOf('v1.4.0', { system: '../../etc/passwd' }).includes('/'));
  });

  it('exportEvidencePack names the pack from the resolved configuration', async () => {
    const repo = new GitFixture('reflect-activity-');
    try {
      repo.commit('feat: first');
      writeRecord(join(repo.dir, 'docs/changes/v1.4.0'), completeRecordFiles());
      const { config, problems } = resolveConfig([fileLayer({ activity: { ...ACTIVITY, packFileName: '{system}-{version}-pack.html' } })]);
      assert.deepEqual(problems, []);
      const folder = join(repo.dir, 'docs/changes/v1.4.0');
      const pack = await buildRecordPack(folder, { ...(await openRecordRepository(folder)), config, clock: fixedClock(new Date('2027-01-10T09:30:00Z')) });
      assert.equal(pack.fileName, 'Clinic-Web-v1.4.0-pack.html');
      assert.match(pack.html, /Northshire Hospitals/);
    } finally {
      repo.dispose();
    }
  });
});
