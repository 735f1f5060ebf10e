import { describe, expect, test } from 'vitest';
import {
  applyFilters,
  filterOptions,
  userFilterOptions,
  filterUsers,
  sortUsers,
  matchUsers,
  orderUsers,
  userColumns,
} from '../../components/user-table-model';
import type { UserRow } from '../../lib/engine/types';

function user(fields: Partial<UserRow>): UserRow {
  return {
    userName: '',
    userExtension: '',
    userEmail: '',
    status: 'Never',
    userStatus: 'Inactive',
    department: '',
    site: '',
    endpoint: '',
    version: '',
    lastUsed: null,
    usageCount: 0,
    channelCount: 0,
    channelShare: 0,
    ...fields,
  };
}

const rows = [
  user({ userName: 'Ana Silva', userExtension: '0102', userEmail: 'ana@example.com', channelCount: 5, lastUsed: 2000 }),
  user({ userName: 'bo Chen', userExtension: '210', userEmail: 'bo@example.com', channelCount: 12, lastUsed: null }),
  user({ userName: 'Cleo Park', userExtension: '33', userEmail: 'cleo@example.org', channelCount: 5, lastUsed: 1000 }),
];

function column(id: string) {
  const found = userColumns('phone').find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no column ${id}`);
  return found;
}

describe('userColumns', () => {
  test('phone headers follow the workbook order', () => {
    expect(userColumns('phone').map((candidate) => candidate.header)).toEqual([
      'User Name',
      'User Extension',
      'User Email',
      'Status',
      'User Status',
      'Department',
      'Site',
      'Endpoint',
      'Version',
      'Last Used',
      'Usage Count',
      'Number of Calls',
      'Percent of Calls',
    ]);
  });

  test('video adds host and participant counts', () => {
    expect(userColumns('video').slice(11).map((candidate) => candidate.header)).toEqual([
      'Number of Meets',
      'Percent of Meets',
      'Host Count',
      'Participant Count',
    ]);
  });

  test('Last Used shows wall-clock time as read in UTC', () => {
    const lastUsed = column('lastUsed').display(user({ lastUsed: Date.UTC(2026, 4, 14, 23, 30) }));
    expect(lastUsed).toContain('2026');
    expect(lastUsed).toContain('11:30');
  });
});

describe('filterUsers', () => {
  test.each([
    ['ana', ['Ana Silva']],
    ['EXAMPLE.ORG', ['Cleo Park']],
    ['010', ['Ana Silva']],
    ['  ', ['Ana Silva', 'bo Chen', 'Cleo Park']],
    ['nobody', []],
  ])('query %j keeps %j', (query, names) => {
    expect(filterUsers(rows, query).map((row) => row.userName)).toEqual(names);
  });
});

describe('sortUsers', () => {
  test('text sorts ignoring case', () => {
    expect(sortUsers(rows, column('userName'), 'descending').map((row) => row.userName)).toEqual([
      'Cleo Park',
      'bo Chen',
      'Ana Silva',
    ]);
  });

  test('extensions sort as numbers', () => {
    expect(sortUsers(rows, column('userExtension'), 'ascending').map((row) => row.userExtension)).toEqual([
      '33',
      '0102',
      '210',
    ]);
  });

  test('equal counts keep the engine order', () => {
    expect(sortUsers(rows, column('channelCount'), 'ascending').map((row) => row.userName)).toEqual([
      'Ana Silva',
      'Cleo Park',
      'bo Chen',
    ]);
  });

  test('empty Last Used goes last in both directions', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      expect(sortUsers(rows, column('lastUsed'), direction).at(-1)?.userName).toBe('bo Chen');
    }
  });
});

const teamRows = [
  user({ userName: 'Ana', department: 'Sales', site: 'Boston', endpoint: 'Desk phone', userStatus: 'Active', status: 'Regular', channelCount: 3 }),
  user({ userName: 'Ana', department: 'Sales', site: 'Boston', endpoint: 'RingCentral app for Mac', userStatus: 'Active', status: 'Regular', channelCount: 3 }),
  user({ userName: 'Bo', department: 'Support', site: 'Denver', endpoint: 'Desk phone', userStatus: 'Active', status: 'Frequent', channelCount: 9 }),
  user({ userName: 'Cy', department: 'Sales', site: 'Denver' }),
  user({ userName: 'Di', department: '', site: 'Boston' }),
];

describe('filterOptions', () => {
  test('lists distinct values with row counts', () => {
    const options = filterOptions(teamRows);
    expect(options.department).toEqual([
      { value: '', rows: 1 },
      { value: 'Sales', rows: 3 },
      { value: 'Support', rows: 1 },
    ]);
    expect(options.endpoint.map((option) => option.value)).toEqual(['', 'Desk phone', 'RingCentral app for Mac']);
    expect(options.userStatus).toEqual([
      { value: 'Active', rows: 3 },
      { value: 'Inactive', rows: 2 },
    ]);
  });
});

describe('userFilterOptions', () => {
  test('counts once per rows array', () => {
    const first = userFilterOptions(teamRows);
    expect(userFilterOptions(teamRows)).toBe(first);
    expect(first).toEqual(filterOptions(teamRows));
    expect(userFilterOptions([...teamRows])).not.toBe(first);
  });
});

describe('applyFilters', () => {
  test.each([
    [{}, ['Ana', 'Ana', 'Bo', 'Cy', 'Di']],
    [{ department: 'Sales' }, ['Ana', 'Ana', 'Cy']],
    [{ department: 'Sales', site: 'Denver' }, ['Cy']],
    [{ endpoint: 'Desk phone' }, ['Ana', 'Bo']],
    [{ department: '' }, ['Di']],
    [{ userStatus: 'Inactive', status: 'Never' }, ['Cy', 'Di']],
    [{ site: 'Nowhere' }, []],
  ])('filters %j keep %j', (filters, names) => {
    expect(applyFilters(teamRows, filters).map((row) => row.userName)).toEqual(names);
  });
});

describe('orderUsers and matchUsers', () => {
  const columns = userColumns('phone');

  test('sorted rows filter by site', () => {
    const ordered = orderUsers(teamRows, columns, { columnId: 'channelCount', direction: 'descending' });
    expect(matchUsers(ordered, '', { site: 'Denver' }).map((row) => row.userName)).toEqual(['Bo', 'Cy']);
  });

  test('sorting first gives the same rows as filtering first', () => {
    const order = { columnId: 'userName', direction: 'descending' } as const;
    const filters = { department: 'Sales' };
    const sortedFirst = matchUsers(orderUsers(teamRows, columns, order), 'a', filters);
    const filteredFirst = orderUsers(matchUsers(teamRows, 'a', filters), columns, order);
    expect(sortedFirst).toEqual(filteredFirst);
  });

  test('no order keeps the engine order', () => {
    const rows = matchUsers(orderUsers(teamRows, columns, null), 'a', { department: 'Sales' });
    expect(rows.map((row) => row.endpoint)).toEqual(['Desk phone', 'RingCentral app for Mac']);
  });

  test('ordering returns a new array', () => {
    expect(orderUsers(teamRows, columns, null)).not.toBe(teamRows);
  });
});

describe('csvValue', () => {
  test.each([
    ['lastUsed', user({ lastUsed: Date.UTC(2026, 4, 14, 23, 30, 5) }), '2026-05-14 23:30:05'],
    ['lastUsed', user({ lastUsed: null }), ''],
    ['channelShare', user({ channelShare: 0.125 }), '12.5%'],
    ['channelShare', user({ channelShare: 1 / 3 }), '33.333333%'],
    ['channelCount', user({ channelCount: 12345 }), 12345],
    ['userExtension', user({ userExtension: '0042' }), '0042'],
  ])('%s of a row is %j', (columnId, row, expected) => {
    expect(column(columnId).csvValue(row)).toBe(expected);
  });

  test('video counts are empty when absent', () => {
    const hostCount = userColumns('video').find((candidate) => candidate.id === 'hostCount');
    expect(hostCount?.csvValue(user({}))).toBe('');
    expect(hostCount?.csvValue(user({ hostCount: 4 }))).toBe(4);
  });
});
