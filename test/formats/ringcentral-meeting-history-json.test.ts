import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralMeetingHistoryJson } from '../../lib/formats/ringcentral-meeting-history-json';
import { eventRow, leftoverTables } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const HOST = { accountId: '400', extensionId: '62345001', displayName: 'Avery Lindqvist' };

/** A meeting with every kind of participant entry: the host, a rejoin, guests with and without ids. */
const TEAM_MEETING = {
  id: 'm-100',
  bridgeId: 'b-1',
  startTime: '2026-05-04T14:00:00.000Z',
  displayName: 'Weekly sales',
  hostInfo: HOST,
  duration: 1800,
  type: 'Meeting',
  status: 'Done',
  participants: [
    { id: 'p1', accountId: '400', extensionId: '62345001', displayName: 'Avery Lindqvist' },
    { id: 'p2', accountId: '400', extensionId: 62345002, displayName: 'Marcus Oyelaran' },
    { id: 'p3', accountId: '400', extensionId: '62345002', displayName: 'Marcus Oyelaran' },
    { displayName: 'Guest without id' },
    { displayName: 'Second guest without id' },
    { id: 'g-7', displayName: 'Guest with id' },
    { callerId: '+16505550123' },
  ],
};

const CALL = {
  id: 'm-200',
  startTime: '2026-05-05T10:30:00-04:00',
  hostInfo: { accountId: '400', extensionId: '62345003', displayName: 'Hana Kobayashi' },
  duration: 600,
  type: 'Call',
  status: 'Done',
};

const WITHOUT_HOST = {
  id: 'm-300',
  startTime: '2026-05-06 09:00:00',
  participants: [{ id: 'p9', extensionId: '62345004', displayName: 'Dmitri Valcourt' }],
};

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events');
});

async function context(json: unknown, fileId = 6): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('meetings.json', JSON.stringify(json)) };
}

