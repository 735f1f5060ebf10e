import type { Channel, UserRow } from '../lib/engine/types';
import { VOLUME_NAMES, formatCount, formatFraction, formatWallClock } from './format';

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  columnId: string;
  direction: SortDirection;
}

export interface UserColumn {
  id: string;
  header: string;
  /** The value compared when sorting; null sorts after every value in both directions. */
  sortValue(row: UserRow): string | number | null;
  display(row: UserRow): string;
  numeric: boolean;
}

function textColumn(id: string, header: string, read: (row: UserRow) => string): UserColumn {
  return { id, header, sortValue: read, display: read, numeric: false };
}

function countColumn(id: string, header: string, read: (row: UserRow) => number | undefined): UserColumn {
  return {
    id,
    header,
    sortValue: (row) => read(row) ?? null,
    display: (row) => {
      const value = read(row);
      return value === undefined ? '' : formatCount(value);
    },
    numeric: true,
  };
}

/** Lists the User Table's columns in the workbook's order, with the channel's volume names. */
export function userColumns(channel: Channel): UserColumn[] {
  const volume = VOLUME_NAMES[channel];
  const columns: UserColumn[] = [
    textColumn('userName', 'User Name', (row) => row.userName),
    textColumn('userExtension', 'User Extension', (row) => row.userExtension),
    textColumn('userEmail', 'User Email', (row) => row.userEmail),
    textColumn('status', 'Status', (row) => row.status),
    textColumn('userStatus', 'User Status', (row) => row.userStatus),
    textColumn('department', 'Department', (row) => row.department),
    textColumn('site', 'Site', (row) => row.site),
    textColumn('endpoint', 'Endpoint', (row) => row.endpoint),
    textColumn('version', 'Version', (row) => row.version),
    {
      id: 'lastUsed',
      header: 'Last Used',
      sortValue: (row) => row.lastUsed,
      display: (row) => formatWallClock(row.lastUsed),
      numeric: false,
    },
    countColumn('usageCount', 'Usage Count', (row) => row.usageCount),
    countColumn('channelCount', `Number of ${volume}`, (row) => row.channelCount),
    {
      id: 'channelShare',
      header: `Percent of ${volume}`,
      sortValue: (row) => row.channelShare,
      display: (row) => formatFraction(row.channelShare),
      numeric: true,
    },
  ];
  if (channel === 'video') {
    columns.push(
      countColumn('hostCount', 'Host Count', (row) => row.hostCount),
      countColumn('participantCount', 'Participant Count', (row) => row.participantCount),
    );
  }
  return columns;
}

/** Keeps the rows whose user name, e-mail or extension contains `query`, ignoring case. */
export function filterUsers(rows: UserRow[], query: string): UserRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return rows;
  return rows.filter(
    (row) =>
      row.userName.toLocaleLowerCase().includes(needle) ||
      row.userEmail.toLocaleLowerCase().includes(needle) ||
      row.userExtension.toLocaleLowerCase().includes(needle),
  );
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Returns a sorted copy; equal values keep the engine's order, and empty values go last. */
export function sortUsers(rows: UserRow[], column: UserColumn, direction: SortDirection): UserRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: column.sortValue(row) }))
    .sort((a, b) => {
      const order = compareKeys(a.key, b.key, sign);
      return order === 0 ? a.index - b.index : order;
    })
    .map(({ row }) => row);
}

function compareKeys(a: string | number | null, b: string | number | null, sign: number): number {
  const aMissing = a === null || a === '';
  const bMissing = b === null || b === '';
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * collator.compare(String(a), String(b));
}
