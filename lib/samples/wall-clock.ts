/**
 * Conversions between UTC instants and the invented organisation's wall-clock time, and the text forms
 * the exports use. The zone's offsets come from the JavaScript runtime's time-zone data (Intl), so the
 * samples do not depend on the TZ of the machine that generates them.
 */

export const ORGANISATION_TIME_ZONE = 'America/New_York';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Short English weekday, such as `Mon`. */
  weekday: string;
  /** Offset from UTC in minutes, negative west of Greenwich (-240 for New York in summer). */
  offsetMinutes: number;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

export function toWallClock(epochMs: number): WallClock {
  const parts = new Map(partsFormat.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  const number = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    second: number('second'),
    weekday: parts.get('weekday') ?? '',
    offsetMinutes: parseOffset(parts.get('timeZoneName') ?? ''),
  };
}

/** Converts a wall-clock time on `date` (`YYYY-MM-DD`), `secondOfDay` seconds after midnight, to UTC epoch ms. */
export function fromWallClock(date: string, secondOfDay: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day) + secondOfDay * 1000;
  // Two passes, because near a daylight-saving change the offset at the first guess may differ from
  // the offset at the result.
  const firstGuess = asIfUtc - toWallClock(asIfUtc).offsetMinutes * 60_000;
  return asIfUtc - toWallClock(firstGuess).offsetMinutes * 60_000;
}

/** `2026-05-04T09:14:07-04:00`: wall-clock time with its offset, to the second. */
export function formatIsoWithOffset(epochMs: number): string {
  const clock = toWallClock(epochMs);
  const sign = clock.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(clock.offsetMinutes);
  return (
    `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}` +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Formats an instant in the Admin Portal's date form, such as `Mon 5/18/2026`. */
export function formatPortalDate(epochMs: number): string {
  const clock = toWallClock(epochMs);
  return `${clock.weekday} ${clock.month}/${clock.day}/${clock.year}`;
}

/** Formats an instant in the Admin Portal's time form, a 12-hour clock such as `9:14:07 AM`. */
export function formatPortalTime(epochMs: number): string {
  const clock = toWallClock(epochMs);
  const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  return `${hour12}:${pad(clock.minute)}:${pad(clock.second)} ${clock.hour < 12 ? 'AM' : 'PM'}`;
}

/** Formats a duration in seconds as `H:MM:SS`, such as `0:04:12`. Hours are not wrapped at 24. */
export function formatHoursMinutesSeconds(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${pad(minutes)}:${pad(seconds % 60)}`;
}

/** Returns the local date of an instant, as `YYYY-MM-DD`. */
export function localDate(epochMs: number): string {
  const clock = toWallClock(epochMs);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** Lists every date from `first` to `last` (`YYYY-MM-DD`), both inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day <= new Date(`${last}T00:00:00Z`); ) {
    dates.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return dates;
}

/** True for Saturday and Sunday; a calendar date has the same weekday in every zone. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Parses Intl's `longOffset` zone name: `GMT-04:00`, `GMT+05:30`, or plain `GMT` for UTC. */
function parseOffset(zoneName: string): number {
  if (zoneName === 'GMT') return 0;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zoneName);
  if (match === null) throw new Error(`wall-clock: unexpected time-zone name "${zoneName}" from Intl`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
