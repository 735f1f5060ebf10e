import { describe, expect, test } from 'vitest';
import { formatDelta, kpiDelta } from '../../components/kpi-delta';
import type { Kpi } from '../../lib/engine/types';

function kpi(value: Kpi['value'], unit = 'calls'): Kpi {
  return { id: 'calls', label: 'Calls', value, unit, definition: '' };
}

describe('kpiDelta', () => {
  test('count up gives percent change', () => {
    expect(kpiDelta(kpi(130), kpi(120))).toEqual({ direction: 'up', difference: 10, relative: 10 / 120, percentagePoints: false });
  });

  test('count down is negative', () => {
    expect(kpiDelta(kpi(90), kpi(120))).toEqual({ direction: 'down', difference: -30, relative: -0.25, percentagePoints: false });
  });

  test('percentage moves in points', () => {
    expect(kpiDelta(kpi(0.75, '%'), kpi(0.6, '%'))).toEqual({
      direction: 'up',
      difference: 0.75 - 0.6,
      relative: null,
      percentagePoints: true,
    });
  });

  test('previous zero has no percent change', () => {
    expect(kpiDelta(kpi(4), kpi(0))?.relative).toBeNull();
  });

  test('floating-point noise is no change', () => {
    expect(kpiDelta(kpi(0.1 + 0.2), kpi(0.3))?.direction).toBe('same');
  });

  test.each([
    [kpi(null), kpi(3)],
    [kpi(3), kpi(null)],
    [kpi(3), undefined],
    [kpi('Desk phone (3)'), kpi('Desk phone (2)')],
  ])('no delta for %j against %j', (current, previous) => {
    expect(kpiDelta(current, previous)).toBeNull();
  });
});

describe('formatDelta', () => {
  test.each([
    [kpi(130), kpi(120), { symbol: '▲', word: 'Up', amount: '10 (+8.3%)' }],
    [kpi(90), kpi(120), { symbol: '▼', word: 'Down', amount: '30 (-25%)' }],
    [kpi(1234.56), kpi(1000), { symbol: '▲', word: 'Up', amount: '234.6 (+23.5%)' }],
    [kpi(0.6, '%'), kpi(0.652, '%'), { symbol: '▼', word: 'Down', amount: '5.2 pts' }],
    [kpi(4), kpi(0), { symbol: '▲', word: 'Up', amount: '4 (previous 0)' }],
    [kpi(7), kpi(7), { symbol: '=', word: 'No change', amount: '' }],
  ])('%j against %j reads %j', (current, previous, expected) => {
    const delta = kpiDelta(current, previous);
    expect(delta).not.toBeNull();
    expect(formatDelta(delta!)).toEqual(expected);
  });
});
