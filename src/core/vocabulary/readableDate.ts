const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NBSP = '\u00a0';

/**
 * The one way the product shows a date to people (the evidence pack in HTML
 * and PDF, the commit overview): an ISO 8601 date or date-time as `23 Oct
 * 2026`, or `2 Dec 2026, 21:00 UTC` (the time as written, in its own zone,
 * never converted). Undefined for anything that is not a calendar date. The
 * parts are joined by no-break spaces, so a narrow column never splits them.
 */
export function readableDate(value: string): string | undefined {
  const trimmed = value.trim();
  const match = trimmed.length <= 40 ? ISO.exec(trimmed) : null;
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

/** A date as people read it, or the value as written when it is not an ISO 8601 calendar date. */
export function readableDateOrAsWritten(value: string): string {
  return readableDate(value) ?? value;
}

/** A moment (a time stamp such as the pack's) in UTC, as people read it: `10 Jan 2027, 09:30 UTC`. */
export function readableInstant(instant: Date): string {
  return readableDateOrAsWritten(instant.toISOString().replace(/\.\d+Z$/, 'Z'));
}

function zoneOf(zone: string | undefined): string {
  if (zone === undefined) return '(no time zone given)';
  if (zone === 'Z' || /^[+-]00:?00$/.test(zone)) return 'UTC';
  return `UTC${zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
}
