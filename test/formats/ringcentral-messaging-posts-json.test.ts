import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralMessagingPostsJson } from '../../lib/formats/ringcentral-messaging-posts-json';
import { eventRow, leftoverTables, readEvents } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const TEXT = {
  id: '9001',
  groupId: '71',
  chatId: '71',
  type: 'TextMessage',
  text: 'Shipping the order today',
  creator: { id: '62345001' },
  creationTime: '2026-05-04T14:00:00.000Z',
  lastModifiedTime: '2026-05-04T14:00:00.000Z',
  attachments: [],
  mentions: [],
};

const FILES_ONLY = {
  id: '9002',
  chatId: '72',
  type: 'TextMessage',
  creator: { id: 62345002 },
  creationTime: '2026-05-05T09:30:00-04:00',
  attachments: [
    { id: 'f1', type: 'File', name: 'catalog.pdf' },
    { id: 'f2', type: 'File', name: 'prices.xlsx' },
  ],
};

const NO_TYPE = {
  id: '9003',
  chatId: '71',
  text: 'A post from an export without post types',
  creator: { id: '62345003' },
  creationTime: '2026-05-06T16:00:00Z',
};

const DELETED = { ...TEXT, id: '9004', deleted: true, text: '' };
const JOINED = { ...TEXT, id: '9005', type: 'PersonJoined', text: null };
const ADDED = { ...TEXT, id: '9006', type: 'PersonsAdded', text: null };

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events');
});

async function context(json: unknown, fileId = 8): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('posts_1.json', JSON.stringify(json)) };
}

