import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutsideRepositoryError } from '../../src/core/files/safePaths';
import { formatLogEntry, insertLogEntry, LogEntryError, readLogEntries } from '../../src/core/records/deploymentLog';
import { renderDocumentTemplate } from '../../src/core/records/documentTemplates';
import { appendDeploymentLogEntry, NoExecutionReflectionError } from '../../src/core/usecases/deploymentLog';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { fixedClock, localIsoDateTime } from '../../src/core/vocabulary/clock';
import { GitFixture } from '../fixtures/gitFixture';
import { answered, INPUT, reflectionFrontMatter, withFrontMatter } from '../support/recordDocuments';

const AT = new Date('2026-12-02T20:05:00Z');
const CLOCK = fixedClock(AT);
const STAMP = localIsoDateTime(AT);
const EXECUTION = withFrontMatter(answered('in-action-execution'), reflectionFrontMatter('in-action-execution', '2026-12-02T21:00:00Z'));

/** The reflection without its Deployment log section, as written before this release. */
function withoutLog(text: string): string {
  return text.replace(/## Deployment log\n\n[^\n]*\n\n/, '');
}

describe('the deployment log (in-action-execution.md)', () => {
  it('stamps an entry with the clock, in local time with its offset', () => {
    assert.match(STAMP, /^2026-12-0[23]T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    assert.equal(formatLogEntry('step-started', '  Stopped   the interface engine ', CLOCK), `- ${STAMP} — step started — Stopped the interface engine`);
  });

  it('puts the Deployment log section in the template, after the steps carried out', () => {
    const template = renderDocumentTemplate('in-action-execution', INPUT);
    assert.ok(template.indexOf('## Steps carried out') < template.indexOf('## Deployment log'));
    assert.ok(template.indexOf('## Deployment log') < template.indexOf('## Unexpected events and decisions'));
  });

  it('adds entries under the log heading, one list, and changes nothing else', () => {
    const first = insertLogEntry(EXECUTION, formatLogEntry('step-started', 'Database migration started', CLOCK));
    const second = insertLogEntry(first.text, formatLogEntry('observation', 'Queue depth back to normal', CLOCK));
    const log = `## Deployment log\n\nWe wrote a considered answer here.\n\n- ${STAMP} — step started — Database migration started\n- ${STAMP} — observation — Queue depth back to normal\n\n## Unexpected events`;
    assert.ok(second.text.includes(log), second.text);
    assert.equal(second.text.replace(`\n\n- ${STAMP} — step started — Database migration started\n- ${STAMP} — observation — Queue depth back to normal`, ''), EXECUTION);
    assert.equal(second.text, `${first.text.slice(0, second.offset)}${second.insert}${first.text.slice(second.offset)}`);
    assert.deepEqual(readLogEntries(second.text), [
      { at: STAMP, type: 'step-started', text: 'Database migration started' },
      { at: STAMP, type: 'observation', text: 'Queue depth back to normal' },
    ]);
  });

  it('creates the section where the template puts it when a reflection lacks it', () => {
    const old = withoutLog(EXECUTION);
    assert.ok(!old.includes('Deployment log'));
    const { text } = insertLogEntry(old, formatLogEntry('decision', 'Go ahead with the second node', CLOCK));
    assert.equal(text, old.replace('## Unexpected events and decisions', `## Deployment log\n\n- ${STAMP} — decision — Go ahead with the second node\n\n## Unexpected events and decisions`));
    assert.deepEqual(validateDocument(text).filter((p) => p.severity !== 'info'), validateDocument(old).filter((p) => p.severity !== 'info'));
  });

  it('appends the section at the end when no later heading of the template is there, and keeps CRLF line ends', () => {
    const crlf = withFrontMatter('---\n---\n# Notes\n\nSome text', reflectionFrontMatter('in-action-execution', '2026-12-02')).replace(/\n/g, '\r\n');
    const { text } = insertLogEntry(crlf, formatLogEntry('problem', 'Node 2 did not start', CLOCK));
    assert.equal(text, `${crlf}\r\n\r\n## Deployment log\r\n\r\n- ${STAMP} — problem — Node 2 did not start\r\n`);
    const again = insertLogEntry(text, formatLogEntry('step-done', 'Node 2 restarted', CLOCK));
    assert.ok(again.text.endsWith(`— problem — Node 2 did not start\r\n- ${STAMP} — step done — Node 2 restarted\r\n`));
  });

  it('escapes text so an entry cannot forge a heading, a list or HTML, and reads it back as written', () => {
    const hostile = '# Rollback complete <script>alert(1)</script> | --- [link](javascript:x)';
    const { text } = insertLogEntry(EXECUTION, formatLogEntry('observation', hostile, CLOCK));
    assert.ok(!/^# Rollback/m.test(text));
    assert.ok(!text.includes('<script>'));
    assert.deepEqual(readLogEntries(text).map((e) => e.text), [hostile]);
  });

  it('refuses an empty entry, an unknown type and an entry too long to be a log line, saying why', () => {
    assert.throws(() => formatLogEntry('observation', '   ', CLOCK), (e: unknown) => e instanceof LogEntryError && /needs some text/.test(e.message));
    assert.throws(() => formatLogEntry('guess' as 'observation', 'x', CLOCK), /Unknown log entry type "guess": use step-started, step-done, observation, decision, problem/);
    assert.throws(() => formatLogEntry('observation', 'x'.repeat(2001), CLOCK), /at most 2000 characters \(this one has 2001\)/);
    assert.throws(() => insertLogEntry('# no front matter\n', '- x'), /no readable front matter/);
  });

  describe('written to the file', () => {
    let repo: GitFixture;
    let root: string;
    let outside: string;
    before(() => {
      repo = new GitFixture('reflect-log-');
      root = realpathSync(repo.dir);
      outside = mkdtempSync(join(tmpdir(), 'reflect-log-outside-'));
    });
    after(() => {
      repo.dispose();
      rmSync(outside, { recursive: true, force: true });
    });

    it('appends to in-action-execution.md in place', async () => {
      repo.write('docs/changes/v1.4.0/in-action-execution.md', EXECUTION);
      const folder = join(root, 'docs/changes/v1.4.0');
      const edit = await appendDeploymentLogEntry(folder, { type: 'step-done', text: 'Smoke tests passed', clock: CLOCK }, root);
      assert.equal(readFileSync(join(folder, 'in-action-execution.md'), 'utf8'), edit.text);
      assert.deepEqual(readLogEntries(edit.text), [{ at: STAMP, type: 'step-done', text: 'Smoke tests passed' }]);
    });

    it('says to start the reflection first when it does not exist', async () => {
      await assert.rejects(appendDeploymentLogEntry(join(root, 'docs/changes/v9.9.9'), { type: 'observation', text: 'x', clock: CLOCK }, root), (e: unknown) => e instanceof NoExecutionReflectionError && /start the in-action-execution reflection first/.test(e.message));
    });

    it('refuses a reflection that is a link leading out of the repository, and leaves the target as it was', async () => {
      const target = join(outside, 'elsewhere.md');
      writeFileSync(target, EXECUTION);
      repo.write('docs/changes/v2.0.0/.keep', '');
      symlinkSync(target, join(root, 'docs/changes/v2.0.0/in-action-execution.md'));
      await assert.rejects(appendDeploymentLogEntry(join(root, 'docs/changes/v2.0.0'), { type: 'observation', text: 'x', clock: CLOCK }, root), OutsideRepositoryError);
      assert.equal(readFileSync(target, 'utf8'), EXECUTION);
    });
  });
});
