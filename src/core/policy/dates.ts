/**
 * Dates as the Date condition operators accept them: ISO 8601 (a date, or a date and time with
 * an optional zone) or seconds since the epoch. A time without a zone is taken as UTC, the way
 * AWS reads it, rather than as the local time JavaScript's Date.parse would assume.
 */

const EPOCH_SECONDS = /^\d+(?:\.\d+)?$/;

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Milliseconds since the epoch, or NaN when the text is not a date AWS would accept. */
export function parseDate(text: string): number {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;

  const match = ISO_8601.exec(text);
  if (!match) return Number.NaN;

  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields: DateFields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
  if (!inRange(fields)) return Number.NaN;

  const millis = Math.floor(Number(`0.${fraction ?? 0}`) * 1000);
  const utc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  return utc + fields.second * 1000 + millis - zoneOffsetMillis(zone);
}

function inRange({ year, month, day, hour, minute, second }: DateFields): boolean {
  // Date.UTC rolls an impossible day such as 02-30 into the next month; the round trip shows it.
  const date = new Date(Date.UTC(year, month - 1, day));
  const dayExists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;

  return dayExists && hour <= 23 && minute <= 59 && second <= 59;
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;

  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return sign * minutes * 60_000;
}
