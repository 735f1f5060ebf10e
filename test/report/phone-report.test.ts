import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { DEFAULT_THRESHOLDS, type ImportSummary, type ReportRequest } from '../../lib/engine/types';
import { reportNotes } from '../../lib/report/import-notes';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';
import { renderReport } from '../support/golden';

const fixture = (name: string) => readFileSync(new URL(`./phone-basic/${name}`, import.meta.url), 'utf8');

const request: ReportRequest = {
  channel: 'phone',
  period: { from: '2026-05-04', to: '2026-05-10' },
  timeZone: 'America/New_York',
  thresholds: DEFAULT_THRESHOLDS,
};

describe('phone report', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    db.run(fixture('input.sql'));
  });

  test('matches the expected file in New York', () => {
    expect(renderReport(buildReport(db, request, []))).toBe(fixture('expected.txt'));
  });

  test('counts local dates of a second zone', () => {
    const report = buildReport(db, { ...request, timeZone: 'UTC' }, []);
    const kpi = (id: string) => report.kpis.find((item) => item.id === id)?.value;
    // S10 moves out of the period and S11 into it.
    expect(kpi('calls')).toBe(12);
    expect(kpi('outbound_calls')).toBe(6);
    expect(kpi('talk_minutes')).toBe(20.25);
    const bob = report.users.filter((user) => user.userName === 'Bob Brown');
    expect(bob.map((user) => user.channelCount)).toEqual([3, 3]);
    // 3 active days of 5 working days is exactly 60%: Frequent.
    expect(bob[0]?.status).toBe('Frequent');
    expect(report.users.find((user) => user.userName === 'Alice Adams')?.channelShare).toBe(0.625);
  });

  test('reports inactive users as unknown without a users list', () => {
    db.run('CREATE TEMP TABLE saved_users AS SELECT * FROM users; DELETE FROM users');
    try {
      const report = buildReport(db, request, []);
      expect(report.hasDirectory).toBe(false);
      expect(report.kpis.find((kpi) => kpi.id === 'inactive_users')?.value).toBeNull();
      // The population is who appears in the data: extensions 101, 007, 104 and 200, and the e-mails
      // of Alice (which nothing links to extension 101 without a users list) and Carol.
      expect(report.kpis.find((kpi) => kpi.id === 'users')?.value).toBe(6);
    } finally {
      db.run('INSERT INTO users SELECT * FROM saved_users; DROP TABLE saved_users');
    }
  });

  test('gives source date ranges in the report zone', () => {
    const source: ImportSummary = {
      fileId: 2,
      fileName: 'calls.json',
      formatId: 'ringcentral-call-log-json',
      formatLabel: 'Call log',
      channels: ['phone'],
      rowsRead: 13,
      rowsUsed: 13,
      firstDate: null,
      lastDate: null,
      notes: [],
    };
    // S11 starts 2026-05-04 03:30 UTC and S10 2026-05-11 02:00 UTC: the evenings before in New York.
    const [newYork] = buildReport(db, request, [source]).sources;
    expect([newYork?.firstDate, newYork?.lastDate]).toEqual(['2026-05-03', '2026-05-10']);
    const [utc] = buildReport(db, { ...request, timeZone: 'UTC' }, [source]).sources;
    expect([utc?.firstDate, utc?.lastDate]).toEqual(['2026-05-04', '2026-05-11']);
  });

  test('lists unknown result words of a file', () => {
    // File 2 contains "MISSED" (known, in another case) and "Reserved" (unknown).
    expect(reportNotes(db, 2)).toEqual([
      'Counted as Other results, since the report does not know these result words: "Reserved" (1).',
    ]);
    expect(reportNotes(db, 4)).toEqual([]);
  });

  test('rejects a period that ends before it starts', () => {
    expect(() => buildReport(db, { ...request, period: { from: '2026-05-10', to: '2026-05-04' } }, [])).toThrow(
      'The period starts (2026-05-10) after it ends (2026-05-04)',
    );
  });

  test('rejects an unknown time zone', () => {
    expect(() => buildReport(db, { ...request, timeZone: 'Mars/Olympus' }, [])).toThrow('Unknown time zone "Mars/Olympus"');
  });
});
