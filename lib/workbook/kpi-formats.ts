import type { Kpi } from '../engine/types';

/** Whole counts with a thousands separator: 1,234. */
export const COUNT_FORMAT = '#,##0';
/** Averages and rates, such as 1.67 calls per active user per week. */
export const RATIO_FORMAT = '#,##0.00';
/** Sums of minutes, which come from durations in seconds: 1,234.5. */
export const MINUTES_FORMAT = '#,##0.0';

/** KPI identifiers of averages and rates: `average_call_length`, `uses_per_active_user`. */
const RATIO_ID = /(^|[_-])(average|per)([_-]|$)/;

/**
 * Chooses the Excel number format of a numeric KPI value that is not a percentage, so that every
 * value of one kind reads alike whether or not it happens to be whole. By the KPI definitions a
 * count is always whole. A count that is not gets the ratio format, so its decimals stay visible.
 */
export function kpiNumberFormat(kpi: Pick<Kpi, 'id' | 'unit'>, value: number): string {
  if (RATIO_ID.test(kpi.id)) return RATIO_FORMAT;
  if (kpi.unit === 'minutes') return MINUTES_FORMAT;
  return Number.isInteger(value) ? COUNT_FORMAT : RATIO_FORMAT;
}
