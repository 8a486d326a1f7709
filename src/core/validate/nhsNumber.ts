import type { LineIndex, Problem } from './problem';
import { problemOf } from './ruleCatalog';

/**
 * Whether ten digits pass the NHS number Modulus 11 check: weights 10 down
 * to 2 on the first nine digits; 11 minus the remainder (11 counts as 0) must
 * equal the tenth, and a result of 10 is never valid.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Ten digits alone, or spaced 3-3-4 with single spaces; not part of a longer
// number, a word or a hash.
const CANDIDATE = /(?<![\w.,/-])(\d{3})( ?)(\d{3})\2(\d{4})(?![\w]|[.,/-]\d)/g;

/** Where a text holds something that may be an NHS number (at most `limit`). */
export function findPossibleNhsNumbers(text: string, limit = 20): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match && found.length < limit; match = CANDIDATE.exec(text)) {
    if (isValidNhsNumber(`${match[1]}${match[3]}${match[4]}`)) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Warnings for possible NHS numbers; the message never repeats the number. */
export function patientIdentifierProblems(text: string, lines: LineIndex): Problem[] {
  return findPossibleNhsNumbers(text).map(({ start, end }) =>
    problemOf('possible-patient-identifier', lines.rangeOf(start, end), 'This looks like an NHS number (10 digits that pass its check digit). Keep patient identifiers out of change records; remove it or replace it with a made-up example.'),
  );
}
