import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../lib/engine/types';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';

// A messaging export alone: members of the account's domain, a guest of another domain and posts.
const exportSql = `
  INSERT INTO identities (file_id, source_line, platform_id, extension, email, name) VALUES
    (1, 1, 'm1', NULL, 'Alice@EX.com', 'Alice Archer'),
    (1, 2, 'm2', NULL, 'bob@ex.com', 'Bob Baker'),
    (1, 3, 'm3', NULL, 'carol@ex.com', 'Carol Cruz'),
    (1, 4, 'm9', NULL, 'gus@other.com', 'Gus Guest');
  INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, user_platform_id, attachments) VALUES
    (2, 1, 'message', 'record', 'P1', 'C1', '2026-05-04 14:00:00', 'm1', 0),
    (2, 2, 'message', 'record', 'P2', 'C1', '2026-05-05 14:00:00', 'm2', 0),
    (2, 3, 'message', 'record', 'P3', 'C1', '2026-05-05 15:00:00', 'm9', 0);`;

describe('population without a users list', () => {
  test('leaves out guests of another domain', async () => {
    const db = await openTestDatabase();
    db.run(exportSql);
    const report = buildReport(
      db,
      { channel: 'message', period: { from: '2026-05-04', to: '2026-05-10' }, timeZone: 'America/New_York', thresholds: DEFAULT_THRESHOLDS },
      [],
    );

    const kpi = (id: string) => report.kpis.find((item) => item.id === id)?.value;
    expect(kpi('users')).toBe(2);
    expect(kpi('active_users')).toBe(2);
    expect(kpi('messages_sent')).toBe(3);
    expect(report.users.map((row) => row.userEmail)).toEqual(['Alice@EX.com', 'bob@ex.com']);
  });
});
