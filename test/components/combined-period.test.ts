import { describe, expect, test } from 'vitest';
import { combinedPeriod } from '../../components/use-combined-period';
import type { DataRange } from '../../lib/engine/types';
import { spanOfRanges } from '../../lib/report/data-span';

// Channels whose data covers different dates: meetings Mar 1-15, messages Mar 2-15, calls Mar 3-9.
const RANGES: DataRange[] = [
  { channel: 'message', first: '2026-03-02', last: '2026-03-15' },
  { channel: 'video', first: '2026-03-01', last: '2026-03-15' },
  { channel: 'phone', first: '2026-03-03', last: '2026-03-09' },
];
const PHONE_ALL_DATA = { from: '2026-03-03', to: '2026-03-09' };

describe('spanOfRanges', () => {
  test('spans the earliest first and latest last date', () => {
    expect(spanOfRanges(RANGES)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });

  test('skips channels without dates', () => {
    expect(spanOfRanges([{ channel: 'video', first: null, last: null }, RANGES[2]!])).toEqual(PHONE_ALL_DATA);
  });

  test('returns null without any date', () => {
    expect(spanOfRanges([])).toBeNull();
    expect(spanOfRanges([{ channel: 'phone', first: null, last: null }])).toBeNull();
  });
});

describe('combinedPeriod', () => {
  test('All data covers every channel', () => {
    expect(combinedPeriod('all', PHONE_ALL_DATA, RANGES)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });

  test('All data waits for the ranges', () => {
    expect(combinedPeriod('all', PHONE_ALL_DATA, null)).toBeNull();
  });

  test.each(['last-7-days', 'last-30-days', 'custom'] as const)('%s keeps the shown period', (preset) => {
    const shown = { from: '2026-03-04', to: '2026-03-05' };
    expect(combinedPeriod(preset, shown, RANGES)).toEqual(shown);
  });
});
