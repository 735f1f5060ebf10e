import ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralMessagingExportZip } from '../../lib/formats/ringcentral-messaging-export-zip';
import { unreadableZipError } from '../../lib/formats/zip-entries';
import { eventRow, leftoverTables, readEvents } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const post = (id: string, chatId: string, creator: string, day: number, extra: Record<string, unknown> = {}) => ({
  id,
  chatId,
  type: 'TextMessage',
  text: `post ${id}`,
  creator: { id: creator },
  creationTime: `2026-05-${String(day).padStart(2, '0')}T14:00:00.000Z`,
  attachments: [],
  ...extra,
});

const MEMBERS = [
  { id: '62345001', firstName: 'Avery', lastName: 'Lindqvist', email: 'avery.lindqvist@example.com', deactivated: false },
  { id: '62345014', firstName: 'Margaret', lastName: 'Ashdown', email: 'margaret.ashdown@example.com', deactivated: true },
];

const CHATS = [
  { id: '71', type: 'Team', name: 'Sales', memberIds: ['62345001', '62345014'] },
  { id: '72', type: 'Direct', memberIds: ['62345001', '62345014'] },
];

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** Builds an archive the way the export lays it out; `extra` adds or replaces entries. */
function exportZip(extra: Zippable = {}): Uint8Array {
  return zipSync({
    'posts/posts_1.json': json({ records: [post('1', '71', '62345001', 4), post('2', '72', '62345014', 5, { deleted: true })] }),
    'posts/posts_2.json': json({ records: [post('3', '72', '62345014', 6, { text: '', attachments: [{ id: 'f1' }] }), post('4', '99', '62345001', 7)] }),
    'members/members_1.json': json({ records: MEMBERS }),
    'chats/chats_1.json': json({ records: CHATS }),
    'files/readme.txt': new TextEncoder().encode('not read'),
    'tasks/tasks_1.json': json({ records: [{ id: 't1' }] }),
    ...extra,
  });
}

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events; DELETE FROM identities');
});

async function context(bytes: Uint8Array, fileId = 11): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('compliance-export.zip', bytes) };
}

