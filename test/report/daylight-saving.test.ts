import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../lib/engine/types';
import { reportNotes } from '../../lib/report/import-notes';
import { buildReport } from '../../lib/report/report';
import { loadZoneOffsets } from '../../lib/report/zone-table';
import { openTestDatabase } from '../support/database';

// Zone-less phone usage rows around New York's 2026 changes: clocks go from 2:00 to 3:00 on 8 March
// and from 2:00 back to 1:00 on 1 November.
const inputSql = `
  INSERT INTO events (file_id, source_line, channel, kind, session_id, start_wall, user_email, endpoint_raw, direction, result) VALUES
    (1, 2, 'phone', 'usage', 's1', '2026-03-08 02:30:00', 'alice@example.com', 'RingCentral for Windows', 'Outbound', 'Call connected'),
    (1, 3, 'phone', 'usage', 's2', '2026-11-01 01:30:00', 'bob@example.com', 'RingCentral for Windows', 'Outbound', 'Call connected'),
    (1, 4, 'phone', 'usage', 's3', '2026-03-09 09:00:00', 'carol@example.com', 'RingCentral for Windows', 'Outbound', 'Call connected');`;

describe('daylight-saving edge times', () => {
  test('gap time moves forward by the gap', async () => {
    const db = await openTestDatabase();
    db.run(inputSql);
    const report = buildReport(
      db,
      { channel: 'phone', period: { from: '2026-03-01', to: '2026-11-30' }, timeZone: 'America/New_York', thresholds: DEFAULT_THRESHOLDS },
      [],
    );

    const lastUsed = (email: string) => report.users.find((row) => row.userEmail === email)?.lastUsed;
    expect(lastUsed('alice@example.com')).toBe(Date.UTC(2026, 2, 8, 3, 30));
    expect(lastUsed('bob@example.com')).toBe(Date.UTC(2026, 10, 1, 1, 30));
    expect(lastUsed('carol@example.com')).toBe(Date.UTC(2026, 2, 9, 9, 0));
  });

  test('notes name the lines', async () => {
    const db = await openTestDatabase();
    db.run(inputSql);
    loadZoneOffsets(db, 'America/New_York');

    expect(reportNotes(db, 1)).toEqual([
      'Read the times of line 2 as the clock read after the daylight-saving change, because the report time zone skips them ' +
        '(2:30 on the night the clocks go forward from 2:00 to 3:00 reads as 3:30).',
      'Read the times of line 3 as the first of the two times they name, because the report time zone repeats them when ' +
        'the clocks go back (1:30 is taken before the change).',
    ]);
  });

  test('no notes in a zone without changes', async () => {
    const db = await openTestDatabase();
    db.run(inputSql);
    loadZoneOffsets(db, 'Asia/Tokyo');

    expect(reportNotes(db, 1)).toEqual([]);
  });
});
