import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../vocabulary/documentKinds';
import { isPhaseId, type PhaseId } from '../vocabulary/phaseIds';
import { placeholderActionProblems, placeholderActionRows, withoutPlaceholderErrors } from './actionPlaceholders';
import { parseFrontMatter, type FrontMatter } from './frontMatterParser';
import { hazardLogProblems } from './hazardLog';
import { patientIdentifierProblems } from './nhsNumber';
import { LineIndex, type Problem } from './problem';
import { riskRatingProblems } from './riskRatingRule';
import { applyRuleSeverities, problemOf } from './ruleCatalog';
import { schemaErrorsToProblems } from './schemaProblems';
import { SchemaRegistry } from './schemaRegistry';
import { sectionProblems } from './sectionRules';
import { unknownFieldProblems } from './unknownFields';
import { DEFAULT_MAX_PROBLEMS_PER_DOCUMENT, type ValidationOptions } from './validationOptions';


/** Documents above this size get one info problem instead of validation. */
export const MAX_VALIDATED_LENGTH = 2 * 1024 * 1024;

let registry: SchemaRegistry | undefined;
/** The schemas, compiled on first use and then kept. */
function schemas(): SchemaRegistry {
  registry ??= new SchemaRegistry();
  return registry;
}

/** Whether a text carries our front matter (a `kind:` of the document format). */
export function looksLikeRecordDocument(text: string): boolean {
  const head = text.slice(0, 4096);
  if (!/^\uFEFF?---\r?\n/.test(head)) return false;
  return new RegExp(`^kind:[ \\t]*["']?(${DOCUMENT_KINDS.join('|')})["']?[ \\t]*\\r?$`, 'm').test(head);
}

/** One document, read and checked on its own; the cross-document rules build on it. */
export interface DocumentAnalysis {
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontMatter?: FrontMatter;
  /** The front matter as plain data, when it could be read. */
  readonly data?: Record<string, unknown>;
  readonly kind?: DocumentKind;
  readonly phase?: PhaseId;
  /** Problems of this document alone, at default severities. */
  readonly problems: readonly Problem[];
}

/** Reads and checks one document; never throws and never runs document content. */
export function analyseDocument(text: string, options: ValidationOptions = {}): DocumentAnalysis {
  if (text.length > MAX_VALIDATED_LENGTH) {
    const lines = new LineIndex(text.slice(0, 200));
    return { text, lines, problems: [problemOf('too-large', lines.lineRange(0), `Validation skipped: the document is larger than ${MAX_VALIDATED_LENGTH / (1024 * 1024)} MB.`)] };
  }
  const lines = new LineIndex(text);
  const { frontMatter, problems } = parseFrontMatter(text, lines);
  appendAll(problems, patientIdentifierProblems(text, lines));
  if (!frontMatter) {
    if (!problems.some((p) => p.severity === 'error')) {
      problems.unshift(problemOf('no-front-matter', lines.lineRange(0), 'A change-record document starts with front matter: a "---" line, fields such as "kind: reflection", and a closing "---".'));
    }
    return { text, lines, problems };
  }
  const data = frontMatter.data;
  const kind = data && isDocumentKind(data.kind) ? data.kind : undefined;
  const phase = kind === 'reflection' && isPhaseId(data?.phase) ? (data?.phase as PhaseId) : undefined;
  if (data) {
    const placeholders = placeholderActionRows(data);
    appendAll(problems, placeholderActionProblems(placeholders, frontMatter, lines));
    appendAll(problems, schemaErrorsToProblems(withoutPlaceholderErrors(schemas().validate(data), placeholders), frontMatter, lines, { ...(options.today ? { date: options.today } : {}), ...(options.authorName ? { author: options.authorName } : {}) }));
    if (kind === 'change') appendAll(problems, riskRatingProblems(data, frontMatter, lines, options.riskMatrix));
    if (kind === 'hazard-log') appendAll(problems, hazardLogProblems(data, frontMatter, lines, options));
    if (kind) appendAll(problems, unknownFieldProblems(data, frontMatter, lines, kind, phase));
  }
  if (kind) appendAll(problems, sectionProblems(text, frontMatter.bodyOffset, lines, kind, phase));
  return { text, lines, frontMatter, data, kind, phase, problems };
}

/** Validates one change-record document; never throws and never runs document content. */
export function validateDocument(text: string, options: ValidationOptions = {}): Problem[] {
  const analysis = analyseDocument(text, options);
  return finishProblems(analysis.problems, analysis.lines, options);
}

/**
 * Applies severity overrides, orders problems by position and caps their
 * number, ending with one `too-many-problems` note when some were left out.
 */
export function finishProblems(problems: readonly Problem[], lines: LineIndex, options: ValidationOptions = {}): Problem[] {
  const graded = applyRuleSeverities(problems, options.severities);
  const ordered = graded
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.range.start.line - b.problem.range.start.line || a.problem.range.start.character - b.problem.range.start.character || a.index - b.index)
    .map((entry) => entry.problem);
  const cap = Math.max(1, options.maxProblemsPerDocument ?? DEFAULT_MAX_PROBLEMS_PER_DOCUMENT);
  if (ordered.length <= cap) return ordered;
  const note = applyRuleSeverities([problemOf('too-many-problems', lines.lineRange(0), `${ordered.length - cap} more problems are not shown.`)], options.severities);
  return [...ordered.slice(0, cap), ...note];
}

/** Appends without spreading into arguments, which overflows the stack for very long lists. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
