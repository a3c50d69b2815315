/**
 * The two date forms a signed request may carry, parsed strictly by hand: Date.parse accepts
 * many loose forms, and a signature check should not depend on engine leniency.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon,', 'Tue,', 'Wed,', 'Thu,', 'Fri,', 'Sat,', 'Sun,'];

/** The number in text[from, to) if every character there is a digit, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return to > from ? n : -1;
}

/** Epoch milliseconds for a calendar moment, or undefined if any field is out of range. */
function utc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number | undefined {
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return;
  if (s < 0 || s > 59) return;

  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31 April over to 1 May; a real date survives the round trip.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

/** `YYYYMMDDTHHMMSSZ`, the ISO 8601 basic format of X-Amz-Date. */
export function parseAmzDate(text: string): number | undefined {
  if (text.length !== 16 || text[8] !== 'T' || text[15] !== 'Z') return;

  return utc(
    digits(text, 0, 4),
    digits(text, 4, 6),
    digits(text, 6, 8),
    digits(text, 9, 11),
    digits(text, 11, 13),
    digits(text, 13, 15),
  );
}

/**
 * An HTTP Date header: RFC 7231's `Sun, 06 Nov 1994 08:49:37 GMT`, or RFC 2822 with a numeric
 * zone, which botocore sends (`Sun, 06 Nov 1994 08:49:37 -0000`). Also the ISO basic format,
 * which AWS accepts in a Date header too.
 */
export function parseHttpDate(text: string): number | undefined {
  const iso = parseAmzDate(text);
  if (iso !== undefined) return iso;

  const parts = text.split(' ');
  if (parts.length === 6 && WEEKDAYS.includes(parts[0]!)) parts.shift();
  if (parts.length !== 5) return;

  const [day, month, year, time, zone] = parts as [string, string, string, string, string];
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined || day.length > 2 || year.length !== 4 || time.length !== 8) return;
  if (time[2] !== ':' || time[5] !== ':') return;

  const ms = utc(
    digits(year, 0, 4),
    MONTHS.indexOf(month) + 1,
    digits(day, 0, day.length),
    digits(time, 0, 2),
    digits(time, 3, 5),
    digits(time, 6, 8),
  );
  return ms === undefined ? undefined : ms - offset * 60_000;
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'GMT' || zone === 'UT' || zone === 'UTC' || zone === 'Z') return 0;
  if (zone.length !== 5 || (zone[0] !== '+' && zone[0] !== '-')) return;

  const hours = digits(zone, 1, 3);
  const minutes = digits(zone, 3, 5);
  if (hours < 0 || minutes < 0 || minutes > 59) return;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats epoch milliseconds as `YYYYMMDDTHHMMSSZ`, dropping the fraction of a second. */
export function formatAmzDate(ms: number): string {
  const d = new Date(ms);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    'T' +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2) +
    'Z'
  );
}
