import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { ImportError } from '../../lib/errors';
import type { LoadContext } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { usageEventsCsv } from '../../lib/formats/usage-events-csv';
import { eventRow, leftoverTables, readEvents } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const HEADER =
  'channel,time,user_email,user_extension,user_name,endpoint,version,role,direction,result,duration_seconds,session_id,meeting_id';

let db: Database;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});

beforeEach(() => {
  db.run('DELETE FROM events');
});

async function context(text: string, fileId = 3): Promise<LoadContext> {
  return { db, fileId, file: await sniffBytes('usage.csv', text) };
}

async function loadError(text: string): Promise<ImportError> {
  const ctx = await context(text);
  try {
    db.transaction(() => usageEventsCsv.load(ctx));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

describe('usage-events-csv recognise', () => {
  it.each([
    ['the full header', HEADER, true],
    ['the minimum header with an email', 'channel,time,user_email,endpoint', true],
    ['the minimum header with an extension', 'Channel,TIME,User_Extension,Endpoint', true],
    ['a header without endpoint', 'channel,time,user_email,version', false],
    ['a header without any user column', 'channel,time,user_name,endpoint', false],
    ['a header without channel', 'time,user_email,endpoint,version', false],
    ['a call log header', 'Type,Phone Number,Name,Date,Time,Action,Action Result,Result Description,Duration', false],
  ])('%s: %s', async (_case, header, expected) => {
    // A data row as wide as the header, so that sniffing takes the first line as the header.
    const row = header.split(',').map((_, index) => (index === 0 ? 'phone' : 'x')).join(',');
    const file = await sniffBytes('usage.csv', `${header}\n${row}\n`);
    expect(usageEventsCsv.recognise(file)).toBe(expected);
  });

  it('rejects a JSON file', async () => {
    const file = await sniffBytes('usage.json', '{"records":[{"channel":"phone"}]}');
    expect(usageEventsCsv.recognise(file)).toBe(false);
  });

  it('is the format FORMATS picks', async () => {
    const file = await sniffBytes('usage.csv', `${HEADER}\nphone,2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,\n`);
    expect(FORMATS.find((format) => format.recognise(file))?.id).toBe('usage-events-csv');
  });
});

describe('usage-events-csv load', () => {
  it('writes one usage event per row', async () => {
    const ctx = await context(
      [
        HEADER,
        'Video,2025-03-04T09:14:07Z,alice@example.com,101,Alice Smith,RingCentral for Windows,24.10,Host,,,0:45:00,s-1,m-1',
        'phone, 3/4/2025 9:20:00 AM ,,007,Bob,Desk phone,1.2.30,,INCOMING,Accepted,252,sess-9,',
        'message,2025-03-04T10:00:00+05:30,carol@example.com,,,, ,,,,,chat-5,',
        'video,2025-03-04T11:00:00.5-05:00,dan@example.com,,,Web,25.1.0,participant,,,PT1H,s-2,',
      ].join('\n'),
    );

    const result = db.transaction(() => usageEventsCsv.load(ctx));

    expect(result.rowsRead).toBe(4);
    expect(result.rowsUsed).toBe(4);
    expect(result.notes).toEqual([
      'Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.',
    ]);
    expect(readEvents(db)).toEqual([
      eventRow({
        file_id: 3,
        source_line: 2,
        channel: 'video',
        kind: 'usage',
        session_id: 'm-1',
        start_utc: '2025-03-04 09:14:07.000000',
        user_extension: '101',
        user_email: 'alice@example.com',
        user_name: 'Alice Smith',
        endpoint_raw: 'RingCentral for Windows',
        version: '24.10',
        role: 'host',
        duration_s: 2700,
      }),
      eventRow({
        file_id: 3,
        source_line: 3,
        channel: 'phone',
        kind: 'usage',
        session_id: 'sess-9',
        start_wall: '2025-03-04 09:20:00.000000',
        user_extension: '007',
        user_name: 'Bob',
        endpoint_raw: 'Desk phone',
        version: '1.2.30',
        direction: 'Inbound',
        result: 'Accepted',
        duration_s: 252,
      }),
      eventRow({
        file_id: 3,
        source_line: 4,
        channel: 'message',
        kind: 'usage',
        session_id: 'chat-5',
        start_utc: '2025-03-04 04:30:00.000000',
        user_email: 'carol@example.com',
      }),
      eventRow({
        file_id: 3,
        source_line: 5,
        channel: 'video',
        kind: 'usage',
        session_id: 's-2',
        start_utc: '2025-03-04 16:00:00.500000',
        user_email: 'dan@example.com',
        endpoint_raw: 'Web',
        version: '25.1.0',
        role: 'participant',
        duration_s: 3600,
      }),
    ]);
    expect(leftoverTables(db)).toEqual([]);
  });

  it('counts rows naming one use once', async () => {
    const row = 'phone,2026-03-03T10:00:00-05:00,alice@example.com,101,Alice,RingCentral for Windows,24.10,,outbound,Call connected,120,s1,';
    const ctx = await context(
      [
        HEADER,
        row,
        'phone,2026-03-03T11:00:00-05:00,bob@example.com,,Bob,RingCentral for Mac,24.10,,inbound,Missed,0,s2,',
        row,
        'message,2026-03-03T12:00:00Z,alice@example.com,,,Web,1,,,,,chat-1,',
        'message,2026-03-03T12:05:00Z,alice@example.com,,,Web,1,,,,,chat-1,',
      ].join('\n'),
    );

    const result = db.transaction(() => usageEventsCsv.load(ctx));

    expect(result.rowsRead).toBe(5);
    expect(result.rowsUsed).toBe(4);
    expect(result.notes).toEqual([
      'Merged 1 row into an earlier row naming the same use (same channel, user and session or meeting id); the report counts that use once.',
    ]);
  });

  it('reads the template and the documented example', async () => {
    const template = readFileSync(new URL('../../samples/usage-events-template.csv', import.meta.url), 'utf8');
    const docs = readFileSync(new URL('../../docs/usage-events.md', import.meta.url), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();

    for (const text of [template, example!]) {
      const ctx = await context(text);
      expect(usageEventsCsv.recognise(ctx.file)).toBe(true);
      const result = db.transaction(() => usageEventsCsv.load(ctx));
      expect(result.rowsUsed).toBe(text.trim().split('\n').length - 1);
    }
  });

  it('adds no note when every time has a zone', async () => {
    const ctx = await context(`${HEADER}\nphone,2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,\n`);
    expect(db.transaction(() => usageEventsCsv.load(ctx)).notes).toEqual([]);
  });
});

describe('usage-events-csv errors', () => {
  it.each([
    ['an unknown channel', 'sms,2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,', 'channel', 'sms', 'the channel is not one of message, video, phone'],
    ['a blank channel', ',2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,', 'channel', '', 'the channel is not one of message, video, phone'],
    ['a blank time', 'phone,,a@example.com,,,,,,,,,,', 'time', '', 'the row has no time'],
    ['an unreadable time', 'phone,4 March 2025,a@example.com,,,,,,,,,,', 'time', '4 March 2025', 'the time could not be read'],
    ['no user', 'phone,2025-03-04T09:14:07Z,,,Alice,,,,,,,,', 'user_email', '', 'the row names no user'],
    ['an unknown role', 'video,2025-03-04T09:14:07Z,a@example.com,,,,,guest,,,,,', 'role', 'guest', 'the role is not one of host, participant'],
    ['an unknown direction', 'phone,2025-03-04T09:14:07Z,a@example.com,,,,,,sideways,,,,', 'direction', 'sideways', 'the call direction is not Inbound, Outbound, Incoming or Outgoing'],
    ['an M:SS duration', 'phone,2025-03-04T09:14:07Z,a@example.com,,,,,,,,4:12,,', 'duration_seconds', '4:12', 'the duration could not be read'],
  ])('rejects %s', async (_case, row, column, value, problem) => {
    const good = 'phone,2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,';
    const error = await loadError(`${HEADER}\n${good}\n${good}\n${row}\n${good}\n`);

    expect(error.location).toEqual({ file: 'usage.csv', line: 4, column, value });
    expect(error.message).toContain(`usage.csv, line 4, column "${column}": ${problem} (value "${value}").`);
  });

  it('reports the earliest broken row across rules', async () => {
    const error = await loadError(
      `${HEADER}\nphone,2025-03-04T09:14:07Z,a@example.com,,,,,,,,4:12,,\nfax,2025-03-04T09:14:07Z,a@example.com,,,,,,,,,,\n`,
    );
    expect(error.location).toMatchObject({ line: 2, column: 'duration_seconds' });
  });

  it('leaves events empty when the last row is bad', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `phone,2025-03-04T09:${String(i).padStart(2, '0')}:00Z,a@example.com,,,,,,,,,,`);
    const ctx = await context(`${HEADER}\n${rows.join('\n')}\nphone,2025-03-04T25:00:00Z,a@example.com,,,,,,,,,,\n`);

    expect(() => db.transaction(() => usageEventsCsv.load(ctx))).toThrow(ImportError);
    expect(db.query('SELECT count(*)::INTEGER AS n FROM events')).toEqual([{ n: 0 }]);
    expect(leftoverTables(db)).toEqual([]);
  });
});
