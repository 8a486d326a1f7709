import { readableDate } from '../vocabulary/readableDate';
import { escapeHtml, htmlOf, textOf } from './htmlText';

/**
 * A front matter or git date as HTML: a `<time>` element showing the
 * readable form, with the ISO value as written in its `datetime` (and as a
 * tooltip). A value that is not an ISO date is shown escaped, as written;
 * a missing one as the `missing` placeholder.
 */
export function dateHtml(value: unknown, missing = 'not recorded'): string {
  const text = textOf(value);
  if (text === undefined) return htmlOf(undefined, missing);
  const readable = readableDate(text);
  if (readable === undefined) return escapeHtml(text);
  // Only an ISO value (digits, `-`, `:`, `.`, `T`, `Z`, `+`, space) reaches the attributes.
  const iso = escapeHtml(text.trim());
  return `<time datetime="${iso}" title="${iso}">${escapeHtml(readable)}</time>`;
}
