/**
 * A time read from text. `utc` when the text carried a zone or offset, so `epochMicros` is an instant;
 * `wall` when it carried none, so `epochMicros` is the written wall-clock time read as if it were UTC.
 */
export interface ParsedTime {
  clock: 'utc' | 'wall';
  /** Microseconds since 1970-01-01 00:00:00 (the unit of DuckDB's TIMESTAMP). */
  epochMicros: number;
}

// The same pattern as `time_parts` in macros.sql; the tests check both on one table of cases.
const TIME_PATTERN =
  /^(?:(mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\.?,? )?(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?: ?([AP]M))?(?: ?(?:(Z|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?))?$/i;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAX_OFFSET_HOURS = 14;

/**
 * Reads an ISO 8601 time (`2025-03-04T09:14:07.123Z`, `2025-03-04T09:14:07-05:00`,
 * `2025-03-04 09:14:07`) or a US time (`3/4/2025 9:14:07 AM`, `Tue 3/4/2025 21:14`). Returns null for
 * blank text, anything else, an impossible date or time, or a weekday that does not match the date.
 * Never uses the process's local time zone.
 */
export function parseTime(text: string): ParsedTime | null {
  const match = TIME_PATTERN.exec(text.trim().replace(/\s+/g, ' '));
  if (match === null) return null;
  const [, weekday, isoYear, isoMonth, isoDay, usMonth, usDay, usYear, hour, minute, second] = match;
  const [fraction, meridiem, zoneUtc, zoneSign, zoneHours, zoneMinutes] = match.slice(11);

  const year = Number(isoYear ?? usYear);
  const month = Number(isoMonth ?? usMonth);
  const day = Number(isoDay ?? usDay);
  const hours24 = toHours24(Number(hour), meridiem);
  if (hours24 === null) return null;
  const minutes = Number(minute);
  const seconds = Number(second ?? '0');
  if (minutes > 59 || seconds > 59) return null;

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (weekday !== undefined && WEEKDAYS[date.getUTCDay()] !== weekday.slice(0, 3).toLowerCase()) return null;
  date.setUTCHours(hours24, minutes, seconds, 0);

  // Fractions finer than a microsecond are cut, as DuckDB's TIMESTAMP stores microseconds.
  const micros = fraction === undefined ? 0 : Number(fraction.slice(0, 6).padEnd(6, '0'));
  const wallMicros = date.getTime() * 1000 + micros;

  if (zoneUtc !== undefined) return { clock: 'utc', epochMicros: wallMicros };
  if (zoneSign === undefined) return { clock: 'wall', epochMicros: wallMicros };
  const offsetHours = Number(zoneHours);
  const offsetMinutes = Number(zoneMinutes ?? '0');
  if (offsetHours > MAX_OFFSET_HOURS || offsetMinutes > 59) return null;
  const offset = (zoneSign === '-' ? -1 : 1) * (60 * offsetHours + offsetMinutes);
  return { clock: 'utc', epochMicros: wallMicros - offset * 60_000_000 };
}

/** Converts a written hour to 0–23; null when it is out of range for its 12- or 24-hour clock. */
function toHours24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toUpperCase() === 'PM';
  return (hour % 12) + (pm ? 12 : 0);
}
