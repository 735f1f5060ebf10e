import { EngineError } from '../errors';

/**
 * Wall-clock times are epoch milliseconds read as UTC, so the UTC fields of `new Date(ms)` are the
 * date and time a clock in the report time zone shows. exceljs 4.4.0 converts a Date to an Excel
 * serial from its UTC time, so a wall-clock Date appears in Excel exactly as the local clock read.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Converts an instant to wall-clock time in an IANA time zone, keeping its milliseconds. */
export function toWallClock(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((candidate) => candidate.type === type);
    if (part === undefined) throw new EngineError(`Intl.DateTimeFormat returned no ${type} for ${instantMs}.`);
    return Number(part.value);
  };
  const milliseconds = ((instantMs % 1000) + 1000) % 1000;
  return (
    Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second')) +
    milliseconds
  );
}

/** Returns 00:00:00 of a `YYYY-MM-DD` day as wall-clock time. */
export function dayStart(day: string): number {
  const match = ISO_DAY.exec(day);
  const time = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    throw new EngineError(`Invalid day "${day}": expected a calendar date as YYYY-MM-DD, such as 2026-05-08.`);
  }
  return time;
}

/** Returns 23:59:59 of a `YYYY-MM-DD` day as wall-clock time, the last second a whole-day period covers. */
export function dayEnd(day: string): number {
  return dayStart(day) + MS_PER_DAY - 1000;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new EngineError(`Invalid time zone "${timeZone}": expected an IANA name such as Europe/Berlin.`);
    }
    throw error;
  }
}
