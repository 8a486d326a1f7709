/**
 * Escaping of untrusted text (commit subjects, scopes, names) for Markdown
 * that markdown-it and other CommonMark renderers read as plain text: it
 * cannot open a heading, list, table, link, code span, HTML or comment.
 */

// Characters with inline meaning anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;
// Per ASCII code: 1 has inline meaning (gets a backslash); 2 is a control
// character or line break (the text goes through the clean-up pass).
const ASCII_KIND = new Uint8Array(128);
for (const c of '\\`*_[]<>|~&') ASCII_KIND[c.charCodeAt(0)] = 1;
for (let code = 0; code < 32; code++) ASCII_KIND[code] = 2;
ASCII_KIND[127] = 2;

/**
 * Escapes one line of untrusted text for use inside a Markdown paragraph,
 * list item or table cell. One pass over the characters: this runs for every
 * commit of a range, and most subjects need nothing or only a backslash.
 */
export function escapeMarkdownInline(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  if (isSpace(text, 0) || isSpace(text, n - 1)) return escapeWithCleanUp(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_KIND[code] : code === 0x2028 || code === 0x2029 ? 2 : 0;
    if (kind === 0) continue;
    if (kind === 2) return escapeWithCleanUp(text);
    out += `${text.slice(from, i)}\\`;
    from = i;
  }
  return escapeBlockStart(out === '' ? text : out + text.slice(from));
}

/** Line breaks become spaces, control characters go, surrounding space is trimmed; then escaped. */
function escapeWithCleanUp(text: string): string {
  const oneLine = text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').trim();
  return escapeBlockStart(oneLine.replace(INLINE_SPECIAL, '\\$&'));
}

/**
 * A backslash before a list, heading or setext marker (`-`, `+`, `=`, `#`,
 * `1.`, `1)`) that starts the text; the text never starts with a space here.
 */
function escapeBlockStart(text: string): string {
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43 || first === 61 || first === 35) return `\\${text}`;
  if (!isDigit(first)) return text;
  let end = 1;
  while (isDigit(text.charCodeAt(end))) end++;
  const next = text.charCodeAt(end);
  return next === 46 || next === 41 ? `${text.slice(0, end)}\\${text.slice(end)}` : text;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || (code < 32 ? code >= 9 && code <= 13 : code >= 128 && /\s/.test(text[index]));
}

/** Text for inside a Markdown code span, or a plain-text fallback when it holds backticks. */
export function escapeCodeSpan(text: string): string {
  const clean = text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]+/g, ' ') : text;
  return clean.includes('`') ? escapeMarkdownInline(clean) : `\`${clean}\``;
}
