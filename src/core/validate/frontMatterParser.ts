import { isMap, isSeq, type Document, type Node } from 'yaml';
import { keyText, mappingsOf, parseYamlWithinBudget } from './boundedYaml';
import type { Problem, TextRange } from './problem';
import { unclosedOpenings, type OpeningQuestion } from './yamlOpenings';
import { LineIndex } from './problem';

/** Front matter found at the top of a Markdown document. */
export interface FrontMatter {
  /** The YAML document, with source ranges relative to `sourceOffset`. */
  readonly document: Document.Parsed;
  /** Plain data, or undefined when it could not be built safely. */
  readonly data: Record<string, unknown> | undefined;
  /** Offset of the YAML source within the whole text. */
  readonly sourceOffset: number;
  /** Range of the opening `---` line. */
  readonly openingRange: TextRange;
  /** Range of the closing `---` (or `...`) line. */
  readonly closingRange: TextRange;
  /** Offset where the Markdown body starts, after the closing line. */
  readonly bodyOffset: number;
}

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly problems: Problem[];
}

/** Front matter above this size is not read: real front matter is a few kilobytes, and YAML parsing cost grows with it. */
export const MAX_FRONT_MATTER_LENGTH = 64 * 1024;

/** The most aliases a front matter may expand; an alias bomb stops here. */
const MAX_ALIAS_COUNT = 50;

/**
 * Finds and parses YAML front matter: the text between a first line `---`
 * and the next line `---` or `...`. Uses the `yaml` core schema with no
 * custom tags, so nothing in a document can construct functions or objects.
 */