async function loadError(json: unknown): Promise<ImportError> {
  const ctx = await context(json);
  try {
    db.transaction(() => ringcentralMeetingHistoryJson.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

/** Reads every `events` column in a fixed order, because rows of one meeting share a source line. */
function videoEvents(): Record<string, unknown>[] {
  return db.query(
    `SELECT * REPLACE (strftime(start_utc, '%Y-%m-%d %H:%M:%S.%f') AS start_utc,
                       strftime(start_wall, '%Y-%m-%d %H:%M:%S.%f') AS start_wall)
     FROM events
     ORDER BY source_line, role, record_id`,
  );
}

describe('ringcentral-meeting-history-json recognise', () => {
  it.each([
    ['one response', { meetings: [TEAM_MEETING], paging: { perPage: 100 } }, true],
    ['an array of pages', [{ meetings: [CALL] }, { meetings: [TEAM_MEETING] }], true],
    ['a meeting with participants only', { meetings: [WITHOUT_HOST] }, true],
    ['an empty history', { meetings: [], paging: {} }, true],
    ['a meeting with neither host nor participants', { meetings: [{ id: 'm1', startTime: '2026-05-04T14:00:00Z' }] }, false],
    ['a meeting without startTime', { meetings: [{ id: 'm1', hostInfo: HOST }] }, false],
    ['a call log', { records: [{ id: 'R1', startTime: '2026-05-04T14:00:00Z', direction: 'Inbound' }] }, false],
    ['a bare array of meetings', [TEAM_MEETING], false],
    ['an empty array', [], false],
  ])('%s', async (_case, json, expected) => {
    const file = await sniffBytes('meetings.json', JSON.stringify(json));
    expect(ringcentralMeetingHistoryJson.recognise(file)).toBe(expected);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('meetings.json', JSON.stringify({ meetings: [TEAM_MEETING] }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-meeting-history-json');
  });
});

describe('ringcentral-meeting-history-json load', () => {
  it('writes a host row and one row per participant entry', async () => {
    const ctx = await context({ meetings: [TEAM_MEETING] });

    const result = db.transaction(() => ringcentralMeetingHistoryJson.load(ctx));

    expect(result.rowsRead).toBe(1);
    expect(result.rowsUsed).toBe(1);
    const meeting = {
      file_id: 6,
      source_line: 1,
      channel: 'video',
      kind: 'record',
      session_id: 'm-100',
      start_utc: '2026-05-04 14:00:00.000000',
      action: 'Meeting',
      result: 'Done',
      duration_s: 1800,
    };
    expect(videoEvents()).toEqual([
      eventRow({ ...meeting, role: 'host', record_id: 'host', user_platform_id: '62345001', user_name: 'Avery Lindqvist' }),
      eventRow({ ...meeting, role: 'participant', record_id: '400:62345001', user_platform_id: '62345001', user_name: 'Avery Lindqvist' }),
      eventRow({ ...meeting, role: 'participant', record_id: '400:62345002', user_platform_id: '62345002', user_name: 'Marcus Oyelaran' }),
      eventRow({ ...meeting, role: 'participant', record_id: '400:62345002', user_platform_id: '62345002', user_name: 'Marcus Oyelaran' }),
      eventRow({ ...meeting, role: 'participant', record_id: 'guest:#4', user_name: 'Guest without id' }),
      eventRow({ ...meeting, role: 'participant', record_id: 'guest:#5', user_name: 'Second guest without id' }),
      eventRow({ ...meeting, role: 'participant', record_id: 'guest:#7', user_name: '+16505550123' }),
      eventRow({ ...meeting, role: 'participant', record_id: 'guest:g-7', user_name: 'Guest with id' }),
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('notes meetings, rejoins and duplicates', async () => {
    const ctx = await context({ meetings: [TEAM_MEETING, CALL, { ...TEAM_MEETING, displayName: 'listed again' }] });

    const result = db.transaction(() => ringcentralMeetingHistoryJson.load(ctx));

    expect(result).toEqual({
      rowsRead: 3,
      rowsUsed: 2,
      notes: [
        'Read 2 meetings. The meeting history names no client application, so their endpoint is Unknown.',
        'Skipped 1 meeting listed twice in the file (same meeting id).',
        'Found 1 participant entry naming a person already in the same meeting (rejoins); the report counts each person once per meeting.',
      ],
    });
    expect(db.query('SELECT session_id, count(*)::INTEGER AS n FROM events GROUP BY 1 ORDER BY 1')).toEqual([
      { session_id: 'm-100', n: 8 },
      { session_id: 'm-200', n: 1 },
    ]);
  });

  it('keeps people of other accounts out of the users', async () => {
    const outside = {
      id: 'm-400',
      startTime: '2026-05-07T14:00:00.000Z',
      hostInfo: { accountId: '999', extensionId: '9999', displayName: 'Outside Host' },
      duration: 900,
      participants: [
        { id: 'p1', accountId: '999', extensionId: '62345001', displayName: 'Other Co Person' },
        { id: 'p2', accountId: '400', extensionId: '62345002', displayName: 'Marcus Oyelaran' },
      ],
    };
    const ctx = await context({ meetings: [TEAM_MEETING, CALL, outside] });

    const result = db.transaction(() => ringcentralMeetingHistoryJson.load(ctx));

    expect(result.notes).toContain(
      'Found 2 people of other accounts than 400 (the account most hosts belong to); they count in meetings and participants, but not as users.',
    );
    expect(db.query(`SELECT role, record_id, user_platform_id, user_name FROM events WHERE session_id = 'm-400' ORDER BY record_id`)).toEqual([
      { role: 'participant', record_id: '400:62345002', user_platform_id: '62345002', user_name: 'Marcus Oyelaran' },
      { role: 'participant', record_id: '999:62345001', user_platform_id: null, user_name: 'Other Co Person' },
      { role: 'host', record_id: 'host', user_platform_id: null, user_name: 'Outside Host' },
    ]);
  });

  it('reads a meeting without participants or host', async () => {
    const ctx = await context([{ meetings: [CALL] }, { meetings: [WITHOUT_HOST] }]);

    const result = db.transaction(() => ringcentralMeetingHistoryJson.load(ctx));

    expect(result.notes).toContain('Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.');
    expect(videoEvents()).toEqual([
      eventRow({
        file_id: 6,
        source_line: 1,
        channel: 'video',
        kind: 'record',
        session_id: 'm-200',
        start_utc: '2026-05-05 14:30:00.000000',
        role: 'host',
        record_id: 'host',
        user_platform_id: '62345003',
        user_name: 'Hana Kobayashi',
        action: 'Call',
        result: 'Done',
        duration_s: 600,
      }),
      eventRow({ file_id: 6, source_line: 2, channel: 'video', kind: 'record', session_id: 'm-300', start_wall: '2026-05-06 09:00:00.000000', role: 'host', record_id: 'host' }),
      eventRow({
        file_id: 6,
        source_line: 2,
        channel: 'video',
        kind: 'record',
        session_id: 'm-300',
        start_wall: '2026-05-06 09:00:00.000000',
        role: 'participant',
        record_id: ':62345004',
        user_platform_id: '62345004',
        user_name: 'Dmitri Valcourt',
      }),
    ]);
  });

  it('loads an empty history', async () => {
    const ctx = await context({ meetings: [] });
    expect(db.transaction(() => ringcentralMeetingHistoryJson.load(ctx))).toEqual({
      rowsRead: 0,
      rowsUsed: 0,
      notes: ['Read 0 meetings. The meeting history names no client application, so their endpoint is Unknown.'],
    });
  });
});

describe('ringcentral-meeting-history-json errors', () => {
  const { startTime: _start, ...withoutStart } = CALL;
  const { id: _id, ...withoutId } = CALL;

  it.each([
    ['a missing startTime', withoutStart, 'meetings[1].startTime', undefined, 'meeting 2 (id m-200) has no startTime'],
    ['an invalid startTime', { ...CALL, startTime: '2026-05-32T10:00:00Z' }, 'meetings[1].startTime', '2026-05-32T10:00:00Z', 'the time could not be read'],
    ['a missing id', withoutId, 'meetings[1].id', undefined, 'meeting 2 has no id'],
    ['a blank id', { ...CALL, id: ' ' }, 'meetings[1].id', undefined, 'meeting 2 has no id'],
    ['an invalid duration', { ...CALL, duration: 'long' }, 'meetings[1].duration', 'long', 'the duration could not be read'],
    ['a meeting that is not an object', 'm-200', 'meetings[1]', undefined, 'meeting 2 is not a JSON object'],
    ['participants that are not a list', { ...CALL, participants: {} }, 'meetings[1].participants', undefined, 'meeting m-200 has participants that are not a list'],
    ['a participant that is not an object', { ...CALL, participants: [{ id: 'p1' }, 'p2'] }, 'meetings[1].participants[1]', undefined, 'a participant of meeting m-200 is not a JSON object'],
  ])('rejects %s', async (_case, meeting, column, value, problem) => {
    const error = await loadError({ meetings: [TEAM_MEETING, meeting, TEAM_MEETING] });

    expect(error.location).toEqual({ file: 'meetings.json', column, value });
    expect(error.message).toContain(`meetings.json, column "${column}": ${problem}`);
  });

  it('names the page of a bad meeting', async () => {
    const error = await loadError([{ meetings: [TEAM_MEETING] }, { meetings: [withoutStart] }]);

    expect(error.location.column).toBe('[1].meetings[0].startTime');
  });

  it('leaves events empty when the last meeting is bad', async () => {
    const meetings = Array.from({ length: 30 }, (_, i) => ({ ...TEAM_MEETING, id: `m-${i}` }));
    const ctx = await context({ meetings: [...meetings, withoutId] });

    expect(() => db.transaction(() => ringcentralMeetingHistoryJson.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
