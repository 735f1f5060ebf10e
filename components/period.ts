import type { Period } from '../lib/engine/types';

export type PresetId = 'last-7-days' | 'last-30-days' | 'last-3-months' | 'last-6-months' | 'all';

export const PRESETS: ReadonlyArray<{ id: PresetId; label: string }> = [
  { id: 'last-7-days', label: 'Last 7 days' },
  { id: 'last-30-days', label: 'Last 30 days' },
  { id: 'last-3-months', label: 'Last 3 months' },
  { id: 'last-6-months', label: 'Last 6 months' },
  { id: 'all', label: 'All data' },
];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Computes a preset's period from the span of dates loaded. Every preset ends at the last date of the
 * data, not today, because an export covers the past: "Last 7 days" of an export downloaded a month
 * ago are the seven days before its last event.
 */
export function presetPeriod(preset: PresetId, range: { first: string; last: string }): Period {
  const { first, last } = range;
  switch (preset) {
    case 'all':
      return { from: first, to: last };
    case 'last-7-days':
      return { from: addDays(last, -6), to: last };
    case 'last-30-days':
      return { from: addDays(last, -29), to: last };
    case 'last-3-months':
      return { from: addDays(subtractMonths(last, 3), 1), to: last };
    case 'last-6-months':
      return { from: addDays(subtractMonths(last, 6), 1), to: last };
  }
}

/** Returns null for a usable period, else a sentence saying what is wrong with it. */
export function checkPeriod(period: Period): string | null {
  if (!isDate(period.from)) return 'Enter a valid From date.';
  if (!isDate(period.to)) return 'Enter a valid To date.';
  if (period.from > period.to) return 'The From date is after the To date. Pick a From date on or before the To date.';
  return null;
}

/** Checks that `text` is a real calendar date written as `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Counts the days of a period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((parseDate(period.to) - parseDate(period.from)) / DAY_MS) + 1;
}

/** Returns the period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

export function addDays(date: string, days: number): string {
  return toDateText(parseDate(date) + days * DAY_MS);
}

/** Moves back whole calendar months, keeping the day of the month or the month's last day if shorter. */
export function subtractMonths(date: string, months: number): string {
  const [year, month, day] = splitDate(date);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toDateText(target.getTime());
}

function splitDate(date: string): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD.`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parseDate(date: string): number {
  const [year, month, day] = splitDate(date);
  return Date.UTC(year, month - 1, day);
}

function toDateText(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
