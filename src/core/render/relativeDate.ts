import { countText } from '../vocabulary/countText';

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

const UNITS: ReadonlyArray<readonly [Unit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** English's words for one unit back and one unit on, where it has them (`numeric: 'auto'`). */
const ONE_AWAY: Partial<Record<Unit, readonly [before: string, after: string]>> = {
  year: ['last year', 'next year'],
  month: ['last month', 'next month'],
  week: ['last week', 'next week'],
  day: ['yesterday', 'tomorrow'],
};

/**
 * "3 days ago", "last month", "now": an ISO date relative to `now`, in
 * English, written as `new Intl.RelativeTimeFormat('en', { numeric: 'auto' })`
 * writes it (a unit test compares both). Written here, not by Intl: making
 * that formatter loads ICU data, 20–30 ms, which the first commit row of the
 * Releases view paid on an extension host busy with other extensions.
 */
export function relativeDate(iso: string, now: Date = new Date()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return unitsAway(Math.round(seconds / size), unit);
  }
  return 'now';
}

/** `value` units from now (never 0 here: a unit is used from one whole unit on). */
export function unitsAway(value: number, unit: Unit): string {
  const words = ONE_AWAY[unit];
  if (words && Math.abs(value) === 1) return value < 0 ? words[0] : words[1];
  const count = Math.abs(value);
  const amount = `${countText(count, 'en')} ${unit}${count === 1 ? '' : 's'}`;
  return value < 0 ? `${amount} ago` : `in ${amount}`;
}
