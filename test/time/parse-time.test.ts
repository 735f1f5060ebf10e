import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { installTimeMacros } from '../../lib/time/macros';
import { parseTime } from '../../lib/time/parse-time';

/** Expected reading: which column the time fills, and its value as `YYYY-MM-DD HH:MM:SS.ffffff`. */
type Expected = { utc: string } | { wall: string } | null;

// The US nights of 2025: clocks went from 2:00 to 3:00 on March 9 and from 2:00 back to 1:00 on
// November 2. The tests run with TZ=America/New_York, so a parser that used the local zone would
// move the wall-clock 2:30 on March 9 (which does not exist there) and fail.
const CASES: [string, Expected][] = [
  // ISO 8601 with a zone: UTC instants
  ['2025-03-04T09:14:07.123Z', { utc: '2025-03-04 09:14:07.123000' }],
  ['2025-03-04T09:14:07Z', { utc: '2025-03-04 09:14:07.000000' }],
  ['2025-03-04t09:14:07z', { utc: '2025-03-04 09:14:07.000000' }],
  ['2025-03-04T09:14:07.123456789Z', { utc: '2025-03-04 09:14:07.123456' }],
  ['2025-03-04T09:14:07,5Z', { utc: '2025-03-04 09:14:07.500000' }],
  ['2025-03-04T09:14:07-05:00', { utc: '2025-03-04 14:14:07.000000' }],
  ['2025-03-04T09:14:07+0100', { utc: '2025-03-04 08:14:07.000000' }],
  ['2025-03-04T09:14:07+01', { utc: '2025-03-04 08:14:07.000000' }],
  ['2025-03-04T09:14:07+05:30', { utc: '2025-03-04 03:44:07.000000' }],
  ['2025-03-04T02:00:00+05:30', { utc: '2025-03-03 20:30:00.000000' }],
  ['2025-12-31T22:00:00-03:30', { utc: '2026-01-01 01:30:00.000000' }],
  ['2025-03-04 09:14:07 UTC', { utc: '2025-03-04 09:14:07.000000' }],
  ['2025-03-09T01:59:59-05:00', { utc: '2025-03-09 06:59:59.000000' }],
  ['2025-03-09T03:00:00-04:00', { utc: '2025-03-09 07:00:00.000000' }],
  ['2025-11-02T01:30:00-04:00', { utc: '2025-11-02 05:30:00.000000' }],
  ['2025-11-02T01:30:00-05:00', { utc: '2025-11-02 06:30:00.000000' }],
  // Without a zone: wall-clock times, kept as written
  ['2025-03-04 09:14:07', { wall: '2025-03-04 09:14:07.000000' }],
  ['2025-03-04T09:14', { wall: '2025-03-04 09:14:00.000000' }],
  ['  2025-03-04   09:14:07.25 ', { wall: '2025-03-04 09:14:07.250000' }],
  ['Tue 2025-03-04 09:14:07', { wall: '2025-03-04 09:14:07.000000' }],
  ['3/4/2025 9:14:07 AM', { wall: '2025-03-04 09:14:07.000000' }],
  ['3/4/2025 9:14:07 PM', { wall: '2025-03-04 21:14:07.000000' }],
  ['3/4/2025 9:14:07pm', { wall: '2025-03-04 21:14:07.000000' }],
  ['3/4/2025 12:00:00 AM', { wall: '2025-03-04 00:00:00.000000' }],
  ['3/4/2025 12:00:00 PM', { wall: '2025-03-04 12:00:00.000000' }],
  ['03/04/2025 21:14', { wall: '2025-03-04 21:14:00.000000' }],
  ['Tue 3/4/2025 9:14:07 AM', { wall: '2025-03-04 09:14:07.000000' }],
  ['Tuesday, 3/4/2025 9:14 am', { wall: '2025-03-04 09:14:00.000000' }],
  ['2/29/2024 23:59', { wall: '2024-02-29 23:59:00.000000' }],
  ['Sun 3/9/2025 2:30:00 AM', { wall: '2025-03-09 02:30:00.000000' }],
  ['11/2/2025 1:30:00 AM', { wall: '2025-11-02 01:30:00.000000' }],
  // Not times
  ['', null],
  ['yesterday', null],
  ['1741079647', null],
  ['2025-03-04', null],
  ['2025-03-04T24:00:00Z', null],
  ['2025-03-04T09:60:00Z', null],
  ['2025-03-04T09:14:60Z', null],
  ['2025-03-04T09:14:07+15:00', null],
  ['2025-03-04T09:14:07+05:60', null],
  ['2025-02-29 10:00', null],
  ['2/29/2025 10:00', null],
  ['13/4/2025 9:14', null],
  ['3/4/25 9:14', null],
  ['3/4/2025 13:14 PM', null],
  ['3/4/2025 0:14 AM', null],
  ['Wed 3/4/2025 9:14:07 AM', null],
  ['Foo 3/4/2025 9:14', null],
];

function formatMicros(epochMicros: number): string {
  const millis = Math.floor(epochMicros / 1000);
  const micros = epochMicros - millis * 1000;
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(micros).padStart(3, '0')}`;
}

function readWithJavaScript(text: string): Expected {
  const parsed = parseTime(text);
  if (parsed === null) return null;
  const value = formatMicros(parsed.epochMicros);
  return parsed.clock === 'utc' ? { utc: value } : { wall: value };
}

function readWithSql(db: Database, text: string): Expected {
  const [row] = db.query<{ utc: string | null; wall: string | null; readable: boolean }>(
    `SELECT strftime(parse_time_utc($1), '%Y-%m-%d %H:%M:%S.%f') AS utc,
            strftime(parse_time_wall($1), '%Y-%m-%d %H:%M:%S.%f') AS wall,
            is_readable_time($1) AS readable`,
    [text],
  );
  expect(row!.readable).toBe(row!.utc !== null || row!.wall !== null);
  if (row!.utc !== null && row!.wall !== null) throw new Error(`both columns filled for "${text}"`);
  if (row!.utc !== null) return { utc: row!.utc };
  if (row!.wall !== null) return { wall: row!.wall };
  return null;
}

describe('parseTime', () => {
  it.each(CASES)('reads %j as %j', (text, expected) => {
    expect(readWithJavaScript(text)).toEqual(expected);
  });
});

describe('time macros', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    installTimeMacros(db);
  });

  it.each(CASES)('read %j as %j', (text, expected) => {
    expect(readWithSql(db, text)).toEqual(expected);
  });

  it('install twice without error', () => {
    installTimeMacros(db);
    expect(readWithSql(db, '2025-03-04T09:14:07Z')).toEqual({ utc: '2025-03-04 09:14:07.000000' });
  });
});
