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

// The header must be `type(scope)!: subject`; scope may hold anything but parentheses.
const HEADER = /^(\w+)(?:\(([^()\r\n]*)\))?(!)?: (.+)$/;

const parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ['type', 'scope', 'breakingMark', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
});

/** Parses one commit message with conventional-commits-parser; never throws. */
export function parseCommit(commit: GitCommit): ParsedCommit {
  const firstLine = commit.message.split('\n', 1)[0]?.trim() ?? '';
  // A one-line message has no body or footers, so the header pattern the
  // parser would apply says everything; skipping the parser here halves the
  // cost of reading large ranges. A test checks both paths agree.
  if (firstLine.length === commit.message.length) return fromHeaderOnly(commit, firstLine);
  return parseCommitFully(commit);
}

/** Parses a commit with conventional-commits-parser whatever its length; never throws. */
export function parseCommitFully(commit: GitCommit): ParsedCommit {
  const firstLine = commit.message.split('\n', 1)[0]?.trim() ?? '';
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
      breakingMark = parsed.breakingMark === '!';
    }
    notes = parsed.notes.filter((n) => /^BREAKING[ -]CHANGE$/.test(n.title)).map((n) => n.text.trim());
  } catch {
    // A message the parser cannot read is still a commit: it goes to "Other changes".
  }
  return withCommitFacts(commit, { type, scope, subject, breaking: type !== null && (breakingMark || notes.length > 0), breakingNotes: type !== null ? notes : [] });
}

function fromHeaderOnly(commit: GitCommit, header: string): ParsedCommit {
  const match = HEADER.exec(header);
  return withCommitFacts(commit, {
    type: match ? match[1].toLowerCase() : null,
    scope: match?.[2]?.trim() ? match[2].trim() : null,
    subject: match ? match[4].trim() : header,
    breaking: match ? match[3] === '!' : false,
    breakingNotes: [],
  });
}

/** The reading of the header joined with what every parsed commit carries from git and its trailers. */
function withCommitFacts(commit: GitCommit, header: Pick<ParsedCommit, 'type' | 'scope' | 'subject' | 'breaking' | 'breakingNotes'>): ParsedCommit {
  return {
    hash: commit.hash,
    ...header,
    isMerge: commit.parents.length > 1,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    date: commit.date,
    message: commit.message,
    ...readCommitDetails(commit.message),
  };
}

