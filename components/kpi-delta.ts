import type { Kpi } from '../lib/engine/types';
import { isPercentUnit } from './format';

/** Change of a KPI against the previous period of the same length. */
export interface KpiDelta {
  direction: 'up' | 'down' | 'same';
  /** Current minus previous, in the KPI's own unit (a fraction for percentages). */
  difference: number;
  /** Difference divided by the previous value; null for percentages and when the previous value is 0. */
  relative: number | null;
  /** True when the KPI is a percentage, so the difference is in percentage points. */
  percentagePoints: boolean;
}

/**
 * Compares a KPI with its value in the previous period. Returns null when either value is missing
 * or is text (a ranked list), since there is nothing to subtract.
 */
export function kpiDelta(current: Kpi, previous: Kpi | undefined): KpiDelta | null {
  if (typeof current.value !== 'number' || typeof previous?.value !== 'number') return null;
  const difference = roundNoise(current.value - previous.value);
  const percentagePoints = isPercentUnit(current.unit);
  const relative = percentagePoints || previous.value === 0 ? null : difference / Math.abs(previous.value);
  let direction: KpiDelta['direction'] = 'same';
  if (difference > 0) direction = 'up';
  if (difference < 0) direction = 'down';
  return { direction, difference, relative, percentagePoints };
}

/** Removes floating-point noise such as 0.1 + 0.2 - 0.3, which would show as a tiny change. */
function roundNoise(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : value;
}

const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const relativeFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** The parts of a delta as the KPI card shows them: an arrow, the word it stands for, and the amount. */
export interface DeltaText {
  symbol: '▲' | '▼' | '=';
  word: 'Up' | 'Down' | 'No change';
  /** Such as `12 (+8.3%)`, `5.2 pts` or `3 (previous 0)`; empty when there is no change. */
  amount: string;
}

export function formatDelta(delta: KpiDelta): DeltaText {
  if (delta.direction === 'same') return { symbol: '=', word: 'No change', amount: '' };
  const magnitude = Math.abs(delta.difference);
  let amount: string;
  if (delta.percentagePoints) amount = `${amountFormat.format(magnitude * 100)} pts`;
  else if (delta.relative === null) amount = `${amountFormat.format(magnitude)} (previous 0)`;
  else amount = `${amountFormat.format(magnitude)} (${relativeFormat.format(delta.relative)})`;
  return delta.direction === 'up' ? { symbol: '▲', word: 'Up', amount } : { symbol: '▼', word: 'Down', amount };
}
