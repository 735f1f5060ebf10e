import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralMessagingMembersJson } from '../../lib/formats/ringcentral-messaging-members-json';
import { leftoverTables } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const AVERY = { id: '62345001', firstName: 'Avery', lastName: 'Lindqvist', email: 'avery.lindqvist@example.com', deactivated: false };
const MARGARET = { id: 62345014, firstName: 'Margaret', lastName: 'Ashdown', email: 'margaret.ashdown@example.com', deactivated: true };
const GUEST = { id: '81000001', firstName: ' Pat ', email: 'pat@partner.example.org' };
const NAMELESS = { id: '81000002', firstName: '', lastName: null };

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM identities; DELETE FROM events');
});

async function context(json: unknown, fileId = 9): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('members_1.json', JSON.stringify(json)) };
}

function identities(): Record<string, unknown>[] {
  return db.query('SELECT * FROM identities ORDER BY file_id, source_line');
}

describe('ringcentral-messaging-members-json recognise', () => {
  it.each([
    ['a members file', { records: [AVERY, MARGARET] }, true],
    ['a member with only an e-mail', { records: [{ id: '1', email: 'a@example.com' }] }, true],
    ['an extension list', { records: [{ id: '1', extensionNumber: '101', firstName: 'Ann', email: 'ann@example.com' }] }, false],
    ['posts', { records: [{ id: '1', chatId: '2', creator: { id: '3' }, creationTime: '2026-05-04T14:00:00Z' }] }, false],
    ['an empty records list', { records: [] }, false],
  ])('%s', async (_case, json, expected) => {
    const file = await sniffBytes('members_1.json', JSON.stringify(json));
    expect(ringcentralMessagingMembersJson.recognise(file)).toBe(expected);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('members_1.json', JSON.stringify({ records: [AVERY] }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-messaging-members-json');
  });
});

describe('ringcentral-messaging-members-json load', () => {
  it('writes one identity per member', async () => {
    const ctx = await context({ records: [AVERY, MARGARET, GUEST, NAMELESS] });

    const result = db.transaction(() => ringcentralMessagingMembersJson.load(ctx));

    expect(result).toEqual({
      rowsRead: 4,
      rowsUsed: 4,
      notes: [
        'Read 4 members (1 deactivated). Members link posts to people by platform id; only a users list or extension list adds people to the report.',
      ],
    });
    expect(identities()).toEqual([
      { file_id: 9, source_line: 1, platform_id: '62345001', extension: null, email: 'avery.lindqvist@example.com', name: 'Avery Lindqvist' },
      { file_id: 9, source_line: 2, platform_id: '62345014', extension: null, email: 'margaret.ashdown@example.com', name: 'Margaret Ashdown' },
      { file_id: 9, source_line: 3, platform_id: '81000001', extension: null, email: 'pat@partner.example.org', name: 'Pat' },
      { file_id: 9, source_line: 4, platform_id: '81000002', extension: null, email: null, name: null },
    ]);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});

describe('ringcentral-messaging-members-json errors', () => {
  it.each([
    ['a missing id', { firstName: 'Ann' }, 'records[1].id', 'member 2 has no id'],
    ['a member that is not an object', null, 'records[1]', 'member 2 is not a JSON object'],
  ])('rejects %s', async (_case, member, column, problem) => {
    const ctx = await context({ records: [AVERY, member, GUEST] });

    let error: unknown;
    try {
      db.transaction(() => ringcentralMessagingMembersJson.load(ctx));
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).location).toEqual({ file: 'members_1.json', column });
    expect((error as ImportError).message).toContain(`members_1.json, column "${column}": ${problem}`);
    expect(identities()).toEqual([]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
