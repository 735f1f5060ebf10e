import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { installTimeMacros } from '../../lib/time/macros';
import { parseDurationSeconds } from '../../lib/time/parse-duration';

/** Text, whether the format writes M:SS, and the expected seconds (null: not readable). */
const CASES: [string, boolean, number | null][] = [
  ['252', false, 252],
  [' 252 ', false, 252],
  ['252.5', false, 252.5],
  ['0', false, 0],
  ['0:04:12', false, 252],
  ['0:04:12.5', false, 252.5],
  ['26:00:00', false, 93600],
  ['123:59:59', false, 446399],
  [' 0:00:46 ', false, 46],
  ['999999:59:59', false, 3599999999],
  ['1234567:00:00', false, 4444441200],
  ['1:02:04:12', false, 93852],
  ['4:12', false, null],
  ['4:12', true, 252],
  ['75:30', true, 4530],
  ['0:04:12', true, 252],
  ['PT1H2M3S', false, 3723],
  ['pt4m12.5s', false, 252.5],
  ['PT45S', false, 45],
  ['P1DT1H', false, 90000],
  ['P1D', false, 86400],
  ['PT', false, null],
  ['P', false, null],
  ['P1DT', false, null],
  ['P1M', false, null],
  ['PT1S2M', false, null],
  ['-5', false, null],
  ['1:60:00', false, null],
  ['0:4:12', false, null],
  ['1:24:00:00', false, null],
  ['4:60', true, null],
  ['1,5', false, null],
  ['4 min', false, null],
  ['', false, null],
  ['', true, null],
];

describe('parseDurationSeconds', () => {
  it.each(CASES)('reads %j (M:SS %s) as %j', (text, minutesSeconds, expected) => {
    expect(parseDurationSeconds(text, { minutesSeconds })).toBe(expected);
  });
});

describe('parse_duration_seconds macro', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    installTimeMacros(db);
  });

  it.each(CASES)('reads %j (M:SS %s) as %j', (text, minutesSeconds, expected) => {
    const [row] = db.query<{ seconds: number | null }>('SELECT parse_duration_seconds(?, ?) AS seconds', [
      text,
      minutesSeconds,
    ]);
    expect(row!.seconds).toBe(expected);
  });
});
