import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { DEFAULT_THRESHOLDS, type ChannelReport, type Period } from '../../lib/engine/types';
import { NOT_FROM_DOWNLOADS } from '../../lib/report/download-notes';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';
import { renderReport } from '../support/golden';

// expected.txt was worked out by hand from the report rules (see the comments in input.sql), not
// produced by the code under test.
const fixture = (name: string) => readFileSync(new URL(`./downloads-basic/${name}`, import.meta.url), 'utf8');
const YEAR: Period = { from: '2026-01-01', to: '2026-12-31' };

function phoneReport(db: Database, period: Period = YEAR): ChannelReport {
  return buildReport(db, { channel: 'phone', period, timeZone: 'America/New_York', thresholds: DEFAULT_THRESHOLDS }, []);
}

function kpiValue(report: ChannelReport, id: string): number | string | null | undefined {
  return report.kpis.find((kpi) => kpi.id === id)?.value;
}

describe('phone report from downloads', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    db.run(fixture('input.sql'));
  });

  test('matches the expected file', () => {
    const report = phoneReport(db);
    expect(report.basis).toBe('downloads');
    expect(renderReport(report)).toBe(fixture('expected.txt'));
  });

  test('gives each missing KPI its reason', () => {
    const report = phoneReport(db);
    const missing = report.kpis.filter((kpi) => kpi.value === null);
    expect(missing.map((kpi) => kpi.id)).toContain('calls');
    for (const kpi of missing) expect(kpi.unavailable, kpi.id).toBe(NOT_FROM_DOWNLOADS);
    expect(report.kpis.find((kpi) => kpi.id === 'users')?.unavailable).toBeUndefined();
  });

  test('knows inactive users without a users list', () => {
    const report = phoneReport(db, { from: '2026-07-01', to: '2026-11-30' });
    expect(report.hasDirectory).toBe(true);
    expect(kpiValue(report, 'users')).toBe(4);
    expect(kpiValue(report, 'inactive_users')).toBe(1);
    const bob = report.users.filter((user) => user.userName === 'Bob Brown');
    expect(bob).toHaveLength(1);
    expect(bob[0]).toMatchObject({ userStatus: 'Inactive', status: 'Never', endpoint: '', usageCount: 0 });
  });

  test('keeps the Status of a single download', () => {
    const report = phoneReport(db, { from: '2026-07-01', to: '2026-11-30' });
    const statuses = Object.fromEntries(report.users.map((user) => [user.userName, user.status]));
    expect(statuses).toEqual({ 'Alice Adams': 'Occasional', 'Bob Brown': 'Never', 'Carol Chen': 'Occasional', 'Dan Dunn': 'Regular' });
  });

  test('users list defines the population', () => {
    // Dan is disabled and Erin never used the phone: Erin is inactive, Dan is not a user.
    db.run(`INSERT INTO users (file_id, source_line, extension, email, name, department, site, status, type) VALUES
      (1, 2, '101', 'alice@example.com', 'Alice Adams', 'Sales', 'Boston', 'Enabled', 'User'),
      (1, 3, '007', 'bob@example.com', 'Bob Brown', 'Support', 'Denver', 'Enabled', 'User'),
      (1, 4, '103', 'carol@example.com', 'Carol Chen', 'Sales', 'Boston', 'Enabled', 'User'),
      (1, 5, '104', 'dan@example.com', 'Dan Dunn', 'Marketing', 'Austin', 'Disabled', 'User'),
      (1, 6, '105', 'erin@example.com', 'Erin Ek', 'Sales', 'Boston', 'Enabled', 'User')`);
    const report = phoneReport(db);
    expect(kpiValue(report, 'users')).toBe(4);
    expect(kpiValue(report, 'active_users')).toBe(3);
    expect(kpiValue(report, 'inactive_users')).toBe(1);
    expect(kpiValue(report, 'active_rate')).toBe(0.75);
    expect(kpiValue(report, 'uses_per_active_user')).toBe(20);
    expect(kpiValue(report, 'top_endpoints')).toBe('RingCentral app for Windows (1), Desk phone (1), RingCentral app for iOS (1)');
    // 20 calls per active user over the 181 + 153 days of h1 and h2 (dec is cut): 20 / (334 / 7).
    expect(Number((kpiValue(report, 'calls_per_active_user_per_week') as number).toFixed(6))).toBe(0.419162);
    expect(report.users.map((user) => user.userName)).toEqual(['Alice Adams', 'Alice Adams', 'Bob Brown', 'Carol Chen', 'Erin Ek']);
  });

  test('events of the channel win over downloads', () => {
    db.run(`INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, direction, result, duration_s)
            VALUES (5, 2, 'phone', 'record', 'S1', '2026-03-04 15:00:00', '101', 'Outbound', 'Call connected', 60)`);
    const report = phoneReport(db);
    expect(report.basis).toBe('events');
    expect(kpiValue(report, 'calls')).toBe(1);
    expect(kpiValue(report, 'active_users')).toBe(1);
    expect(report.notes).toEqual([
      'Downloaded workbooks not used for Phone: h1.xlsx, h2.xlsx, dec.xlsx. The channel has events from other exports, ' +
        "and adding the workbooks' totals to them would count uses twice. Remove those exports to report from the workbooks.",
    ]);
  });

  test('notes a download in another zone', () => {
    db.run(`UPDATE usage_totals SET time_zone = 'Europe/Berlin' WHERE file_id = 2`);
    db.run(`UPDATE usage_totals SET time_zone = 'America/New_York' WHERE file_id = 3`);
    const notes = phoneReport(db).notes;
    expect(notes).toContain('h1.xlsx shows its Last Used times in Europe/Berlin, not America/New_York, and they are kept as written.');
    expect(notes.filter((note) => note.startsWith('h2.xlsx'))).toEqual([]);
  });

  test('other channels ignore phone downloads', () => {
    const report = buildReport(db, { channel: 'message', period: YEAR, timeZone: 'UTC', thresholds: DEFAULT_THRESHOLDS }, []);
    expect(report.basis).toBe('events');
    expect(report.notes).toEqual([]);
    expect(report.users).toEqual([]);
  });
});
