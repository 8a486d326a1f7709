/**
 * What a commit message says beyond its header: git trailers (`Key: value`
 * lines in the last paragraph), issue references, the clinical trailers
 * `Hazard:` and `Clinical-Impact:`, and which commit a revert undoes. Both the
 * fast one-line path and the full parser call this, so they agree.
 */

/** One `Key: value` trailer from the last paragraph of a message. */
export interface CommitTrailer {
  readonly key: string;
  readonly value: string;
}

/** The clinical impact a commit declares with `Clinical-Impact:`. */
export type ClinicalImpact = 'none' | 'low' | 'medium' | 'high';

const CLINICAL_IMPACTS: readonly ClinicalImpact[] = ['none', 'low', 'medium', 'high'];

/** What a revert commit names as the commit it undoes. */
export interface RevertTarget {
  /** The reverted commit's header, as quoted by `git revert`. */
  readonly header?: string;
  /** The reverted commit's hash (full or abbreviated), from "This reverts commit …". */
  readonly hash?: string;
}

/** Everything read from a message apart from its Conventional Commit header. */
export interface CommitDetails {
  readonly trailers: readonly CommitTrailer[];
  /** `#123` and `ABC-123` references, in order of first appearance, without repeats. */
  readonly issueRefs: readonly string[];
  /** Hazard-log ids from `Hazard:` trailers (comma-separated values are split). */
  readonly hazards: readonly string[];
  /** The declared clinical impact, or null when absent or not one of none/low/medium/high. */
  readonly clinicalImpact: ClinicalImpact | null;
  readonly revertOf: RevertTarget | null;
}

const TRAILER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,63}):[ \t]+(\S.*)$/;
// `BREAKING CHANGE` holds a space, so it is not a git trailer but it may sit among them.
const BREAKING_LINE = /^BREAKING[ -]CHANGE:\s/;
// Uppercase keys that look like issue keys but are standards or encodings.
const NOT_ISSUE_KEYS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'HL7', 'TLS', 'SSL', 'IEC', 'CVE', 'DCB', 'BS', 'EN', 'WCAG', 'ECMA', 'AES', 'RSA', 'MD', 'X']);
const ISSUE_REF = /(^|[^\w/#-])(#\d{1,9}|[A-Z][A-Z0-9]{0,9}-\d{1,9})(?![\w-])/g;
// Trailers whose values are issue references rather than hazard ids or names.
const ISSUE_TRAILERS = new Set(['refs', 'ref', 'references', 'closes', 'close', 'fixes', 'fix', 'resolves', 'resolve', 'issue', 'issues', 'see-also']);

// One shared empty list for the many commits without trailers, references or hazards.
const NONE: readonly never[] = Object.freeze([]);

/** Reads trailers, issue references, clinical trailers and the revert target of a message. */
export function readCommitDetails(message: string): CommitDetails {
  const text = message.includes('\r') ? message.replace(/\r\n?/g, '\n') : message;
  const { trailers, bodyEnd } = readTrailers(text);
  // A set beside the list: a `Hazard:` trailer may list a hundred thousand ids, and a look-up in the list per id is quadratic.
  let hazards: Set<string> | undefined;
  let clinicalImpact: ClinicalImpact | null = null;
  let refs = collectIssueRefs(text.slice(0, bodyEnd), undefined);
  for (const trailer of trailers) {
    const key = trailer.key.toLowerCase();
    if (key === 'hazard' || key === 'hazards') {
      hazards ??= new Set();
      for (const id of trailer.value.split(/[,;\s]+/)) if (id.length > 0) hazards.add(id);
    } else if (key === 'clinical-impact') {
      const value = trailer.value.trim().toLowerCase();
      clinicalImpact = (CLINICAL_IMPACTS as readonly string[]).includes(value) ? (value as ClinicalImpact) : clinicalImpact;
    } else if (ISSUE_TRAILERS.has(key)) {
      refs = collectIssueRefs(trailer.value, refs);
    }
  }
  return { trailers, issueRefs: refs ? [...refs] : NONE, hazards: hazards ? [...hazards] : NONE, clinicalImpact, revertOf: readRevertTarget(text) };
}

function readTrailers(text: string): { trailers: readonly CommitTrailer[]; bodyEnd: number } {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  const trimmed = end === text.length ? text : text.slice(0, end);
  const lastBreak = trimmed.lastIndexOf('\n\n');
  // The header alone is never a trailer block.
  if (lastBreak < 0) return { trailers: NONE, bodyEnd: trimmed.length };
  const block = trimmed.slice(lastBreak + 2).split('\n');
  const trailers: CommitTrailer[] = [];
  for (const line of block) {
    const match = TRAILER_LINE.exec(line);
    if (match) trailers.push({ key: match[1], value: match[2].trim() });
    else if (BREAKING_LINE.test(line) || /^[ \t]+\S/.test(line)) continue;
    else return { trailers: NONE, bodyEnd: trimmed.length };
  }
  return { trailers, bodyEnd: lastBreak };
}

/**
 * Whether `text` holds "#" before a digit, or an uppercase letter or digit,
 * "-" and a digit: every reference does, and most messages hold neither.
 * Found with `indexOf` (this runs for every commit of a range).
 */
function mayHoldIssueRef(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) if (isDigit(text.charCodeAt(at + 1))) return true;
  for (let at = text.indexOf('-', 1); at >= 0; at = text.indexOf('-', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (isDigit(text.charCodeAt(at + 1)) && (isDigit(before) || (before >= 65 && before <= 90))) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Adds the references in `text` to `into` (made when the first is found); returns the set, or undefined when there is none yet. */
function collectIssueRefs(text: string, into: Set<string> | undefined): Set<string> | undefined {
  if (!mayHoldIssueRef(text)) return into;
  let refs = into;
  for (const match of text.matchAll(ISSUE_REF)) {
    const ref = match[2];
    const key = ref.startsWith('#') ? '' : ref.slice(0, ref.indexOf('-'));
    if (key && NOT_ISSUE_KEYS.has(key)) continue;
    (refs ??= new Set()).add(ref);
  }
  return refs;
}

function readRevertTarget(text: string): RevertTarget | null {
  // Cheap pre-check: nearly every commit is not a revert.
  if (!/^\s*revert/i.test(text) && !text.includes('This reverts commit')) return null;
  const header = text.split('\n', 1)[0].trim();
  const quoted = /^(?:Revert|revert(?:\([^()]*\))?!?:)\s*"(.+)"\s*$/.exec(header);
  const conventional = /^revert(?:\([^()]*\))?!?:\s*(.+)$/.exec(header);
  const hash = /This reverts commit ([0-9a-f]{7,64})\b/.exec(text)?.[1];
  if (!quoted && !conventional && !hash) return null;
  const reverted = quoted?.[1] ?? conventional?.[1];
  return { ...(reverted ? { header: reverted.trim() } : {}), ...(hash ? { hash } : {}) };
}
