import * as Comlink from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import { type PackedReport, REPORT_TRANSFER, reportTransfer, unpackReport } from '../../lib/engine/report-transfer';
import { type ChannelReport, DEFAULT_THRESHOLDS, type ReportRequest, type UserRow } from '../../lib/engine/types';
import { packUserRows } from '../../lib/engine/user-columns';

const user: UserRow = {
  userName: 'Ana Keller',
  userExtension: '101',
  userEmail: 'ana@example.com',
  status: 'Regular',
  userStatus: 'Active',
  department: 'Sales',
  site: 'Denver',
  endpoint: 'Desk phone',
  version: '24.10.1',
  lastUsed: null,
  usageCount: 2,
  channelCount: 4,
  channelShare: 1,
};

const report: ChannelReport = {
  channel: 'phone',
  period: { from: '2026-05-04', to: '2026-05-24' },
  timeZone: 'America/New_York',
  hasDirectory: true,
  basis: 'events',
  notes: ['A note.'],
  kpis: [{ id: 'active_users', label: 'Active users', value: 1, unit: 'users', definition: 'Users with a use.' }],
  weekly: [],
  byDepartment: [{ name: 'Sales', activeUsers: 1, volume: 4 }],
  bySite: [],
  byEndpoint: [],
  users: [user, { ...user, userName: 'Bo Berg', userEmail: 'bo@example.com', lastUsed: Date.UTC(2026, 4, 5) }],
  sources: [],
};

const request: ReportRequest = { channel: 'phone', period: report.period, timeZone: report.timeZone, thresholds: DEFAULT_THRESHOLDS };

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('reportTransfer', () => {
  test('report crosses comlink unchanged', async () => {
    Comlink.transferHandlers.set(REPORT_TRANSFER, reportTransfer);
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose({ report: () => report }, channel.port1);
    const remote = Comlink.wrap<{ report(): PackedReport }>(channel.port2);

    const packed = await remote.report();
    expect(packed.users.length).toBe(2);
    expect(await unpackReport(packed, async () => {})).toEqual(report);
  });

  test('unpacks in parts', async () => {
    const { packed } = packUserRows(report.users);
    let parts = 1;
    const unpacked = await unpackReport({ ...report, users: packed }, async () => {
      parts += 1;
    }, 1);
    expect(parts).toBe(2);
    expect(unpacked).toEqual(report);
  });

  test('handles reports only', () => {
    expect(reportTransfer.canHandle(report)).toBe(true);
    expect(reportTransfer.canHandle(request)).toBe(false);
    expect(reportTransfer.canHandle(report.users)).toBe(false);
    expect(reportTransfer.canHandle(null)).toBe(false);
  });
});
