import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, type Channel, type ChannelReport } from '../../lib/engine/types';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';

// How usage-events rows combine with the platform exports' rows of the same use. Times are UTC; New
// York is UTC-4 in May.
async function reportFor(channel: Channel, inputSql: string): Promise<ChannelReport> {
  const db = await openTestDatabase();
  db.run(inputSql);
  return buildReport(
    db,
    { channel, period: { from: '2026-05-04', to: '2026-05-10' }, timeZone: 'America/New_York', thresholds: DEFAULT_THRESHOLDS },
    [],
  );
}

const kpi = (report: ChannelReport, id: string) => report.kpis.find((item) => item.id === id)?.value;

const usersSql = `
  INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type) VALUES
    (1, 2, 'p101', '101', 'alice@example.com', 'Alice Adams', 'Sales', 'Boston', 'Enabled', 'User'),
    (1, 3, 'p102', '102', 'bob@example.com', 'Bob Brown', 'Support', 'Denver', 'Enabled', 'User'),
    (1, 4, 'p103', '103', 'carol@example.com', 'Carol Chen', 'Sales', 'Boston', 'Enabled', 'User');`;

describe('message usage rows', () => {
  const postsSql = `${usersSql}
    INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, user_platform_id, attachments) VALUES
      (2, 1, 'message', 'record', 'P1', 'C1', '2026-05-04 14:00:00.250', 'p101', 0),
      (2, 2, 'message', 'record', 'P2', 'C1', '2026-05-05 14:00:00', 'p101', 0),
      (2, 3, 'message', 'record', 'P3', 'C2', '2026-05-05 15:00:00', 'p102', 0);`;

  test('row naming a post by chat fills it in', async () => {
    // Alice, chat C1, the instant of P1 to the second: the Windows app wrote P1.
    const report = await reportFor('message', `${postsSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, endpoint_raw, version) VALUES
        (3, 2, 'message', 'usage', 'C1', '2026-05-04 14:00:00', 'alice@example.com', 'RingCentral for Windows', '24.10');`);

    expect(kpi(report, 'messages_sent')).toBe(3);
    const alice = report.users.filter((row) => row.userEmail === 'alice@example.com');
    expect(alice.map((row) => [row.endpoint, row.version, row.usageCount, row.channelCount])).toEqual([
      ['RingCentral app for Windows', '24.10', 1, 2],
      ['Unknown', '', 1, 2],
    ]);
  });

  test('rows naming no post are messages of their own', async () => {
    // Same chat as P1 but another second, and two more rows in chat C9 that no export lists.
    const report = await reportFor('message', `${postsSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, endpoint_raw, version) VALUES
        (3, 2, 'message', 'usage', 'C1', '2026-05-04 14:00:01', 'alice@example.com', 'RingCentral Web', '25.1.10'),
        (3, 3, 'message', 'usage', 'C9', '2026-05-06 14:00:00', 'carol@example.com', 'RingCentral Web', '25.1.10'),
        (3, 4, 'message', 'usage', 'C9', '2026-05-07 14:00:00', 'carol@example.com', 'RingCentral Web', '25.1.10');`);

    expect(kpi(report, 'messages_sent')).toBe(6);
    expect(report.users.find((row) => row.userEmail === 'carol@example.com')?.channelCount).toBe(2);
  });

  test('row naming a post by id fills it in', async () => {
    const report = await reportFor('message', `${postsSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, endpoint_raw, version) VALUES
        (3, 2, 'message', 'usage', 'P3', '2026-05-05 15:00:00', 'bob@example.com', 'RingCentral iOS', '25.2');`);

    expect(kpi(report, 'messages_sent')).toBe(3);
    const bob = report.users.filter((row) => row.userEmail === 'bob@example.com');
    expect(bob.map((row) => [row.endpoint, row.usageCount])).toEqual([['RingCentral app for iOS', 1]]);
  });
});

