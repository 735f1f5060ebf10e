import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, type Channel } from '../../lib/engine/types';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';
import { renderReport } from '../support/golden';

// A report keeps its tables compressed from a count of events that tests cannot reach, so these
// cases lower it to 0 and compare with the hand-computed expected files.
const cases: [Channel, string][] = [
  ['phone', 'phone-basic'],
  ['video', 'video-basic'],
  ['message', 'message-basic'],
];

describe.each(cases)('%s report in the compressed store', (channel, folder) => {
  const fixture = (name: string) => readFileSync(new URL(`./${folder}/${name}`, import.meta.url), 'utf8');
  const request = {
    channel,
    period: { from: '2026-05-04', to: '2026-05-10' },
    timeZone: 'America/New_York',
    thresholds: DEFAULT_THRESHOLDS,
  };

  test('matches the expected file', async () => {
    const db = await openTestDatabase();
    db.run(fixture('input.sql'));

    const compressed = buildReport(db, request, [], undefined, { compressedFromEvents: 0 });

    expect(renderReport(compressed)).toBe(fixture('expected.txt'));
  });

  test('matches expected file in parts', async () => {
    const db = await openTestDatabase();
    db.run(fixture('input.sql'));
    // Deleted rows leave gaps in the row numbers that the parts are cut by.
    db.run("INSERT INTO events SELECT * REPLACE (file_id + 100 AS file_id) FROM events");
    db.run('DELETE FROM events WHERE file_id < 100');
    db.run("INSERT INTO events SELECT * REPLACE (file_id - 100 AS file_id) FROM events");
    db.run('DELETE FROM events WHERE file_id >= 100');

    const report = buildReport(db, request, [], undefined, { compressedFromEvents: 0, partEvents: 2 });

    expect(renderReport(report)).toBe(fixture('expected.txt'));
  });

  test('replaces tables an earlier report left', async () => {
    const db = await openTestDatabase();
    db.run(fixture('input.sql'));
    const before = renderReport(buildReport(db, request, []));
    db.run("INSERT INTO events SELECT * REPLACE (file_id + 100 AS file_id, session_id || '-copy' AS session_id) FROM events");

    const compressed = renderReport(buildReport(db, request, [], undefined, { compressedFromEvents: 0 }));
    const temporary = renderReport(buildReport(db, request, []));

    expect(compressed).not.toBe(before);
    expect(compressed).toBe(temporary);
  });
});
