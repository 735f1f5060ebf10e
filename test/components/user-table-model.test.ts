import { describe, expect, test } from 'vitest';
import { filterUsers, sortUsers, userColumns } from '../../components/user-table-model';
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
