import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GitRepository } from '../../src/core/git/gitRepository';
import { hazardLogIndexOf } from '../../src/core/validate/hazardLog';
import { validateRecord } from '../../src/core/validate/validateRecord';
import { buildRecordPack } from '../../src/core/usecases/exportPack';
import { resolveRepositoryConfiguration } from '../../src/core/usecases/repositoryConfiguration';
import { systemClock } from '../../src/core/vocabulary/clock';
import { GitFixture } from '../fixtures/gitFixture';
import { writeRecord } from '../support/evidencePackRecord';
import { LspClient } from '../support/lspClient';
import { answered, withFrontMatter } from '../support/recordDocuments';

const CLI = resolve(__dirname, '../../../dist/cli.js');

/** The rules of the hazard log and of the Clinical Safety Officer's sign-off: each scenario must give exactly its own. */
const SAFETY_CODES = new Set(['risk-rating-mismatch', 'residual-risk-unjustified', 'duplicate-hazard-id', 'hazard-unknown', 'hazard-not-named', 'hazard-not-in-commits', 'hazard-status-mismatch', 'sign-off-missing', 'sign-off-after-deployment-start']);

interface HazardSpec {
  readonly id: string;
  readonly initial?: readonly [string, string, number];
  readonly residual?: readonly [string, string, number];
  readonly justification?: string;
  readonly status?: string;
}

function hazardLogText(hazards: readonly HazardSpec[]): string {
  const lines = ['---', 'kind: hazard-log', 'date: 2026-11-01', 'author: Dr Sam Patel', 'hazards:'];
  for (const h of hazards) {
    const [il, ic, ir] = h.initial ?? ['low', 'minor', 1];
    lines.push(`  - id: ${h.id}`, '    title: Results shown against the wrong patient', '    cause: A message is matched on name alone', '    effect: A clinician sees another patient\'s results', '    harm: Treatment given on the wrong results');
    lines.push('    existing_controls: [Two identifiers are required]', '    initial_risk:', `      likelihood: ${il}`, `      consequence: ${ic}`, `      rating: ${ir}`);
    if (h.residual) {
      const [rl, rc, rr] = h.residual;
      lines.push('    residual_risk:', `      likelihood: ${rl}`, `      consequence: ${rc}`, `      rating: ${rr}`);
      if (h.justification) lines.push(`      justification: ${h.justification}`);
    }
    lines.push(`    status: ${h.status ?? 'controlled'}`, '    owner: Integration team lead');
  }
  return `${lines.join('\n')}\n---\n\n# Hazard log\n`;
}

function changeText(hazardLines: readonly string[], signOff: readonly string[] = []): string {
  return withFrontMatter(answered('change'), [
    'kind: change',
    'change: v1.4.0',
    'date: 2026-11-20',
    'author: Alex Morgan',
    'status: planned',
    'change_type: normal',
    'range:',
    '  from: v1.3.2',
    '  to: HEAD',
    'deployment:',
    '  start: 2026-12-02T20:00:00Z',
    '  end: 2026-12-02T22:00:00Z',
    ...hazardLines,
    ...signOff,
  ]);
}

const CSO_SIGNED_BEFORE = ['sign_off:', '  - role: clinical-safety-officer', '    name: Dr Sam Patel', '    date: 2026-11-30'];
const CSO_SIGNED_AFTER = ['sign_off:', '  - role: clinical-safety-officer', '    name: Dr Sam Patel', '    date: 2026-12-03'];

interface Scenario {
  /** The `Hazard:` trailer of each commit after v1.3.2. */
  readonly trailers: readonly string[];
  readonly log: readonly HazardSpec[];
  readonly change: string;
  readonly config?: Record<string, unknown>;
}

