import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { DEFAULT_THRESHOLDS, type ReportRequest } from '../../lib/engine/types';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';

const fixture = (name: string) => readFileSync(new URL(`./phone-basic/${name}`, import.meta.url), 'utf8');

const request: ReportRequest = {
  channel: 'phone',
  period: { from: '2026-05-04', to: '2026-05-10' },
  timeZone: 'America/New_York',
  thresholds: DEFAULT_THRESHOLDS,
};

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  db.run(fixture('input.sql'));
});

describe('daily table', () => {
  test('has one row per day of the period', () => {
    const report = buildReport(db, request, []);
    // Calls S1..S10 and S12 and the usage-only call U3, by their New York dates; see
    // phone-basic/input.sql.
    expect(report.daily).toEqual([
      { date: '2026-05-04', activeUsers: 1, volume: 1 },
      { date: '2026-05-05', activeUsers: 2, volume: 2 },
      { date: '2026-05-06', activeUsers: 2, volume: 2 },
      { date: '2026-05-07', activeUsers: 0, volume: 2 },
      { date: '2026-05-08', activeUsers: 1, volume: 3 },
      { date: '2026-05-09', activeUsers: 1, volume: 1 },
      { date: '2026-05-10', activeUsers: 1, volume: 1 },
    ]);
  });

  test('adds up to the weekly volume', () => {
    const report = buildReport(db, request, []);
    const dailyVolume = (report.daily ?? []).reduce((sum, day) => sum + day.volume, 0);
    expect(dailyVolume).toBe(report.weekly.reduce((sum, week) => sum + week.volume, 0));
  });

  test('covers days without data', () => {
    const report = buildReport(db, { ...request, period: { from: '2026-04-30', to: '2026-05-04' } }, []);
    // S11, Bob's call on Sunday 3 May at 23:30 in New York, is the only one before 4 May.
    expect(report.daily).toEqual([
      { date: '2026-04-30', activeUsers: 0, volume: 0 },
      { date: '2026-05-01', activeUsers: 0, volume: 0 },
      { date: '2026-05-02', activeUsers: 0, volume: 0 },
      { date: '2026-05-03', activeUsers: 1, volume: 1 },
      { date: '2026-05-04', activeUsers: 1, volume: 1 },
    ]);
  });
});

describe('unmapped endpoints', () => {
  test('empty when every client name matches a rule', () => {
    expect(buildReport(db, request, []).unmappedEndpoints).toEqual([]);
  });

  test('lists every raw name without rules', () => {
    expect(buildReport(db, request, [], []).unmappedEndpoints).toEqual([
      { raw: 'Polycom VVX 450', uses: 1 },
      { raw: 'RingCentral for Windows', uses: 1 },
      { raw: 'RingCentral iOS', uses: 1 },
    ]);
  });

  test('leaves out names a rule maps', () => {
    const rules = [{ pattern: '\\bwindows\\b', endpoint: 'RingCentral app for Windows' }];
    expect(buildReport(db, request, [], rules).unmappedEndpoints?.map((item) => item.raw)).toEqual([
      'Polycom VVX 450',
      'RingCentral iOS',
    ]);
  });

  test('leaves out uses without a client name', () => {
    const report = buildReport(db, request, [], []);
    expect(report.unmappedEndpoints?.some((item) => item.raw === '')).toBe(false);
    expect(report.byEndpoint.find((row) => row.name === 'Unknown')?.volume).toBeGreaterThan(0);
  });
});
