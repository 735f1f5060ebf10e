import type { Channel, ChannelReport, ImportSummary, UserRow, WorkbookRequest } from '../../lib/engine/types';

/** Wall-clock epoch milliseconds (see lib/workbook/wall-clock.ts) for a local date and time. */
export function wallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** File ids of each channel's own log. The users list, file 1, is shared by all channels. */
const LOG_FILE_IDS: Record<Channel, number> = { phone: 2, video: 3, message: 4 };

export const PERIOD = { from: '2026-03-02', to: '2026-03-08' };
export const TIME_ZONE = 'Europe/Berlin';
/** 2026-03-09 14:05:30 UTC, which is 15:05:30 in Berlin (UTC+1 until 29 March). */
export const GENERATED_AT = Date.UTC(2026, 2, 9, 14, 5, 30);
export const LONG_DEPARTMENT = 'D'.repeat(40_000);
/** 02:30 on 8 March 2026 does not exist in New York (the test process's TZ), so any local-time shift shows. */
export const DST_GAP_LAST_USED = wallClock(2026, 3, 8, 2, 30);

export function workbookRequest(channel: Channel): WorkbookRequest {
  return {
    channel,
    period: { ...PERIOD },
    timeZone: TIME_ZONE,
    thresholds: { frequentPercent: 60, regularPercent: 20 },
    author: { name: 'Dana Admin', extension: '0100' },
    generatedAt: GENERATED_AT,
  };
}

export function source(fileId: number, fileName: string, channels: Channel[]): ImportSummary {
  return {
    fileId,
    fileName,
    formatId: 'ringcentral-users-csv',
    formatLabel: 'RingCentral users list (CSV)',
    channels,
    rowsRead: 120,
    rowsUsed: 118,
    firstDate: '2026-03-01',
    lastDate: '2026-03-08',
    notes: ['2 lines were skipped: no user.', 'Times without a zone were read in Europe/Berlin.'],
  };
}

function user(overrides: Partial<UserRow>): UserRow {
  return {
    userName: 'Alice Archer',
    userExtension: '0042',
    userEmail: 'alice@example.com',
    status: 'Frequent',
    userStatus: 'Active',
    department: 'Sales',
    site: 'Berlin',
    endpoint: 'RingCentral app for Windows',
    version: '24.10',
    lastUsed: wallClock(2026, 3, 6, 17, 45),
    usageCount: 12,
    channelCount: 12,
    channelShare: 0.6,
    ...overrides,
  };
}

/**
 * Five User Table rows: a plain user with extension `0042` and version `24.10`, a formula-like
 * name, a name with a bell character, a 40,000-character department, and an inactive user.
 */
export function users(channel: Channel): UserRow[] {
  const video = (hostCount: number, participantCount: number): Partial<UserRow> =>
    channel === 'video' ? { hostCount, participantCount } : {};
  return [
    user({ ...video(5, 7) }),
    user({
      userName: '=SUM(A1)',
      userExtension: '101',
      userEmail: '@attacker.example',
      department: '+cmd',
      site: '-2+3',
      endpoint: 'Desk phone',
      version: '\tv1',
      lastUsed: DST_GAP_LAST_USED,
      usageCount: 4,
      channelCount: 4,
      channelShare: 0.2,
      status: 'Regular',
      ...video(1, 3),
    }),
    user({ userName: 'Bob\u0007 Builder\r', userExtension: '102', channelCount: 3, usageCount: 3, channelShare: 0.15, ...video(0, 3) }),
    user({ userName: 'Carol Long', userExtension: '103', department: LONG_DEPARTMENT, channelCount: 1, usageCount: 1, channelShare: 0.05, ...video(0, 1) }),
    user({
      userName: 'Ivan Idle',
      userExtension: '104',
      status: 'Never',
      userStatus: 'Inactive',
      endpoint: '',
      version: '',
      lastUsed: null,
      usageCount: 0,
      channelCount: 0,
      channelShare: 0,
      ...video(0, 0),
    }),
  ];
}

export function channelReport(channel: Channel, overrides: Partial<ChannelReport> = {}): ChannelReport {
  return {
    channel,
    period: { ...PERIOD },
    timeZone: TIME_ZONE,
    hasDirectory: true,
    basis: 'events',
    notes: [],
    kpis: [
      { id: 'users', label: 'Users', value: 5, unit: 'users', definition: 'People in the population.' },
      { id: 'active-rate', label: 'Active rate', value: 0.8, unit: '%', definition: 'Active users / users.' },
      { id: 'talk-minutes', label: 'Talk minutes', value: 123.5, unit: 'minutes', definition: 'Sum of talk time.' },
      {
        id: 'top-endpoints',
        label: 'Top endpoints',
        value: 'RingCentral app for Windows, Desk phone',
        unit: '',
        definition: 'Endpoints ranked by active users.',
      },
      { id: 'average-call-length', label: 'Average call length', value: null, unit: 'minutes', definition: 'Talk minutes / answered calls.' },
    ],
    weekly: [{ weekStart: '2026-03-02', weekEnd: '2026-03-08', activeUsers: 4, volume: 20 }],
    byDepartment: [{ name: 'Sales', activeUsers: 3, volume: 19 }, { name: '=HYPERLINK("x")', activeUsers: 1, volume: 1 }],
    bySite: [{ name: 'Berlin', activeUsers: 4, volume: 20 }],
    byEndpoint: [
      { name: 'RingCentral app for Windows', activeUsers: 3, volume: 16 },
      { name: 'Desk phone', activeUsers: 1, volume: 4 },
    ],
    users: users(channel),
    sources: [source(1, 'users.csv', ['phone', 'video', 'message']), source(LOG_FILE_IDS[channel], `${channel}-log.csv`, [channel])],
    ...overrides,
  };
}