async function loadError(json: unknown): Promise<ImportError> {
  const ctx = await context(json);
  try {
    db.transaction(() => ringcentralMessagingPostsJson.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

const CHAT_NOTE = 'Chat types (Direct, Group, Team) are read only from the chats in the same ZIP archive.';

describe('ringcentral-messaging-posts-json recognise', () => {
  it.each([
    ['a posts file', { records: [TEXT, FILES_ONLY] }, true],
    ['posts without a type', { records: [NO_TYPE] }, true],
    ['an empty records list', { records: [] }, false],
    ['members', { records: [{ id: '1', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' }] }, false],
    ['chats', { records: [{ id: '71', type: 'Group', memberIds: ['1', '2'] }] }, false],
    ['a call log', { records: [{ id: 'R1', startTime: '2026-05-04T14:00:00Z', direction: 'Inbound' }] }, false],
    ['posts that are not all objects', { records: [TEXT, 'x'] }, false],
    ['a bare array of posts', [TEXT], false],
  ])('%s', async (_case, json, expected) => {
    const file = await sniffBytes('posts_1.json', JSON.stringify(json));
    expect(ringcentralMessagingPostsJson.recognise(file)).toBe(expected);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('posts_1.json', JSON.stringify({ records: [TEXT] }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-messaging-posts-json');
  });
});

describe('ringcentral-messaging-posts-json load', () => {
  it('writes one event per message', async () => {
    const ctx = await context({ records: [TEXT, FILES_ONLY, NO_TYPE] });

    const result = db.transaction(() => ringcentralMessagingPostsJson.load(ctx));

    expect(result).toEqual({
      rowsRead: 3,
      rowsUsed: 3,
      notes: [
        "The compliance export keeps at most 30, 60 or 90 days depending on the account's retention, so the file's date range may cover less than the report period.",
        CHAT_NOTE,
      ],
    });
    const message = { file_id: 8, channel: 'message', kind: 'record' };
    expect(readEvents(db)).toEqual([
      eventRow({ ...message, source_line: 1, record_id: '9001', session_id: '71', start_utc: '2026-05-04 14:00:00.000000', user_platform_id: '62345001', attachments: 0 }),
      eventRow({ ...message, source_line: 2, record_id: '9002', session_id: '72', start_utc: '2026-05-05 13:30:00.000000', user_platform_id: '62345002', attachments: 2 }),
      eventRow({ ...message, source_line: 3, record_id: '9003', session_id: '71', start_utc: '2026-05-06 16:00:00.000000', user_platform_id: '62345003', attachments: 0 }),
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('words notes about one post in the singular', async () => {
    const ctx = await context({ records: [JOINED, TEXT, TEXT, { ...TEXT, id: '9008' }, { ...TEXT, id: '9008' }] });

    const result = db.transaction(() => ringcentralMessagingPostsJson.load(ctx));

    expect(result.notes.slice(0, 2)).toEqual([
      'Counted 2 posts listed more than once (edited, or in two copies of the export) once each in their latest version.',
      'Skipped 1 post that is not a text message (PersonJoined 1).',
    ]);
  });

  it('skips deleted posts and system posts', async () => {
    const ctx = await context({ records: [DELETED, JOINED, TEXT, ADDED, { ...ADDED, id: '9007' }] });

    const result = db.transaction(() => ringcentralMessagingPostsJson.load(ctx));

    expect(result.rowsRead).toBe(5);
    expect(result.rowsUsed).toBe(1);
    expect(result.notes.slice(0, 2)).toEqual([
      'Skipped 1 deleted post.',
      'Skipped 3 posts that are not text messages (PersonJoined 1, PersonsAdded 2).',
    ]);
    expect(db.query('SELECT source_line, record_id FROM events')).toEqual([{ source_line: 3, record_id: '9001' }]);
  });

  it.each([
    [
      'a later edit',
      [TEXT, { ...TEXT, text: 'edited', creationTime: '2026-05-04T14:00:00Z', lastModifiedTime: '2026-05-04T15:00:00.000Z', attachments: [{ id: 'f' }] }],
      { source_line: 2, attachments: 1 },
    ],
    [
      'an earlier version listed last',
      [{ ...TEXT, lastModifiedTime: '2026-05-04T15:00:00Z', attachments: [{ id: 'f' }] }, TEXT],
      { source_line: 1, attachments: 1 },
    ],
    ['versions without lastModifiedTime', [{ ...TEXT, lastModifiedTime: undefined }, { ...TEXT, lastModifiedTime: undefined, attachments: [{}, {}] }], { source_line: 2, attachments: 2 }],
  ])('keeps the latest version of %s', async (_case, records, expected) => {
    const ctx = await context({ records });

    const result = db.transaction(() => ringcentralMessagingPostsJson.load(ctx));

    expect(result.rowsUsed).toBe(1);
    expect(result.notes[0]).toBe('Counted 1 post listed more than once (edited, or in two copies of the export) once in its latest version.');
    expect(db.query('SELECT source_line, attachments FROM events')).toEqual([expected]);
  });

  it('drops a post whose latest version is deleted', async () => {
    const ctx = await context({ records: [TEXT, { ...TEXT, deleted: true, lastModifiedTime: '2026-05-05T10:00:00Z' }] });

    const result = db.transaction(() => ringcentralMessagingPostsJson.load(ctx));

    expect(result.rowsUsed).toBe(0);
    expect(result.notes).toEqual([
      'Counted 1 post listed more than once (edited, or in two copies of the export) once in its latest version.',
      'Skipped 1 deleted post.',
      CHAT_NOTE,
    ]);
  });

  it('reads a type in any case', async () => {
    const ctx = await context({ records: [{ ...TEXT, type: 'textmessage' }] });
    expect(db.transaction(() => ringcentralMessagingPostsJson.load(ctx)).rowsUsed).toBe(1);
  });
});

describe('ringcentral-messaging-posts-json errors', () => {
  const { creationTime: _time, ...withoutTime } = TEXT;
  const { chatId: _chat, ...withoutChat } = TEXT;
  const { creator: _creator, ...withoutCreator } = TEXT;
  const { id: _id, ...withoutId } = TEXT;

  it.each([
    ['a missing id', withoutId, 'records[1].id', undefined, 'post 2 has no id'],
    ['a missing creationTime', withoutTime, 'records[1].creationTime', undefined, 'post 2 (id 9001) has no creationTime'],
    ['an invalid creationTime', { ...TEXT, creationTime: 'yesterday' }, 'records[1].creationTime', 'yesterday', 'the time could not be read'],
    ['an invalid lastModifiedTime', { ...TEXT, lastModifiedTime: '2026-13-01T00:00:00Z' }, 'records[1].lastModifiedTime', '2026-13-01T00:00:00Z', 'the time could not be read'],
    ['a missing chatId', withoutChat, 'records[1].chatId', undefined, 'post 2 (id 9001) has no chatId'],
    ['a missing creator', withoutCreator, 'records[1].creator.id', undefined, 'post 2 (id 9001) has no creator id'],
    ['attachments that are not a list', { ...TEXT, attachments: 'catalog.pdf' }, 'records[1].attachments', 'catalog.pdf', 'post 9001 has attachments that are not a list'],
    ['a post that is not an object', 42, 'records[1]', undefined, 'post 2 is not a JSON object'],
  ])('rejects %s', async (_case, post, column, value, problem) => {
    const error = await loadError({ records: [FILES_ONLY, post, NO_TYPE] });

    expect(error.location).toEqual({ file: 'posts_1.json', column, value });
    expect(error.message).toContain(`posts_1.json, column "${column}": ${problem}`);
  });

  it('leaves events empty when the last post is bad', async () => {
    const posts = Array.from({ length: 40 }, (_, i) => ({ ...TEXT, id: `p${i}` }));
    const ctx = await context({ records: [...posts, withoutChat] });

    expect(() => db.transaction(() => ringcentralMessagingPostsJson.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
