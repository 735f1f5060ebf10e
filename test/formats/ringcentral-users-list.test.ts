import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadResult } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralUsersList } from '../../lib/formats/ringcentral-users-list';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

let db: Database;
beforeAll(async () => {
  db = await openDatabaseWithSchema();
});
afterAll(() => {
  db.bindings.reset();
});
beforeEach(() => {
  db.run('DELETE FROM users');
});

async function loadUsers(name: string, content: string | Uint8Array, fileId = 7): Promise<LoadResult> {
  const file = await sniffBytes(name, content);
  expect(ringcentralUsersList.recognise(file)).toBe(true);
  return db.transaction(() => ringcentralUsersList.load({ db, fileId, file }));
}

async function loadError(name: string, content: string | Uint8Array): Promise<ImportError> {
  const error: unknown = await loadUsers(name, content).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

function users(): Record<string, unknown>[] {
  return db.query('SELECT * FROM users ORDER BY file_id, source_line');
}

async function workbookBytes(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Users');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('ringcentral-users-list recognise', () => {
  test.each([
    { header: 'Name,Ext,Email,Department,Site,Status,Type', expected: true },
    { header: 'First Name,Last Name,Extension Number,Status', expected: true },
    { header: 'Email Address,Name,Type', expected: true },
    { header: ' EXT. ;name; STATUS ', expected: true },
    { header: 'Extension,Name,Department', expected: true },
    { header: 'Name,Ext,Email', expected: false },
    { header: 'Ext,Status,Department', expected: false },
    { header: 'First Name,Ext,Status', expected: false },
    { header: 'Name,Department,Status', expected: false },
    {
      header: 'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site',
      expected: false,
    },
  ])('recognise header "$header" as $expected', async ({ header, expected }) => {
    const delimiter = header.includes(';') ? ';' : ',';
    const blankRow = header.split(delimiter).map(() => 'x').join(delimiter);
    const file = await sniffBytes('users.csv', `${header}\n${blankRow}\n`);
    expect(ringcentralUsersList.recognise(file)).toBe(expected);
  });

  test('recognise rejects JSON and text without a header', async () => {
    expect(ringcentralUsersList.recognise(await sniffBytes('users.json', '{"records": []}'))).toBe(false);
    expect(ringcentralUsersList.recognise(await sniffBytes('users.txt', 'one\ntwo\n'))).toBe(false);
  });

  test('FORMATS picks this format for a users list', async () => {
    const file = await sniffBytes('users.csv', 'Name,Ext,Email,Status\nAnna Berg,101,anna@example.com,Enabled\n');
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-users-list');
  });

  test('recognise accepts a worksheet', async () => {
    const file = await sniffBytes('users.xlsx', await workbookBytes([['Name', 'Extension', 'Status'], ['Anna', '101', 'Enabled']]));
    expect(ringcentralUsersList.recognise(file)).toBe(true);
  });
});

