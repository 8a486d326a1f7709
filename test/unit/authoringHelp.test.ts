import * as assert from 'node:assert/strict';
import type { Problem } from '../../src/core/validate/problem';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { validateRecord } from '../../src/core/validate/validateRecord';
import { answered, withFrontMatter } from '../support/recordDocuments';

/** Applies a problem's fix to the text it was found in. */
function applyFix(text: string, problem: Problem): string {
  assert.ok(problem.fix, `${problem.code} has a fix`);
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const start = offset(problem.fix.range.start);
  const end = offset(problem.fix.range.end);
  return text.slice(0, start) + problem.fix.newText + text.slice(end);
}

const REFLECTION = ['kind: reflection', 'phase: before-action', 'change: v1.4.0', 'date: 2026-11-25', 'author: Alex Morgan'];

describe('authoring help the schemas give', () => {
  it('a misspelt key gets "did you mean …?" on its own line, and the quick fix renames it', () => {
    const text = withFrontMatter(answered('before-action'), [...REFLECTION.filter((l) => !l.startsWith('author')), 'autor: Alex Morgan']);
    const unknown = validateDocument(text).filter((p) => p.code === 'unknown-field');
    assert.deepEqual(unknown.map((p) => [p.message, p.range.start.line]), [['"autor" is not a field of a reflection document; did you mean "author"?', 5]]);
    const fixed = applyFix(text, unknown[0]);
    assert.deepEqual(validateDocument(fixed).filter((p) => p.severity !== 'info'), []);
  });

  it('keys are checked per kind and at every level the schema describes', () => {
    const rollbackKeyInChange = validateDocument(withFrontMatter(answered('change'), ['kind: change', 'change: v1.4.0', 'date: 2026-11-20', 'author: Alex Morgan', 'status: planned', 'change_type: normal', 'range:', '  from: v1.3.2', '  too: v1.4.0', 'target: v1.3.2']));
    const messages = rollbackKeyInChange.filter((p) => p.code === 'unknown-field').map((p) => p.message);
    assert.deepEqual(messages, ['"too" is not a field of range; did you mean "to"?', '"target" is not a field of a change document.']);
  });

  it('inside a list, the message names the item as people count it', () => {
    const plan = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', 'author: Alex Morgan', 'actions:', '  - action: Rehearse the rollback', '    gap: it was slow', '    ownr: Alex Morgan', '    due: 2027-02-01', '    evidence: Notes', '    status: open']);
    const problems = validateDocument(plan).filter((p) => p.code === 'unknown-field' || p.code === 'missing-field');
    assert.deepEqual(problems.map((p) => p.message).sort(), ['"ownr" is not a field of action 1; did you mean "owner"?', 'Missing required field "owner" in action 1.']);
  });

  it('schema messages use field names people read, not JSON paths', () => {
    const plan = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-05', 'author: Alex Morgan', 'actions:', '  - action: Rehearse the rollback', '    gap: it was slow', '    owner: Alex Morgan', '    due: next week', '    evidence: Notes', '    status: open']);
    const messages = validateDocument(plan).filter((p) => p.code === 'invalid-date').map((p) => p.message);
    assert.deepEqual(messages, ['"action 1, due" must be an ISO 8601 date (YYYY-MM-DD) or date-time.']);
  });

  it('phase: befor-action gets its fix from the file name', () => {
    const text = withFrontMatter(answered('before-action'), REFLECTION.map((l) => (l === 'phase: before-action' ? 'phase: befor-action' : l)));
    const [result] = validateRecord([{ name: 'before-action.md', text }]);
    const mismatch = result.problems.find((p) => p.code === 'document-kind-mismatch');
    assert.ok(mismatch);
    assert.equal(mismatch.fix?.title, 'Set phase to "before-action" (from the file name)');
    const fixed = applyFix(text, mismatch);
    assert.deepEqual(validateRecord([{ name: 'before-action.md', text: fixed }])[0].problems.filter((p) => p.severity !== 'info'), []);
  });
});
