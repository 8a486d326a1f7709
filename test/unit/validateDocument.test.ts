import * as assert from 'node:assert/strict';
import { renderReflectionTemplate } from '../../src/core/records/reflectionTemplate';
import { PHASE_IDS } from '../../src/core/vocabulary/phaseIds';
import { looksLikeRecordDocument, validateDocument } from '../../src/core/validate/validateDocument';
import { answered } from '../support/recordDocuments';

// A before-action reflection with every section answered; its front matter is
// kind, phase, change, date, author on lines 1–5.
const valid = answered('before-action', { version: 'v1.2.0' });

function codes(text: string): string[] {
  return validateDocument(text).map((p) => p.code);
}

describe('document validation', () => {
  it('accepts a complete reflection', () => {
    assert.deepEqual(validateDocument(valid), []);
  });

  it('accepts every phase template as generated, noting only its unanswered prompts', () => {
    for (const phase of PHASE_IDS) {
      const problems = validateDocument(renderReflectionTemplate({ phase, version: 'v1.2.0', date: '2026-11-25', author: 'Alex' }));
      assert.ok(problems.length > 0, phase);
      assert.deepEqual([...new Set(problems.map((p) => `${p.severity} ${p.code}`))], ['info unanswered-prompt'], phase);
    }
  });

  it('warns about a missing required field at the opening line', () => {
    const problems = validateDocument(valid.replace('author: Alex Morgan\n', ''));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'missing-field');
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /"author"/);
    assert.deepEqual(problems[0].range.start, { line: 0, character: 0 });
  });

  it('places a bad enum value on the value itself', () => {
    const problems = validateDocument(valid.replace('phase: before-action', 'phase: sometime'));
    assert.equal(problems[0].code, 'invalid-value');
    assert.deepEqual(problems[0].range, { start: { line: 2, character: 7 }, end: { line: 2, character: 15 } });
  });

  it('rejects a date that is not ISO 8601 or not on the calendar', () => {
    assert.deepEqual(codes(valid.replace('2026-11-25', '25/11/2026')), ['invalid-date']);
    assert.deepEqual(codes(valid.replace('2026-11-25', '2026-02-30')), ['invalid-date']);
    assert.deepEqual(codes(valid.replace('2026-11-25', '2026-11-25T14:30:00Z')), []);
  });

  it('reports YAML syntax errors and duplicate keys at their place', () => {
    const duplicate = validateDocument(valid.replace('author: Alex Morgan', 'author: Alex\nauthor: Sam'));
    assert.equal(duplicate[0].code, 'duplicate-key');
    assert.equal(duplicate[0].range.start.line, 6);
    assert.equal(duplicate[0].range.start.character, 0);
    assert.ok(codes(valid.replace('author: Alex Morgan', 'author: [unclosed')).includes('yaml-syntax'));
  });

  it('reports an unclosed front matter', () => {
    assert.deepEqual(codes('---\nkind: reflection\n\n# text'), ['unclosed-front-matter']);
  });

  it('reads BOM and CRLF documents', () => {
    assert.deepEqual(validateDocument(`\uFEFF${valid}`.replace(/\n/g, '\r\n')), []);
  });

  it('never constructs custom tags, and names them', () => {
    const problems = validateDocument(valid.replace('author: Alex Morgan', 'author: !!js/function "function(){ throw new Error(1) }"'));
    assert.ok(problems.some((p) => p.code === 'yaml-tag'));
  });

  it('stops an alias bomb quickly', () => {
    const bomb = ['---', 'kind: reflection', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', '---', ''].join('\n');
    assert.ok(codes(bomb).includes('yaml-aliases'));
  });

  it('treats a __proto__ key as data, not as a prototype', () => {
    const problems = validateDocument(valid.replace('author: Alex Morgan', 'author: Alex\n__proto__:\n  polluted: true'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Reported as a key the schema does not know, like any other: plain data.
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [['unknown-field', '"__proto__" is not a field of a reflection document.']]);
  });

  it('refuses to read a ---js block', () => {
    assert.deepEqual(codes('---js\nmodule.exports = {}\n---\n'), ['front-matter-language']);
  });

  it('skips a document above the size limit with one info problem', () => {
    const problems = validateDocument(`${valid}${'x'.repeat(3 * 1024 * 1024)}`);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['too-large', 'info']]);
  });

  it('recognises our documents by their kind', () => {
    assert.equal(looksLikeRecordDocument(valid), true);
    assert.equal(looksLikeRecordDocument('---\ntitle: blog\n---\n'), false);
    assert.equal(looksLikeRecordDocument('# no front matter'), false);
  });
});
