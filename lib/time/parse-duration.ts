export interface DurationOptions {
  /** Read `4:12` as minutes and seconds. Only formats known to write M:SS set it, as 4:12 could be H:MM. */
  minutesSeconds: boolean;
}

const SECONDS = /^\d+(?:\.\d+)?$/;
const DAYS_CLOCK = /^(\d+):((?:[01]\d|2[0-3])):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;
const HOURS_CLOCK = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;
const MINUTES_CLOCK = /^(\d+):([0-5]\d(?:\.\d+)?)$/;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Reads a duration as seconds, with the rules of `parse_duration_seconds` in macros.sql: whole or
 * decimal seconds, `H:MM:SS` (hours may exceed 24), `D:HH:MM:SS`, ISO 8601 `P1DT2H3M4.5S`, and `M:SS`
 * (minutes may exceed 59) only with `minutesSeconds`. Returns null for blank text and anything else.
 */
export function parseDurationSeconds(text: string, { minutesSeconds }: DurationOptions): number | null {
  const value = text.trim();
  if (SECONDS.test(value)) return Number(value);

  const days = DAYS_CLOCK.exec(value);
  if (days !== null) return sumParts(days, [86400, 3600, 60, 1]);

  const hours = HOURS_CLOCK.exec(value);
  if (hours !== null) return sumParts(hours, [3600, 60, 1]);

  const minutes = minutesSeconds ? MINUTES_CLOCK.exec(value) : null;
  if (minutes !== null) return sumParts(minutes, [60, 1]);

  // `P` alone and a `T` with nothing after it are not durations.
  const iso = ISO_DURATION.exec(value);
  if (iso !== null && value.length > 1 && !/t$/i.test(value)) return sumParts(iso, [86400, 3600, 60, 1]);

  return null;
}

/** Sums the match's groups (absent ones count as 0), each multiplied by its unit in seconds. */
function sumParts(match: RegExpExecArray, units: number[]): number {
  return units.reduce((total, unit, index) => total + unit * Number(match[index + 1] ?? '0'), 0);
}
