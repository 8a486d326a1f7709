/** Today's date in the local time zone, as YYYY-MM-DD (templates, overdue actions, release notes). */
export function localIsoDate(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current local time to the minute, with the local UTC offset, as an ISO 8601 date-time. */
export function localIsoDateTime(now = new Date()): string {
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${localIsoDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}${zone}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The one clock: "today" is the local calendar date everywhere (the editor,
 * the language server, the CLI and the evidence pack), so near midnight they
 * agree on what is overdue. Tests give a fixed clock; the CLI's `--today`
 * overrides the date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says `instant`. */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}

/** Today's local date on a clock, as YYYY-MM-DD. */
export function todayOn(clock: Clock): string {
  return localIsoDate(clock.now());
}
