import { CommitParser } from 'conventional-commits-parser';
import type { GitCommit } from '../git/gitLogParsing';
import { readCommitDetails, type ClinicalImpact, type CommitTrailer, type RevertTarget } from './commitTrailers';

/** A commit read as a Conventional Commit (or recognised as not being one). */
export interface ParsedCommit {
  readonly hash: string;
  /** Lower-cased type (`feat`, `fix`, …), or null when the subject is not conventional. */
  readonly type: string | null;
  readonly scope: string | null;
  /** The subject without the `type(scope)!:` prefix; the whole first line for other commits. */
  readonly subject: string;
  readonly breaking: boolean;
  /** Text of `BREAKING CHANGE:` footers, when present. */
  readonly breakingNotes: readonly string[];
  readonly isMerge: boolean;
  readonly authorName: string;
  readonly date: string;
  readonly message: string;
  readonly authorEmail: string;
  /** Git trailers of the last paragraph (`Key: value`), in order. */
  readonly trailers: readonly CommitTrailer[];
  /** Issue references (`#123`, `ABC-123`) from the subject, body and reference trailers. */
  readonly issueRefs: readonly string[];
  /** Hazard-log ids from `Hazard:` trailers. */
  readonly hazards: readonly string[];
  /** From a `Clinical-Impact:` trailer; null when the commit declares none. */
  readonly clinicalImpact: ClinicalImpact | null;
  /** For a revert: the commit it undoes, as far as the message says. */
  readonly revertOf: RevertTarget | null;
}

// The header is `type(scope)!: subject` (scope optional, holding anything but
// parentheses); `type!(scope): subject`, with the mark before the scope, is
// read the same way. A `BREAKING CHANGE:` footer makes any commit breaking,
// whatever its header.
const HEADER = /^(\w+)(?:(!)?\(([^()\r\n]*)\))?(!)?: (.+)$/;

// Issue references are read by readCommitDetails, in one pass. The parser's own reading runs its
// URL pattern over the rest of a line again after each reference it finds: quadratic in a body of
// many `#n`. An issue prefix that never matches stops it at the first try. (Leaving the prefixes
// out is worse: the parser then tries a pattern that costs a line's length at every position.)
const NO_ISSUE_PREFIX = /(?!)/;

const parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ['type', 'markBeforeScope', 'scope', 'breakingMark', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  issuePrefixes: [NO_ISSUE_PREFIX],
});

const NO_NOTES: readonly string[] = Object.freeze([]);

// What only the full parser reads: `BREAKING CHANGE` notes (any case), lines it
// drops (`gpg:`) and its `-field-` meta lines. A message with none of these, and
// a first line without surrounding space, is read completely by its header.
const NEEDS_PARSER = /breaking|gpg:|^-(?=.*\w).*-$/im;

/**
 * Parses one commit message as conventional-commits-parser does; never throws.
 * Most messages carry nothing beyond their header that the parser would read
 * (no breaking-change notes), so for them the header pattern the parser would
 * apply says everything, and the parser is skipped: that halves the cost of
 * reading large ranges. Tests check both paths agree on a corpus of messages.
 */
export function parseCommit(commit: GitCommit): ParsedCommit {
  const firstLine = firstLineOf(commit.message);
  const oneLine = firstLine.length === commit.message.length;
  // A first line that is empty or padded (a message may start with a blank line) is the parser's to read.
  if (oneLine || (firstLine.length > 0 && commit.message.startsWith(firstLine) && commit.message.charCodeAt(firstLine.length) === 10 && !NEEDS_PARSER.test(commit.message))) {
    return fromHeaderOnly(commit, firstLine);
  }
  return parseCommitFully(commit);
}

/** Parses a commit with conventional-commits-parser whatever its length; never throws. */
export function parseCommitFully(commit: GitCommit): ParsedCommit {
  const firstLine = firstLineOf(commit.message);
  let type: string | null = null;
  let scope: string | null = null;
  let subject = firstLine;
  let breakingMark = false;
  let notes: string[] = [];
  try {
    const parsed = parser.parse(commit.message);
    if (parsed.type && parsed.subject) {
      type = parsed.type.toLowerCase();
      scope = parsed.scope?.trim() ? parsed.scope.trim() : null;
      subject = parsed.subject.trim();
      breakingMark = parsed.breakingMark === '!' || parsed.markBeforeScope === '!';
    }
    notes = parsed.notes.filter((n) => /^BREAKING[ -]CHANGE$/.test(n.title)).map((n) => n.text.trim());
  } catch {
    // A message the parser cannot read is still a commit: it goes to "Other changes".
  }
  return withCommitFacts(commit, type, scope, subject, breakingMark || notes.length > 0, notes.length > 0 ? notes : NO_NOTES);
}

function fromHeaderOnly(commit: GitCommit, header: string): ParsedCommit {
  const match = HEADER.exec(header);
  if (!match) return withCommitFacts(commit, null, null, header, false, NO_NOTES);
  const scope = match[3]?.trim();
  return withCommitFacts(commit, match[1].toLowerCase(), scope ? scope : null, match[5].trim(), match[2] === '!' || match[4] === '!', NO_NOTES);
}

/**
 * The reading of the header joined with what every parsed commit carries from
 * git and its trailers. (Arguments rather than an object: this runs once per
 * commit of a range, and each object made here is garbage a moment later.)
 */
function withCommitFacts(commit: GitCommit, type: string | null, scope: string | null, subject: string, breaking: boolean, breakingNotes: readonly string[]): ParsedCommit {
  const details = readCommitDetails(commit.message);
  // One literal with every field (no spreads): this runs once per commit of a range.
  return {
    hash: commit.hash,
    type,
    scope,
    subject,
    breaking,
    breakingNotes,
    isMerge: commit.parents.length > 1,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    date: commit.date,
    message: commit.message,
    trailers: details.trailers,
    issueRefs: details.issueRefs,
    hazards: details.hazards,
    clinicalImpact: details.clinicalImpact,
    revertOf: details.revertOf,
  };
}

function firstLineOf(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}
