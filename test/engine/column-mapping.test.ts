import { beforeEach, describe, expect, test } from 'vitest';
import type { LoadOutcome } from '../../lib/engine/api';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import type { ColumnMapping } from '../../lib/engine/types';
import { fromPlainError, UnrecognisedFileError } from '../../lib/errors';
import { mappingProblems } from '../../lib/formats/mapping-rules';
import { readEvents } from '../formats/events-table';

interface TextFile {
  name: string;
  text: string;
}

const USAGE_EVENTS: TextFile = {
  name: 'usage.csv',
  text: [
    'channel,time,user_email,user_extension,user_name,endpoint,version,role,direction,result,duration_seconds,session_id,meeting_id',
    'video,2025-03-04T09:14:07Z,alice@example.com,101,Alice Smith,RingCentral for Windows,24.10,host,,,2700,s-1,m-1',
    'phone,3/4/2025 9:20:00 AM,,007,Bob,Desk phone,1.2.30,,incoming,Accepted,252,sess-9,',
  ].join('\n'),
};

/** The same two uses as USAGE_EVENTS, as another system might export them. */
const OTHER_SYSTEM: TextFile = {
  name: 'other-system.csv',
  text: [
    'Report of client sessions',
    'Started;Mail;Ext;Person;Kind;App;Build;Meeting role;Way;Outcome;Seconds;Call;Meeting',
    'video;2025-03-04T09:14:07Z;alice@example.com;101;Alice Smith;RingCentral for Windows;24.10;host;;;2700;s-1;m-1',
    'phone;3/4/2025 9:20:00 AM;;007;Bob;Desk phone;1.2.30;;incoming;Accepted;252;sess-9;',
  ].join('\n'),
};

const OTHER_HEADER = ['Started', 'Mail', 'Ext', 'Person', 'Kind', 'App', 'Build', 'Meeting role', 'Way', 'Outcome', 'Seconds', 'Call', 'Meeting'];

// The file's first column contains the channel and its second the time. The header names are shifted, as in
// a hand-made export, so a mapping by name alone would read the wrong column.
const OTHER_MAPPING: ColumnMapping = {
  header: OTHER_HEADER,
  columns: {
    channel: 'Started',
    time: 'Mail',
    user_email: 'Ext',
    user_extension: 'Person',
    user_name: 'Kind',
    endpoint: 'App',
    version: 'Build',
    role: 'Meeting role',
    direction: 'Way',
    result: 'Outcome',
    duration_seconds: 'Seconds',
    session_id: 'Call',
    meeting_id: 'Meeting',
  },
  savedOn: '2026-12-04',
};

let database: Promise<Database>;
let engine: ReturnType<typeof createEngine<TextFile>>;

beforeEach(() => {
  database = openNodeDatabase().then((db) => db);
  engine = createEngine<TextFile>({
    database,
    toSource: (file) => bytesSource(file.name, new TextEncoder().encode(file.text)),
    productVersion: 'test',
  });
});

function failure(outcome: LoadOutcome | undefined): Error {
  if (outcome === undefined || outcome.ok) throw new Error('the load did not fail');
  return fromPlainError(outcome.error);
}

/** Events without the columns that differ between two files by design (the file id). */
async function loadedEvents(): Promise<Record<string, unknown>[]> {
  return readEvents(await database).map(({ file_id: _fileId, ...row }) => row);
}

