import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { ringcentralCallLogJson } from '../../lib/formats/ringcentral-call-log-json';
import { eventRow, leftoverTables, readEvents } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const CALL_LOG_URI = 'https://platform.ringcentral.com/restapi/v1.0/account/~/call-log?view=Detailed&page=1';

const OUTBOUND = {
  uri: `${CALL_LOG_URI}/R1`,
  id: 'R1',
  sessionId: '1001',
  telephonySessionId: 's-1001',
  startTime: '2025-03-04T14:14:07.123Z',
  duration: 252,
  type: 'Voice',
  direction: 'Outbound',
  action: 'VoIP Call',
  result: 'Call connected',
  from: { phoneNumber: '+16505550101', extensionNumber: '101', extensionId: '62345001', name: 'Alice Smith' },
  to: { phoneNumber: '+16505550199', name: 'Example Supplier' },
  extension: { id: 62345001 },
  legs: [
    {
      startTime: '2025-03-04T14:14:07.123Z',
      duration: 252,
      type: 'Voice',
      direction: 'Outbound',
      action: 'VoIP Call',
      result: 'Call connected',
      from: { extensionNumber: '101' },
      to: { phoneNumber: '+16505550199' },
      legType: 'SipToPstnMetered',
      master: true,
    },
    {
      startTime: '2025-03-04T14:14:08.000Z',
      duration: 250,
      type: 'Voice',
      direction: 'Outbound',
      action: 'VoIP Call',
      result: 'Call connected',
      legType: 'PstnToSip',
    },
  ],
};

const INBOUND = {
  id: 'R2',
  telephonySessionId: 's-abc',
  startTime: '2025-03-04T15:00:00Z',
  duration: 0,
  type: 'Voice',
  direction: 'inbound',
  action: 'Phone Call',
  result: 'Missed',
  from: { phoneNumber: '+16505550102' },
  to: { extensionNumber: '102', extensionId: '62345002', name: 'Bob Jones' },
  extension: { id: '62345002' },
};

const FAX = {
  id: 'R3',
  sessionId: '1003',
  startTime: '2025-03-04T15:05:00Z',
  duration: 30,
  type: 'FAX',
  direction: 'Inbound',
  action: 'Incoming Fax',
  result: 'Received',
  to: { extensionNumber: '103' },
};

const BARE = {
  id: 12345,
  startTime: '2025-03-04T16:00:00-05:00',
  direction: 'Outbound',
  from: { extensionNumber: '' },
  to: { extensionNumber: 7 },
};

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events');
});

async function context(json: unknown, fileId = 4): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('calls.json', JSON.stringify(json)) };
}

