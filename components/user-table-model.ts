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
  /** The value written to a CSV download: numbers without grouping, times as `YYYY-MM-DD HH:MM:SS`. */
  csvValue(row: UserRow): string | number;
  numeric: boolean;
}

function textColumn(id: string, header: string, read: (row: UserRow) => string): UserColumn {
  return { id, header, sortValue: read, display: read, csvValue: read, numeric: false };
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
    csvValue: (row) => read(row) ?? '',
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
      csvValue: (row) => (row.lastUsed === null ? '' : new Date(row.lastUsed).toISOString().slice(0, 19).replace('T', ' ')),
      numeric: false,
    },
    countColumn('usageCount', 'Usage Count', (row) => row.usageCount),
    countColumn('channelCount', `Number of ${volume}`, (row) => row.channelCount),
    {
      id: 'channelShare',
      header: `Percent of ${volume}`,
      sortValue: (row) => row.channelShare,
      display: (row) => formatFraction(row.channelShare),
      // A percentage with up to six decimals, such as `12.5%`, which spreadsheet apps read as 0.125.
      csvValue: (row) => `${Number((row.channelShare * 100).toFixed(6))}%`,
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

/** The User Table columns that get a filter select, built from the values found in the rows. */
export const FILTER_FIELDS = ['department', 'site', 'status', 'userStatus', 'endpoint'] as const;

export type FilterField = (typeof FILTER_FIELDS)[number];

/** Selected value per filter field; an absent field keeps every row. */
export type UserFilters = Partial<Record<FilterField, string>>;

export const FILTER_LABELS: Record<FilterField, string> = {
  department: 'Department',
  site: 'Site',
  status: 'Status',
  userStatus: 'User Status',
  endpoint: 'Endpoint',
};

/** Lists each filter field's distinct values with their row counts, sorted like the table sorts text. */
export function filterOptions(rows: readonly UserRow[]): Record<FilterField, Array<{ value: string; rows: number }>> {
  // This runs on the main thread when a report of 100,000 users arrives. So it counts every field in
  // one pass over the rows, with a counter object per value, and a repeated value costs one map lookup.
  const counters = FILTER_FIELDS.map(() => new Map<string, { rows: number }>());
  for (const row of rows) {
    for (let index = 0; index < FILTER_FIELDS.length; index++) {
      const value = row[FILTER_FIELDS[index]!];
      const counter = counters[index]!.get(value);
      if (counter === undefined) counters[index]!.set(value, { rows: 1 });
      else counter.rows += 1;
    }
  }
  const options = {} as Record<FilterField, Array<{ value: string; rows: number }>>;
  FILTER_FIELDS.forEach((field, index) => {
    options[field] = [...counters[index]!]
      .map(([value, counter]) => ({ value, rows: counter.rows }))
      .sort((a, b) => collator.compare(a.value, b.value));
  });
  return options;
}

const optionsByRows = new WeakMap<readonly UserRow[], ReturnType<typeof filterOptions>>();

/** Returns `filterOptions(rows)`, counted once per rows array, which the workspace does before it renders a report. */
export function userFilterOptions(rows: readonly UserRow[]): ReturnType<typeof filterOptions> {
  let options = optionsByRows.get(rows);
  if (options === undefined) {
    options = filterOptions(rows);
    optionsByRows.set(rows, options);
  }
  return options;
}

/** Keeps the rows whose every filtered field equals the selected value exactly. */
export function applyFilters(rows: UserRow[], filters: UserFilters): UserRow[] {
  const active = FILTER_FIELDS.flatMap((field) => {
    const value = filters[field];
    return value === undefined ? [] : [[field, value] as const];
  });
  if (active.length === 0) return rows;
  return rows.filter((row) => active.every(([field, value]) => row[field] === value));
}

/** Sorts by the order's column, returning a new array; without an order the rows keep the engine's order. */
export function orderUsers(rows: UserRow[], columns: readonly UserColumn[], order: SortOrder | null): UserRow[] {
  const column = order && columns.find((candidate) => candidate.id === order.columnId);
  return column && order ? sortUsers(rows, column, order.direction) : [...rows];
}

/**
 * Applies the search and the filters, keeping the rows' order. The table sorts first and filters
 * second, so that typing in the search box never sorts again. Because sorting is stable, the result
 * is the same as filtering first.
 */
export function matchUsers(rows: UserRow[], query: string, filters: UserFilters): UserRow[] {
  return applyFilters(filterUsers(rows, query), filters);
}