/** The safety findings of one record, as `file code` lines, from `reflect check`, the evidence pack and the language server. */
async function findingsThreeWays(scenario: Scenario, client: LspClient): Promise<{ check: string[]; pack: string[]; editor: string[] }> {
  const repo = new GitFixture('reflect-hazard-log-');
  try {
    const root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    for (const id of scenario.trailers) repo.commit(`fix(results): match on two identifiers\n\nHazard: ${id}`);
    writeRecord(join(root, 'docs/changes'), { 'hazard-log.md': hazardLogText(scenario.log) });
    writeRecord(join(root, 'docs/changes/v1.4.0'), { 'change.md': scenario.change });
    if (scenario.config) writeFileSync(join(root, 'reflect.config.json'), JSON.stringify(scenario.config));
    const run = spawnSync(process.execPath, [CLI, 'check', 'docs/changes', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    const check = (JSON.parse(run.stdout) as Array<{ file: string; code: string }>).map((f) => `${f.file.split('/').pop()} ${f.code}`);
    const repository = await GitRepository.open(root);
    const { config } = await resolveRepositoryConfiguration(root);
    const built = await buildRecordPack(join(root, 'docs/changes/v1.4.0'), { repository, root, config, clock: systemClock });
    const pack = [...built.assessment.documents, ...built.assessment.otherFiles].flatMap((d) => d.problems.map((p) => `${d.fileName} ${p.code}`));
    const editor: string[] = [];
    for (const path of ['docs/changes/hazard-log.md', 'docs/changes/v1.4.0/change.md']) {
      const uri = pathToFileURL(join(root, path)).toString();
      await client.open(uri, readFileSync(join(root, path), 'utf8'));
      for (const d of await client.diagnostics(uri)) editor.push(`${path.split('/').pop()} ${d.code}`);
    }
    const safety = (lines: string[]) => lines.filter((l) => SAFETY_CODES.has(l.split(' ')[1])).sort();
    return { check: safety(check), pack: safety(pack), editor: safety(editor) };
  } finally {
    repo.dispose();
  }
}

describe('the hazard log and the Clinical Safety Officer: each rule gives exactly its findings in reflect check, the pack and the editor', function () {
  this.timeout(60_000);
  // Started in the hook, not when the file loads: a run that filters this suite out must not leave a server behind.
  let client: LspClient | undefined;
  before(async () => {
    client = new LspClient();
    await client.initialize({ recordsFolder: 'docs/changes', readsGitHistory: true });
  });
  after(() => client?.dispose());

  async function expectFindings(scenario: Scenario, expected: string[]): Promise<void> {
    assert.ok(client, 'the language server started');
    const { check, pack, editor } = await findingsThreeWays(scenario, client);
    assert.deepEqual(check, [...expected].sort(), 'reflect check');
    assert.deepEqual(pack, [...expected].sort(), 'the evidence pack');
    assert.deepEqual(editor, [...expected].sort(), 'the editor (language server)');
  }

  it('a consistent log, record and history give no safety finding (the control)', async () => {
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', residual: ['very low', 'minor', 1] }], change: changeText(['hazards: [HAZ-001]']) }, []);
  });

  it('hazard-unknown: change.md names a hazard the log does not define', async () => {
    await expectFindings({ trailers: ['HAZ-001', 'HAZ-404'], log: [{ id: 'HAZ-001' }], change: changeText(['hazards: [HAZ-001, HAZ-404]']) }, ['change.md hazard-unknown']);
  });

  it('hazard-unknown: a Hazard: trailer names a hazard the log does not define (and change.md does not list it)', async () => {
    await expectFindings({ trailers: ['HAZ-001', 'HAZ-405'], log: [{ id: 'HAZ-001' }], change: changeText(['hazards: [HAZ-001]']) }, ['change.md hazard-unknown', 'change.md hazard-not-named']);
  });

  it('hazard-not-named: a commit touches a logged hazard change.md does not name', async () => {
    await expectFindings({ trailers: ['HAZ-001', 'HAZ-002'], log: [{ id: 'HAZ-001' }, { id: 'HAZ-002' }], change: changeText(['hazards: [HAZ-001]']) }, ['change.md hazard-not-named']);
  });

  it('hazard-not-in-commits: change.md names a hazard no commit touches', async () => {
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001' }, { id: 'HAZ-002' }], change: changeText(['hazards: [HAZ-001, HAZ-002]']) }, ['change.md hazard-not-in-commits']);
  });

  it('risk-rating-mismatch: a hazard\'s initial or residual rating does not follow the matrix', async () => {
    await expectFindings(
      { trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', initial: ['low', 'minor', 2], residual: ['very low', 'significant', 2] }], change: changeText(['hazards: [HAZ-001]']) },
      ['hazard-log.md risk-rating-mismatch', 'hazard-log.md risk-rating-mismatch'],
    );
  });

  it('residual-risk-unjustified: a residual risk above the threshold with no justification (and none with one)', async () => {
    const log = [{ id: 'HAZ-001', initial: ['high', 'considerable', 3] as const, residual: ['medium', 'considerable', 3] as const }, { id: 'HAZ-002', initial: ['high', 'considerable', 3] as const, residual: ['medium', 'considerable', 3] as const, justification: 'No safer way to file results exists yet' }];
    await expectFindings({ trailers: ['HAZ-001', 'HAZ-002'], log, change: changeText(['hazards: [HAZ-001, HAZ-002]'], CSO_SIGNED_BEFORE) }, ['hazard-log.md residual-risk-unjustified']);
  });

  it('residual-risk-unjustified follows validation.clinicalSafety.residualRiskThreshold', async () => {
    const log = [{ id: 'HAZ-001', initial: ['high', 'considerable', 3] as const, residual: ['medium', 'considerable', 3] as const }];
    await expectFindings({ trailers: ['HAZ-001'], log, change: changeText(['hazards: [HAZ-001]'], CSO_SIGNED_BEFORE), config: { validation: { clinicalSafety: { residualRiskThreshold: 3 } } } }, []);
  });

  it('duplicate-hazard-id: two hazards share an id', async () => {
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001' }, { id: 'HAZ-001' }], change: changeText(['hazards: [HAZ-001]']) }, ['hazard-log.md duplicate-hazard-id']);
  });

  it('sign-off-missing: a touched hazard rated 3 or more needs the Clinical Safety Officer', async () => {
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', initial: ['medium', 'considerable', 3], residual: ['very low', 'minor', 1] }], change: changeText(['hazards: [HAZ-001]']) }, ['change.md sign-off-missing']);
  });

  it('sign-off-missing: the rating from which it is needed is configurable', async () => {
    const config = { validation: { clinicalSafety: { safetyOfficerRating: 4 } } };
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', initial: ['medium', 'considerable', 3], residual: ['very low', 'minor', 1] }], change: changeText(['hazards: [HAZ-001]']), config }, []);
  });

  it('sign-off-missing: a hazard the change adds or changes needs the Clinical Safety Officer, whatever its rating', async () => {
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001' }], change: changeText(['hazards:', '  - id: HAZ-001', '    impact: added', '    status: open']) }, ['change.md sign-off-missing']);
    const config = { validation: { clinicalSafety: { safetyOfficerOnHazardChange: false } } };
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001' }], change: changeText(['hazards:', '  - id: HAZ-001', '    impact: changed', '    status: open']), config }, []);
  });

  it("hazard-status-mismatch: a deployed change leaves a hazard in a status the log does not show (and none before go-live, or when they agree)", async () => {
    const deployed = (status: string) => changeText(['hazards:', '  - id: HAZ-001', '    impact: reviewed', `    status: ${status}`]).replace('status: planned', 'status: deployed');
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', status: 'open' }], change: deployed('controlled') }, ['change.md hazard-status-mismatch']);
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', status: 'controlled' }], change: deployed('controlled') }, []);
    const planned = changeText(['hazards:', '  - id: HAZ-001', '    impact: reviewed', '    status: closed']);
    await expectFindings({ trailers: ['HAZ-001'], log: [{ id: 'HAZ-001', status: 'controlled' }], change: planned }, []);
  });

  it('hazard-status-mismatch names both values and sits on the status change.md gives', () => {
    const log = hazardLogText([{ id: 'HAZ-001', status: 'open' }]);
    const change = changeText(['hazards:', '  - id: HAZ-001', '    impact: reviewed', '    status: controlled']).replace('status: planned', 'status: closed');
    const documents = [{ name: 'change.md', text: change }];
    const [result] = validateRecord(documents, { hazardLog: hazardLogIndexOf(log, 'docs/changes/hazard-log.md') });
    const [problem] = result.problems.filter((p) => p.code === 'hazard-status-mismatch');
    assert.equal(problem.message, 'change.md leaves hazard HAZ-001 "controlled" after the change, but the hazard log (docs/changes/hazard-log.md) has it "open"; update the log, or correct the status here.');
    assert.equal(problem.severity, 'warning');
    assert.equal(change.split('\n')[problem.range.start.line].trim(), 'status: controlled');
  });

  it('sign-off-after-deployment-start: the Clinical Safety Officer signed after the window opened', async () => {
    const log = [{ id: 'HAZ-001', initial: ['medium', 'considerable', 3] as const }];
    await expectFindings({ trailers: ['HAZ-001'], log, change: changeText(['hazards: [HAZ-001]'], CSO_SIGNED_AFTER) }, ['change.md sign-off-after-deployment-start']);
    await expectFindings({ trailers: ['HAZ-001'], log, change: changeText(['hazards: [HAZ-001]'], CSO_SIGNED_BEFORE) }, []);
  });
});
