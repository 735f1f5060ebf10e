import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadResult } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralExtensionListJson } from '../../lib/formats/ringcentral-extension-list-json';
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

async function loadExtensions(json: unknown, fileId = 3): Promise<LoadResult> {
  const file = await sniffBytes('extensions.json', JSON.stringify(json));
  expect(ringcentralExtensionListJson.recognise(file)).toBe(true);
  return db.transaction(() => ringcentralExtensionListJson.load({ db, fileId, file }));
}

async function loadError(json: unknown): Promise<ImportError> {
  const error: unknown = await loadExtensions(json).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

function users(): Record<string, unknown>[] {
  return db.query('SELECT * FROM users ORDER BY file_id, source_line');
}

const ANNA = {
  uri: 'https://platform.example.com/restapi/v1.0/account/1/extension/1001',
  id: 1001,
  extensionNumber: '0101',
  contact: { firstName: 'Anna', lastName: 'Berg', email: 'Anna.Berg@Example.com', department: 'Sales' },
  name: 'Anna Berg',
  type: 'User',
  status: 'Enabled',
  site: { id: '5', name: 'Main Office' },
};
const BO = {
  id: 1002,
  extensionNumber: '102',
  contact: { firstName: 'Bo', lastName: ' Chen ', email: 'bo@example.com' },
  type: 'DigitalUser',
  status: 'NotActivated',
};
const QUEUE = { id: 1003, extensionNumber: '200', name: 'Support Queue', type: 'Department', status: 'Enabled' };

describe('ringcentral-extension-list-json recognise', () => {
  test.each([
    { name: 'one page', json: { records: [ANNA], paging: { page: 1 } }, expected: true },
    { name: 'several pages', json: [{ records: [ANNA] }, { records: [BO] }], expected: true },
    { name: 'status without contact', json: { records: [{ extensionNumber: '1', status: 'Enabled' }] }, expected: true },
    { name: 'no records', json: { records: [] }, expected: false },
    { name: 'no extension numbers', json: { records: [{ id: 1, firstName: 'Anna', email: 'a@example.com' }] }, expected: false },
    { name: 'call-log records', json: { records: [{ id: 'A', sessionId: '1', startTime: '2025-03-04T14:14:07.000Z', extensionNumber: '101', type: 'Voice' }] }, expected: false },
    { name: 'meetings', json: { meetings: [{ id: 'm1' }] }, expected: false },
    { name: 'array of records', json: [ANNA, BO], expected: false },
    { name: 'records of strings', json: { records: ['101'] }, expected: false },
  ])('recognise $name as $expected', async ({ json, expected }) => {
    const file = await sniffBytes('extensions.json', JSON.stringify(json));
    expect(ringcentralExtensionListJson.recognise(file)).toBe(expected);
  });

  test('FORMATS picks this format for an extension list', async () => {
    const file = await sniffBytes('extensions.json', JSON.stringify({ records: [ANNA, BO] }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-extension-list-json');
  });

  test('recognise rejects CSV', async () => {
    const file = await sniffBytes('users.csv', 'extensionNumber,status\n101,Enabled\n');
    expect(ringcentralExtensionListJson.recognise(file)).toBe(false);
  });
});

describe('ringcentral-extension-list-json load', () => {
  test('load maps records across pages', async () => {
    const result = await loadExtensions([{ records: [ANNA, BO] }, { records: [QUEUE] }]);

    expect(result).toEqual({ rowsRead: 3, rowsUsed: 3, notes: [] });
    const common = { file_id: 3 };
    expect(users()).toEqual([
      { ...common, source_line: 1, platform_id: '1001', extension: '0101', email: 'Anna.Berg@Example.com', name: 'Anna Berg', department: 'Sales', site: 'Main Office', status: 'Enabled', type: 'User' },
      { ...common, source_line: 2, platform_id: '1002', extension: '102', email: 'bo@example.com', name: 'Bo Chen', department: null, site: null, status: 'NotActivated', type: 'DigitalUser' },
      { ...common, source_line: 3, platform_id: '1003', extension: '200', email: null, name: 'Support Queue', department: null, site: null, status: 'Enabled', type: 'Department' },
    ]);
  });

  test('load writes NULL for absent fields', async () => {
    await loadExtensions({ records: [{ extensionNumber: 105, status: 'Unassigned' }, { extensionNumber: '106', status: ' not activated ', contact: {} }] });
    expect(users()).toEqual([
      { file_id: 3, source_line: 1, platform_id: null, extension: '105', email: null, name: null, department: null, site: null, status: 'Unassigned', type: null },
      { file_id: 3, source_line: 2, platform_id: null, extension: '106', email: null, name: null, department: null, site: null, status: 'NotActivated', type: null },
    ]);
  });

  test('load keeps earlier files', async () => {
    await loadExtensions({ records: [ANNA] }, 1);
    await loadExtensions({ records: [BO] }, 2);
    expect(users().map((row) => [row.file_id, row.extension])).toEqual([
      [1, '0101'],
      [2, '102'],
    ]);
    expect(db.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'extension_list_%'")).toEqual([]);
  });
});

describe('ringcentral-extension-list-json errors', () => {
  test('load rejects an unknown status', async () => {
    const error = await loadError({ records: [ANNA, { ...BO, status: 'Suspended' }] });

    expect(error.location).toEqual({ file: 'extensions.json', column: 'status', value: 'Suspended' });
    expect(error.message).toBe(
      'extensions.json, column "status": record 2 of "records" (id 1002) has a status that is not one of ' +
        'Enabled, Disabled, Frozen, Not Activated, Unassigned (case and spaces do not matter) (value "Suspended"). ' +
        'Download the extension list again from the API; if the platform added a status, report it to the developers.',
    );
  });

  test('load leaves no rows when the last record fails', async () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ ...ANNA, id: i, extensionNumber: String(300 + i) }));
    await loadError([{ records }, { records: [{ ...QUEUE, status: 'Archived' }] }]);
    expect(users()).toEqual([]);
  });
});
