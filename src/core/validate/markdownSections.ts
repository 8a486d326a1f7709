import MarkdownIt from 'markdown-it';

/** A heading of a Markdown body and what sits under it, up to the next heading. */
export interface MarkdownSection {
  readonly heading: string;
  readonly level: number;
  /** Zero-based line of the heading in the whole document. */
  readonly line: number;
  /** Zero-based line where the section ends (exclusive): the next heading, or the end of the body. */
  readonly endLine: number;
  /** Blocks that are not prompts: answers, lists, tables, code. */
  readonly answerBlocks: number;
  /** Lines (zero-based, whole document) of blockquotes that hold only prompts. */
  readonly promptLines: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** Whether a deeper heading follows directly, so the section holds subsections. */
  readonly hasSubsections: boolean;
}

type MarkdownParser = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<MarkdownParser['parse']>[number];

const PROMPT_TEXT = '**Prompt:**';

let engine: MarkdownParser | undefined;
/** One parser for every document: no HTML, no linkify, no typographer; only tokens are read. */
function markdown(): MarkdownParser {
  if (!engine) {
    engine = new MarkdownIt('commonmark', { html: false });
    // Only block structure is read; inline parsing (emphasis, links) is the costly part and not needed.
    engine.core.ruler.disable(['inline', 'text_join'], true);
  }
  return engine;
}

/**
 * Reads the sections of a Markdown body from markdown-it's block tokens.
 * `firstLine` is the body's first line within the whole document.
 */
export function readSections(body: string, firstLine: number): MarkdownSection[] {
  const tokens = markdown().parse(body, {});
  const bodyLines = countLines(body);
  const sections: Array<{ -readonly [K in keyof MarkdownSection]: MarkdownSection[K] }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0) continue;
    const current = sections.at(-1);
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const line = firstLine + (token.map?.[0] ?? 0);
      if (current) {
        current.endLine = line;
        current.hasSubsections = current.answerBlocks === 0 && current.promptLines.length === 0 && level > current.level;
      }
      sections.push({ heading: tokens[i + 1]?.content ?? '', level, line, endLine: firstLine + bodyLines, answerBlocks: 0, promptLines: [], hasSubsections: false });
      continue;
    }
    if (!current || token.nesting === -1 || token.type === 'inline' || token.type === 'heading_close') continue;
    if (token.type === 'blockquote_open' && isPromptBlock(tokens, i)) {
      const [start, end] = token.map ?? [0, 1];
      current.promptLines = [...current.promptLines, { start: firstLine + start, end: firstLine + end }];
      i = closingIndex(tokens, i);
      continue;
    }
    current.answerBlocks++;
    if (token.nesting === 1) i = closingIndex(tokens, i);
  }
  return sections;
}

/** A heading reduced for comparison: case, emphasis, spacing and trailing punctuation do not matter. */
export function normaliseHeading(heading: string): string {
  return heading.replace(/[*_`\\]/g, '').replace(/\s+/g, ' ').replace(/[\s:?.!]+$/, '').trim().toLowerCase();
}

/** Whether the blockquote at `index` holds only prompt lines (the template's questions, unanswered). */
function isPromptBlock(tokens: readonly Token[], index: number): boolean {
  const end = closingIndex(tokens, index);
  let sawPrompt = false;
  for (let i = index + 1; i < end; i++) {
    const token = tokens[i];
    if (token.type === 'inline') {
      const lines = token.content.split('\n').map((l: string) => l.trim()).filter((l: string) => l.length > 0);
      if (!lines.every((l: string) => l.startsWith(PROMPT_TEXT))) return false;
      sawPrompt ||= lines.length > 0;
    } else if (token.type !== 'paragraph_open' && token.type !== 'paragraph_close') {
      return false;
    }
  }
  return sawPrompt;
}

/** The index of the token that closes the block opened at `index`. */
function closingIndex(tokens: readonly Token[], index: number): number {
  const open = tokens[index];
  if (open.nesting !== 1) return index;
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    if (tokens[i].nesting === 1 && tokens[i].level === open.level) depth++;
    else if (tokens[i].nesting === -1 && tokens[i].level === open.level) depth--;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
