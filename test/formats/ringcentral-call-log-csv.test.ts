import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { loadOrUndo } from '../../lib/engine/file-rows';
import { runCsvPartJob, type CsvPartResult, type PartReader } from '../../lib/formats/csv-part-job';
import { ringcentralCallLogCsv } from '../../lib/formats/ringcentral-call-log-csv';
import { installTimeMacros } from '../../lib/time/macros';
import { eventRow, leftoverTables, readEvents } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const DETAILED_HEADER =
  'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site';
const SIMPLE_HEADER = 'Type,Phone Number,Name,Date,Time,Action,Action Result,Result Description,Duration';

const WALL_NOTE = 'Times in this file carry no time zone, so they are read as wall-clock times in the report time zone.';
const NO_OWNER_NOTE =
  'This call log names no owner, so its calls count for the account but not for any user. ' +
  'Export the detailed call log to attribute calls to users.';

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events');
});

async function context(text: string, fileId = 5): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('calls.csv', text) };
}

/** Builds a detailed-log master row from the fields that vary, with typical values for the rest. */
/** The session key of a call without SessionId or CallId: a digest of its row. */
const ROW_KEY = /^row:[0-9a-f]{32}$/;

function detailedRow(fields: {
  type?: string;
  callId?: string;
  sessionId?: string;
  direction?: string;
  from?: string;
  to?: string;
  extension?: string;
  date?: string;
  time?: string;
  duration?: string;
}): string {
  const {
    type = 'Voice',
    callId = '',
    sessionId = '',
    direction = 'Outgoing',
    from = '101',
    to = '(650) 555-0101',
    extension = '101',
    date = 'Tue 3/4/2025',
    time = '9:14:07 AM',
    duration = '0:01:00',
  } = fields;
  return [type, callId, sessionId, '', direction, from, to, extension, '', '', date, time]
    .concat(['VoIP Call', 'Call connected', 'Call connected', duration, '$0.00', '$0.00', 'Boston'])
    .join(',');
}

