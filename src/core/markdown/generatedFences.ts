import { createHash } from 'node:crypto';

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
}

const BEGIN = /^<!-- reflect:begin ([a-z][a-z0-9-]{0,63})(?: sha256=([0-9a-f]{16,64}))? -->[ \t]*$/;
const END = /^<!-- reflect:end ([a-z][a-z0-9-]{0,63}) -->[ \t]*$/;

/** The short content hash written into a begin marker (line breaks normalised). */
export function fenceHash(content: string): string {
  return createHash('sha256').update(content.includes('\r') ? content.replace(/\r\n/g, '\n') : content, 'utf8').digest('hex').slice(0, 16);
}

/** Finds well-formed fences (a begin and the next end of the same name, no begin between). */
export function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  let open: { name: string; hash?: string; start: number; contentStart: number; eol: '\n' | '\r\n' } | undefined;
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const hasCr = lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13;
    // Only a line starting with the marker's opening needs the patterns (generated blocks have thousands of lines).
    const mayBeMarker = text.startsWith('<!-- reflect:', offset);
    const line = mayBeMarker ? text.slice(offset, hasCr ? lineEnd - 1 : lineEnd) : '';
    const begin = mayBeMarker ? BEGIN.exec(line) : null;
    const end = mayBeMarker ? END.exec(line) : null;
    if (begin) {
      open = { name: begin[1], ...(begin[2] ? { hash: begin[2] } : {}), start: offset, contentStart: newline < 0 ? text.length : newline + 1, eol: hasCr ? '\r\n' : '\n' };
    } else if (end && open && end[1] === open.name) {
      // The break before the end marker belongs to the marker, not the content.
      let contentEnd = offset;
      if (contentEnd > open.contentStart && text[contentEnd - 1] === '\n') contentEnd -= contentEnd - 1 > open.contentStart && text[contentEnd - 2] === '\r' ? 2 : 1;
      const content = contentEnd >= open.contentStart ? text.slice(open.contentStart, contentEnd) : '';
      fences.push({ name: open.name, ...(open.hash ? { recordedHash: open.hash } : {}), start: open.start, end: offset + line.length, content, eol: open.eol });
      open = undefined;
    }
    if (newline < 0) break;
    offset = newline + 1;
  }
  return fences;
}

/** Writes the content hash into every fence's begin marker (what a fresh document carries). */
export function sealFences(text: string): string {
  let out = '';
  let last = 0;
  for (const fence of findFences(text)) {
    out += text.slice(last, fence.start) + `<!-- reflect:begin ${fence.name} sha256=${fenceHash(fence.content)} -->`;
    last = fence.start + text.slice(fence.start).indexOf('-->') + 3;
  }
  return out + text.slice(last);
}
