import { parseFrontMatter } from './frontMatterParser';
import { LineIndex, type Problem } from './problem';
import { schemaErrorsToProblems } from './schemaProblems';
import { SchemaRegistry } from './schemaRegistry';

/** Documents above this size get one info problem instead of validation. */
export const MAX_VALIDATED_LENGTH = 2 * 1024 * 1024;

/** The document kinds of the product's document format. */
export const DOCUMENT_KINDS = ['change', 'reflection', 'action-plan', 'release-notes', 'rollback'] as const;

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

/** Validates one change-record document; never throws and never runs document content. */
export function validateDocument(text: string): Problem[] {
  const lines = new LineIndex(text.length > MAX_VALIDATED_LENGTH ? text.slice(0, 200) : text);
  if (text.length > MAX_VALIDATED_LENGTH) {
    return [{ range: lines.lineRange(0), severity: 'info', code: 'too-large', message: `Validation skipped: the document is larger than ${MAX_VALIDATED_LENGTH / (1024 * 1024)} MB.` }];
  }
  const { frontMatter, problems } = parseFrontMatter(text, lines);
  if (!frontMatter) {
    if (problems.length === 0) {
      problems.push({ range: lines.lineRange(0), severity: 'warning', code: 'no-front-matter', message: 'A change-record document starts with front matter: a "---" line, fields such as "kind: reflection", and a closing "---".' });
    }
    return problems;
  }
  if (frontMatter.data) problems.push(...schemaErrorsToProblems(schemas().validate(frontMatter.data), frontMatter, lines));
  return problems;
}
