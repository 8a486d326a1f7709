const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time as people read it: `2026-12-02` is
 * "2 December 2026", `2026-12-02T20:00:00+01:00` is "2 December 2026, 20:00
 * (UTC+01:00)". The time stays in the zone it was written in (a reader
 * compares it with the deployment window, written the same way); a value
 * that is not ISO 8601 is returned as written.
 */
export function readableDate(value: string): string {
  const match = ISO.exec(value.trim());
  if (!match) return value;
  const [, year, month, day, hour, minute, , zone] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (monthName === undefined || Number(day) < 1 || Number(day) > 31) return value;
  const date = `${Number(day)} ${monthName} ${year}`;
  if (hour === undefined || minute === undefined) return date;
  return `${date}, ${hour}:${minute}${zoneText(zone)}`;
}

/** A moment (the pack's time stamp) in UTC, as people read it: "10 January 2027, 09:30 UTC". */
export function readableInstant(instant: Date): string {
  return readableDate(instant.toISOString().replace(/\.\d+Z$/, 'Z'));
}

function zoneText(zone: string | undefined): string {
  if (zone === undefined) return '';
  if (zone === 'Z' || /^[+-]00:?00$/.test(zone)) return ' UTC';
  const normal = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return ` (UTC${normal})`;
}
