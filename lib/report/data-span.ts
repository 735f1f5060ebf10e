import type { DataRange, Period } from '../engine/types';

/**
 * Returns the smallest period that covers every range: from the earliest first date to the latest
 * last date. Ranges without dates are skipped; null when no range has dates.
 */
export function spanOfRanges(ranges: readonly DataRange[]): Period | null {
  const firsts = ranges.flatMap((range) => (range.first === null ? [] : [range.first])).sort();
  const lasts = ranges.flatMap((range) => (range.last === null ? [] : [range.last])).sort();
  const from = firsts[0];
  const to = lasts[lasts.length - 1];
  return from === undefined || to === undefined ? null : { from, to };
}