describe('column mapping in the engine', () => {
  test('unknown CSV fails with its header', async () => {
    const [outcome] = await engine.loadFiles({ files: [OTHER_SYSTEM] });

    const error = failure(outcome);
    expect(error).toBeInstanceOf(UnrecognisedFileError);
    const table = (error as UnrecognisedFileError).table;
    expect(table.columns).toEqual(OTHER_HEADER);
    expect(table.samples).toHaveLength(2);
    expect(table.samples[0]?.[1]).toBe('2025-03-04T09:14:07Z');
    expect(error.message).toContain('other-system.csv: the file is not an export Adoption Lens recognises');
    expect(error.message).toContain('--map FIELD=COLUMN');
  });

  test('mapped file gives the usage-events rows', async () => {
    const [usage] = await engine.loadFiles({ files: [USAGE_EVENTS] });
    expect(usage?.ok).toBe(true);
    const expected = await loadedEvents();
    await engine.reset();

    const [mapped] = await engine.loadFiles({ files: [OTHER_SYSTEM], mappings: [OTHER_MAPPING] });

    expect(mapped?.ok).toBe(true);
    // The mapped file has a title line, so each row sits one line lower.
    const shifted = expected.map((row) => ({ ...row, source_line: (row.source_line as number) + 1 }));
    expect(await loadedEvents()).toEqual(shifted);
    expect(expected).toHaveLength(2);
  });

  test('summary names the saved mapping', async () => {
    const [outcome] = await engine.loadFiles({ files: [OTHER_SYSTEM], mappings: [OTHER_MAPPING] });

    if (!outcome?.ok) throw new Error('the load failed');
    expect(outcome.summary.formatId).toBe('usage-events-csv');
    expect(outcome.summary.formatLabel).toBe('Usage events (CSV), columns mapped by hand');
    expect(outcome.summary.notes).toContainEqual(
      expect.stringMatching(/^Read as usage events with the column mapping saved on 2026-12-04 for this header: channel from "Started", time from "Mail"/),
    );
  });

  test('mapping for another header is ignored', async () => {
    const other = { ...OTHER_MAPPING, header: [...OTHER_HEADER].reverse() };

    const [outcome] = await engine.loadFiles({ files: [OTHER_SYSTEM], mappings: [other] });

    expect(failure(outcome)).toBeInstanceOf(UnrecognisedFileError);
  });

  test('one channel for the whole file', async () => {
    const file = { name: 'meetings.csv', text: 'When,Who,Client\n2025-03-04T09:14:07Z,alice@example.com,Web\n' };
    const mapping: ColumnMapping = {
      header: ['When', 'Who', 'Client'],
      columns: { time: 'When', user_email: 'Who', endpoint: 'Client' },
      channel: 'video',
    };

    const [outcome] = await engine.loadFiles({ files: [file], mappings: [mapping] });

    if (!outcome?.ok) throw new Error('the load failed');
    expect(outcome.summary.channels).toEqual(['video']);
    expect(outcome.summary.notes[0]).toContain('the column mapping given for this load: channel video on every row, time from "When"');
    const [event] = await loadedEvents();
    expect(event).toMatchObject({ channel: 'video', user_email: 'alice@example.com', endpoint_raw: 'Web', source_line: 2 });
  });

  test('bad mapped value names file, line, column', async () => {
    const text = OTHER_SYSTEM.text.replace('3/4/2025 9:20:00 AM', 'yesterday');

    const [outcome] = await engine.loadFiles({ files: [{ name: 'other-system.csv', text }], mappings: [OTHER_MAPPING] });

    const error = failure(outcome);
    expect(error.name).toBe('MappedFileError');
    expect(error.message).toMatch(/^other-system\.csv, line 4, column "Mail": .*\(value "yesterday"\)/);
    expect(error.message).toContain('the column mapping saved on 2026-12-04 for the columns Started, Mail,');
    expect(readEvents(await database)).toEqual([]);
  });

  test('bad channel for mapped column', async () => {
    const text = OTHER_SYSTEM.text.replace('phone;', 'fax;');

    const [outcome] = await engine.loadFiles({ files: [{ name: 'other-system.csv', text }], mappings: [OTHER_MAPPING] });

    expect(failure(outcome).message).toMatch(/^other-system\.csv, line 4, column "Started": the channel is not one of message, video, phone \(value "fax"\)/);
  });

  test('invalid mapping is rejected', async () => {
    const invalid: ColumnMapping = { header: OTHER_HEADER, columns: { time: 'Mail', endpoint: 'App' } };

    const [outcome] = await engine.loadFiles({ files: [OTHER_SYSTEM], mappings: [invalid] });

    const message = failure(outcome).message;
    expect(message).toContain('other-system.csv: the column mapping is invalid.');
    expect(message).toContain('one channel for the whole file');
    expect(message).toContain("user's e-mail address or extension number");
  });
});

describe('mappingProblems', () => {
  const header = ['A', 'B', 'C', 'D'];

  test.each<[string, ColumnMapping, string[]]>([
    ['complete', { header, columns: { channel: 'A', time: 'B', user_extension: 'C', endpoint: 'D' } }, []],
    ['constant channel', { header, columns: { time: 'B', user_email: 'C', endpoint: 'D' }, channel: 'phone' }, []],
    ['no time', { header, columns: { channel: 'A', user_email: 'C', endpoint: 'D' } }, ['Choose the column that holds the time of each use.']],
    ['no endpoint', { header, columns: { channel: 'A', time: 'B', user_email: 'C' } }, ['Choose the column that holds the endpoint (the client application).']],
    ['name only', { header, columns: { channel: 'A', time: 'B', user_name: 'C', endpoint: 'D' } }, ["Choose the column that holds the user's e-mail address or extension number."]],
    ['unknown column', { header, columns: { channel: 'A', time: 'B', user_email: 'E', endpoint: 'D' } }, ['The column "E" chosen for user_email is not in the file\'s header.']],
  ])('%s', (_case, mapping, expected) => {
    expect(mappingProblems(mapping)).toEqual(expected);
  });
});
