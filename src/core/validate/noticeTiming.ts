import { parseIsoDate } from './isoDates';

/**
 * When a communication-plan entry is due, read from its `when` against the
 * window's start: `due` (a day, YYYY-MM-DD), `after-start` (the message goes
 * out once the window has opened: "after go-live", "during the window"), or
 * `unclear` (words we cannot place on the calendar).
 */
export type NoticeTiming = { readonly kind: 'due'; readonly day: string } | { readonly kind: 'after-start' } | { readonly kind: 'unclear' };

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, twenty: 20, thirty: 30,
};
const UNIT_MINUTES: Readonly<Record<string, number>> = { minute: 1, hour: 60, day: 24 * 60, week: 7 * 24 * 60 };
const WINDOW_WORDS = '(?:the\\s+)?(?:window|deployment|change|downtime|go-live|go live|start|outage|upgrade)';

// "2 days before", "two weeks before the window", "48 hours ahead", "the day before", "a week prior to go-live".
const BEFORE = new RegExp(`^(?:(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}|the)\\s+)?(minute|hour|day|week)s?\\s+(?:before|ahead(?:\\s+of)?|prior(?:\\s+to)?|earlier)(?:\\s+${WINDOW_WORDS})?$`);
// "on the day", "the morning of the window", "at the start", "when the window opens", "at the start of the window".
const ON_THE_DAY = new RegExp(`^(?:on\\s+the\\s+day|that\\s+(?:morning|day)|the\\s+(?:morning|day)\\s+of(?:\\s+${WINDOW_WORDS})?|at\\s+the\\s+start(?:\\s+of\\s+${WINDOW_WORDS})?|(?:when|as)\\s+${WINDOW_WORDS}\\s+(?:opens|starts|begins))$`);
// "after go-live", "once live", "during the window", "post deployment", "afterwards", "when it is done".
const AFTER_START = /^(?:after|afterwards|once|during|post|following|at\s+go[- ]live|on\s+completion|when\s+(?:it\s+is\s+)?(?:done|live|complete|finished))\b/;

/**
 * Reads a `when`: an ISO date or date-time as written, or the common ways of
 * saying it relative to the window (`start`, an ISO date or date-time). A
 * relative time counted in minutes or hours is taken from the window's time
 * of day as written; without one, from the start of that day.
 */
export function noticeTimingOf(when: string, start: string): NoticeTiming {
  const iso = parseIsoDate(when.trim());
  if (iso) return { kind: 'due', day: iso.date };
  const window = parseIsoDate(start);
  if (!window) return { kind: 'unclear' };
  const words = when.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  if (words.length > 100) return { kind: 'unclear' };
  if (ON_THE_DAY.test(words)) return { kind: 'due', day: window.date };
  const before = BEFORE.exec(words);
  if (before) {
    const count = before[1] === undefined || before[1] === 'the' ? 1 : /^\d+$/.test(before[1]) ? Number(before[1]) : NUMBER_WORDS[before[1]];
    return { kind: 'due', day: shiftBack(start, window.date, count * UNIT_MINUTES[before[2]]) };
  }
  if (AFTER_START.test(words)) return { kind: 'after-start' };
  return { kind: 'unclear' };
}

/** The day (YYYY-MM-DD) some minutes before the window's start, on the clock as written. */
function shiftBack(start: string, day: string, minutes: number): string {
  const time = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})/.exec(start);
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date, time ? Number(time[1]) : 0, time ? Number(time[2]) : 0);
  return new Date(wall - minutes * 60_000).toISOString().slice(0, 10);
}
