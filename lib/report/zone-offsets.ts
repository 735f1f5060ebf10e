/**
 * UTC offsets of an IANA time zone as intervals, so SQL can turn UTC instants into wall-clock time with
 * an ASOF join. DuckDB-WASM has no ICU, so the zone rules come from the browser's (or Node's)
 * `Intl.DateTimeFormat` instead.
 */

export interface OffsetInterval {
  /** First instant of the interval, epoch milliseconds. */
  utcStart: number;
  /** Offset from UTC in seconds (east positive): wall-clock = UTC + offset. */
  offsetSeconds: number;
}

const HOUR = 3_600_000;
const STEP = 6 * HOUR; // shorter than any gap between two transitions of a real zone
/** 0001-01-01T00:00:00Z, DuckDB's earliest ordinary TIMESTAMP year: the first interval starts here. */
const EARLIEST = -62_135_596_800_000;

/** Returns the zone's offset at `instant` (epoch ms), in seconds. */
export function offsetAt(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 1000);
}

/**
 * Returns the intervals covering `[from, to]` (epoch ms). The first interval starts at the earliest
 * possible instant, so every instant before `to` finds its offset.
 */
export function offsetIntervals(timeZone: string, from: number, to: number): OffsetInterval[] {
  // Zones change offset on whole minutes, so whole-hour steps keep the search on whole seconds.
  from = Math.floor(from / HOUR) * HOUR;
  to = Math.ceil(to / HOUR) * HOUR;
  const intervals: OffsetInterval[] = [{ utcStart: EARLIEST, offsetSeconds: offsetAt(timeZone, from) }];
  for (let start = from; start < to; start += STEP) {
    const end = Math.min(start + STEP, to);
    const before = intervals[intervals.length - 1]!.offsetSeconds;
    if (offsetAt(timeZone, end) !== before) {
      const change = findChange(timeZone, start, end, before);
      intervals.push({ utcStart: change, offsetSeconds: offsetAt(timeZone, change) });
    }
  }
  return intervals;
}

/** Binary search, to the second, for the first instant in `(low, high]` whose offset is not `before`. */
function findChange(timeZone: string, low: number, high: number, before: number): number {
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(timeZone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}

/** Throws a RangeError naming the zone when it is not a valid IANA time zone name. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin or America/New_York.`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
