// Orders of text that are the same on every machine. `localeCompare` (and
// any collator) follows the machine's locale and loads ICU's collation data
// on first use, about 12 ms; these do neither, except as said below.

/** Code-unit order: for tag names, paths, ISO dates and hashes, where what is compared is not a person's words. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The order of people's names in the notes: an English collation, the same on
// every machine ("Émile" before "Zoe", "alice" before "Alice"). Creating an
// Intl.Collator loads ICU's collation data, about 12 ms: more than the whole
// rest of one release's notes. Names of printable ASCII (most names in commit
// histories) are compared here with the weights ICU's root collation gives
// those characters, which is exactly the collator's order for them (a unit
// test compares both on every pair of characters and on thousands of
// strings); any other name is compared by the collator, made on first use.

// Printable ASCII in the root collation's primary order; a letter's two cases share one weight.
const PRIMARY_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
const PRIMARY = new Uint8Array(128);
{
  let weight = 0;
  for (let i = 0; i < PRIMARY_ORDER.length; i++) {
    const code = PRIMARY_ORDER.charCodeAt(i);
    const isUpperOfPrevious = code >= 65 && code <= 90 && PRIMARY_ORDER.charCodeAt(i - 1) === code + 32;
    if (!isUpperOfPrevious) weight++;
    PRIMARY[code] = weight;
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

let collator: Intl.Collator | undefined;

/** Compares two names as `new Intl.Collator('en').compare` does. */
export function compareNames(a: string, b: string): number {
  if (!PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) {
    collator ??= new Intl.Collator('en');
    return collator.compare(a, b);
  }
  // First by primary weights (case ignored) over the whole name, then by case: lower before upper.
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(i)];
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // same primary weight: the lower-case letter (the higher code) first
  }
  return 0;
}
