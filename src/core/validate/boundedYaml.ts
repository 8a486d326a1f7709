import { CST, Composer, Lexer, Parser, YAMLParseError, isCollection, isMap, isPair, isScalar, type Document, type YAMLMap, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * How much work one YAML text may cost. Each limit is counted on what the
 * `yaml` lexer and parser really produce, never guessed from the text, and is
 * checked as the text is read, so a hostile text stops at the limit instead
 * of after the work.
 */
export interface YamlBudget {
  /** Lexical tokens (indicators, scalars, spaces, newlines, comments). */
  readonly maxTokens: number;
  /** Collections and scalars open at once in the parser: the nesting depth. */
  readonly maxDepth: number;
  /** Alias nodes (`*name`); each costs a look-up over the anchors when data is built. */
  readonly maxAliases: number;
}

/**
 * Enough for any real front matter and far below what makes parsing slow.
 * Our templates' front matter is under 100 tokens, and a change record with
 * every list at its schema's maximum is about 10,600; 64 KB of the densest
 * YAML is about 100,000, which costs `yaml` several hundred milliseconds.
 * No field nests more than a few levels.
 */
export const FRONT_MATTER_BUDGET: YamlBudget = { maxTokens: 20_000, maxDepth: 64, maxAliases: 100 };

/** Why a text was not read: which limit it reached, and where. */
export interface YamlRefusal {
  readonly reason: 'tokens' | 'depth' | 'aliases' | 'collection-key';
  /** Offsets within the source of the token or key that reached the limit. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export type BoundedYamlResult = { readonly document: Document.Parsed; readonly refusal?: undefined } | { readonly document?: undefined; readonly refusal: YamlRefusal };

export type BoundedYamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Parses the first YAML document of `source` within `budget`, or refuses it.
 * Lexing, parsing and composing are driven one token at a time (what
 * `parseDocument` does inside, without the limits), and the composed document
 * is checked for keys that are lists or mappings: building data from those
 * stringifies every nested key again, which costs more than the text is long.
 */
export function parseYamlWithinBudget(source: string, options: BoundedYamlOptions, budget: YamlBudget = FRONT_MATTER_BUDGET): BoundedYamlResult {
  // yaml reports each syntax error as an Error object; a text of nothing but errors makes thousands,
  // and capturing a stack trace for each is most of their cost. Nothing reads those traces.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseWithin(source, options, budget);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function parseWithin(source: string, options: BoundedYamlOptions, budget: YamlBudget): BoundedYamlResult {
  const parser = new Parser();
  const composer = new Composer(options);
  const documents: Document.Parsed[] = [];
  let tokens = 0;
  let aliases = 0;
  let afterScalarMarker = false;
  let offset = 0;
  const take = (token: CST.Token): void => {
    for (const document of composer.next(token)) documents.push(document as Document.Parsed);
  };
  for (const lexeme of new Lexer().lex(source)) {
    tokens++;
    // The lexer marks a scalar's text with a token of its own; what follows is text, whatever it starts with.
    const type: string | null = afterScalarMarker ? 'scalar-text' : CST.tokenType(lexeme);
    afterScalarMarker = type === 'scalar';
    if (type === 'alias') aliases++;
    const end = offset + lexemeWidth(lexeme);
    if (tokens > budget.maxTokens) return refuse('tokens', offset, end, `The front matter is too complex to read: it has more than ${budget.maxTokens} YAML tokens (keys, values and punctuation), and real front matter has a few hundred.`);
    if (aliases > budget.maxAliases) return refuse('aliases', offset, end, `The front matter uses more than ${budget.maxAliases} aliases and was not read.`);
    for (const token of parser.next(lexeme)) take(token);
    // The parser's stack holds every collection and scalar still open: block, flow and `? ` keys alike.
    if (parser.stack.length > budget.maxDepth) return refuse('depth', offset, end, `The front matter nests lists or mappings more than ${budget.maxDepth} levels deep and was not read.`);
    // Only the first document is kept, as `parseDocument` does; the rest is not composed.
    if (documents.length > 1) break;
    offset = end;
  }
  if (documents.length <= 1) {
    for (const token of parser.end()) take(token);
    for (const document of composer.end(true, source.length)) documents.push(document as Document.Parsed);
  }
  const [document, second] = documents;
  if (second) document.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; only one is read'));
  const key = firstCollectionKey(document);
  if (key) {
    const [start, end] = key.range ?? [0, 0];
    return refuse('collection-key', start, end, 'A key of the front matter is a list or mapping; keys must be plain text, so the front matter was not read.');
  }
  return { document };
}

/**
 * How many characters of the source a lexeme stands for: the lexer adds
 * markers of its own (document start, scalar start, flow end) that take none.
 */
export function lexemeWidth(lexeme: string): number {
  return lexeme === '\x02' || lexeme === '\x1f' || lexeme === '\x18' ? 0 : lexeme.length;
}

function refuse(reason: YamlRefusal['reason'], start: number, end: number, message: string): BoundedYamlResult {
  return { refusal: { reason, start, end, message } };
}

/** The first key that is a list or mapping. */
function firstCollectionKey(document: Document.Parsed): Node | undefined {
  for (const map of mappingsOf(document.contents)) {
    for (const pair of map.items) if (isCollection(pair.key)) return pair.key;
  }
  return undefined;
}

/**
 * Every mapping under `root`, outer ones first, walked without recursion and
 * without yaml's `visit` (which copies the path at every node). Values are
 * walked, keys are not: a key that is a collection is refused, not read.
 */
export function* mappingsOf(root: unknown): Generator<YAMLMap<unknown, unknown>> {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) yield node;
    if (!isCollection(node)) continue;
    for (const item of node.items) pending.push(isPair(item) ? item.value : item);
  }
}

/**
 * The text of a mapping key as data sees it. A list or mapping key is refused
 * by `parseYamlWithinBudget`; it is never stringified here, which would cost
 * its whole subtree, again at every level.
 */
export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return isCollection(key) ? '' : String(key);
}
