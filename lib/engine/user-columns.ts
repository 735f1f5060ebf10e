import type { UserRow } from './types';

/** Storage kind of each User Table field. Naming every key makes a new `UserRow` field a type error here. */
const FIELD_KINDS = {
  userName: 'text',
  userExtension: 'text',
  userEmail: 'text',
  status: 'text',
  userStatus: 'text',
  department: 'text',
  site: 'text',
  endpoint: 'text',
  version: 'text',
  lastUsed: 'number',
  usageCount: 'number',
  channelCount: 'number',
  channelShare: 'number',
  hostCount: 'number',
  participantCount: 'number',
} as const satisfies Record<keyof UserRow, 'text' | 'number'>;

type Kinds = typeof FIELD_KINDS;
type TextField = { [K in keyof Kinds]: Kinds[K] extends 'text' ? K : never }[keyof Kinds];
type NumberField = Exclude<keyof Kinds, TextField>;

/** A text field that stores each distinct value once, which suits the few departments and the many e-mail addresses alike. */
interface TextColumn {
  values: string[];
  /** Per row, an index into `values`. */
  codes: Int32Array<ArrayBuffer>;
}

/** User Table rows stored column by column, which the structured clone copies far faster than one object per row. */
export interface PackedUserRows {
  length: number;
  text: Record<TextField, TextColumn>;
  /** Per row, the number, or NaN for a null `lastUsed`. A field that no row has, such as `hostCount` outside Video, is left out. */
  numbers: Partial<Record<NumberField, Float64Array<ArrayBuffer>>>;
}

const TEXT_FIELDS = (Object.keys(FIELD_KINDS) as Array<keyof Kinds>).filter((key): key is TextField => FIELD_KINDS[key] === 'text');
const NUMBER_FIELDS = (Object.keys(FIELD_KINDS) as Array<keyof Kinds>).filter((key): key is NumberField => FIELD_KINDS[key] === 'number');

/** Stores `rows` column by column, and returns the typed arrays' buffers to transfer with `postMessage`. */
export function packUserRows(rows: readonly UserRow[]): { packed: PackedUserRows; transfer: ArrayBuffer[] } {
  const text = {} as Record<TextField, TextColumn>;
  for (const field of TEXT_FIELDS) text[field] = packText(rows, field);

  const numbers: PackedUserRows['numbers'] = {};
  for (const field of NUMBER_FIELDS) {
    const present = rows.filter((row) => row[field] !== undefined).length;
    if (present === 0) continue;
    if (present < rows.length) {
      throw new Error(`${present} of ${rows.length} User Table rows have ${field}, but it must be on every row or on none.`);
    }
    numbers[field] = Float64Array.from(rows, (row) => row[field] ?? Number.NaN);
  }

  const transfer = [...TEXT_FIELDS.map((field) => text[field].codes.buffer), ...Object.values(numbers).map((column) => column.buffer)];
  return { packed: { length: rows.length, text, numbers }, transfer };
}

function packText(rows: readonly UserRow[], field: TextField): TextColumn {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(rows.length);
  rows.forEach((row, index) => {
    const value = row[field];
    let code = codeOf.get(value);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      codeOf.set(value, code);
    }
    codes[index] = code;
  });
  return { values, codes };
}

/**
 * Rebuilds rows `start` to `until` (exclusive) of those that `packUserRows` stored, so that a caller
 * can spread the work over several tasks. Each row is one object literal, which gives every row the
 * same shape at once. Assigning the fields one by one under computed names took several times longer.
 */
export function unpackUserRows({ length, text, numbers }: PackedUserRows, start = 0, until = length): UserRow[] {
  const end = Math.min(until, length);
  const { userName, userExtension, userEmail, status, userStatus, department, site, endpoint, version } = text;
  const { lastUsed, usageCount, channelCount, channelShare, hostCount, participantCount } = numbers;
  // An empty table has no number columns to read.
  if (length === 0 || start >= end) return [];
  if (!lastUsed || !usageCount || !channelCount || !channelShare) {
    throw new Error('The packed User Table is missing a required number column.');
  }

  const rows = new Array<UserRow>(end - start);
  for (let index = start; index < end; index++) {
    const used = lastUsed[index]!;
    const row: UserRow = {
      userName: userName.values[userName.codes[index]!]!,
      userExtension: userExtension.values[userExtension.codes[index]!]!,
      userEmail: userEmail.values[userEmail.codes[index]!]!,
      status: status.values[status.codes[index]!] as UserRow['status'],
      userStatus: userStatus.values[userStatus.codes[index]!] as UserRow['userStatus'],
      department: department.values[department.codes[index]!]!,
      site: site.values[site.codes[index]!]!,
      endpoint: endpoint.values[endpoint.codes[index]!]!,
      version: version.values[version.codes[index]!]!,
      lastUsed: Number.isNaN(used) ? null : used,
      usageCount: usageCount[index]!,
      channelCount: channelCount[index]!,
      channelShare: channelShare[index]!,
    };
    if (hostCount) row.hostCount = hostCount[index]!;
    if (participantCount) row.participantCount = participantCount[index]!;
    rows[index - start] = row;
  }
  return rows;
}
