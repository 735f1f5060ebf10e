import { describe, expect, test } from 'vitest';
import type { UserRow } from '../../lib/engine/types';
import { packUserRows, unpackUserRows } from '../../lib/engine/user-columns';

const phoneRows: UserRow[] = [
  {
    userName: 'Ana Keller',
    userExtension: '101',
    userEmail: 'ana@example.com',
    status: 'Frequent',
    userStatus: 'Active',
    department: 'Sales',
    site: 'Denver',
    endpoint: 'Desk phone',
    version: '24.10.1',
    lastUsed: Date.UTC(2026, 4, 14, 9, 30),
    usageCount: 12,
    channelCount: 40,
    channelShare: 0.125,
  },
  {
    userName: 'Zoë Álvarez',
    userExtension: '',
    userEmail: '',
    status: 'Never',
    userStatus: 'Inactive',
    department: '',
    site: 'Denver',
    endpoint: '',
    version: '',
    lastUsed: null,
    usageCount: 0,
    channelCount: 0,
    channelShare: 0,
  },
  {
    userName: 'Ana Keller',
    userExtension: '101',
    userEmail: 'ana@example.com',
    status: 'Frequent',
    userStatus: 'Active',
    department: 'Sales',
    site: 'Denver',
    endpoint: 'RingCentral app for Mac',
    version: '24.9.0',
    lastUsed: 0,
    usageCount: 3,
    channelCount: 5,
    channelShare: 1 / 3,
  },
];

const videoRows: UserRow[] = phoneRows.map((row, index) => ({ ...row, hostCount: index, participantCount: index * 2 }));

/** Packs and unpacks `rows` through the structured clone, as the engine worker and the page do. */
function roundTrip(rows: UserRow[]): UserRow[] {
  const { packed, transfer } = packUserRows(rows);
  return unpackUserRows(structuredClone(packed, { transfer }));
}

describe('packUserRows and unpackUserRows', () => {
  test('phone rows come back equal', () => {
    const rows = roundTrip(phoneRows);
    expect(rows).toEqual(phoneRows);
    expect(rows.map((row) => Object.keys(row))).toEqual(phoneRows.map((row) => Object.keys(row)));
  });

  test('video rows keep host and participant counts', () => {
    expect(roundTrip(videoRows)).toEqual(videoRows);
  });

  test('phone rows get no video fields', () => {
    expect(roundTrip(phoneRows)[0]).not.toHaveProperty('hostCount');
  });

  test('range of rows', () => {
    const { packed } = packUserRows(phoneRows);
    expect(unpackUserRows(packed, 1, 2)).toEqual([phoneRows[1]]);
    expect(unpackUserRows(packed, 2, 10)).toEqual([phoneRows[2]]);
  });

  test('empty table', () => {
    expect(roundTrip([])).toEqual([]);
  });

  test('repeated text is stored once', () => {
    const { packed } = packUserRows(phoneRows);
    expect(packed.text.department.values).toEqual(['Sales', '']);
    expect([...packed.text.department.codes]).toEqual([0, 1, 0]);
  });

  test('transfers every typed array', () => {
    const { transfer } = packUserRows(videoRows);
    // Nine text fields, four number fields and the two video counts.
    expect(transfer).toHaveLength(15);
    expect(transfer.every((buffer) => buffer instanceof ArrayBuffer)).toBe(true);
  });

  test('field on some rows only is rejected', () => {
    const mixed = [videoRows[0]!, phoneRows[1]!];
    expect(() => packUserRows(mixed)).toThrow('1 of 2 User Table rows have hostCount, but it must be on every row or on none.');
  });
});
