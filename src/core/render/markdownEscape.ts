/**
 * Escaping of untrusted text (commit subjects, scopes, names) for Markdown
 * that markdown-it and other CommonMark renderers read as plain text: it
 * cannot open a heading, list, table, link, code span, HTML or comment.
 */

// Characters with inline meaning anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;
// Anything the escaping would change: specials, control characters, line
// breaks, surrounding space, or a block marker at the start.
const NEEDS_WORK = /[\\`*_[\]<>|~&\u0000-\u001f\u007f\u2028\u2029]|^\s|\s$|^([-+=#]|\d+[.)])/;
// Characters that open a block only at the start of a line.
const BLOCK_START = /^(\s*)([-+=#]|\d+[.)])/;

/** Escapes one line of untrusted text for use inside a Markdown paragraph, list item or table cell. */
export function escapeMarkdownInline(text: string): string {
  // Most subjects need no change at all: one test instead of four replacements.
  if (!NEEDS_WORK.test(text)) return text;
  const oneLine = text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').trim();
  const escaped = oneLine.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  return escaped.replace(BLOCK_START, (_m, space: string, marker: string) => `${space}${marker.replace(/([-+=#.)])$/, '\\$1')}`);
}

/** Text for inside a Markdown code span, or a plain-text fallback when it holds backticks. */
export function escapeCodeSpan(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  return /`/.test(clean) ? escapeMarkdownInline(clean) : `\`${clean}\``;
}
