import { describe, expect, test } from 'vitest';
import { addDays, checkPeriod, isDate, periodDays, presetPeriod, previousPeriod, subtractMonths } from '../../components/period';

describe('presetPeriod', () => {
  const range = { first: '2025-11-20', last: '2026-05-14' };

  test.each([
    ['all', '2025-11-20'],
    ['last-7-days', '2026-05-08'],
    ['last-30-days', '2026-04-15'],
    ['last-3-months', '2026-02-15'],
    ['last-6-months', '2025-11-15'],
  ] as const)('%s ends on the last data date', (preset, from) => {
    expect(presetPeriod(preset, range)).toEqual({ from, to: '2026-05-14' });
  });

  test('last 3 months from a month end clamps to the shorter month', () => {
    expect(presetPeriod('last-3-months', { first: '2025-01-01', last: '2026-05-31' })).toEqual({
      from: '2026-03-01',
      to: '2026-05-31',
    });
  });
});

describe('date arithmetic', () => {
  test.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-29', 1, '2026-03-30'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test.each([
    ['2026-05-31', 3, '2026-02-28'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-08-31', 6, '2026-02-28'],
  ])('subtractMonths(%s, %i) is %s', (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });

  test.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['', false],
    ['2026-5-1', false],
  ])('isDate(%j) is %s', (text, expected) => {
    expect(isDate(text)).toBe(expected);
  });
});

describe('checkPeriod', () => {
  test('accepts a one-day period', () => {
    expect(checkPeriod({ from: '2026-05-14', to: '2026-05-14' })).toBeNull();
  });

  test('rejects From after To', () => {
    expect(checkPeriod({ from: '2026-05-15', to: '2026-05-14' })).toMatch(/after the To date/);
  });

  test('rejects an empty date', () => {
    expect(checkPeriod({ from: '', to: '2026-05-14' })).toMatch(/valid From date/);
    expect(checkPeriod({ from: '2026-05-14', to: '' })).toMatch(/valid To date/);
  });
});

describe('previousPeriod', () => {
  test.each([
    [{ from: '2026-05-08', to: '2026-05-14' }, { from: '2026-05-01', to: '2026-05-07' }],
    [{ from: '2026-05-14', to: '2026-05-14' }, { from: '2026-05-13', to: '2026-05-13' }],
    [{ from: '2026-03-01', to: '2026-03-31' }, { from: '2026-01-29', to: '2026-02-28' }],
    [{ from: '2024-03-01', to: '2024-03-31' }, { from: '2024-01-30', to: '2024-02-29' }],
    [{ from: '2026-01-01', to: '2026-01-10' }, { from: '2025-12-22', to: '2025-12-31' }],
  ])('before %j is %j', (period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
  });

  test('has the same number of days', () => {
    const period = { from: '2026-02-15', to: '2026-05-14' };
    expect(periodDays(previousPeriod(period))).toBe(periodDays(period));
  });
});

describe('periodDays', () => {
  test.each([
    [{ from: '2026-05-14', to: '2026-05-14' }, 1],
    [{ from: '2026-05-08', to: '2026-05-14' }, 7],
    // 8 March 2026 is a daylight-saving change in New York, the test process's zone.
    [{ from: '2026-03-01', to: '2026-03-31' }, 31],
  ])('%j has %i days', (period, days) => {
    expect(periodDays(period)).toBe(days);
  });
});
