import * as assert from 'node:assert/strict';
import { readCommitDetails } from '../../src/core/commits/commitTrailers';
import { parseCommit, parseCommitFully } from '../../src/core/commits/conventionalCommit';
import type { GitCommit } from '../../src/core/git/gitLogParsing';

let counter = 0;
function commit(message: string): GitCommit {
  counter++;
  return { hash: counter.toString(16).padStart(40, 'a'), parents: ['0'.repeat(40)], authorName: 'A', authorEmail: 'a@x', date: '2026-01-01T00:00:00Z', message };
}

describe('commit trailers, issue references and clinical trailers', () => {
  it('reads trailers of the last paragraph, hazards and clinical impact', () => {
    const details = readCommitDetails('feat(results): show trend\n\nAdds a chart.\n\nHazard: HAZ-12, HAZ-14\nClinical-Impact: Medium\nReviewed-by: B <b@x>\nRefs: LAB-9');
    assert.deepEqual(details.hazards, ['HAZ-12', 'HAZ-14']);
    assert.equal(details.clinicalImpact, 'medium');
    assert.deepEqual(details.trailers.map((t) => t.key), ['Hazard', 'Clinical-Impact', 'Reviewed-by', 'Refs']);
    assert.deepEqual(details.issueRefs, ['LAB-9']);
  });

  it('does not read a body paragraph as trailers, nor hazards as issue references', () => {
    const details = readCommitDetails('fix: x\n\nNote: this is prose\nthat continues here.');
    assert.deepEqual(details.trailers, []);
    assert.deepEqual(readCommitDetails('fix: y\n\nHazard: HAZ-1').issueRefs, []);
  });

  it('finds #123 and ABC-123 references but not encodings or standards', () => {
    const details = readCommitDetails('fix: handle UTF-8 in HL7-2 segments (#42)\n\nSee ABC-7 and ISO-8601; also #42 again and PR/#5.');
    assert.deepEqual(details.issueRefs, ['#42', 'ABC-7']);
  });

  it('ignores a clinical impact that is not one of none, low, medium, high', () => {
    assert.equal(readCommitDetails('fix: x\n\nClinical-Impact: severe').clinicalImpact, null);
  });

  it('reads the target of a revert by hash and by header', () => {
    const hash = 'b'.repeat(40);
    assert.deepEqual(readCommitDetails(`Revert "feat: a"\n\nThis reverts commit ${hash}.`).revertOf, { header: 'feat: a', hash });
    assert.deepEqual(readCommitDetails('revert: feat: a').revertOf, { header: 'feat: a' });
    assert.equal(readCommitDetails('fix: revert nothing').revertOf, null);
  });

  it('keeps BREAKING CHANGE footers working beside trailers', () => {
    const parsed = parseCommit(commit('feat: x\n\nBREAKING CHANGE: old API removed\nHazard: HAZ-3'));
    assert.equal(parsed.breaking, true);
    assert.deepEqual(parsed.breakingNotes, ['old API removed']);
    assert.deepEqual(parsed.hazards, ['HAZ-3']);
  });

  it('gives the same details on the one-line fast path and the full parser', () => {
    for (const header of ['fix: a (#12)', 'feat: LAB-3 import', 'revert: "feat: a"', 'Revert "x"', 'plain text #9']) {
      const c = commit(header);
      assert.deepEqual(parseCommit(c), parseCommitFully(c), header);
    }
  });
});

describe('issue references in random one-line messages', () => {
  // The reading as first written: every match of the pattern, less keys that are standards.
  const ISSUE_REF = /(^|[^\w/#-])(#\d{1,9}|[A-Z][A-Z0-9]{0,9}-\d{1,9})(?![\w-])/g;
  const NOT_ISSUE_KEYS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'HL7', 'TLS', 'SSL', 'IEC', 'CVE', 'DCB', 'BS', 'EN', 'WCAG', 'ECMA', 'AES', 'RSA', 'MD', 'X']);
  const reference = (text: string) => [...new Set([...text.matchAll(ISSUE_REF)].map((m) => m[2]).filter((r) => r.startsWith('#') || !NOT_ISSUE_KEYS.has(r.slice(0, r.indexOf('-')))))];

  it('finds exactly the references the pattern finds, for 20,000 random texts', () => {
    const alphabet = ['#', '-', 'A', 'Z', 'a', '1', '9', '0', ' ', '/', '_', 'LAB', 'HL7', 'UTF', '(', ')', ',', '.', 'é'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(readCommitDetails(text).issueRefs, reference(text), JSON.stringify(text));
    }
  });
});
