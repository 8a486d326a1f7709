import { parseIsoDate } from './isoDates';

/** How a date written in another form was read. */
export type DateReading = 'year-month-day' | 'day-month-year' | 'month-day-year' | 'named-month';

/** A date written in another form, rewritten in ISO 8601. */
export interface IsoDateRewrite {
  readonly iso: string;
  readonly reading: DateReading;
  /** True when the numbers could also be read the other way round (both day and month 12 or less, and different). */
  readonly ambiguous: boolean;
  readonly hasTime: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const DAY_NAMED_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?([a-z]{3,9})\\.?,?\\s+(\\d{4})$`, 'i');
const NAMED_MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}([a-z]{3,9})\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, 'i');
const YEAR_MONTH_DAY = /^(\d{4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,2})$/;
const NUMERIC_WITH_YEAR_LAST = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/;
const TIME = /^(.*?)(?:[T\s,]+|\s+at\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date written in a common non-ISO form (`25/11/2026`, `25 Nov 2026`,
 * `2026/11/25`, `November 25, 2026`, optionally with a time such as `14:30`)
 * and gives its ISO 8601 form. Numbers separated by `/`, `.` or `-` with the
 * year last are read day first, the UK order our NHS users write, unless
 * the second number cannot be a month and the first can (`11/25/2026`); such
 * a reading is marked `ambiguous` when both orders give a date. A two-digit
 * year means 20yy. Returns undefined for text that is not such a date, or a day
 * that is not on the calendar.
 */
export function isoDateFromLooseText(text: string): IsoDateRewrite | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0 || trimmed.length > 60) return undefined;
  const timed = TIME.exec(trimmed);
  const datePart = timed ? timed[1] : trimmed;
  const date = readDate(datePart);
  if (!date) return undefined;
  let iso = date.iso;
  if (timed) {
    const [hours, minutes, seconds] = [Number(timed[2]), timed[3], timed[4]];
    if (hours > 23) return undefined;
    const zone = timed[5] === undefined ? '' : /^(Z|UTC|GMT)$/i.test(timed[5]) ? 'Z' : timed[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    iso = `${iso}T${String(hours).padStart(2, '0')}:${minutes}${seconds === undefined ? '' : `:${seconds}`}${zone}`;
  }
  if (!parseIsoDate(iso)) return undefined;
  return { ...date, iso, hasTime: timed !== null };
}

function readDate(text: string): Omit<IsoDateRewrite, 'hasTime'> | undefined {
  let m = YEAR_MONTH_DAY.exec(text);
  if (m) return onCalendar(Number(m[1]), Number(m[2]), Number(m[3]), 'year-month-day', false);
  m = NUMERIC_WITH_YEAR_LAST.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    // Day first (UK), except when the second number cannot be a month but the first can.
    if (second > 12 && first <= 12) return onCalendar(year, first, second, 'month-day-year', false);
    return onCalendar(year, second, first, 'day-month-year', first <= 12 && second <= 12 && first !== second);
  }
  m = DAY_NAMED_MONTH_YEAR.exec(text);
  if (m) return onCalendar(Number(m[3]), monthNumber(m[2]), Number(m[1]), 'named-month', false);
  m = NAMED_MONTH_DAY_YEAR.exec(text);
  if (m) return onCalendar(Number(m[3]), monthNumber(m[1]), Number(m[2]), 'named-month', false);
  return undefined;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => lower.startsWith(m) && (lower.length === 3 || `${m}${fullMonthTail(m)}`.startsWith(lower) || lower === 'sept'));
  return index + 1;
}

function fullMonthTail(month: string): string {
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return full[MONTHS.indexOf(month)].slice(3);
}

function onCalendar(year: number, month: number, day: number, reading: DateReading, ambiguous: boolean): Omit<IsoDateRewrite, 'hasTime'> | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(iso) ? { iso, reading, ambiguous } : undefined;
}
