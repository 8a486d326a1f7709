const ISO_DATE_OR_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The parts of an ISO 8601 date or date-time that exists on the calendar, or undefined. */
export function parseIsoDate(value: string): { date: string; hasTime: boolean; instant: number } | undefined {
  if (value.length > 40) return undefined;
  const match = ISO_DATE_OR_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const hasTime = match[4] !== undefined;
  if (hasTime && !(Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6] ?? 0) < 60)) return undefined;
  // A date-time without an offset is read as UTC: records are compared by day, so an hour's drift does not matter.
  const zone = match[7] === undefined || match[7] === 'Z' ? 'Z' : match[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = hasTime ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}${zone}`) : date.getTime();
  return { date: `${match[1]}-${match[2]}-${match[3]}`, hasTime, instant };
}

/** ISO 8601 date (YYYY-MM-DD) or date-time; the date must exist on the calendar. */
export function isIsoDateOrDateTime(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

/** ISO 8601 date-time with a time of day; the date must exist on the calendar. */
export function isIsoDateTime(value: string): boolean {
  return parseIsoDate(value)?.hasTime === true;
}

/** Whole days from one ISO date (or date-time, by its written day) to another. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return undefined;
  return Math.round((Date.parse(b.date) - Date.parse(a.date)) / 86_400_000);
}
