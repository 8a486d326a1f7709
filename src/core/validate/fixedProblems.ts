import type { AnalysisCache } from './analysisCache';
import type { Problem } from './problem';
import { fixableProblems } from './problemFixes';
import { analyseDocument, finishProblems, type DocumentAnalysis } from './validateDocument';
import type { ValidationOptions } from './validationOptions';
import { validateRecord, type RecordFile, type RecordFileProblems } from './validateRecord';

/**
 * An analysis whose problems carry every fix an editor can offer (a missing
 * nested field, a date in another form, besides the validator's own), each
 * worked out once, when the problem is found: quick fixes then need no
 * second analysis and no matching of messages.
 */
export function withFixes(analysis: DocumentAnalysis, options: ValidationOptions = {}): DocumentAnalysis {
  const fixes = new Map<Problem, Problem['fix']>();
  for (const fixable of fixableProblems(analysis, options)) fixes.set(fixable.problem, { ...fixable.fix, preferred: fixable.preferred });
  if (fixes.size === 0) return analysis;
  return { ...analysis, problems: analysis.problems.map((problem) => (fixes.has(problem) ? { ...problem, fix: fixes.get(problem) } : problem)) };
}

/** `validateDocument` with every fix attached (for editors). */
export function validateDocumentWithFixes(text: string, options: ValidationOptions = {}): Problem[] {
  const analysis = withFixes(analyseDocument(text, options), options);
  return finishProblems(analysis.problems, analysis.lines, options);
}

/**
 * `validateRecord` with every fix attached to each file's own problems (for
 * editors). With a cache, a file whose text and options are unchanged since
 * the last call is not read again; `folder` keys its entries.
 */
export function validateRecordWithFixes(files: readonly RecordFile[], options: ValidationOptions = {}, cache?: { readonly cache: AnalysisCache; readonly folder: string }): RecordFileProblems[] {
  const analyse = (file: RecordFile): DocumentAnalysis => withFixes(analyseDocument(file.text, options), options);
  if (cache === undefined) return validateRecord(files, options, analyse);
  const optionsKey = JSON.stringify(options);
  return validateRecord(files, options, (file) => cache.cache.analysis(`${cache.folder}\u0000${file.name}`, file.text, optionsKey, () => analyse(file)));
}
