import { escapeMarkdownInline } from '../markdown/markdownEscape';
import type { RemoteLinks } from './remoteLinks';

/** A commit subject as Markdown, and which of its issue references it already shows. */
export interface RenderedSubject {
  readonly markdown: string;
  /** References that appear in the subject (linked there when links are known), so they are not listed again. */
  readonly shown: ReadonlySet<string>;
}

// Characters with inline meaning, escaped in the text between code spans.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;
// What a subject may not keep: line breaks and control characters.
const LINE_BREAKS = /[\r\n\t\v\f\u2028\u2029]+/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Renders an untrusted one-line subject for a list item: the code spans the
 * author wrote (`` `null` ``, as CommonMark reads them: a run of backticks
 * closed by a run of the same length) stay code spans, whose content no
 * Markdown renderer interprets; everything else is escaped as plain text, so
 * no heading, list, link, HTML or comment can be forged. The first mention
 * of each of `refs` (`#123`, `ABC-123`) outside code is linked when `links`
 * says where it lives, and reported as shown either way.
 */
export function renderCommitSubject(subject: string, refs: readonly string[], links?: RemoteLinks): RenderedSubject {
  const text = subject.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').trim();
  const shown = new Set<string>();
  // Nearly every subject has no backtick and no reference: the plain escape is the whole answer.
  if (!text.includes('`') && refs.length === 0) return { markdown: escapeMarkdownInline(text), shown };
  let markdown = '';
  for (const segment of splitCodeSpans(text)) {
    markdown += segment.code ? segment.text : linkRefs(escapePlain(segment.text), refs, links, shown);
  }
  return { markdown: escapeLeadingMarker(markdown), shown };
}

interface Segment {
  readonly text: string;
  readonly code: boolean;
}

/** Splits text into plain runs and complete code spans (delimiters included); an unclosed run of backticks is plain text. */
function splitCodeSpans(text: string): Segment[] {
  const segments: Segment[] = [];
  let plainFrom = 0;
  let at = text.indexOf('`');
  while (at >= 0) {
    let runEnd = at;
    while (text[runEnd] === '`') runEnd++;
    const run = runEnd - at;
    const close = findRun(text, runEnd, run);
    if (close < 0) {
      at = text.indexOf('`', runEnd);
      continue;
    }
    const content = text.slice(runEnd, close);
    // An empty or all-space span is not worth keeping as code; leave it to the plain escape.
    if (content.trim().length > 0) {
      if (at > plainFrom) segments.push({ text: text.slice(plainFrom, at), code: false });
      segments.push({ text: text.slice(at, close + run), code: true });
      plainFrom = close + run;
    }
    at = text.indexOf('`', close + run);
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), code: false });
  return segments;
}

/** The start of the next run of exactly `length` backticks at or after `from`, or -1. */
function findRun(text: string, from: number, length: number): number {
  for (let at = text.indexOf('`', from); at >= 0; ) {
    let end = at;
    while (text[end] === '`') end++;
    if (end - at === length) return at;
    at = text.indexOf('`', end);
  }
  return -1;
}

function escapePlain(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** A backslash before a list, heading or setext marker that would start the item's text. */
function escapeLeadingMarker(markdown: string): string {
  if (/^[-+=#]/.test(markdown)) return `\\${markdown}`;
  const numbered = /^(\d+)([.)])/.exec(markdown);
  return numbered ? `${numbered[1]}\\${markdown.slice(numbered[1].length)}` : markdown;
}

/** Links the first mention of each reference in escaped plain text (references hold only letters, digits, `#` and `-`, which the escape leaves alone). */
function linkRefs(escaped: string, refs: readonly string[], links: RemoteLinks | undefined, shown: Set<string>): string {
  let out = escaped;
  for (const ref of refs) {
    if (shown.has(ref)) continue;
    const start = firstMention(out, ref);
    if (start < 0) continue;
    shown.add(ref);
    const url = links?.issue(ref);
    if (!url) continue;
    out = `${out.slice(0, start)}[${ref}](${url})${out.slice(start + ref.length)}`;
  }
  return out;
}

/**
 * Where `ref` first stands on its own in `text`: not preceded by a word
 * character, `/`, `#` or `-`, nor followed by a word character or `-`; -1
 * when it never does. Searched by position, not with a regular expression
 * built per reference: this runs for every commit of a range.
 */
function firstMention(text: string, ref: string): number {
  for (let at = text.indexOf(ref); at >= 0; at = text.indexOf(ref, at + 1)) {
    const before = at === 0 ? -1 : text.charCodeAt(at - 1);
    const after = at + ref.length < text.length ? text.charCodeAt(at + ref.length) : -1;
    if (!isWordCharacter(before) && before !== 0x2f && before !== 0x23 && before !== 0x2d && !isWordCharacter(after) && after !== 0x2d) return at;
  }
  return -1;
}

/** A character `\w` matches: an ASCII letter, digit or `_`. */
function isWordCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}
