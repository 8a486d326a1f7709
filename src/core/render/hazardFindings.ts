import type { ParsedCommit } from '../commits/conventionalCommit';
import type { Problem, TextRange } from '../validate/problem';
import type { RuleDefinition } from '../validate/ruleCatalog';
import { DEFAULT_HAZARD_CHECK, type HazardCheckOptions } from '../config/reflectConfig';
import type { ReleaseNotesModel } from './releaseNotes';

/** The rule code of the finding, documented in the README. */
export const NO_HAZARD_REFERENCE = 'no-hazard-reference';

/**
 * Breaking changes and features (by default) that reference no hazard-log
 * entry with a `Hazard:` trailer, as problems. When the rendered notes are
 * given, each problem points at the line that lists the commit; otherwise
 * at the start of the document.
 */
export function findMissingHazardReferences(model: Pick<ReleaseNotesModel, 'commits' | 'groups'>, renderedText?: string, options: HazardCheckOptions = {}): Problem[] {
  const severity = options.severity ?? DEFAULT_HAZARD_CHECK.severity;
  if (severity === 'off') return [];
  const types = new Set(options.types ?? DEFAULT_HAZARD_CHECK.types);
  const commits = model.commits ?? model.groups.flatMap((g) => g.commits);
  // A commit reverted within the range (and its revert) ships nothing.
  const cancelled = new Set(model.groups.filter((g) => g.type === 'reverted').flatMap((g) => g.commits.map((c) => c.hash)));
  const problems: Problem[] = [];
  // One pass over the notes finds every listed hash's line: a lookup per commit would be quadratic.
  const lines = renderedText === undefined ? undefined : listedHashLines(renderedText);
  for (const commit of commits) {
    if (cancelled.has(commit.hash) || !needsHazard(commit, types) || commit.hazards.length > 0) continue;
    problems.push({
      range: lines?.get(commit.hash.slice(0, 7)) ?? START,
      severity,
      code: NO_HAZARD_REFERENCE,
      message: `No clinical hazard assessment referenced: ${commit.breaking ? 'breaking change' : (commit.type ?? 'commit')} ${commit.hash.slice(0, 7)} "${commit.subject.slice(0, 120)}" has no "Hazard:" trailer. Name the hazard-log entry it touches, or record why none applies.`,
    });
  }
  return problems;
}

const START: TextRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function needsHazard(commit: ParsedCommit, types: ReadonlySet<string>): boolean {
  if (commit.isMerge) return false;
  return (commit.breaking && types.has('breaking')) || (commit.type !== null && types.has(commit.type));
}

/** The range of the first list item showing each abbreviated hash (as `` `abc1234` ``). */
function listedHashLines(text: string): Map<string, TextRange> {
  const found = new Map<string, TextRange>();
  // One pass over the text for the hashes (not one per line): the notes of a long range have thousands of lines.
  let lineStart = 0;
  let lineIndex = 0;
  for (const match of text.matchAll(/`([0-9a-f]{7})`/g)) {
    if (found.has(match[1])) continue;
    for (let newline = text.indexOf('\n', lineStart); newline >= 0 && newline < match.index; newline = text.indexOf('\n', lineStart)) {
      lineStart = newline + 1;
      lineIndex++;
    }
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (!/^\s*- /.test(line)) continue;
    found.set(match[1], { start: { line: lineIndex, character: 0 }, end: { line: lineIndex, character: line.replace(/\r$/, '').length } });
  }
  return found;
}

/** The hazard rule as the rule catalogue describes its rules (reports for CI list it with them). */
export const NO_HAZARD_REFERENCE_RULE: RuleDefinition = {
  code: NO_HAZARD_REFERENCE,
  title: 'No hazard referenced',
  severity: DEFAULT_HAZARD_CHECK.severity === 'off' ? 'warning' : DEFAULT_HAZARD_CHECK.severity,
  description: 'A breaking change or feature in the release notes\' range has no `Hazard:` trailer naming the hazard-log entry it touches (severity and types: `releaseNotes.hazardCheck`).',
};
