import { describe, expect, test } from 'vitest';
import { formatBytes, formatCountOf, formatElapsed, formatKpiUnit } from '../../components/format';
import type { Kpi } from '../../lib/engine/types';

describe('formatBytes', () => {
  test.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [39_000_000, '37.2 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [5 * 1024 ** 4, '5,120 GB'],
  ])('%d bytes read %j', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatElapsed', () => {
  test.each([
    [0, '0 s'],
    [999, '0 s'],
    [59_999, '59 s'],
    [60_000, '1 min 00 s'],
    [125_400, '2 min 05 s'],
    [-20, '0 s'],
  ])('%d ms read %j', (milliseconds, text) => {
    expect(formatElapsed(milliseconds)).toBe(text);
  });
});

describe('formatCountOf', () => {
  test.each([
    [0, 'use', undefined, '0 uses'],
    [1, 'use', undefined, '1 use'],
    [2, 'row', undefined, '2 rows'],
    [1024, 'call', undefined, '1,024 calls'],
    [1, 'other version', undefined, '1 other version'],
    [3, 'match', 'matches', '3 matches'],
  ])('%d %s', (count, singular, plural, expected) => {
    expect(formatCountOf(count, singular, plural)).toBe(expected);
  });
});

describe('formatKpiUnit', () => {
  const kpi = (value: Kpi['value'], unit: string): Kpi => ({ id: 'test', label: 'Test', value, unit, definition: '' });

  test.each([
    [1, 'users', 'user'],
    [1, 'days', 'day'],
    [1, 'calls', 'call'],
    [1, 'minutes', 'minute'],
    [1, 'active users', 'active user'],
    [0, 'calls', 'calls'],
    [2, 'days', 'days'],
    [1.5, 'days', 'days'],
    // Shown as "1" because the cards keep one decimal.
    [1.04, 'days', 'day'],
    [null, 'calls', 'calls'],
  ])('%s %s', (value, unit, expected) => {
    expect(formatKpiUnit(kpi(value, unit))).toBe(expected);
  });
});
