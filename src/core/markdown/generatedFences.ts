import { createHash } from 'node:crypto';
import type MarkdownIt from 'markdown-it';

/**
 * Generated blocks in a document sit between two HTML comments on lines of
 * their own:
 *
 *     <!-- reflect:begin groups sha256=0123456789abcdef -->
 *     …generated Markdown…
 *     <!-- reflect:end groups -->
 *
 * The hash is of the content between the two lines as generated, so an edit
 * by a person inside a fence can be told apart from our own output. Commit
 * text is escaped before it reaches a document (`<` becomes `\<`), so no
 * commit message can write a marker line.
 *
 * Only a marker that is a top-level block of its own counts, as CommonMark
 * reads the document: at the start of a line, not inside a fenced or
 * indented code block, a block quote, a list item's indented content, a
 * larger HTML block (such as `<details>`) or the front matter. A marker
 * anywhere else is text the person wrote (an example, a quoted old block)
 * and is never rewritten.
 */

/** One fence found in a text, with byte offsets (UTF-16 indices) of its parts. */
export interface Fence {
  readonly name: string;
  /** The hash written in the begin marker, if any. */
  readonly recordedHash?: string;
  /** Index of the first character of the begin marker line. */
  readonly start: number;
  /** Index just after the end marker (before its line break). */
  readonly end: number;
  /** The content between the marker lines (without the begin line's break; with the break before the end marker removed). */
  readonly content: string;
  /** The line break the begin marker line uses. */
  readonly eol: '\n' | '\r\n';
  /** 1-based lines of the begin and end markers. */
  readonly beginLine: number;
  readonly endLine: number;
}

/** A marker that does not make a well-formed, unique block. */
export interface FenceProblem {
  /** 1-based line of the marker the problem is about. */
  readonly line: number;
  readonly message: string;
}

/** The generated blocks of a document are ambiguous or broken: nothing may be rewritten. */
export class GeneratedBlockError extends Error {
  constructor(
    readonly document: string,
    readonly problems: readonly FenceProblem[],
  ) {
    super(`${document}: the generated blocks cannot be updated safely, so nothing was changed: ${problems.map((p) => p.message).join('; ')}. Fix the marker lines and try again.`);
    this.name = 'GeneratedBlockError';
  }
}

const BEGIN = /^<!-- reflect:begin ([a-z][a-z0-9-]{0,63})(?: sha256=([0-9a-f]{16,64}))? -->[ \t]*$/;
const END = /^<!-- reflect:end ([a-z][a-z0-9-]{0,63}) -->[ \t]*$/;
const MARKER_START = '<!-- reflect:';

/** The short content hash written into a begin marker (line breaks normalised). */
export function fenceHash(content: string): string {
  return createHash('sha256').update(content.includes('\r') ? content.replace(/\r\n/g, '\n') : content, 'utf8').digest('hex').slice(0, 16);
}

interface Line {
  readonly index: number;
  readonly start: number;
  /** The line without its break. */
  readonly text: string;
  readonly eol: '\n' | '\r\n';
}

/**
 * The blocks of a text and what is wrong with its markers: a begin inside
 * an open block, an end without its begin, a block never closed, and a name
 * used by two blocks (naming both lines). `fences` holds the well-formed blocks.
 */
