import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvidencePack } from '../../src/core/export/buildEvidencePack';
import type { EvidencePackInput, PackCommits } from '../../src/core/export/evidencePackInput';
import { assessRecord } from '../../src/core/records/recordStatus';
import type { RecordFile } from '../../src/core/validate/validateRecord';
import { fixedClock } from '../../src/core/vocabulary/clock';
import { formatLogEntry, insertLogEntry } from '../../src/core/records/deploymentLog';
import { answered, APPROVED_CHANGE_FRONT_MATTER, reflectionFrontMatter, withFrontMatter } from './recordDocuments';

/** The files of a complete change record for v1.4.0, deployed 2026-12-02 20:00–22:00 UTC. */
export function completeRecordFiles(): Record<string, string> {
  return {
    'change.md': withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER),
    'release-notes.md': withFrontMatter(answered('release-notes'), ['kind: release-notes', 'change: v1.4.0', 'date: 2026-11-26', 'author: Alex Morgan', 'range:', '  from: v1.3.2', '  to: v1.4.0', 'bump: minor'])
      .replace(/Run \*\*Generate[^\n]*\n/, '\n')
      .concat('<!-- reflect:begin groups sha256=0123456789abcdef -->\n\n## Features\n\n- show the trend of a result ([`8b8b4b9`](https://example.org/commit/8b8b4b9))\n\n<!-- reflect:end groups -->\n'),
    'rollback.md': rollbackText(['- [x] Confirm the rollback target: `v1.3.2`.', '- [X] Take a backup of the data.', '- [ ] Deploy the previous version from the rollback package.']),
    'before-action.md': withFrontMatter(answered('before-action'), reflectionFrontMatter('before-action', '2026-11-25')),
    'in-action-planning.md': withFrontMatter(answered('in-action-planning'), reflectionFrontMatter('in-action-planning', '2026-11-28')),
    'in-action-execution.md': withFrontMatter(answered('in-action-execution'), reflectionFrontMatter('in-action-execution', '2026-12-02T21:00:00Z')),
    'on-action.md': withFrontMatter(answered('on-action'), reflectionFrontMatter('on-action', '2026-12-04')),
    'beyond-action.md': withFrontMatter(answered('beyond-action'), reflectionFrontMatter('beyond-action', '2027-01-02')),
    'action-plan.md': withFrontMatter(answered('action-plan'), [
      'kind: action-plan',
      'change: v1.4.0',
      'date: 2026-12-05',
      'author: Alex Morgan',
      'actions:',
      '  - action: Rehearse the rollback on the test system',
      '    gap: "on-action: the rollback took longer than planned"',
      '    owner: Alex Morgan',
      '    due: 2027-02-01',
      '    evidence: Timed rehearsal notes',
      '    status: in-progress',
      '  - action: Read the DCB0160 guidance again',
      '    gap: "before-action: unsure who signs off"',
      '    owner: Sam Patel',
      '    due: 2027-01-15',
      '    evidence: Notes in the next record',
      '    status: done',
    ]),
  };
}

/** A rollback checklist with these step lines under "Steps" and a recorded package. */
/**
 * A complete record whose change was deployed: the approved window with the
 * actual one beside it, one post-deployment check, a review, two planned
 * steps and one deployment-log entry (a problem, logged at `loggedAt`).
 * `check` and `logText` are the person's words, so a test can put markup in them.
 */
export function deployedChangeControlFiles(check: string, logText: string, loggedAt: Date): Record<string, string> {
  const files = completeRecordFiles();
  files['change.md'] = withFrontMatter(answered('change'), [
    ...APPROVED_CHANGE_FRONT_MATTER.map((l) => l.replace('status: approved', 'status: deployed')).map((l) =>
      l === '  end: 2026-12-02T22:00:00Z' ? `${l}\n  expected_downtime_minutes: 30\n  actual:\n    start: 2026-12-02T20:05:00Z\n    end: 2026-12-02T21:40:00Z\n    downtime_minutes: 25` : l,
    ),
    'verification:',
    `  - check: ${check}`,
    '    result: pass',
    '    by: Sam Patel',
    '    at: 2026-12-02T21:45:00Z',
    'review:',
    '  outcome: successful-with-issues',
    '  date: 2026-12-03',
    '  reviewer: Change Advisory Board',
  ]);
  files['in-action-planning.md'] = files['in-action-planning.md'].replace('## Steps and timeline\n\nWe wrote a considered answer here.', '## Steps and timeline\n\n1. Stop the interface engine\n2. Run the migration\n\nWe wrote a considered answer here.');
  files['in-action-execution.md'] = insertLogEntry(files['in-action-execution.md'], formatLogEntry('problem', logText, fixedClock(loggedAt))).text;
  return files;
}

export function rollbackText(steps: readonly string[], packageLines: readonly string[] = ['package:', '  file: v1.3.2.tar.gz', `  sha256: ${'ab'.repeat(32)}`]): string {
  const text = withFrontMatter(answered('rollback'), ['kind: rollback', 'change: v1.4.0', 'date: 2026-11-27', 'author: Alex Morgan', 'target:', '  tag: v1.3.2', `  commit: ${'4f2a9c1e'.repeat(5)}`, ...packageLines]);
  return text.replace('## Steps\n\nWe wrote a considered answer here.\n', `## Steps\n\n<!-- reflect:begin steps-restore sha256=0123456789abcdef -->\n\n${steps.join('\n')}\n\n<!-- reflect:end steps-restore -->\n`);
}

/** Writes files into a folder (created), returning the folder. */
export function writeRecord(folder: string, files: Record<string, string>): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** The shipped stylesheet (tests run from out/test/unit). */
export const STYLESHEET = readFileSync(join(__dirname, '../../../media/evidence-pack.css'), 'utf8');
/** The fixed moment test packs are generated at. */
export const GENERATED_AT = new Date('2027-01-10T09:30:00Z');

/** Builds a pack from file texts by name, assessed with today = 2027-01-10. */
export function packOf(files: Record<string, string>, commits: PackCommits = { state: 'unavailable', reason: 'no repository in this test.' }, extra: Partial<EvidencePackInput> = {}): string {
  const recordFiles: RecordFile[] = Object.entries(files).map(([name, text]) => ({ name, text }));
  const options = { today: '2027-01-10' };
  return buildEvidencePack({ files: recordFiles, assessment: assessRecord(recordFiles, options), commits, options, generatedAt: GENERATED_AT, stylesheet: STYLESHEET, recordName: 'v1.4.0', ...extra });
}