async function loadError(text: string): Promise<ImportError> {
  const ctx = await context(text);
  try {
    db.transaction(() => ringcentralCallLogCsv.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

describe('ringcentral-call-log-csv recognise', () => {
  it.each([
    ['the detailed header', DETAILED_HEADER, true],
    ['the simple header', SIMPLE_HEADER, true],
    ['lower-case names', 'date,time,action,action result,duration', true],
    ['a header without Action', 'Type,Phone Number,Name,Date,Time,Action Result,Duration', false],
    ['a header without Duration', 'Type,Phone Number,Name,Date,Time,Action,Action Result', false],
    ['the usage-events header', 'channel,time,user_email,endpoint', false],
  ])('%s', async (_case, header, expected) => {
    const row = header.split(',').map(() => 'x').join(',');
    const file = await sniffBytes('calls.csv', `${header}\n${row}\n`);
    expect(ringcentralCallLogCsv.recognise(file)).toBe(expected);
  });

  it('rejects a JSON file', async () => {
    const file = await sniffBytes('calls.json', '{"records":[{"startTime":"2025-03-04T09:14:07Z","direction":"Inbound"}]}');
    expect(ringcentralCallLogCsv.recognise(file)).toBe(false);
  });

  it.each([
    ['detailed', `${DETAILED_HEADER}\n${detailedRow({ callId: 'C1' })}\n`],
    ['simple', `${SIMPLE_HEADER}\nVoice,(650) 555-0101,,Tue 3/4/2025,9:14:07 AM,Phone Call,Accepted,,0:04:12\n`],
  ])('is the format FORMATS picks for a %s log', async (_case, text) => {
    const file = await sniffBytes('calls.csv', text);
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('ringcentral-call-log-csv');
  });
});

describe('ringcentral-call-log-csv load', () => {
  it('writes master rows of a detailed log', async () => {
    const ctx = await context(
      [
        'Call Log - Example Company - 03/04/2025 to 03/09/2025',
        DETAILED_HEADER,
        'Voice,C1,S1,,Outgoing,101,(650) 555-0101,101 - Alice Smith,,Alice Smith,Tue 3/4/2025,9:14:07 AM,VoIP Call,Call connected,Call connected,0:04:12,$0.00,$0.00,Boston',
        ',,,1,,101,(650) 555-0101,101 - Alice Smith,,,,,,,,,,,',
        ',,,2,,101,(650) 555-0101,101 - Alice Smith,,,,,,,,nonsense,,,',
        'Voice,C2,,,Incoming,+1 650-555-0102,Ext. 102,Bob Jones (102),,,Tue 3/4/2025,1:05:00 PM,Phone Call,missed,Missed,4:12,,,',
        'Fax,C3,S3,,Incoming,+16505550103,103,103,,,Tue 3/4/2025,2:00:00 PM,Fax,Received,,0:00:30,,,',
        'Voice,,,,incoming,16505550104,007,007,,,Sun 3/9/2025,2:30:00 AM,Phone Call,Accepted,,3725,,,',
      ].join('\r\n'),
    );

    const result = db.transaction(() => ringcentralCallLogCsv.load(ctx));

    expect(result.rowsRead).toBe(6);
    expect(result.rowsUsed).toBe(3);
    expect(result.notes).toEqual([
      'Read 2 leg rows without counting them: each call counts once, from its master row.',
      'Skipped 1 fax row: faxes are not calls.',
      WALL_NOTE,
    ]);
    expect(readEvents(db)).toEqual([
      eventRow({
        file_id: 5,
        source_line: 3,
        channel: 'phone',
        kind: 'record',
        record_id: 'C1',
        session_id: 'S1',
        start_wall: '2025-03-04 09:14:07.000000',
        user_extension: '101',
        user_name: 'Alice Smith',
        direction: 'Outbound',
        result: 'Call connected',
        action: 'VoIP Call',
        duration_s: 252,
        from_extension: '101',
      }),
      eventRow({
        file_id: 5,
        source_line: 6,
        channel: 'phone',
        kind: 'record',
        record_id: 'C2',
        session_id: 'C2',
        start_wall: '2025-03-04 13:05:00.000000',
        user_extension: '102',
        user_name: 'Bob Jones',
        direction: 'Inbound',
        result: 'missed',
        action: 'Phone Call',
        duration_s: 252,
        to_extension: '102',
      }),
      eventRow({
        file_id: 5,
        source_line: 8,
        channel: 'phone',
        kind: 'record',
        session_id: expect.stringMatching(ROW_KEY),
        start_wall: '2025-03-09 02:30:00.000000',
        user_extension: '007',
        direction: 'Inbound',
        result: 'Accepted',
        action: 'Phone Call',
        duration_s: 3725,
        to_extension: '007',
      }),
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('writes every row of a simple log without owner', async () => {
    const ctx = await context(
      [
        SIMPLE_HEADER,
        'Voice,(650) 555-0101,Example Supplier,Tue 3/4/2025,9:14:07 AM,Phone Call,Accepted,Call answered,0:04:12',
        'Voice,(650) 555-0102,,Wed 3/5/2025,11:00 PM,Phone Call,Missed,,',
        'fax,(650) 555-0103,,Wed 3/5/2025,11:30 PM,Fax,Received,,0:01:00',
        'Voice,(650) 555-0104,,2025-03-05T23:45:00Z,,Phone Call,Accepted,,12.5',
      ].join('\n'),
      7,
    );

    const result = db.transaction(() => ringcentralCallLogCsv.load(ctx));

    expect(result.rowsRead).toBe(4);
    expect(result.rowsUsed).toBe(3);
    expect(result.notes).toEqual(['Skipped 1 fax row: faxes are not calls.', WALL_NOTE, NO_OWNER_NOTE]);
    expect(readEvents(db)).toEqual([
      eventRow({
        file_id: 7,
        source_line: 2,
        channel: 'phone',
        kind: 'record',
        session_id: expect.stringMatching(ROW_KEY),
        start_wall: '2025-03-04 09:14:07.000000',
        result: 'Accepted',
        action: 'Phone Call',
        duration_s: 252,
      }),
      eventRow({
        file_id: 7,
        source_line: 3,
        channel: 'phone',
        kind: 'record',
        session_id: expect.stringMatching(ROW_KEY),
        start_wall: '2025-03-05 23:00:00.000000',
        result: 'Missed',
        action: 'Phone Call',
      }),
      eventRow({
        file_id: 7,
        source_line: 5,
        channel: 'phone',
        kind: 'record',
        session_id: expect.stringMatching(ROW_KEY),
        start_utc: '2025-03-05 23:45:00.000000',
        result: 'Accepted',
        action: 'Phone Call',
        duration_s: 12.5,
      }),
    ]);
  });

  it.each([
    ['101', '101', null],
    ['007', '007', null],
    ['101 - Alice Smith', '101', 'Alice Smith'],
    ['Alice Smith (101)', '101', 'Alice Smith'],
    ['Ext. 101 Alice Smith', '101', 'Alice Smith'],
    ['Sales Line (500)', '500', 'Sales Line'],
    ['Alice2 Smith 205', '205', 'Alice2 Smith'],
    ['12345678', '12345678', null],
    ['123456789', null, '123456789'],
    ['Ext.101', '101', null],
    ['Alice Smith', null, 'Alice Smith'],
    ['', null, null],
  ])('reads owner from Extension %j', async (extension, userExtension, userName) => {
    const ctx = await context(`${DETAILED_HEADER}\n${detailedRow({ callId: 'C1', extension: `"${extension}"` })}\n`);
    db.transaction(() => ringcentralCallLogCsv.load(ctx));

    const [row] = readEvents(db);
    expect(row!.user_extension).toBe(userExtension);
    expect(row!.user_name).toBe(userName);
  });

  it.each([
    ['101', '101'],
    [' 007 ', '007'],
    ['Ext. 101', '101'],
    ['ext 101', '101'],
    ['EXT.101', '101'],
    ['Ext.  12345678', '12345678'],
    ['ext 101x', null],
    ['Ext 123456789', null],
    ['+1 650-555-0101', null],
    ['(650) 555-0101', null],
    ['6505550101', null],
    ['123456789', null],
    ['Alice Smith', null],
    ['', null],
  ])('reads From and To %j as extension %j', async (side, expected) => {
    const ctx = await context(`${DETAILED_HEADER}\n${detailedRow({ callId: 'C1', from: `"${side}"`, to: `"${side}"` })}\n`);
    db.transaction(() => ringcentralCallLogCsv.load(ctx));

    const [row] = readEvents(db);
    expect(row!.from_extension).toBe(expected);
    expect(row!.to_extension).toBe(expected);
  });

  it('keeps a session shared by two master rows', async () => {
    const ctx = await context(
      [
        DETAILED_HEADER,
        detailedRow({ callId: 'C1', sessionId: 'S9', direction: 'Outgoing', from: '101', to: '102', extension: '101' }),
        detailedRow({ callId: 'C2', sessionId: 'S9', direction: 'Incoming', from: '101', to: '102', extension: '102' }),
      ].join('\n'),
    );
    db.transaction(() => ringcentralCallLogCsv.load(ctx));

    const rows = db.query('SELECT session_id, direction, user_extension FROM events ORDER BY source_line');
    expect(rows).toEqual([
      { session_id: 'S9', direction: 'Outbound', user_extension: '101' },
      { session_id: 'S9', direction: 'Inbound', user_extension: '102' },
    ]);
  });
});

describe('ringcentral-call-log-csv start times', () => {
  it.each([
    ["the portal's form", 'Tue 3/4/2025', '9:14:07 AM', '2025-03-04 09:14:07', null],
    ['midnight', 'Tue 3/4/2025', '12:00:00 AM', '2025-03-04 00:00:00', null],
    ['noon', 'Tue 3/4/2025', '12:00:00 PM', '2025-03-04 12:00:00', null],
    ['a lower-case meridiem', 'Tue 3/4/2025', '9:14:07 pm', '2025-03-04 21:14:07', null],
    ['zero-padded fields', 'Tue 03/04/2025', '09:14:07 AM', '2025-03-04 09:14:07', null],
    ['a full weekday without seconds', 'Tuesday 3/4/2025', '9:14 PM', '2025-03-04 21:14:00', null],
    ['a 24-hour time without weekday', '3/4/2025', '21:14:07', '2025-03-04 21:14:07', null],
    ['an ISO date and a zone', '2025-03-04', '09:14:07-05:00', null, '2025-03-04 14:14:07'],
  ])('reads %s', async (_case, date, time, wall, utc) => {
    const ctx = await context([DETAILED_HEADER, detailedRow({ callId: 'C1', date, time })].join('\n'));
    db.transaction(() => ringcentralCallLogCsv.load(ctx));

    const rows = db.query(
      `SELECT strftime(start_wall, '%Y-%m-%d %H:%M:%S') AS wall, strftime(start_utc, '%Y-%m-%d %H:%M:%S') AS utc FROM events`,
    );
    expect(rows).toEqual([{ wall, utc }]);
  });
});

describe('ringcentral-call-log-csv errors', () => {
  it.each([
    ['an hour past 23', { time: '25:00:00' }, 'Date + Time', 'Tue 3/4/2025 25:00:00', 'the time could not be read'],
    ['a weekday that does not match', { date: 'Wed 3/4/2025' }, 'Date + Time', 'Wed 3/4/2025 9:14:07 AM', 'the time could not be read'],
    ['a day-first date', { date: '25/3/2025' }, 'Date + Time', '25/3/2025 9:14:07 AM', 'the time could not be read'],
    ['hour 0 with AM', { time: '0:14:07 AM' }, 'Date + Time', 'Tue 3/4/2025 0:14:07 AM', 'the time could not be read'],
    ['hour 13 with PM', { time: '13:14:07 PM' }, 'Date + Time', 'Tue 3/4/2025 13:14:07 PM', 'the time could not be read'],
    ['a second past 59', { time: '9:14:60 AM' }, 'Date + Time', 'Tue 3/4/2025 9:14:60 AM', 'the time could not be read'],
    ['February 30', { date: 'Sun 2/30/2025' }, 'Date + Time', 'Sun 2/30/2025 9:14:07 AM', 'the time could not be read'],
    ['a blank time', { time: '' }, 'Date + Time', 'Tue 3/4/2025', 'the time could not be read'],
    ['an unreadable duration', { duration: '1:2' }, 'Duration', '1:2', 'the duration could not be read'],
    ['an unknown direction', { direction: 'Sideways' }, 'Direction', 'Sideways', 'the call direction is not Inbound, Outbound, Incoming or Outgoing'],
  ])('rejects %s', async (_case, fields, column, value, problem) => {
    const good = detailedRow({ callId: 'C0' });
    const error = await loadError([DETAILED_HEADER, good, good, detailedRow({ callId: 'C9', ...fields }), good].join('\n'));

    expect(error.location).toEqual({ file: 'calls.csv', line: 4, column, value });
    expect(error.message).toContain(`calls.csv, line 4, column "${column}": ${problem} (value "${value}").`);
  });

  it('rejects a simple-log row without date', async () => {
    const error = await loadError(
      [SIMPLE_HEADER, 'Voice,(650) 555-0101,,Tue 3/4/2025,9:14:07 AM,Phone Call,Accepted,,0:04:12', 'Total,,,,9:14:07 AM,,,,'].join('\n'),
    );

    expect(error.location).toEqual({ file: 'calls.csv', line: 3, column: 'Date', value: '' });
    expect(error.message).toContain('the call has no date');
  });

  it('ignores bad values on leg and fax rows', async () => {
    const ctx = await context(
      [
        DETAILED_HEADER,
        detailedRow({ callId: 'C1' }),
        ',,,1,Sideways,101,102,101,,,,,,,,not a duration,,,',
        detailedRow({ type: 'Fax', callId: 'C2', time: 'noon', duration: 'long' }),
      ].join('\n'),
    );

    const result = db.transaction(() => ringcentralCallLogCsv.load(ctx));
    expect(result.rowsUsed).toBe(1);
  });

  it('keys a call without ids by its content', async () => {
    const text = [SIMPLE_HEADER, 'Voice,(650) 555-0101,,Tue 3/4/2025,9:14:07 AM,Phone Call,Accepted,,0:04:12'].join('\n');
    const first = await context(text, 5);
    db.transaction(() => ringcentralCallLogCsv.load(first));
    const second = await context(text, 6);
    db.transaction(() => ringcentralCallLogCsv.load(second));

    const keys = db.query<{ session_id: string }>('SELECT session_id FROM events ORDER BY file_id');
    expect(keys).toHaveLength(2);
    expect(keys[0]?.session_id).toMatch(ROW_KEY);
    expect(keys[1]?.session_id).toBe(keys[0]?.session_id);
  });

  it('rejects a master row without a date', async () => {
    const ctx = await context([DETAILED_HEADER, detailedRow({ callId: 'C1', date: '' })].join('\n'));
    expect(() => db.transaction(() => ringcentralCallLogCsv.load(ctx))).toThrow('line 2, column "Date": the call has no date');
  });

  it('leaves events empty when the last row is bad', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => detailedRow({ callId: `C${i}` }));
    const ctx = await context([DETAILED_HEADER, ...rows, detailedRow({ callId: 'C99', time: '9:99 AM' })].join('\n'));

    expect(() => db.transaction(() => ringcentralCallLogCsv.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});

describe('ringcentral-call-log-csv in parts', () => {
  /** Builds a detailed log of `calls` master rows, each followed by one leg row, with distinct call ids. */
  function detailedLog(calls: number, badCall?: number): string {
    const rows: string[] = [];
    for (let call = 0; call < calls; call++) {
      rows.push(detailedRow({ callId: `C${call}`, time: call === badCall ? '9:99 AM' : '9:14:07 AM', duration: `0:0${call % 10}:00` }));
      rows.push(',,,1,Outgoing,101,(650) 555-0101,101,,,,,VoIP Call,Call connected,,0:00:10,,,');
    }
    return ['Call Log Report', DETAILED_HEADER, ...rows].join('\n');
  }

  it('loads the same events in parts as whole', async () => {
    const text = detailedLog(1500);
    const whole = await context(text, 5);
    const wholeResult = loadOrUndo(db, 5, () => ringcentralCallLogCsv.load(whole));
    const parts = await context(text, 6);
    const partsResult = loadOrUndo(db, 6, () => ringcentralCallLogCsv.load({ ...parts, partRecords: 1024 }));

    const events = (fileId: number) =>
      db.query(`SELECT * EXCLUDE (file_id) FROM events WHERE file_id = ${fileId} ORDER BY source_line`);
    expect(partsResult).toEqual(wholeResult);
    expect(partsResult.rowsRead).toBe(3000);
    expect(events(6)).toHaveLength(1500);
    expect(events(6)).toEqual(events(5));
    expect(leftoverTables(db)).toEqual([]);
  });

  it('names the line of an error in a later part', async () => {
    const ctx = await context(detailedLog(1500, 1200), 7);

    expect(() => loadOrUndo(db, 7, () => ringcentralCallLogCsv.load({ ...ctx, partRecords: 1024 }))).toThrow(
      'line 2403, column "Date + Time"',
    );
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });

  /** Opens a second database in this thread and returns part readers on it, as the extension runs one in a second worker. */
  async function inThreadReader(options: { broken?: boolean } = {}) {
    const readerDb = await openNodeDatabase();
    installTimeMacros(readerDb);
    const jobs: number[] = [];
    const results: CsvPartResult[] = [];
    let closed = 0;
    const start = (): PartReader => ({
      async read(job, bytes) {
        jobs.push(job.part.first);
        if (options.broken === true) throw new Error('the part reader did not start');
        const result = runCsvPartJob(readerDb, job, bytes.register(readerDb, job.alias));
        results.push(result);
        return result;
      },
      close() {
        closed++;
      },
    });
    return { start, jobs, results, closedCount: () => closed, readerDb };
  }

  const eventsOf = (fileId: number) => db.query(`SELECT * EXCLUDE (file_id) FROM events WHERE file_id = ${fileId} ORDER BY source_line`);

  it('loads every other part with a part reader', async () => {
    const text = detailedLog(2500);
    const whole = await context(text, 5);
    const wholeResult = loadOrUndo(db, 5, () => ringcentralCallLogCsv.load(whole));
    const reader = await inThreadReader();
    const parts = { ...(await context(text, 6)), partRecords: 1024 };
    const partsResult = await loadOrUndo(db, 6, () => ringcentralCallLogCsv.loadInParts!(parts, reader.start));

    expect(reader.jobs).toEqual([1024, 3072]);
    expect(reader.closedCount()).toBe(1);
    // The engine frees each appended buffer at once instead of waiting for garbage collection.
    expect(reader.results.map((result) => result.events.byteLength)).toEqual([0, 0]);
    expect(partsResult).toEqual(wholeResult);
    expect(eventsOf(6)).toHaveLength(2500);
    expect(eventsOf(6)).toEqual(eventsOf(5));
    expect(leftoverTables(db)).toEqual([]);
    expect(leftoverTables(reader.readerDb)).toEqual([]);
  });

  it('reads a rejected part itself', async () => {
    const text = detailedLog(1500);
    const whole = await context(text, 5);
    loadOrUndo(db, 5, () => ringcentralCallLogCsv.load(whole));
    const reader = await inThreadReader({ broken: true });
    const parts = { ...(await context(text, 6)), partRecords: 1024 };
    const partsResult = await loadOrUndo(db, 6, () => ringcentralCallLogCsv.loadInParts!(parts, reader.start));

    expect(reader.jobs).toEqual([1024]);
    expect(partsResult.rowsRead).toBe(3000);
    expect(eventsOf(6)).toEqual(eventsOf(5));
    expect(leftoverTables(db)).toEqual([]);
  });

  it('names the line of an error in a reader part', async () => {
    // Call 700 is record 1400, in the second part, which the reader reads.
    const reader = await inThreadReader();
    const ctx = { ...(await context(detailedLog(1500, 700), 7)), partRecords: 1024 };

    await expect(loadOrUndo(db, 7, () => ringcentralCallLogCsv.loadInParts!(ctx, reader.start))).rejects.toThrow(
      'line 1403, column "Date + Time"',
    );
    expect(reader.jobs).toEqual([1024]);
    expect(reader.closedCount()).toBe(1);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
    expect(leftoverTables(reader.readerDb)).toEqual([]);
  });

  it('loads a one-part file without a reader', async () => {
    const reader = await inThreadReader();
    const ctx = await context(detailedLog(10), 8);
    const result = await ringcentralCallLogCsv.loadInParts!(ctx, reader.start);

    expect(result.rowsUsed).toBe(10);
    expect(reader.jobs).toEqual([]);
    expect(reader.closedCount()).toBe(0);
  });
});