export function readFences(text: string, options: { readonly alwaysParse?: boolean } = {}): { fences: Fence[]; problems: FenceProblem[] } {
  const markers = markerLines(text);
  if (markers.length === 0) return { fences: [], problems: [] };
  const counted = topLevelMarkerLines(text, markers, options.alwaysParse ?? false);
  const fences: Fence[] = [];
  const problems: FenceProblem[] = [];
  let open: { name: string; hash?: string; line: Line } | undefined;
  for (const line of markers) {
    if (!counted.has(line.index)) continue;
    const begin = BEGIN.exec(line.text);
    const end = begin ? null : END.exec(line.text);
    if (begin) {
      if (open) problems.push({ line: line.index + 1, message: `line ${line.index + 1} begins block "${begin[1]}" inside block "${open.name}" begun on line ${open.line.index + 1} (blocks cannot nest)` });
      open = { name: begin[1], ...(begin[2] ? { hash: begin[2] } : {}), line };
    } else if (end) {
      if (!open) problems.push({ line: line.index + 1, message: `line ${line.index + 1} ends block "${end[1]}", which was never begun` });
      else if (open.name !== end[1]) {
        problems.push({ line: line.index + 1, message: `line ${line.index + 1} ends block "${end[1]}" while block "${open.name}" begun on line ${open.line.index + 1} is open` });
        open = undefined;
      } else {
        fences.push(fenceBetween(text, open, line));
        open = undefined;
      }
    }
  }
  if (open) problems.push({ line: open.line.index + 1, message: `block "${open.name}" begun on line ${open.line.index + 1} is never ended` });
  const byName = new Map<string, Fence[]>();
  for (const fence of fences) byName.set(fence.name, [...(byName.get(fence.name) ?? []), fence]);
  for (const [name, same] of byName) {
    if (same.length > 1) problems.push({ line: same[1].beginLine, message: `block "${name}" appears ${same.length} times (lines ${same.map((f) => f.beginLine).join(' and ')}); keep one` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { fences, problems };
}

/**
 * The generated blocks of a text, for rewriting it: any problem with the
 * markers (see `readFences`) raises `GeneratedBlockError`, so nothing is
 * rewritten on a guess. `document` names the text in the message.
 */
export function findFences(text: string, document = 'The document'): Fence[] {
  const { fences, problems } = readFences(text);
  if (problems.length > 0) throw new GeneratedBlockError(document, problems);
  return fences;
}

/** Writes the content hash into every fence's begin marker (what a fresh document carries). */
export function sealFences(text: string): string {
  let out = '';
  let last = 0;
  for (const fence of findFences(text, 'The generated text')) {
    out += text.slice(last, fence.start) + `<!-- reflect:begin ${fence.name} sha256=${fenceHash(fence.content)} -->`;
    last = fence.start + text.slice(fence.start).indexOf('-->') + 3;
  }
  return out + text.slice(last);
}

function fenceBetween(text: string, open: { name: string; hash?: string; line: Line }, endLine: Line): Fence {
  const contentStart = open.line.start + open.line.text.length + open.line.eol.length;
  // The break before the end marker belongs to the marker, not the content.
  let contentEnd = endLine.start;
  if (contentEnd > contentStart && text[contentEnd - 1] === '\n') contentEnd -= contentEnd - 1 > contentStart && text[contentEnd - 2] === '\r' ? 2 : 1;
  const content = contentEnd >= contentStart ? text.slice(contentStart, contentEnd) : '';
  return {
    name: open.name,
    ...(open.hash ? { recordedHash: open.hash } : {}),
    start: open.line.start,
    end: endLine.start + endLine.text.length,
    content,
    eol: open.line.eol === '\r\n' ? '\r\n' : '\n',
    beginLine: open.line.index + 1,
    endLine: endLine.index + 1,
  };
}

// Only a line starting with the marker's opening needs a closer look (generated blocks have thousands of lines).
function markerLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let index = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    if (text.startsWith(MARKER_START, offset)) {
      const hasCr = lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13;
      lines.push({ index, start: offset, text: text.slice(offset, hasCr ? lineEnd - 1 : lineEnd), eol: newline < 0 ? '\n' : hasCr ? '\r\n' : '\n' });
    }
    if (newline < 0) break;
    offset = newline + 1;
    index++;
  }
  return lines;
}

let blockParser: InstanceType<typeof MarkdownIt> | undefined;

// A line that can open a block able to run past a later marker line: a code
// fence, an HTML block other than a comment closed on its own line, or a link
// reference definition (whose destination may sit on the next line).
const MAY_HIDE_MARKERS = /^ {0,3}(?:`{3}|~{3}|\[|<(?!!--.*-->))/m;

/**
 * The 0-based lines of marker candidates that count (see `topLevelHtmlLines`).
 * When no line of the text can open a code fence, an HTML block that runs on,
 * or a link reference definition, nothing can hide a marker line that starts
 * a line: a paragraph, list, block quote or table ends at it (a one-line
 * comment interrupts them all) and indented code cannot hold a line that is
 * not indented. Then every marker line closed on its own line counts, and
 * the block parser is not run over the generated thousands of lines; any
 * other text is parsed. `alwaysParse` is for the test that holds the two
 * readings equal.
 */
function topLevelMarkerLines(text: string, markers: readonly Line[], alwaysParse: boolean): ReadonlySet<number> {
  // CRLF becomes LF (the line count is unchanged) so a closing code fence followed by CR still closes.
  const lf = text.replace(/\r\n/g, '\n');
  const frontMatter = FRONT_MATTER.exec(lf)?.[0];
  const source = frontMatter === undefined ? lf : frontMatter.replace(/[^\n]+/g, '') + lf.slice(frontMatter.length);
  if (alwaysParse || MAY_HIDE_MARKERS.test(source)) return topLevelHtmlLines(source);
  // No marker in the front matter counts.
  const breaks = frontMatter?.split('\n').length ?? 1;
  const frontMatterLines = frontMatter === undefined ? 0 : frontMatter.endsWith('\n') ? breaks - 1 : breaks;
  return new Set(markers.filter((m) => m.index >= frontMatterLines && m.text.includes('-->')).map((m) => m.index));
}

/**
 * The 0-based lines that are an HTML block of one line at the top level of
 * the document, as markdown-it's block parser sees it (HTML recognised only
 * to find the blocks; nothing is rendered). `source` has its front matter
 * blanked, line for line, so it is neither Markdown nor a place for markers.
 */
function topLevelHtmlLines(source: string): Set<number> {
  // Loaded on first use: most texts are read without it (see `topLevelMarkerLines`), and its
  // tables cost a command's start-up. The build resolves this to the same copy `import` does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  blockParser ??= new (require('markdown-it') as { default: typeof MarkdownIt }).default('default', { html: true, linkify: false });
  const tokens: ReturnType<typeof blockParser.parse> = [];
  blockParser.block.parse(source, blockParser, {}, tokens);
  const lines = new Set<number>();
  for (const token of tokens) {
    if (token.type === 'html_block' && token.level === 0 && token.map && token.map[1] - token.map[0] === 1) lines.add(token.map[0]);
  }
  return lines;
}

// Front matter: a `---` line first, to the next `---` or `...` line.
const FRONT_MATTER = /^\uFEFF?---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
