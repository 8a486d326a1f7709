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
