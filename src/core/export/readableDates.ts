import { escapeHtml, htmlOf, textOf } from './htmlText';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NBSP = '\u00a0';

/**
 * An ISO 8601 date or date-time the way people read it: `23 Oct 2026`, or
 * `2 Dec 2026, 21:00 UTC` (the time as written, in its own zone, never
 * converted); undefined for anything that is not a calendar date. The parts
 * of the date are joined by no-break spaces, so a narrow column never splits them.
 */
export function readableDate(value: string): string | undefined {
  const match = value.length <= 40 ? ISO.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const date = [String(day), MONTHS[month - 1], match[1]].join(NBSP);
  if (match[4] === undefined) return date;
  if (Number(match[4]) > 23 || Number(match[5]) > 59) return undefined;
  const seconds = match[6] !== undefined && match[6] !== '00' ? `:${match[6]}` : '';
  return `${date}, ${match[4]}:${match[5]}${seconds}${NBSP}${zoneOf(match[7])}`;
}

function zoneOf(zone: string | undefined): string {
  if (zone === undefined) return '(no time zone given)';
  if (zone === 'Z' || /^[+-]00:?00$/.test(zone)) return 'UTC';
  return `UTC${zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
}

/**
 * A front matter or git date as HTML: a `<time>` element showing the
 * readable form, with the ISO value as written in its `datetime` (and as a
 * tooltip). A value that is not an ISO date is shown escaped, as written;
 * a missing one as the `missing` placeholder.
 */
export function dateHtml(value: unknown, missing = 'not recorded'): string {
  const text = textOf(value);
  if (text === undefined) return htmlOf(undefined, missing);
  const readable = readableDate(text.trim());
  if (readable === undefined) return escapeHtml(text);
  // Only an ISO value (digits, `-`, `:`, `.`, `T`, `Z`, `+`, space) reaches the attributes.
  const iso = escapeHtml(text.trim());
  return `<time datetime="${iso}" title="${iso}">${escapeHtml(readable)}</time>`;
}
