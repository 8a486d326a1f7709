import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRecordPack } from '../../src/core/usecases/exportPack';
import { resolveRepositoryConfiguration } from '../../src/core/usecases/repositoryConfiguration';
import { fixedClock } from '../../src/core/vocabulary/clock';
import { nodeServerFiles } from '../../src/server/serverRuntime';
import { GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { inProcessServer } from '../support/inProcessServer';
import { LspClient } from '../support/lspClient';
import { answered, withFrontMatter } from '../support/recordDocuments';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const TODAY = '2026-12-10';
const CLOCK = fixedClock(new Date(`${TODAY}T12:00:00`));

/** The rules of change control; other findings of the complete record (dates in the future, sign-offs) are not what these cases are about. */
const CHANGE_CONTROL_CODES = new Set([
  'actual-window-missing',
  'actual-window-out-of-order',
  'downtime-over-expected',
  'review-before-deployment',
  'review-follow-up-missing',
  'review-outcome-contradicts-status',
  'emergency-review-missing',
  'continuity-missing',
  'continuity-not-covered',
  'verification-missing',
  'verification-check-failed',
  'notice-not-sent',
  'notice-when-unclear',
  'on-action-before-deployment',
  'approval-after-deployment-start',
]);
/** Fields the schema requires by change type and status. */
const CHANGE_CONTROL_FIELDS = ['approval', 'change_model', 'emergency', 'review'];

/** A finding reduced to what these tests compare: `code` (or `missing-field:key`) and its message. */
function keyOf(code: string, message: string): string | undefined {
  if (CHANGE_CONTROL_CODES.has(code)) return `${code} ${message}`;
  const field = /^Missing required field "([a-z_]+)"\.$/.exec(message)?.[1];
  return code === 'missing-field' && field && CHANGE_CONTROL_FIELDS.includes(field) ? `missing-field:${field} ${message}` : undefined;
}

/** change.md's front matter top-level blocks of a deployed change that follows every change-control rule. */
const DEPLOYED: Record<string, string[]> = {
  kind: ['kind: change'],
  change: ['change: v1.4.0'],
  date: ['date: 2026-11-20'],
  author: ['author: Alex Morgan'],
  status: ['status: deployed'],
  change_type: ['change_type: normal'],
  range: ['range:', '  from: v1.3.2', '  to: v1.4.0'],
  deployment: ['deployment:', '  start: 2026-12-02T20:00:00Z', '  end: 2026-12-02T22:00:00Z', '  expected_downtime_minutes: 30', '  actual:', '    start: 2026-12-02T20:05:00Z', '    end: 2026-12-02T21:40:00Z', '    downtime_minutes: 25'],
  approval: ['approval:', '  authority: Change Advisory Board', '  date: 2026-11-27'],
  clinical_risk: ['clinical_risk:', '  likelihood: low', '  consequence: major', '  rating: 3'],
  hazards: ['hazards: [HAZ-012]'],
  affected: ['affected:', '  services: [Pathology results viewer]', '  user_groups: [Ward nurses]'],
  communication: ['communication:', '  - who: Ward managers', '    when: 2026-11-30', '    channel: email', '    type: downtime', '    sent: 2026-11-30'],
  continuity: ['continuity:', '  affects_clinical_services: true', '  procedure: Pathology downtime procedure v3', '  covers_change: true'],
  verification: ['verification:', '  - check: A ward nurse opens a result and sees its trend', '    result: pass', '    by: Sam Patel', '    at: 2026-12-02T21:45:00Z'],
  rollback_target: ['rollback_target: v1.3.2'],
};

const REVIEW = (outcome: string, date = '2026-12-03', extra: string[] = []) => ['review:', `  outcome: ${outcome}`, `  date: ${date}`, '  reviewer: Change Advisory Board', ...extra];

interface RuleCase {
  readonly name: string;
  /** Blocks replaced (an empty list removes the block). */
  readonly change: Record<string, string[]>;
  /** Other documents' replaced texts. */
  readonly files?: Record<string, string>;
  /** The change-control findings expected, each as its code (or missing-field:key) and a part of its message. */
  readonly expected: ReadonlyArray<readonly [string, string]>;
}

const CASES: readonly RuleCase[] = [
  { name: 'a deployed change that follows every rule', change: {}, expected: [] },
  { name: 'actual-window-missing', change: { deployment: DEPLOYED.deployment.slice(0, 5) }, expected: [['actual-window-missing', 'record them beside the approved window']] },
  { name: 'actual-window-out-of-order', change: { deployment: [...DEPLOYED.deployment.slice(0, 6), '    end: 2026-12-02T19:00:00Z', '    downtime_minutes: 25'] }, expected: [['actual-window-out-of-order', 'actual end (2026-12-02T19:00:00Z) is before its actual start (2026-12-02T20:05:00Z)']] },
  { name: 'downtime-over-expected', change: { deployment: [...DEPLOYED.deployment.slice(0, 7), '    downtime_minutes: 45'] }, expected: [['downtime-over-expected', 'down for 45 minutes, 15 more than the 30 expected']] },
  { name: 'review-before-deployment (the closing review)', change: { review: REVIEW('successful', '2026-12-01') }, expected: [['review-before-deployment', 'post-implementation review is dated 2026-12-01, before the deployment ended (2026-12-02T21:40:00Z, its actual end)']] },
  {
    name: 'review-before-deployment (an emergency change\'s retrospective review)',
    change: { change_type: ['change_type: emergency'], emergency: ['emergency:', '  authority: Emergency CAB', '  retrospective_review:', '    date: 2026-12-01', '    reviewer: Change Advisory Board'] },
    expected: [['review-before-deployment', "emergency change's retrospective review is dated 2026-12-01"]],
  },
  { name: 'review-follow-up-missing', change: { status: ['status: rolled-back'], review: REVIEW('backed-out') }, expected: [['review-follow-up-missing', 'whether the rollback was executed (rollback_executed) or the incident raised']] },
  { name: 'a backed-out change with its follow-up', change: { status: ['status: rolled-back'], review: REVIEW('backed-out', '2026-12-03', ['  rollback_executed: true', '  incident: INC0045678']) }, expected: [] },
  { name: 'review-outcome-contradicts-status', change: { status: ['status: rolled-back'], review: REVIEW('successful') }, expected: [['review-outcome-contradicts-status', 'rolled-back, but the review\'s outcome is successful']] },
  {
    name: 'emergency-review-missing',
    change: { status: ['status: closed'], change_type: ['change_type: emergency'], emergency: ['emergency:', '  authority: Emergency CAB'], review: REVIEW('successful') },
    expected: [['emergency-review-missing', 'closed without its retrospective review']],
  },
  { name: 'continuity-missing', change: { continuity: [] }, expected: [['continuity-missing', 'down for 30 minutes, but change.md has no continuity block']] },
  { name: 'continuity-not-covered', change: { continuity: [...DEPLOYED.continuity.slice(0, 3), '  covers_change: false'] }, expected: [['continuity-not-covered', '"Pathology downtime procedure v3" does not cover what the change adds']] },
  { name: 'continuity-not-covered (no procedure named)', change: { continuity: DEPLOYED.continuity.slice(0, 2) }, expected: [['continuity-not-covered', 'names no downtime (fallback) procedure']] },
  { name: 'verification-missing', change: { verification: [] }, expected: [['verification-missing', 'lists no post-deployment checks']] },
  { name: 'verification-check-failed', change: { verification: DEPLOYED.verification.map((l) => l.replace('result: pass', 'result: fail')) }, expected: [['verification-check-failed', 'sees its trend" failed, but no review records what followed']] },
  { name: 'a failed check the review accounts for', change: { verification: DEPLOYED.verification.map((l) => l.replace('result: pass', 'result: fail')), review: REVIEW('successful-with-issues') }, expected: [] },
  { name: 'notice-not-sent', change: { communication: DEPLOYED.communication.slice(0, 5) }, expected: [['notice-not-sent', 'downtime notice to Ward managers was due 2026-11-30, before the window opens']] },
  { name: 'notice-not-sent (an empty sent)', change: { communication: [...DEPLOYED.communication.slice(0, 5), '    sent:'] }, expected: [['notice-not-sent', 'has no sent date']] },
  { name: 'notice-not-sent ("two days before" the window)', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: two days before', ...DEPLOYED.communication.slice(3, 5)] }, expected: [['notice-not-sent', 'downtime notice to Ward managers was due 2026-11-30 ("two days before"), before the window opens']] },
  { name: 'notice-not-sent ("48 hours before", counted from the window\'s time)', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: 48 hours before the window', ...DEPLOYED.communication.slice(3, 5)] }, expected: [['notice-not-sent', 'was due 2026-11-30 ("48 hours before the window")']] },
  { name: 'notice-not-sent ("on the day")', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: on the day', ...DEPLOYED.communication.slice(3, 5)] }, expected: [['notice-not-sent', 'was due 2026-12-02 ("on the day")']] },
  { name: 'a notice "two days before" that was sent', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: two days before', ...DEPLOYED.communication.slice(3)] }, expected: [] },
  { name: 'a notice "after go-live" is not due before the window', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: after go-live', '    channel: email', '    type: go-live'] }, expected: [] },
  { name: 'notice-when-unclear: words that cannot be placed against the window', change: { communication: [...DEPLOYED.communication.slice(0, 2), '    when: when the ward is quiet', ...DEPLOYED.communication.slice(3, 5)] }, expected: [['notice-when-unclear', 'is due "when the ward is quiet", which cannot be placed against the window (2026-12-02T20:00:00Z): give a date (YYYY-MM-DD)']] },
  {
    name: 'on-action-before-deployment, against the actual end',
    change: { deployment: [...DEPLOYED.deployment.slice(0, 6), '    end: 2026-12-05T09:00:00Z', '    downtime_minutes: 25'] },
    expected: [['on-action-before-deployment', 'before the deployment ended (2026-12-05T09:00:00Z']],
  },
  { name: 'a standard change names its change model, not an approver', change: { change_type: ['change_type: standard'], approval: [], change_model: ['change_model: SC-014 Monthly results viewer patch'] }, expected: [] },
  { name: 'missing-field: a standard change without its change model', change: { change_type: ['change_type: standard'], approval: [] }, expected: [['missing-field:change_model', 'change_model']] },
  { name: 'missing-field: an emergency change without its emergency authority', change: { change_type: ['change_type: emergency'] }, expected: [['missing-field:emergency', 'emergency']] },
  { name: 'missing-field: a closed change without its review', change: { status: ['status: closed'] }, expected: [['missing-field:review', 'review']] },
];

function changeText(blocks: Record<string, string[]>): string {
  const merged = { ...DEPLOYED, ...blocks };
  return withFrontMatter(answered('change'), Object.values(merged).flat());
}

describe('change-control rules: each record gets exactly its findings in the editor, reflect check and the evidence pack', function () {
  this.timeout(300_000);
  let repo: GitFixture;
  let root: string;
  const found = new Map<string, { check: string[]; panel: string[]; pack: string[] }>();

  before(async () => {
    repo = new GitFixture('reflect-change-control-');
    root = realpathSync(repo.dir);
    repo.commit('feat: first');
    repo.tag('v1.3.2', true);
    CASES.forEach((c, index) => writeRecord(join(root, 'docs/changes', `case-${index}`), { ...completeRecordFiles(), 'change.md': changeText(c.change), ...c.files }));
    const { config } = await resolveRepositoryConfiguration(root);
    const client = new LspClient(inProcessServer({ clock: CLOCK, files: nodeServerFiles }));
    try {
      await client.initialize();
      for (const [index] of CASES.entries()) {
        const folder = join(root, 'docs/changes', `case-${index}`);
        const run = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json', '--today', TODAY], { cwd: root, encoding: 'utf8' });
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        const check = (JSON.parse(run.stdout) as Array<{ file: string; code: string; message: string }>).map((f) => keyOf(f.code, f.message));
        const panel: Array<string | undefined> = [];
        for (const name of readdirSync(folder).sort()) {
          const uri = pathToFileURL(join(folder, name)).toString();
          await client.open(uri, readFileSync(join(folder, name), 'utf8'));
          for (const d of await client.diagnostics(uri)) panel.push(keyOf(d.code, d.message));
        }
        const pack = await buildRecordPack(folder, { root, config, clock: CLOCK, today: TODAY });
        const packKeys = pack.assessment.documents.flatMap((d) => d.problems.map((p) => keyOf(p.code, p.message)));
        const clean = (keys: Array<string | undefined>) => keys.filter((k): k is string => k !== undefined).sort();
        found.set(CASES[index].name, { check: clean(check), panel: clean(panel), pack: clean(packKeys) });
      }
    } finally {
      client.dispose();
    }
  });
  after(() => repo.dispose());

  for (const c of CASES) {
    it(c.name, () => {
      const result = found.get(c.name);
      assert.ok(result);
      assert.deepEqual(
        result.check.map((k) => k.split(' ', 1)[0]),
        c.expected.map(([code]) => code).sort(),
        `reflect check: ${result.check.join('\n')}`,
      );
      for (const [code, part] of c.expected) assert.ok(result.check.some((k) => k.startsWith(`${code} `) && k.includes(part)), `"${part}" in ${result.check.join('\n')}`);
      assert.deepEqual(result.panel, result.check, 'the Problems panel (language server) agrees with reflect check');
      assert.deepEqual(result.pack, result.check, 'the evidence pack agrees with reflect check');
    });
  }
});
