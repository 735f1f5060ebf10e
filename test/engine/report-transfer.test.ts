import * as Comlink from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import { REPORT_TRANSFER, reportTransfer } from '../../lib/engine/report-transfer';
import { type ChannelReport, DEFAULT_THRESHOLDS, type ReportRequest, type UserRow } from '../../lib/engine/types';

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
    const remote = Comlink.wrap<{ report(): ChannelReport }>(channel.port2);

    expect(await remote.report()).toEqual(report);
  });

  test('handles reports only', () => {
    expect(reportTransfer.canHandle(report)).toBe(true);
    expect(reportTransfer.canHandle(request)).toBe(false);
    expect(reportTransfer.canHandle(report.users)).toBe(false);
    expect(reportTransfer.canHandle(null)).toBe(false);
  });
});
