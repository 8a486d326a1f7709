import type { HazardLogIndex } from './hazardLog';
import { hazardReferencesOf, type HazardReference } from './hazardReferences';
import type { Problem } from './problem';
import { clip, findRecordDocument, rangeAt, type RecordDocument } from './recordFields';
import { problemOf } from './ruleCatalog';
import type { PlacedProblem } from './timelineRules';
import type { ValidationOptions } from './validationOptions';
import { fieldRanges } from './yamlRanges';

/** change.md's hazards that the hazard log does not define (rule `hazard-unknown`); nothing when no log was read. */
export function hazardReferenceProblems(documents: readonly RecordDocument[], options: ValidationOptions): PlacedProblem[] {
  const log = options.hazardLog;
  const change = findRecordDocument(documents, { kind: 'change' });
  // A repository without a hazard log has not adopted one: its records stay valid as they were.
  if (!log?.present || !change) return [];
  return hazardReferencesOf(change.analysis.data)
    .filter((ref) => !log.entries.has(ref.id))
    .map((ref) => ({ doc: change, problem: problemOf('hazard-unknown', referenceRange(change, ref), unknownHazardMessage(ref.id, log)) }));
}

// Once the change has gone live (and stayed), the log is expected to show the state change.md says the hazard is left in.
const STATUSES_AFTER_THE_CHANGE = new Set(['deployed', 'closed']);

/**
 * change.md's `status` of a hazard after the change against the hazard log's
 * `status` for it (rule `hazard-status-mismatch`), once the change is
 * `deployed` or `closed`: before then the log rightly shows the state before
 * the change, and after a rollback the change's claim no longer holds.
 */
export function hazardStatusProblems(documents: readonly RecordDocument[], options: ValidationOptions): PlacedProblem[] {
  const log = options.hazardLog;
  const change = findRecordDocument(documents, { kind: 'change' });
  const state = change?.analysis.data?.status;
  if (!log?.present || !change || typeof state !== 'string' || !STATUSES_AFTER_THE_CHANGE.has(state)) return [];
  const problems: PlacedProblem[] = [];
  for (const ref of hazardReferencesOf(change.analysis.data)) {
    const logged = log.entries.get(ref.id)?.status;
    if (ref.status === undefined || logged === undefined || logged === ref.status) continue;
    const range = rangeAt(change, ['hazards', ref.index, 'status']);
    const message = `change.md leaves hazard ${clip(ref.id)} "${clip(ref.status)}" after the change, but the hazard log (${log.file}) has it "${clip(logged)}"; update the log, or correct the status here.`;
    problems.push({ doc: change, problem: problemOf('hazard-status-mismatch', range, message) });
  }
  return problems;
}

/** Why a hazard id is unknown, for change.md's list and for `Hazard:` trailers alike. */
export function unknownHazardMessage(id: string, log: HazardLogIndex, where = ''): string {
  return `Hazard ${clip(id)}${where} is not defined in the hazard log (${log.file}); add it there, or correct the id.`;
}

/** Where change.md names a hazard: the id itself. */
export function referenceRange(change: RecordDocument, ref: HazardReference): Problem['range'] {
  const item = change.analysis.data?.hazards;
  const isObject = Array.isArray(item) && typeof item[ref.index] === 'object';
  return rangeAt(change, isObject ? ['hazards', ref.index, 'id'] : ['hazards', ref.index]);
}

/** The hazards one commit of the change's range names in `Hazard:` trailers. */
export interface CommitHazards {
  readonly hash: string;
  readonly hazards: readonly string[];
}

/**
 * change.md's hazards against the `Hazard:` trailers of its range: a trailer
 * id the log does not define (`hazard-unknown`), one change.md does not list
 * (`hazard-not-named`), and a listed hazard no commit names
 * (`hazard-not-in-commits`). Placed on change.md: on the `hazards` key, or on
 * the listed id.
 */
export function commitHazardProblems(change: RecordDocument, commits: readonly CommitHazards[], log: HazardLogIndex | undefined): Problem[] {
  const touched = new Map<string, string>();
  for (const commit of commits) for (const id of commit.hazards) if (!touched.has(id)) touched.set(id, commit.hash.slice(0, 7));
  const references = hazardReferencesOf(change.analysis.data);
  const named = new Set(references.map((ref) => ref.id));
  const { frontMatter, lines } = change.analysis;
  const listRange = (frontMatter && fieldRanges(frontMatter, lines, ['hazards']).key) ?? frontMatter?.openingRange ?? lines.lineRange(0);
  const problems: Problem[] = [];
  for (const [id, hash] of touched) {
    const where = ` (Hazard: trailer of commit ${hash})`;
    if (log?.present && !log.entries.has(id) && !named.has(id)) problems.push(problemOf('hazard-unknown', listRange, unknownHazardMessage(id, log, where)));
    if (!named.has(id)) problems.push(problemOf('hazard-not-named', listRange, `Commit ${hash} names hazard ${clip(id)} in a Hazard: trailer, but change.md's hazards does not list it.`));
  }
  for (const ref of references) {
    if (touched.has(ref.id)) continue;
    problems.push(problemOf('hazard-not-in-commits', referenceRange(change, ref), `change.md lists hazard ${clip(ref.id)}, but no commit of the change's range names it in a Hazard: trailer.`));
  }
  return problems;
}