describe('ringcentral-users-list load', () => {
  test('load maps a full export with title, blank and total lines', async () => {
    const csv = [
      '\uFEFFUser List',
      '',
      'Name,Ext,Email,Department,Site,Status,Type',
      '"Berg, Anna", 0101 ,Anna.Berg@Example.com ,Sales,Main Office,Enabled,User',
      'Bo Chen,102,bo@example.com,,,not activated,Digital User',
      ',,,,,,',
      'Cy Diaz,0103,,Support,Remote,FROZEN,User',
      'Front Desk,104,,,Main Office,Disabled,Room',
      ',105,,,,Unassigned,',
      'Total: 5 users,,,,,,',
    ].join('\r\n');

    const result = await loadUsers('users.csv', csv);

    // Sniffing takes the padded total line for a footer and notes it, so the format never reads it.
    expect(result).toEqual({ rowsRead: 6, rowsUsed: 5, notes: ['Skipped 1 blank row.'] });
    const common = { file_id: 7, platform_id: null };
    expect(users()).toEqual([
      { ...common, source_line: 4, extension: '0101', email: 'Anna.Berg@Example.com', name: 'Berg, Anna', department: 'Sales', site: 'Main Office', status: 'Enabled', type: 'User' },
      { ...common, source_line: 5, extension: '102', email: 'bo@example.com', name: 'Bo Chen', department: null, site: null, status: 'NotActivated', type: 'Digital User' },
      { ...common, source_line: 7, extension: '0103', email: null, name: 'Cy Diaz', department: 'Support', site: 'Remote', status: 'Frozen', type: 'User' },
      { ...common, source_line: 8, extension: '104', email: null, name: 'Front Desk', department: null, site: 'Main Office', status: 'Disabled', type: 'Room' },
      { ...common, source_line: 9, extension: '105', email: null, name: null, department: null, site: null, status: 'Unassigned', type: null },
    ]);
  });

  test('load joins first and last names', async () => {
    await loadUsers('users.csv', 'First Name;Last Name;Extension Number;Status\nAnna; Berg ;101;Enabled\n;Chen;102;Enabled\n;;103;Unassigned\n');
    expect(users().map((row) => [row.name, row.extension, row.type, row.email])).toEqual([
      ['Anna Berg', '101', null, null],
      ['Chen', '102', null, null],
      [null, '103', null, null],
    ]);
  });

  test('load prefers Name over first and last names', async () => {
    await loadUsers('users.csv', 'Name,First Name,Last Name,Email Address,Site\nAnna B.,Anna,Berg,anna@example.com,HQ\n,Bo,Chen,bo@example.com,HQ\n');
    expect(users().map((row) => row.name)).toEqual(['Anna B.', 'Bo Chen']);
  });

  test('load keeps a name-only row above other users', async () => {
    const result = await loadUsers('users.csv', 'Name,Ext,Status\nAnna Berg,,\nBo Chen,102,Enabled\nTotal: 2,,\n');
    expect(users().map((row) => [row.source_line, row.name, row.extension])).toEqual([
      [2, 'Anna Berg', null],
      [3, 'Bo Chen', '102'],
    ]);
    expect(result.notes).toEqual([]);
  });

  test('load skips a name-only line below the users', async () => {
    const result = await loadUsers('users.csv', 'Name,Ext,Status\nAnna Berg,101,Enabled\nBo Chen,102,Enabled\n2 users,,\n');
    expect(users().map((row) => row.name)).toEqual(['Anna Berg', 'Bo Chen']);
    expect(result.notes).toEqual(['Skipped line 4 ("2 users") as a total line below the users.']);
  });

  test('load reads a worksheet with row numbers as lines', async () => {
    const bytes = await workbookBytes([
      ['User List'],
      [],
      ['Name', 'Extension', 'Email', 'Status', 'Type'],
      ['Anna Berg', '0101', { text: 'anna@example.com', hyperlink: 'mailto:anna@example.com' }, 'Enabled', 'User'],
      [],
      ['Bo Chen', 102, 'bo@example.com', 'Not Activated', 'User'],
    ]);

    const result = await loadUsers('users.xlsx', bytes);

    expect(result).toEqual({ rowsRead: 3, rowsUsed: 2, notes: ['Skipped 1 blank row.'] });
    expect(users().map((row) => [row.source_line, row.name, row.extension, row.email, row.status])).toEqual([
      [4, 'Anna Berg', '0101', 'anna@example.com', 'Enabled'],
      [6, 'Bo Chen', '102', 'bo@example.com', 'NotActivated'],
    ]);
  });

  test('load reads column names that need quoting', async () => {
    await loadUsers('users.csv', 'Name,Ext,"Status ""now""",Department\nAnna,101,Enabled,"Sales ""EU"""\n');
    expect(users().map((row) => [row.name, row.department, row.status])).toEqual([['Anna', 'Sales "EU"', null]]);
  });
});

describe('ringcentral-users-list errors', () => {
  test('load rejects an unknown status', async () => {
    const error = await loadError('users.csv', 'Name,Ext,Status\nAnna Berg,101,Enabled\nBo Chen,102,Suspended\n');

    expect(error.location).toEqual({ file: 'users.csv', line: 3, column: 'Status', value: 'Suspended' });
    expect(error.message).toBe(
      'users.csv, line 3, column "Status": the status is not one of Enabled, Disabled, Frozen, Not Activated, ' +
        'Unassigned (case and spaces do not matter) (value "Suspended"). ' +
        'Correct the status in the file, or download the user list again from the Admin Portal.',
    );
  });

  test('load leaves no rows when the last row fails', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `User ${i},${200 + i},Enabled`);
    const csv = ['Name,Ext,Status', ...rows, 'Late User,999,Retired'].join('\n');

    const error = await loadError('users.csv', csv);

    expect(error.location.line).toBe(52);
    expect(users()).toEqual([]);
    expect(db.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'raw_%'")).toEqual([]);
  });
});