async function loadError(bytes: Uint8Array): Promise<ImportError> {
  const ctx = await context(bytes);
  try {
    db.transaction(() => ringcentralMessagingExportZip.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

function identities(): Record<string, unknown>[] {
  return db.query('SELECT platform_id, email, name FROM identities ORDER BY source_line');
}

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Users').addRow(['Name', 'Ext']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('ringcentral-messaging-export-zip sniff', () => {
  it('decompresses only the JSON entries', async () => {
    const file = await sniffBytes('compliance-export.zip', exportZip({ 'files/photo.png': new Uint8Array([1, 2, 3]) }));

    expect(file.container).toBe('zip');
    expect(Object.keys(file.zipEntries ?? {}).sort()).toEqual([
      'chats/chats_1.json',
      'members/members_1.json',
      'posts/posts_1.json',
      'posts/posts_2.json',
      'tasks/tasks_1.json',
    ]);
  });

  it('rejects an archive it cannot decompress', async () => {
    const bytes = exportZip();
    // Corrupts the first entry's deflate data, just after its 30-byte local header and its name.
    bytes.fill(0xff, 30 + 'posts/posts_1.json'.length, 60 + 'posts/posts_1.json'.length);

    await expect(sniffBytes('compliance-export.zip', bytes)).rejects.toThrow(ImportError);
    await expect(sniffBytes('compliance-export.zip', bytes)).rejects.toThrow('compliance-export.zip: the ZIP archive could not be read');
  });
});

describe('ringcentral-messaging-export-zip recognise', () => {
  it.each([
    ['the whole export', exportZip(), true],
    ['posts only', zipSync({ 'posts/posts_1.json': json({ records: [] }) }), true],
    ['members only', zipSync({ 'members/members_1.json': json({ records: MEMBERS }) }), true],
    ['folders inside one more folder', zipSync({ 'export-2026-05-23/posts/posts_1.json': json({ records: [] }) }), true],
    ['chats only', zipSync({ 'chats/chats_1.json': json({ records: CHATS }) }), false],
    ['posts that are not JSON files', zipSync({ 'posts/posts_1.csv': new Uint8Array([1]) }), false],
    ['a macOS copy only', zipSync({ '__MACOSX/posts/._posts_1.json': new Uint8Array([0, 5, 22, 7]) }), false],
  ])('%s', async (_case, bytes, expected) => {
    const file = await sniffBytes('compliance-export.zip', bytes);
    expect(ringcentralMessagingExportZip.recognise(file)).toBe(expected);
  });

  it('rejects a workbook', async () => {
    const file = await sniffBytes('users.xlsx', await workbookBytes());
    expect(ringcentralMessagingExportZip.recognise(file)).toBe(false);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('compliance-export.zip', exportZip());
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-messaging-export-zip');
  });
});

describe('ringcentral-messaging-export-zip other entries', () => {
  it('notes entries that are not JSON', async () => {
    const inner = zipSync({ 'posts/posts_1.json': json({ records: [] }) });
    const ctx = await context(exportZip({ 'attachments/old-export.zip': inner, 'files/readme.txt': new Uint8Array([104, 105]), 'files/': new Uint8Array() }));

    const result = db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(result.notes).toContain(
      'Skipped 1 ZIP archive inside the archive (attachments/old-export.zip), because archives inside an archive are not opened. ' +
        'Unzip it and drop the inner archive separately to read it.',
    );
    expect(result.notes).toContain("Skipped 1 file that is not JSON (files/readme.txt), because the export's data is in its JSON files.");
  });

  it.each([
    [
      'a CSV file',
      { 'calls.csv': new Uint8Array([97, 10]) },
      'the ZIP archive contains no export that Adoption Lens reads inside a ZIP (it contains 1 file: calls.csv)',
      'Unzip it and drop the files it contains.',
    ],
    [
      'a ZIP archive',
      { 'inner/export.zip': zipSync({ 'posts/posts_1.json': json({ records: [] }) }) },
      'the ZIP archive contains another ZIP archive (inner/export.zip)',
      'Unzip it first',
    ],
    ['only a folder', { 'empty/': new Uint8Array() }, 'the ZIP archive contains no files', 'Download the export again'],
  ])('explains an archive holding %s', async (_case, entries, problem, remedy) => {
    const file = await sniffBytes('archive.zip', zipSync(entries));

    expect(FORMATS.find((format) => format.recognise(file))).toBeUndefined();
    const error = unreadableZipError(file);
    expect(error?.message).toContain(`archive.zip: ${problem}`);
    expect(error?.message).toContain(remedy);
  });
});

describe('ringcentral-messaging-export-zip load', () => {
  it('loads posts, members and chats together', async () => {
    const ctx = await context(exportZip());

    const result = db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(result).toEqual({
      rowsRead: 8,
      rowsUsed: 5,
      notes: [
        'Skipped 1 deleted post.',
        "Found no chat type for 1 message, because their chat is not among the export's chats.",
        "The compliance export keeps at most 30, 60 or 90 days depending on the account's retention, so the file's date range may cover less than the report period.",
        'Read 2 members (1 deactivated). Members link posts to people by platform id; only a users list or extension list adds people to the report.',
        'Read 2 chats: Team 1, Direct 1.',
        'Ignored 1 JSON file outside the posts/, members/ and chats/ folders.',
        "Skipped 1 file that is not JSON (files/readme.txt), because the export's data is in its JSON files.",
      ],
    });
    const message = { file_id: 11, channel: 'message', kind: 'record' };
    expect(readEvents(db)).toEqual([
      eventRow({ ...message, source_line: 1, record_id: '1', session_id: '71', start_utc: '2026-05-04 14:00:00.000000', user_platform_id: '62345001', action: 'Team', attachments: 0 }),
      eventRow({ ...message, source_line: 3, record_id: '3', session_id: '72', start_utc: '2026-05-06 14:00:00.000000', user_platform_id: '62345014', action: 'Direct', attachments: 1 }),
      eventRow({ ...message, source_line: 4, record_id: '4', session_id: '99', start_utc: '2026-05-07 14:00:00.000000', user_platform_id: '62345001', attachments: 0 }),
    ]);
    expect(identities()).toEqual([
      { platform_id: '62345001', email: 'avery.lindqvist@example.com', name: 'Avery Lindqvist' },
      { platform_id: '62345014', email: 'margaret.ashdown@example.com', name: 'Margaret Ashdown' },
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('reads posts files in numeric order', async () => {
    const bytes = zipSync({
      'posts/posts_10.json': json({ records: [post('10', '71', '62345001', 10)] }),
      'posts/posts_9.json': json({ records: [post('9', '71', '62345001', 9)] }),
      'posts/posts_1.json': json({ records: [post('1', '71', '62345001', 1)] }),
    });
    const ctx = await context(bytes);

    db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(db.query('SELECT source_line, record_id FROM events ORDER BY source_line')).toEqual([
      { source_line: 1, record_id: '1' },
      { source_line: 2, record_id: '9' },
      { source_line: 3, record_id: '10' },
    ]);
  });

  it('merges an edit across posts files', async () => {
    const bytes = exportZip({
      'posts/posts_2.json': json({
        records: [post('1', '71', '62345001', 4, { lastModifiedTime: '2026-05-08T09:00:00Z', attachments: [{ id: 'f' }] })],
      }),
    });
    const ctx = await context(bytes);

    const result = db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(result.notes[0]).toBe('Counted 1 post listed more than once (edited, or in two copies of the export) once in its latest version.');
    expect(db.query('SELECT source_line, record_id, attachments FROM events')).toEqual([{ source_line: 3, record_id: '1', attachments: 1 }]);
  });

  it('notes an archive without chats', async () => {
    const ctx = await context(zipSync({ 'posts/posts_1.json': json({ records: [post('1', '71', '62345001', 4)] }) }));

    const result = db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(result.notes).toContain('The archive has no chats/ folder, so posts have no chat type.');
    expect(db.query('SELECT action FROM events')).toEqual([{ action: null }]);
  });

  it('skips macOS copies of the entries', async () => {
    const ctx = await context(exportZip({ '__MACOSX/posts/._posts_1.json': new Uint8Array([0, 5, 22, 7]) }));

    const result = db.transaction(() => ringcentralMessagingExportZip.load(ctx));

    expect(result.rowsUsed).toBe(5);
    expect(result.notes).toContain('Ignored 2 JSON files outside the posts/, members/ and chats/ folders.');
  });
});

describe('ringcentral-messaging-export-zip errors', () => {
  it.each([
    [
      'an entry that is not JSON',
      { 'posts/posts_2.json': new TextEncoder().encode('{"records": [') },
      'posts/posts_2.json',
      "the archive's file posts/posts_2.json is not valid JSON",
    ],
    ['an entry without records', { 'members/members_1.json': json({ members: MEMBERS }) }, 'members/members_1.json', `the archive's file members/members_1.json has no "records" list`],
    [
      'a post without creationTime',
      { 'posts/posts_2.json': json({ records: [post('3', '72', '62345014', 6, { creationTime: null })] }) },
      'posts/posts_2.json: records[0].creationTime',
      'post 3 (id 3) has no creationTime',
    ],
    ['a member without id', { 'members/members_1.json': json({ records: [{ firstName: 'Ann' }] }) }, 'members/members_1.json: records[0].id', 'member 1 has no id'],
    ['a chat without id', { 'chats/chats_1.json': json({ records: [{ type: 'Team', memberIds: [] }] }) }, 'chats/chats_1.json: records[0].id', 'chat 1 has no id'],
  ])('rejects %s', async (_case, entries, column, problem) => {
    const error = await loadError(exportZip(entries));

    expect(error.location.file).toBe('compliance-export.zip');
    expect(error.location.column).toBe(column);
    expect(error.message).toContain(`compliance-export.zip, column "${column}": ${problem}`);
  });

  it('leaves every table empty when a late entry is bad', async () => {
    const ctx = await context(exportZip({ 'posts/posts_3.json': json({ records: [post('5', '71', '62345001', 8, { chatId: '' })] }) }));

    expect(() => db.transaction(() => ringcentralMessagingExportZip.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT (SELECT count(*) FROM events)::INTEGER AS events, (SELECT count(*) FROM identities)::INTEGER AS identities')).toEqual([
      { events: 0, identities: 0 },
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
