import MarkdownIt from 'markdown-it';
import { parseFrontMatter } from './frontMatterParser';
import { LineIndex, type TextRange } from './problem';

type MarkdownEngine = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<MarkdownEngine['parse']>[number];

/** A link or image in a document whose destination is a path, not a URL. */
export interface LocalLink {
  /** The destination as markdown-it normalised it (percent-encoded), the key renderers look it up by. */
  readonly href: string;
  /** The path part, decoded, without `#fragment` or `?query`; POSIX separators. */
  readonly path: string;
  readonly image: boolean;
  /** Where the destination is written in the document (whole document, front matter included). */
  readonly range: TextRange;
}

/** The most links read from one document: past it the rest are not checked (a bound on the work, not the text). */
export const MAX_LINKS_PER_DOCUMENT = 500;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a link destination names a path (relative, or from the repository
 * root with a leading `/`), not a URL: no scheme, not protocol-relative, not
 * only a `#fragment`.
 */
export function isLocalPath(href: string): boolean {
  const trimmed = href.trim();
  return trimmed.length > 0 && !SCHEME.test(trimmed) && !trimmed.startsWith('//') && !trimmed.startsWith('\\\\') && !trimmed.startsWith('#') && !trimmed.startsWith('?');
}

/** The decoded path of a local destination, without fragment or query; undefined when it cannot be decoded. */
export function pathOfLocalHref(href: string): string | undefined {
  const bare = href.trim().replace(/[#?].*$/s, '');
  if (bare.length === 0) return undefined;
  try {
    return decodeURIComponent(bare).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

let engine: MarkdownEngine | undefined;

function parser(): MarkdownEngine {
  if (engine) return engine;
  engine = new MarkdownIt('default', { html: false, linkify: false });
  // Every destination is parsed as a link here; which ones count is decided below.
  engine.validateLink = () => true;
  return engine;
}

/**
 * The local links and images of a document, in order, each placed on the
 * text of its destination. The front matter is skipped; links inside code
 * are not links.
 */
export function localLinksOf(text: string): LocalLink[] {
  const lines = new LineIndex(text);
  const { frontMatter } = parseFrontMatter(text, lines);
  const bodyOffset = frontMatter?.bodyOffset ?? 0;
  const bodyLine = lines.positionAt(bodyOffset).line;
  const body = text.slice(bodyOffset).replace(/^\uFEFF/, '');
  const bodyLines = body.split('\n');
  const links: LocalLink[] = [];
  for (const block of parser().parse(body, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    const [first, last] = block.map ?? [0, 0];
    let searchFrom = 0;
    for (const child of flatten(block.children)) {
      const raw = child.type === 'image' ? child.attrGet('src') : child.type === 'link_open' ? child.attrGet('href') : null;
      const href = raw === null ? undefined : String(raw);
      if (href === undefined || !isLocalPath(href)) continue;
      const path = pathOfLocalHref(href);
      if (path === undefined) continue;
      const found = locate(bodyLines, first, last, href, path, searchFrom);
      searchFrom = found.after;
      links.push({ href, path, image: child.type === 'image', range: { start: { line: bodyLine + found.line, character: found.character }, end: { line: bodyLine + found.line, character: found.character + found.length } } });
      if (links.length >= MAX_LINKS_PER_DOCUMENT) return links;
    }
  }
  return links;
}

function flatten(children: readonly Token[]): Token[] {
  return children.flatMap((child) => [child, ...(child.children ? flatten(child.children) : [])]);
}

// Finds the destination as written within the block's lines (markdown-it gives
// lines, not columns); a destination that cannot be found is placed at the block's start.
function locate(lines: readonly string[], first: number, last: number, href: string, path: string, from: number): { line: number; character: number; length: number; after: number } {
  const candidates = [...new Set([href, encodeURI(path), path])];
  let offset = 0;
  for (let line = first; line < Math.max(last, first + 1) && line < lines.length; line++) {
    const content = lines[line];
    for (const candidate of candidates) {
      const at = content.indexOf(candidate, Math.max(0, from - offset));
      if (at >= 0) return { line, character: at, length: candidate.length, after: offset + at + candidate.length };
    }
    offset += content.length + 1;
  }
  return { line: first, character: 0, length: lines[first]?.length ?? 0, after: from };
}
