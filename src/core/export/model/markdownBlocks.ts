import type { PackLink } from '../packAttachments';
import { MODEL_BROKEN_LINK_TOKEN, MODEL_IMAGE_TOKEN, modelImageOf, parseMarkdownBody, type ModelImageMeta, type Token } from '../safeMarkdown';
import type { InlineSpan, PackBlock, PackImage } from './packModel';

/**
 * A document body as pack blocks: headings, paragraphs with bold, italic,
 * code and links, lists, block quotes, code blocks and tables. Parsed by the
 * same markdown-it engine and safety pass as the HTML pack, so both show the
 * same text and link the same destinations. With the record's `links`
 * looked up, a link to another document or an attached file is a link
 * inside the pack, a broken one is marked, and an embedded image of the
 * record is an image block at its place.
 */
export function markdownBlocks(body: string, headingOffset = 2, links?: ReadonlyMap<string, PackLink>): { readonly blocks: PackBlock[]; readonly tasks: { readonly done: number; readonly open: number } } {
  const { tokens, tasks } = parseMarkdownBody(body, headingOffset, links);
  const reader = { tokens, at: 0 };
  return { blocks: readBlocks(reader, undefined), tasks };
}

interface TokenReader {
  readonly tokens: readonly Token[];
  at: number;
}

// Reads blocks until the token closing the current container (`until`), which is consumed.
function readBlocks(reader: TokenReader, until: string | undefined): PackBlock[] {
  const blocks: PackBlock[] = [];
  while (reader.at < reader.tokens.length) {
    const token = reader.tokens[reader.at++];
    if (until !== undefined && token.type === until) return blocks;
    blocks.push(...readBlock(reader, token));
  }
  return blocks;
}

function readBlock(reader: TokenReader, token: Token): PackBlock[] {
  switch (token.type) {
    case 'heading_open': {
      const text = inlineOf(reader.tokens[reader.at]);
      skipTo(reader, 'heading_close');
      return [{ kind: 'heading', level: Number(token.tag.slice(1)) || 6, text }];
    }
    case 'paragraph_open': {
      const parts = paragraphParts(reader.tokens[reader.at]);
      skipTo(reader, 'paragraph_close');
      return parts;
    }
    case 'bullet_list_open':
    case 'ordered_list_open': {
      const ordered = token.type === 'ordered_list_open';
      const start = Number(token.attrGet('start') ?? 1);
      const items = readListItems(reader, ordered ? 'ordered_list_close' : 'bullet_list_close');
      return [{ kind: 'list', ordered, ...(ordered && start !== 1 ? { start } : {}), items }];
    }
    case 'blockquote_open':
      return [{ kind: 'quote', blocks: readBlocks(reader, 'blockquote_close') }];
    case 'fence':
    case 'code_block':
      return [{ kind: 'code', text: token.content.replace(/\n$/, '') }];
    case 'hr':
      return [{ kind: 'rule' }];
    case 'table_open':
      return [readTable(reader)];
    default:
      return [];
  }
}

function readListItems(reader: TokenReader, close: string): PackBlock[][] {
  const items: PackBlock[][] = [];
  while (reader.at < reader.tokens.length) {
    const token = reader.tokens[reader.at++];
    if (token.type === close) break;
    if (token.type === 'list_item_open') items.push(readBlocks(reader, 'list_item_close'));
  }
  return items;
}

function readTable(reader: TokenReader): PackBlock {
  const header: InlineSpan[][] = [];
  const rows: InlineSpan[][][] = [];
  let row: InlineSpan[][] | undefined;
  let inHead = false;
  while (reader.at < reader.tokens.length) {
    const token = reader.tokens[reader.at++];
    if (token.type === 'table_close') break;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push(row);
      row = undefined;
    } else if (token.type === 'inline' && row) row.push(inlineOf(token));
  }
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => ({ title: (header[i] ?? []).map((s) => s.text).join(''), kind: 'text' as const }));
  return { kind: 'table', columns, rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? [])) };
}

function skipTo(reader: TokenReader, type: string): void {
  while (reader.at < reader.tokens.length && reader.tokens[reader.at++].type !== type);
}

/** A paragraph's blocks: its text, split where an embedded image of the record stands (each image a block of its own). */
function paragraphParts(token: Token | undefined): PackBlock[] {
  const children = token?.type === 'inline' ? (token.children ?? []) : [];
  if (!token || !children.some((c) => c.type === MODEL_IMAGE_TOKEN)) return [{ kind: 'paragraph', text: inlineOf(token) }];
  const parts: PackBlock[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    const text = spansOf(run);
    if (text.some((s) => s.text.trim().length > 0)) parts.push({ kind: 'paragraph', text });
    run = [];
  };
  for (const child of children) {
    if (child.type !== MODEL_IMAGE_TOKEN) {
      run.push(child);
      continue;
    }
    flush();
    const meta = modelImageOf(child);
    const image = meta ? imageOf(meta) : undefined;
    if (image) parts.push(image);
  }
  flush();
  return parts;
}

function imageOf(meta: ModelImageMeta): PackImage | undefined {
  const image = meta.file.image;
  if (!image) return undefined;
  return { kind: 'image', type: image.type, dataUri: image.dataUri, alt: meta.alt.length > 0 ? meta.alt : meta.file.path };
}

/** The spans of an inline token: emphasis and links tracked as a stack, breaks as `\n`. */
function inlineOf(token: Token | undefined): InlineSpan[] {
  if (!token || token.type !== 'inline' || !token.children) return [];
  return spansOf(token.children);
}

function spansOf(children: readonly Token[]): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
  const push = (text: string, code = false): void => {
    if (text.length === 0) return;
    const href = links[links.length - 1];
    // A link inside the pack (to another document or an attached file) is an anchor; the rest are http, https or mailto.
    const target = href === undefined || href.length === 0 ? {} : href.startsWith('#') ? { anchor: href.slice(1) } : { href };
    spans.push({ text, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}), ...(code ? { code: true } : {}), ...target });
  };
  for (const child of children) {
    if (child.type === 'text') push(child.content);
    else if (child.type === 'code_inline') push(child.content, true);
    else if (child.type === 'softbreak') push(' ');
    else if (child.type === 'hardbreak') push('\n');
    else if (child.type === 'strong_open') bold++;
    else if (child.type === 'strong_close') bold--;
    else if (child.type === 'em_open') italic++;
    else if (child.type === 'em_close') italic--;
    else if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
    else if (child.type === MODEL_BROKEN_LINK_TOKEN) spans.push({ text: child.content, italic: true });
    else if (child.type === MODEL_IMAGE_TOKEN) continue;
    else if (child.type === 'link_close') links.pop();
    else if (child.content.length > 0) push(child.content);
  }
  return spans;
}