async function loadError(json: unknown): Promise<ImportError> {
  const ctx = await context(json);
  try {
    db.transaction(() => ringcentralCallLogJson.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

describe('ringcentral-call-log-json recognise', () => {
  it.each([
    ['one response', { uri: CALL_LOG_URI, records: [OUTBOUND] }, true],
    ['an array of pages', [{ records: [INBOUND] }, { records: [OUTBOUND] }], true],
    ['a record with only direction', { records: [{ startTime: '2025-03-04T15:00:00Z', direction: 'Inbound' }] }, true],
    ['an empty call-log response', { uri: CALL_LOG_URI, records: [] }, true],
    ['an empty response from elsewhere', { uri: 'https://example.com/extension', records: [] }, false],
    ['an extension list', { records: [{ id: 1, extensionNumber: '101', name: 'Alice', status: 'Enabled' }] }, false],
    ['a record with only startTime', { records: [{ id: 1, startTime: '2025-03-04T15:00:00Z' }] }, false],
    ['a meeting history', { meetings: [{ id: 'm1', startTime: '2025-03-04T15:00:00Z' }] }, false],
    ['a bare array of records', [OUTBOUND, INBOUND], false],
    ['an empty array', [], false],
  ])('%s', async (_case, json, expected) => {
    const file = await sniffBytes('calls.json', JSON.stringify(json));
    expect(ringcentralCallLogJson.recognise(file)).toBe(expected);
  });

  it('rejects a CSV file', async () => {
    const file = await sniffBytes('calls.csv', 'startTime,direction,sessionId\n2025-03-04T15:00:00Z,Inbound,1\n');
    expect(ringcentralCallLogJson.recognise(file)).toBe(false);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('calls.json', JSON.stringify({ uri: CALL_LOG_URI, records: [OUTBOUND] }));
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-call-log-json');
  });
});

describe('ringcentral-call-log-json load', () => {
  it('writes one event per record', async () => {
    const ctx = await context({ uri: CALL_LOG_URI, records: [OUTBOUND, INBOUND, FAX, BARE] });

    const result = db.transaction(() => ringcentralCallLogJson.load(ctx));

    expect(result.rowsRead).toBe(4);
    expect(result.rowsUsed).toBe(3);
    expect(result.notes).toEqual(['Skipped 1 fax record: faxes are not calls.']);
    expect(readEvents(db)).toEqual([
      eventRow({
        file_id: 4,
        source_line: 1,
        channel: 'phone',
        kind: 'record',
        record_id: 'R1',
        session_id: '1001',
        start_utc: '2025-03-04 14:14:07.123000',
        user_platform_id: '62345001',
        user_extension: '101',
        user_name: 'Alice Smith',
        direction: 'Outbound',
        result: 'Call connected',
        action: 'VoIP Call',
        duration_s: 252,
        from_extension: '101',
      }),
      eventRow({
        file_id: 4,
        source_line: 2,
        channel: 'phone',
        kind: 'record',
        record_id: 'R2',
        session_id: 's-abc',
        start_utc: '2025-03-04 15:00:00.000000',
        user_platform_id: '62345002',
        user_extension: '102',
        user_name: 'Bob Jones',
        direction: 'Inbound',
        result: 'Missed',
        action: 'Phone Call',
        duration_s: 0,
        to_extension: '102',
      }),
      eventRow({
        file_id: 4,
        source_line: 4,
        channel: 'phone',
        kind: 'record',
        record_id: '12345',
        session_id: '12345',
        start_utc: '2025-03-04 21:00:00.000000',
        direction: 'Outbound',
        to_extension: '7',
      }),
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('numbers records across pages', async () => {
    const ctx = await context([{ records: [INBOUND, FAX] }, { records: [OUTBOUND] }]);

    const result = db.transaction(() => ringcentralCallLogJson.load(ctx));

    expect(result.rowsRead).toBe(3);
    expect(db.query('SELECT source_line, record_id FROM events ORDER BY source_line')).toEqual([
      { source_line: 1, record_id: 'R2' },
      { source_line: 3, record_id: 'R1' },
    ]);
  });

  it('reads a time without zone as wall-clock', async () => {
    const ctx = await context({ records: [{ ...INBOUND, startTime: '2025-03-09 02:30:00' }] });

    const result = db.transaction(() => ringcentralCallLogJson.load(ctx));

    expect(result.notes).toEqual([
      'Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.',
    ]);
    expect(db.query(`SELECT strftime(start_wall, '%Y-%m-%d %H:%M:%S') AS wall, start_utc FROM events`)).toEqual([
      { wall: '2025-03-09 02:30:00', start_utc: null },
    ]);
  });

  it('loads an empty response', async () => {
    const ctx = await context({ uri: CALL_LOG_URI, records: [] });
    expect(db.transaction(() => ringcentralCallLogJson.load(ctx))).toEqual({ rowsRead: 0, rowsUsed: 0, notes: [] });
  });
});

describe('ringcentral-call-log-json errors', () => {
  const { startTime: _start, ...withoutStart } = INBOUND;
  const { direction: _direction, ...withoutDirection } = INBOUND;
  const { id: _id, ...withoutId } = INBOUND;

  it.each([
    ['a missing startTime', withoutStart, 'records[1].startTime', undefined, 'call log record 2 has no startTime'],
    ['a missing direction', withoutDirection, 'records[1].direction', undefined, 'call log record 2 has no direction'],
    ['a missing id', withoutId, 'records[1].id', undefined, 'call log record 2 has no id'],
    ['an empty id', { ...INBOUND, id: '' }, 'records[1].id', undefined, 'call log record 2 has no id'],
    ['an unknown direction', { ...INBOUND, direction: 'Sideways' }, 'records[1].direction', 'Sideways', 'the call direction is not Inbound, Outbound, Incoming or Outgoing'],
    ['a date without time', { ...INBOUND, startTime: '2025-03-04' }, 'records[1].startTime', '2025-03-04', 'the time could not be read'],
    ['a negative duration', { ...INBOUND, duration: -5 }, 'records[1].duration', '-5', 'the duration could not be read'],
    ['a record that is not an object', 'R2', 'records[1]', undefined, 'call log record 2 is not a JSON object'],
  ])('rejects %s', async (_case, record, column, value, problem) => {
    const error = await loadError({ records: [OUTBOUND, record, OUTBOUND] });

    expect(error.location).toEqual({ file: 'calls.json', column, value });
    expect(error.message).toContain(`calls.json, column "${column}": ${problem}`);
  });

  it('names the page of a bad record', async () => {
    const error = await loadError([{ records: [OUTBOUND] }, { records: [withoutStart] }]);

    expect(error.location.column).toBe('[1].records[0].startTime');
    expect(error.message).toContain('call log record 2 has no startTime');
  });

  it('leaves events empty when the last record is bad', async () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ ...OUTBOUND, id: `R${i}` }));
    const ctx = await context({ records: [...records, { ...INBOUND, direction: 'Sideways' }] });

    expect(() => db.transaction(() => ringcentralCallLogJson.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
