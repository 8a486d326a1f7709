import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRecordPack } from '../../src/core/usecases/exportPack';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { findMissingHazardReferences } from '../../src/core/render/hazardFindings';
import { assessRecordFolderOf } from '../../src/core/usecases/checkRecord';
import { resolveRepositoryConfiguration } from '../../src/core/usecases/repositoryConfiguration';
import type { Problem } from '../../src/core/validate/problem';
import { localIsoDate, systemClock } from '../../src/core/vocabulary/clock';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { LspClient } from '../support/lspClient';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/** One finding as a line all four paths can be compared by. */
function line(file: string, p: { range: Problem['range']; severity: string; code: string; message: string }): string {
  return `${file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code}: ${p.message}`;
}

describe('one record, four ways: Problems panel, Change Records view, reflect check and the evidence pack agree', () => {
  let repo: GitFixture;
  let root: string;
  const record = 'docs/changes/v1.4.0';

  before(() => {
    repo = new GitFixture('reflect-four-ways-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    // A feature with no "Hazard:" trailer: a release-notes hazard finding.
    const feature = repo.commit('feat(results): show the trend of a result');
    const files = completeRecordFiles();
    files['release-notes.md'] = files['release-notes.md'].replace('  to: v1.4.0', '  to: HEAD').replace('8b8b4b9', feature.slice(0, 7));
    // An answered document missing its author: a validator finding.
    files['before-action.md'] = files['before-action.md'].replace(/^author: .*\n/m, '');
    writeRecord(join(root, record), files);
    // The repository's own settings: a longer beyond-action gap and a rule turned up.
    writeFileSync(join(root, 'reflect.config.json'), JSON.stringify({ validation: { beyondActionMinimumDays: 60, rules: { 'missing-field': 'error' } } }));
  });
  after(() => repo.dispose());

  it('gives the same findings, the hazard warning and the repository configuration included', async () => {
    const today = localIsoDate();
    const repository = await GitRepository.open(root);
    const { config, problems } = await resolveRepositoryConfiguration(root);
    assert.deepEqual(problems, []);

    // reflect check (a CLI process, on the local date like the editor).
    const run = spawnSync(process.execPath, [CLI, 'check', record, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const check = (JSON.parse(run.stdout) as Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }>)
      .map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`)
      .sort();

    // The Change Records view's assessment (what ChangeRecordsTreeProvider calls).
    const view = await assessRecordFolderOf(root, 'v1.4.0', { config, today, repository });
    assert.ok(view);
    const viewLines = [...view.documents.flatMap((d) => d.problems.map((p) => line(d.fileName, p))), ...view.otherFiles.flatMap((f) => f.problems.map((p) => line(f.fileName, p)))].sort();

    // The evidence pack (as `reflect export` and Export Evidence Pack build it).
    const pack = await buildRecordPack(join(root, record), { repository, root, config, clock: systemClock });
    const packLines = pack.assessment.documents.flatMap((d) => d.problems.map((p) => line(d.fileName, p))).sort();

    // The Problems panel: the language server's diagnostics for each file, and the
    // release-notes findings the Generate Release Notes command puts beside them.
    const client = new LspClient();
    const panel: string[] = [];
    try {
      // As the extension starts it in a trusted workspace: git may be read, for the Hazard: trailers of change.md's range.
      await client.initialize({ recordsFolder: 'docs/changes', readsGitHistory: true });
      for (const name of readdirSync(join(root, record)).sort()) {
        const uri = pathToFileURL(join(root, record, name)).toString();
        await client.open(uri, readFileSync(join(root, record, name), 'utf8'));
        for (const d of await client.diagnostics(uri)) panel.push(line(name, { range: d.range, severity: SEVERITY[d.severity], code: d.code, message: d.message }));
      }
    } finally {
      client.dispose();
    }
    const notesText = readFileSync(join(root, record, 'release-notes.md'), 'utf8');
    const model = await buildReleaseNotes(repository, { range: { from: 'v1.3.2', to: 'HEAD' }, date: today, options: config.releaseNotes });
    for (const p of findMissingHazardReferences(model, notesText, config.releaseNotes.hazardCheck)) panel.push(line('release-notes.md', p));
    panel.sort();

    assert.ok(check.some((l) => l.includes('no-hazard-reference')), 'the hazard finding is there');
    assert.ok(check.some((l) => l.startsWith('before-action.md') && l.includes('error missing-field')), "reflect.config.json's rule severity applies");
    assert.ok(check.some((l) => l.includes('beyond-action-too-soon') && l.includes('at least 60')), "reflect.config.json's day limit applies");
    assert.deepEqual(viewLines, check, 'the Change Records view agrees with reflect check');
    assert.deepEqual(packLines, check, 'the evidence pack agrees with reflect check');
    assert.deepEqual(panel, check, 'the Problems panel agrees with reflect check');
    const counted = check.reduce((totals, l) => ({ ...totals, [l.split(' ')[1]]: (totals[l.split(' ')[1] as 'error'] ?? 0) + 1 }), { error: 0, warning: 0, info: 0 } as Record<string, number>);
    assert.deepEqual({ ...pack.problems }, counted, "the evidence pack's count agrees");
  });
});
