import { describe, expect, test } from 'vitest';
import { activeSplit, NO_VERSION, rankBreakdown, trendSeries, versionsByEndpoint } from '../../components/chart-data';
import { evenlySpacedIndexes, niceTicks, truncateLabel } from '../../components/chart-scale';
import type { Kpi, UserRow } from '../../lib/engine/types';

describe('niceTicks', () => {
  test.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [10, [0, 5, 10]],
    [37, [0, 10, 20, 30, 40]],
    [101, [0, 50, 100, 150]],
    [2400, [0, 1000, 2000, 3000]],
  ])('max %d gives %j', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  test('last tick covers the maximum', () => {
    for (const max of [0.4, 9, 99, 1001, 123_457]) expect(niceTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });
});

describe('evenlySpacedIndexes', () => {
  test.each([
    [3, 6, [0, 1, 2]],
    [6, 6, [0, 1, 2, 3, 4, 5]],
    [8, 6, [0, 2, 4, 6]],
    [10, 4, [0, 3, 6, 9]],
    [14, 6, [0, 3, 6, 9, 12]],
    [27, 6, [0, 6, 12, 18, 24]],
    [31, 6, [0, 6, 12, 18, 24, 30]],
    [5, 1, [0]],
  ])('%i items, %i labels: %j', (length, count, indexes) => {
    expect(evenlySpacedIndexes(length, count)).toEqual(indexes);
  });

  test('gaps between labels are equal', () => {
    for (let length = 2; length <= 400; length += 1) {
      const indexes = evenlySpacedIndexes(length, 6);
      expect(indexes.length, `${length} items`).toBeLessThanOrEqual(6);
      const gaps = new Set(indexes.slice(1).map((index, slot) => index - indexes[slot]!));
      expect(gaps.size, `${length} items`).toBeLessThanOrEqual(1);
    }
  });
});

describe('truncateLabel', () => {
  test('keeps short labels', () => expect(truncateLabel('Sales', 10)).toBe('Sales'));
  test('ends long labels with an ellipsis', () => expect(truncateLabel('RingCentral app for Windows', 12)).toBe('RingCentral…'));
});

describe('trendSeries', () => {
  const weekly = [{ weekStart: '2026-05-04', weekEnd: '2026-05-10', activeUsers: 3, volume: 9 }];
  const daily = [
    { date: '2026-05-04', activeUsers: 2, volume: 4 },
    { date: '2026-05-05', activeUsers: 1, volume: 5 },
  ];

  test('short period is daily', () => {
    const series = trendSeries({ period: { from: '2026-05-04', to: '2026-05-17' }, weekly, daily });
    expect(series.granularity).toBe('day');
    expect(series.points[1]).toEqual({ start: '2026-05-05', end: '2026-05-05', activeUsers: 1, volume: 5 });
  });

  test('15 days are weekly', () => {
    expect(trendSeries({ period: { from: '2026-05-04', to: '2026-05-18' }, weekly, daily }).granularity).toBe('week');
  });

  test('report without daily rows is weekly', () => {
    const series = trendSeries({ period: { from: '2026-05-04', to: '2026-05-10' }, weekly });
    expect(series).toEqual({ granularity: 'week', points: [{ start: '2026-05-04', end: '2026-05-10', activeUsers: 3, volume: 9 }] });
  });
});

describe('rankBreakdown', () => {
  test('orders by active users, volume, name', () => {
    const rows = [
      { name: 'B', activeUsers: 2, volume: 5 },
      { name: 'A', activeUsers: 2, volume: 5 },
      { name: 'C', activeUsers: 2, volume: 9 },
      { name: 'D', activeUsers: 7, volume: 1 },
    ];
    expect(rankBreakdown(rows).map((row) => row.name)).toEqual(['D', 'C', 'A', 'B']);
  });
});

function row(fields: Partial<UserRow>): UserRow {
  return {
    userName: 'Someone',
    userExtension: '',
    userEmail: '',
    status: 'Regular',
    userStatus: 'Active',
    department: '',
    site: '',
    endpoint: '',
    version: '',
    lastUsed: null,
    usageCount: 1,
    channelCount: 1,
    channelShare: 0,
    ...fields,
  };
}

describe('versionsByEndpoint', () => {
  test('counts users per endpoint and version', () => {
    const users = [
      row({ userEmail: 'a@x.com', endpoint: 'RingCentral app for Windows', version: '24.10' }),
      row({ userEmail: 'B@x.com', endpoint: 'RingCentral app for Windows', version: '24.10' }),
      row({ userEmail: 'c@x.com', endpoint: 'RingCentral app for Windows', version: '24.9' }),
      row({ userEmail: 'a@x.com', endpoint: 'Desk phone', version: '' }),
      row({ userExtension: '104', endpoint: 'Desk phone', version: '6.4.3' }),
      row({ userEmail: 'idle@x.com', endpoint: '', userStatus: 'Inactive' }),
    ];
    expect(versionsByEndpoint(users)).toEqual([
      {
        endpoint: 'RingCentral app for Windows',
        users: 3,
        versions: [
          { version: '24.10', users: 2 },
          { version: '24.9', users: 1 },
        ],
      },
      {
        endpoint: 'Desk phone',
        users: 2,
        versions: [
          { version: '6.4.3', users: 1 },
          { version: NO_VERSION, users: 1 },
        ],
      },
    ]);
  });

  test('counts a user once per version', () => {
    const users = [
      row({ userEmail: 'a@x.com', endpoint: 'Room', version: '1' }),
      row({ userEmail: 'A@X.COM', endpoint: 'Room', version: '1' }),
    ];
    expect(versionsByEndpoint(users)[0]?.users).toBe(1);
  });
});

describe('activeSplit', () => {
  const kpi = (id: string, value: Kpi['value']): Kpi => ({ id, label: id, value, unit: 'users', definition: '' });

  test('reads active and inactive users', () => {
    expect(activeSplit([kpi('users', 10), kpi('active_users', 7), kpi('inactive_users', 3)])).toEqual({ active: 7, inactive: 3 });
  });

  test('null without a users list', () => {
    expect(activeSplit([kpi('active_users', 7), kpi('inactive_users', null)])).toBeNull();
  });
});