export function parseFrontMatter(text: string, lines: LineIndex): FrontMatterResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = text.indexOf('\n', bom);
  const firstLine = text.slice(bom, firstLineEnd === -1 ? text.length : firstLineEnd).replace(/\r$/, '');
  if (firstLine.trimEnd() !== '---') {
    if (/^---\s*\S/.test(firstLine)) {
      return { problems: [{ range: lines.lineRange(0), severity: 'error', code: 'front-matter-language', message: `Front matter must start with a plain "---" line; "${firstLine.slice(0, 40)}" is not read (no other languages are run).` }] };
    }
    return { problems: [] };
  }
  const openingRange = lines.lineRange(0);
  if (firstLineEnd === -1) {
    return { problems: [{ range: openingRange, severity: 'error', code: 'unclosed-front-matter', message: 'The front matter is not closed: add a line "---" after the last field.' }] };
  }
  const sourceOffset = firstLineEnd + 1;
  const closing = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(sourceOffset);
  const match = closing.exec(rest);
  if (!match) {
    return { problems: [{ range: openingRange, severity: 'error', code: 'unclosed-front-matter', message: 'The front matter is not closed: add a line "---" after the last field.' }] };
  }
  const source = rest.slice(0, match.index);
  if (source.length > MAX_FRONT_MATTER_LENGTH) {
    return { problems: [{ range: openingRange, severity: 'error', code: 'front-matter-too-large', message: `The front matter is larger than ${MAX_FRONT_MATTER_LENGTH / 1024} KB and was not read.` }] };
  }
  const closingStart = sourceOffset + match.index;
  const closingLineEnd = text.indexOf('\n', closingStart);
  const bodyOffset = closingLineEnd === -1 ? text.length : closingLineEnd + 1;
  const closingRange = lines.lineRange(lines.positionAt(closingStart).line);
  let document: Document.Parsed;
  const problems: Problem[] = [];
  let data: Record<string, unknown> | undefined;
  try {
    // Duplicate keys are found below in one pass: yaml's own check compares every pair, which a
    // front matter with tens of thousands of keys turns into minutes.
    const parsed = parseYamlWithinBudget(source, { uniqueKeys: false, strict: true, prettyErrors: false, schema: 'core', customTags: [], merge: false });
    if (parsed.refusal) {
      const { start, end, reason, message } = parsed.refusal;
      return { problems: [{ range: lines.rangeOf(sourceOffset + start, sourceOffset + end), severity: 'error', code: reason === 'aliases' ? 'yaml-aliases' : 'yaml-syntax', message }] };
    }
    document = parsed.document;
    const openings = openingsOf(source, document.errors);
    document.errors.forEach((error, index) => {
      const opened = openings[index];
      const range = opened === undefined ? lines.rangeOf(sourceOffset + error.pos[0], sourceOffset + error.pos[1]) : lines.rangeOf(sourceOffset + opened, sourceOffset + lineEndAt(source, opened));
      problems.push({ range, severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${firstSentence(error.message)}` });
    });
    const duplicates = duplicateKeys(document);
    for (const key of duplicates) {
      const range = key.range ?? [0, 0];
      problems.push({ range: lines.rangeOf(sourceOffset + range[0], sourceOffset + range[1]), severity: 'error', code: 'duplicate-key', message: `Duplicate key: "${keyText(key).slice(0, 60)}" appears more than once.` });
    }
    for (const warning of document.warnings) {
      problems.push({ range: lines.rangeOf(sourceOffset + warning.pos[0], sourceOffset + warning.pos[1]), severity: 'warning', code: 'yaml-tag', message: `Ignored: ${firstSentence(warning.message)}` });
    }
    if (document.errors.length === 0 && duplicates.length === 0) {
      try {
        const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        if (value === null || value === undefined) data = {};
        else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
        else problems.push({ range: openingRange, severity: 'error', code: 'front-matter-not-mapping', message: 'The front matter must be a set of "key: value" fields.' });
      } catch (error) {
        if (error instanceof RangeError) throw error;
        problems.push({ range: openingRange, severity: 'error', code: 'yaml-aliases', message: `The front matter could not be read: ${firstSentence(error instanceof Error ? error.message : String(error))}` });
      }
    }
  } catch (error) {
    // Only nesting deep enough to exhaust the stack gets here; the text is refused, not half-read.
    if (!(error instanceof RangeError)) throw error;
    return { problems: [{ range: openingRange, severity: 'error', code: 'yaml-syntax', message: 'The front matter is nested too deeply to read.' }] };
  }
  return { frontMatter: { document, data, sourceOffset, openingRange, closingRange, bodyOffset }, problems };
}

/** The YAML node at a path of keys and list indexes (numbers or digit strings), with its key node when it sits in a map. */
export function nodeAtPath(frontMatter: FrontMatter, path: readonly (string | number)[]): { key?: Node; value?: Node } {
  let current: unknown = frontMatter.document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isSeq(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= current.items.length) return {};
      current = current.items[index];
      keyNode = undefined;
      continue;
    }
    if (!isMap(current)) return {};
    const pair = current.items.find((p) => keyText(p.key) === String(segment));
    if (!pair) return {};
    keyNode = pair.key as Node;
    current = pair.value;
  }
  return { key: keyNode, value: (current ?? undefined) as Node | undefined };
}

/** Keys that repeat an earlier key of the same mapping, found with one set per mapping. */
function duplicateKeys(document: Document.Parsed): Node[] {
  const found: Node[] = [];
  for (const map of mappingsOf(document.contents)) {
    const seen = new Set<string>();
    for (const pair of map.items) {
      const text = keyText(pair.key);
      if (seen.has(text)) found.push(pair.key as Node);
      else seen.add(text);
    }
  }
  return found;
}

/** Where the quote or bracket each "missing closing …" error is about was opened, in `source` (undefined for other errors). */
function openingsOf(source: string, errors: readonly { readonly code: string; readonly message: string; readonly pos: [number, number] }[]): (number | undefined)[] {
  const questions: OpeningQuestion[] = [];
  const asked: number[] = [];
  errors.forEach((error, index) => {
    const what = error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message) ? 'quote' : error.code === 'BAD_INDENT' && error.message.startsWith('Flow sequence') ? '[' : error.code === 'BAD_INDENT' && error.message.startsWith('Flow map') ? '{' : undefined;
    if (what === undefined) return;
    questions.push({ offset: error.pos[0], what });
    asked.push(index);
  });
  const answers: (number | undefined)[] = errors.map(() => undefined);
  unclosedOpenings(source, questions).forEach((answer, i) => (answers[asked[i]] = answer));
  return answers;
}

function lineEndAt(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end === -1 ? source.length : end;
}

function firstSentence(message: string): string {
  return message.split('\n', 1)[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
