import { isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Problem, TextRange } from './problem';
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
}

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly problems: Problem[];
}

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
  const sourceOffset = firstLineEnd + 1;
  const closing = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(sourceOffset);
  const match = closing.exec(rest);
  if (!match) {
    return { problems: [{ range: openingRange, severity: 'error', code: 'unclosed-front-matter', message: 'The front matter is not closed: add a line "---" after the last field.' }] };
  }
  const source = rest.slice(0, match.index);
  const document = parseDocument(source, { uniqueKeys: true, strict: true, prettyErrors: false, schema: 'core', customTags: [], merge: false });
  const problems: Problem[] = [];
  for (const error of document.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    problems.push({
      range: lines.rangeOf(sourceOffset + error.pos[0], sourceOffset + error.pos[1]),
      severity: 'error',
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate ? `Duplicate key: ${firstSentence(error.message)}` : `YAML syntax error: ${firstSentence(error.message)}`,
    });
  }
  for (const warning of document.warnings) {
    problems.push({ range: lines.rangeOf(sourceOffset + warning.pos[0], sourceOffset + warning.pos[1]), severity: 'warning', code: 'yaml-tag', message: `Ignored: ${firstSentence(warning.message)}` });
  }
  let data: Record<string, unknown> | undefined;
  if (document.errors.length === 0) {
    try {
      const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else problems.push({ range: openingRange, severity: 'error', code: 'front-matter-not-mapping', message: 'The front matter must be a set of "key: value" fields.' });
    } catch (error) {
      problems.push({ range: openingRange, severity: 'error', code: 'yaml-aliases', message: `The front matter could not be read: ${firstSentence(error instanceof Error ? error.message : String(error))}` });
    }
  }
  return { frontMatter: { document, data, sourceOffset, openingRange }, problems };
}

/** The YAML node at a path of keys, with its key node when it sits in a map. */
export function nodeAtPath(frontMatter: FrontMatter, path: readonly (string | number)[]): { key?: Node; value?: Node } {
  let current: unknown = frontMatter.document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (!isMap(current)) {
      const items = (current as { items?: unknown[] } | null)?.items;
      if (Array.isArray(items) && typeof segment === 'number') {
        current = items[segment];
        keyNode = undefined;
        continue;
      }
      return {};
    }
    const pair = current.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
    if (!pair) return {};
    keyNode = pair.key as Node;
    current = pair.value;
  }
  return { key: keyNode, value: (current ?? undefined) as Node | undefined };
}

function firstSentence(message: string): string {
  return message.split('\n', 1)[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
