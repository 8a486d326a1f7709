import * as assert from 'node:assert/strict';
import { findPossibleNhsNumbers, isValidNhsNumber } from '../../src/core/validate/nhsNumber';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { answered } from '../support/recordDocuments';

// 943 476 5919 is the NHS's own published example number; it is not a patient's.
const EXAMPLE = '9434765919';

describe('possible NHS numbers', () => {
  it('applies the Modulus 11 check digit', () => {
    assert.equal(isValidNhsNumber(EXAMPLE), true);
    assert.equal(isValidNhsNumber('9434765918'), false);
    assert.equal(isValidNhsNumber('943476591'), false);
    // A check digit of 10 is never valid: 000000006 has weighted sum 6 × 2 = 12, and 11 − (12 mod 11) = 10.
    assert.equal([...'0123456789'].some((d) => isValidNhsNumber(`000000006${d}`)), false);
  });

  it('finds them spaced 3-3-4 or not, and not inside longer numbers or hashes', () => {
    assert.equal(findPossibleNhsNumbers(`Patient ${EXAMPLE} seen`).length, 1);
    assert.equal(findPossibleNhsNumbers('NHS no. 943 476 5919.').length, 1);
    assert.equal(findPossibleNhsNumbers('943 4765 919').length, 0);
    assert.equal(findPossibleNhsNumbers(`1${EXAMPLE}`).length, 0);
    assert.equal(findPossibleNhsNumbers(`${EXAMPLE}1`).length, 0);
    assert.equal(findPossibleNhsNumbers(`a${EXAMPLE}f`).length, 0);
    assert.equal(findPossibleNhsNumbers('9434765918').length, 0);
  });

  it('warns in any document, at the number, without repeating it', () => {
    const clean = answered('on-action');
    assert.deepEqual(validateDocument(clean), []);
    const leaky = clean.replace('We wrote a considered answer here.', 'The patient (943 476 5919) saw a blank result.');
    const problems = validateDocument(leaky);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['possible-patient-identifier', 'warning']]);
    const line = leaky.split('\n')[problems[0].range.start.line];
    assert.equal(line.slice(problems[0].range.start.character, problems[0].range.end.character), '943 476 5919');
    assert.doesNotMatch(problems[0].message, /\d{3}/);
    const inFrontMatter = validateDocument(clean.replace('author: Alex Morgan', `author: "${EXAMPLE}"`));
    assert.deepEqual(inFrontMatter.map((p) => [p.code, p.range.start.line]), [['possible-patient-identifier', 5]]);
  });
});
