import { isIsoDateOrDateTime } from '../core/validate/isoDates';
import { UsageError } from './usage';

/** A `--today` value: a calendar date YYYY-MM-DD, else a usage error naming it. */
export function readToday(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDateOrDateTime(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day.slice(0, 40)}".`);
  return day;
}
