import type { Channel, Kpi } from '../lib/engine/types';
import { unitWord } from '../lib/report/unit-words';

/** Formats for the page's locale (undefined lets Intl use the browser's). */
const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const MISSING_VALUE = '—';

export function formatCount(value: number): string {
  return integerFormat.format(value);
}

/** Formats a fraction (0..1) as a percentage. */
export function formatFraction(value: number): string {
  return percentFormat.format(value);
}

/** Units whose KPI values are fractions shown as percentages. */
const PERCENT_UNITS = new Set(['%', 'percent', 'fraction']);

export function isPercentUnit(unit: string): boolean {
  return PERCENT_UNITS.has(unit.toLowerCase());
}

export function formatKpiValue(kpi: Kpi): string {
  const { value, unit } = kpi;
  if (value === null) return MISSING_VALUE;
  if (typeof value === 'string') return value;
  if (isPercentUnit(unit)) return formatFraction(value);
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

/** Writes a count with its noun in agreement, such as "1 call" or "1,024 calls"; `plural` defaults to `singular` + "s". */
export function formatCountOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Returns the KPI's unit in agreement with its value as `formatKpiValue` shows it ("1 day", "1.5 days"). */
export function formatKpiUnit(kpi: Kpi): string {
  if (typeof kpi.value !== 'number') return kpi.unit;
  const shown = Number.isInteger(kpi.value) ? kpi.value : Math.round(kpi.value * 10) / 10;
  return unitWord(shown, kpi.unit);
}

/** Formats a `YYYY-MM-DD` date as a medium-length local date, such as "May 8, 2026". */
export function formatDate(date: string): string {
  return dateFormat.format(utcDate(date));
}

/** Formats two `YYYY-MM-DD` dates as a range, sharing what they have in common ("May 4 – 10, 2026"). */
export function formatDateRange(first: string | null, last: string | null): string {
  if (first === null || last === null) return MISSING_VALUE;
  return dateFormat.formatRange(utcDate(first), utcDate(last));
}

function utcDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/**
 * Formats a User Table Last Used value. The engine sends wall-clock time in the report time zone as
 * epoch milliseconds read as UTC, so it is formatted in UTC to show that wall-clock time unchanged.
 */
export function formatWallClock(epochMs: number | null): string {
  return epochMs === null ? MISSING_VALUE : dateTimeFormat.format(epochMs);
}

export const CHANNEL_NAMES: Record<Channel, string> = { phone: 'Phone', video: 'Video', message: 'Message' };

/** The channel's unit of volume, as in the User Table's "Number of …" column. */
export const VOLUME_NAMES: Record<Channel, string> = { phone: 'Calls', video: 'Meets', message: 'Messages' };

const byteFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Formats a size in bytes with the largest fitting unit of 1,024 bytes, such as "37.2 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${byteFormat.format(value)} ${units[unit]}`;
}

/** Formats a duration in milliseconds as whole seconds, or minutes and seconds from one minute on. */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