describe('video usage rows', () => {
  // M1: Bob hosts and is not among the participants. Carol joins twice (a rejoin).
  const meetingSql = `${usersSql}
    INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, user_platform_id, role, duration_s) VALUES
      (2, 1, 'video', 'record', 'host', 'M1', '2026-05-05 14:30:00', 'p102', 'host', 3600),
      (2, 1, 'video', 'record', '500:p103', 'M1', '2026-05-05 14:30:00', 'p103', 'participant', 3600),
      (2, 1, 'video', 'record', '500:p103', 'M1', '2026-05-05 14:30:00', 'p103', 'participant', 3600);`;

  test('host row leaves participants unchanged', async () => {
    const report = await reportFor('video', `${meetingSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version, role) VALUES
        (3, 2, 'video', 'usage', 'M1', '2026-05-05 14:30:00', '102', 'RingCentral Web', '25.1.10', 'host');`);

    expect(kpi(report, 'participants')).toBe(1);
    expect(kpi(report, 'meetings')).toBe(1);
    const bob = report.users.filter((row) => row.userEmail === 'bob@example.com');
    expect(bob.map((row) => [row.endpoint, row.usageCount, row.hostCount, row.participantCount])).toEqual([
      ['RingCentral app for Web', 1, 1, 0],
    ]);
  });

  test('host row without role leaves participants unchanged', async () => {
    const report = await reportFor('video', `${meetingSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version) VALUES
        (3, 2, 'video', 'usage', 'M1', '2026-05-05 14:30:00', '102', 'RingCentral Web', '25.1.10');`);

    expect(kpi(report, 'participants')).toBe(1);
  });

  test('row without role adds its person', async () => {
    const report = await reportFor('video', `${usersSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version) VALUES
        (3, 2, 'video', 'usage', 'M9', '2026-05-06 14:30:00', '101', 'RingCentral Web', '25.1.10');`);

    expect(kpi(report, 'meetings')).toBe(1);
    expect(kpi(report, 'participants')).toBe(1);
  });

  test('rows without duration leave minutes unknown', async () => {
    const report = await reportFor('video', `${usersSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version) VALUES
        (3, 2, 'video', 'usage', 'M9', '2026-05-06 14:30:00', '101', 'RingCentral Web', '25.1.10');`);

    expect(kpi(report, 'meetings')).toBe(1);
    expect(kpi(report, 'meeting_minutes')).toBeNull();
    expect(kpi(report, 'average_meeting_length')).toBeNull();
  });

  test('minutes cover meetings with a duration', async () => {
    // M1 lasts an hour; M9, named by a usage row only, has no duration.
    const report = await reportFor('video', `${meetingSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version) VALUES
        (3, 2, 'video', 'usage', 'M9', '2026-05-06 14:30:00', '101', 'RingCentral Web', '25.1.10');`);

    expect(kpi(report, 'meetings')).toBe(2);
    expect(kpi(report, 'meeting_minutes')).toBe(60);
    expect(kpi(report, 'average_meeting_length')).toBe(60);
  });

  test('participant rows count each person once', async () => {
    const report = await reportFor('video', `${meetingSql}
      INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_extension, endpoint_raw, version, role) VALUES
        (3, 2, 'video', 'usage', 'M1', '2026-05-05 14:30:00', '103', 'RingCentral Web', '25.1.10', 'participant'),
        (3, 3, 'video', 'usage', 'M1', '2026-05-05 14:31:00', '103', 'RingCentral iOS', '25.2', 'participant'),
        (3, 4, 'video', 'usage', 'M1', '2026-05-05 14:32:00', '101', 'RingCentral Mac', '25.2', 'participant');`);

    // Alice's row names a meeting she is not listed in: she joined it too.
    expect(kpi(report, 'participants')).toBe(2);
    expect(kpi(report, 'uses_per_active_user')).toBe(1);
    expect(report.byEndpoint.reduce((sum, row) => sum + row.volume, 0)).toBe(4);
    expect(report.byDepartment.reduce((sum, row) => sum + row.volume, 0)).toBe(3);
  });
});
