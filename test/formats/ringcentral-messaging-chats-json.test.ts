import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralMessagingChatsJson } from '../../lib/formats/ringcentral-messaging-chats-json';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const CHATS = [
  { id: '70', type: 'Everyone', name: 'All of Northwind', memberIds: ['62345001', '62345002'] },
  { id: '71', type: 'Team', name: 'Sales', memberIds: ['62345001'] },
  { id: '72', type: 'Direct', memberIds: ['62345001', '62345002'] },
  { id: '73', type: 'Direct', memberIds: ['62345001', '62345003'] },
  { id: '74', type: null, memberIds: [] },
];

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

describe('ringcentral-messaging-chats-json recognise', () => {
  it.each([
    ['a chats file', { records: CHATS }, true],
    ['records without memberIds', { records: [{ id: '70', type: 'Team' }] }, false],
    ['an empty records list', { records: [] }, false],
  ])('%s', async (_case, json, expected) => {
    const file = await sniffBytes('chats_1.json', JSON.stringify(json));
    expect(ringcentralMessagingChatsJson.recognise(file)).toBe(expected);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('chats_1.json', JSON.stringify({ records: CHATS }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-messaging-chats-json');
  });
});

describe('ringcentral-messaging-chats-json load', () => {
  it('counts chats by type and writes no rows', async () => {
    const file = await sniffBytes('chats_1.json', JSON.stringify({ records: [...CHATS, CHATS[2]] }));

    const result = db.transaction(() => ringcentralMessagingChatsJson.load({ db, fileId: 3, file }));

    expect(result).toEqual({
      rowsRead: 6,
      rowsUsed: 0,
      notes: [
        'Read 5 chats: Everyone 1, Team 1, Direct 2, no type 1.',
        'Chats loaded on their own add nothing to the report. Drop the export ZIP archive as downloaded so that posts get their chat type.',
      ],
    });
    expect(db.query('SELECT (SELECT count(*) FROM events)::INTEGER AS events, (SELECT count(*) FROM identities)::INTEGER AS identities')).toEqual([
      { events: 0, identities: 0 },
    ]);
  });

  it('rejects a chat without id', async () => {
    const file = await sniffBytes('chats_1.json', JSON.stringify({ records: [CHATS[0], { type: 'Group', memberIds: [] }] }));

    const load = () => db.transaction(() => ringcentralMessagingChatsJson.load({ db, fileId: 3, file }));

    expect(load).toThrow(ImportError);
    expect(load).toThrow('chats_1.json, column "records[1].id": chat 2 has no id.');
  });
});
