import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineApi } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { pathSource } from '../../lib/engine/source-node';
import { DEFAULT_THRESHOLDS, type Period, type UserRow } from '../../lib/engine/types';
import { emptyPeriodWarning, periodHasNoData } from '../../lib/report/empty-period';

// A users list and phone usage events from 2026-03-03 to 2026-03-09 in New York.
const FIXTURES = path.resolve('e2e/fixtures/mixed-ranges');
const TIME_ZONE = 'America/New_York';

const userRow: UserRow = {
  userName: 'Alice Archer',
  userExtension: '101',
  userEmail: 'alice@example.com',
  status: 'Never',
  userStatus: 'Inactive',
  department: '',
  site: '',
  endpoint: '',
  version: '',
  lastUsed: null,
  usageCount: 0,
  channelCount: 0,
  channelShare: 0,
};

describe('periodHasNoData', () => {
  let engine: EngineApi<string>;

  beforeAll(async () => {
    engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
    const outcomes = await engine.loadFiles({
      files: [path.join(FIXTURES, 'users.csv'), path.join(FIXTURES, 'phone-events.csv')],
      timeZone: TIME_ZONE,
    });
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  });

  const phoneReport = (period: Period) =>
    engine.report({ channel: 'phone', period, timeZone: TIME_ZONE, thresholds: DEFAULT_THRESHOLDS });

  test('flags a period before the data', async () => {
    expect(periodHasNoData(await phoneReport({ from: '2020-01-01', to: '2020-01-07' }))).toBe(true);
  });

  test('flags a period after the data', async () => {
    expect(periodHasNoData(await phoneReport({ from: '2026-03-10', to: '2026-03-15' }))).toBe(true);
  });

  test('passes a period with calls', async () => {
    expect(periodHasNoData(await phoneReport({ from: '2026-03-01', to: '2026-03-15' }))).toBe(false);
  });

  test('passes a single day with one call', async () => {
    expect(periodHasNoData(await phoneReport({ from: '2026-03-09', to: '2026-03-09' }))).toBe(false);
  });
});

describe('periodHasNoData from downloads', () => {
  // A report from downloaded workbooks has no weekly trend; its User Table shows whether a download fed it.
  const downloadsReport = (usageCounts: number[]) => ({
    basis: 'downloads' as const,
    weekly: [],
    users: usageCounts.map((usageCount) => ({ ...userRow, usageCount })),
  });

  test('passes a download with uses', () => {
    expect(periodHasNoData(downloadsReport([0, 3]))).toBe(false);
  });

  test('flags rows without uses', () => {
    expect(periodHasNoData(downloadsReport([0, 0]))).toBe(true);
  });

  test('flags an empty User Table', () => {
    expect(periodHasNoData(downloadsReport([]))).toBe(true);
  });
});

describe('emptyPeriodWarning', () => {
  const period = { from: '2020-01-01', to: '2020-01-07' };

  test('names the period and the data range', () => {
    const warning = emptyPeriodWarning('Phone', period, { channel: 'phone', first: '2026-03-03', last: '2026-03-09' });
    expect(warning).toContain('no Phone data from 2020-01-01 to 2020-01-07');
    expect(warning).toContain('the loaded Phone data covers 2026-03-03 to 2026-03-09');
    expect(warning).toContain('--from and --to');
  });

  test('says when the data has no dates', () => {
    const warning = emptyPeriodWarning('Phone', period, { channel: 'phone', first: null, last: null });
    expect(warning).toContain('no loaded Phone data has dates');
  });
});
