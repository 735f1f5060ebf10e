import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { EngineApi, LoadOutcome } from '../../lib/engine/api';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import { FORMATS } from '../../lib/formats/index';
import { DOWNLOAD_KPIS, downloadFeedsNote, ringcentralAdoptionWorkbook } from '../../lib/formats/ringcentral-adoption-workbook';
import { channelKpis } from '../../lib/report/kpi-files';
import { general, half, KPIS, phoneTable, SHARED, VIDEO_HEADER, wall, workbook, type Input, type SheetSpec } from '../support/adoption-workbooks';
import { leftoverTables } from './events-table';
import { sniffBytes } from './helpers';

let db: Database;
let engine: EngineApi<Input>;
beforeEach(async () => {
  db = await openNodeDatabase();
  engine = createEngine<Input>({
    database: Promise.resolve(db),
    toSource: (input) => bytesSource(input.name, input.bytes),
    productVersion: 'test',
  });
});
afterEach(() => {
  db.bindings.reset();
});

function totals(): Record<string, unknown>[] {
  return db.query(
    `SELECT file_id, file_name, sheet, source_line, channel, strftime(period_from, '%Y-%m-%d') AS period_from,
            strftime(period_to, '%Y-%m-%d') AS period_to, time_zone, user_name, user_extension, user_email, status,
            user_status, department, site, endpoint, version, strftime(last_used_wall, '%Y-%m-%d %H:%M:%S') AS last_used,
            usage_count, channel_count, host_count, participant_count
     FROM usage_totals ORDER BY file_id, sheet, source_line`,
  );
}

function failure(outcome: LoadOutcome | undefined): string {
  expect(outcome?.ok).toBe(false);
  return outcome !== undefined && !outcome.ok ? outcome.error.message : '';
}

describe('ringcentral-adoption-workbook recognise', () => {
  test('finds the User Table behind General metrics', async () => {
    const file = await sniffBytes('Phone.xlsx', (await half('Phone.xlsx', '2026-01-01', '2026-06-30')).bytes);
    expect(ringcentralAdoptionWorkbook.recognise(file)).toBe(true);
    expect(FORMATS.find((format) => format.recognise(file))).toBe(ringcentralAdoptionWorkbook);
  });

  test.each([
    ['a header without a channel column', SHARED],
    ['a header with two channel columns', [...SHARED, 'Number of Calls', 'Number of Meets']],
    ['a header missing Usage Count', [...SHARED.slice(0, 10), 'Number of Calls']],
  ])('ignores %s', async (_, header) => {
    const input = await workbook('other.xlsx', [{ name: 'Sheet1', rows: [header, ['Alice', '101']] }]);
    expect(ringcentralAdoptionWorkbook.recognise(await sniffBytes(input.name, input.bytes))).toBe(false);
  });

  test('ignores a users list workbook', async () => {
    const input = await workbook('users.xlsx', [{ name: 'Users', rows: [['Name', 'Ext', 'Email', 'Status'], ['Alice', '101', 'a@x.com', 'Enabled']] }]);
    expect(ringcentralAdoptionWorkbook.recognise(await sniffBytes(input.name, input.bytes))).toBe(false);
  });
});

describe('ringcentral-adoption-workbook load', () => {
  test('reads the rows and the period', async () => {
    const [outcome] = await engine.loadFiles({ files: [await half('h1.xlsx', '2026-01-01', '2026-06-30')] });
    expect(outcome?.ok).toBe(true);
    expect(totals()).toEqual([
      {
        file_id: 1, file_name: 'h1.xlsx', sheet: 'User Table', source_line: 2, channel: 'phone',
        period_from: '2026-01-01', period_to: '2026-06-30', time_zone: 'America/New_York',
        user_name: 'Alice Adams', user_extension: '101', user_email: 'alice@example.com', status: 'Frequent',
        user_status: 'Active', department: 'Sales', site: 'Boston', endpoint: 'Desk phone', version: '6.4.3',
        last_used: '2026-03-02 09:15:00', usage_count: 3, channel_count: 4, host_count: null, participant_count: null,
      },
      {
        file_id: 1, file_name: 'h1.xlsx', sheet: 'User Table', source_line: 3, channel: 'phone',
        period_from: '2026-01-01', period_to: '2026-06-30', time_zone: 'America/New_York',
        user_name: 'Alice Adams', user_extension: '101', user_email: 'alice@example.com', status: 'Frequent',
        user_status: 'Active', department: 'Sales', site: 'Boston', endpoint: 'RingCentral app for Windows', version: '24.10',
        last_used: '2026-03-03 10:00:00', usage_count: 1, channel_count: 4, host_count: null, participant_count: null,
      },
      {
        file_id: 1, file_name: 'h1.xlsx', sheet: 'User Table', source_line: 5, channel: 'phone',
        period_from: '2026-01-01', period_to: '2026-06-30', time_zone: 'America/New_York',
        user_name: 'Bob Brown', user_extension: '007', user_email: 'bob@example.com', status: 'Never',
        user_status: 'Inactive', department: 'Support', site: 'Denver', endpoint: null, version: null,
        last_used: null, usage_count: 0, channel_count: 0, host_count: null, participant_count: null,
      },
    ]);
  });

  test('summarises what the file can feed', async () => {
    const [outcome] = await engine.loadFiles({ files: [await half('h1.xlsx', '2026-01-01', '2026-06-30')] });
    expect(outcome?.ok).toBe(true);
    expect(outcome?.ok && outcome.summary).toMatchObject({
      formatId: 'ringcentral-adoption-workbook',
      channels: ['phone'],
      rowsRead: 3,
      rowsUsed: 3,
      firstDate: '2026-01-01',
      lastDate: '2026-06-30',
    });
    const notes = outcome?.ok ? outcome.summary.notes : [];
    expect(notes).toContain('Read "User Table" as the Phone totals of 2026-01-01 to 2026-06-30.');
    expect(notes).toContain(
      'Its Phone rows are totals per user and endpoint over the whole period, so they feed Users, Active users, ' +
        'Active rate, Inactive users, Uses per active user, Top endpoints, Calls per active user per week, the User Table ' +
        'and the Department, Site and Endpoint breakdowns. They cannot feed Active days per active user, Calls, Inbound, ' +
        'Outbound, Internal, Answered inbound, Missed inbound, Sent to voicemail, Abandoned, Other results, Talk minutes, ' +
        'Average call length, Status over several downloads, or the weekly and daily trends: those show as not available.',
    );
  });

  test.each(['phone', 'video', 'message'] as const)('%s feeds note matches the KPI files', (channel) => {
    const kpis = channelKpis(channel);
    const note = downloadFeedsNote(channel);
    const [fedPart = '', unfedPart = ''] = note.split(' They cannot feed ');
    for (const kpi of kpis) {
      // A KPI with downloads SQL is in the note's first half, and one without it in the second.
      expect(kpi.downloadsSql === null ? unfedPart : fedPart, kpi.id).toContain(kpi.label);
    }
    expect(DOWNLOAD_KPIS[channel].fed.length + DOWNLOAD_KPIS[channel].unfed.length + 7).toBe(kpis.length);
  });

  test('loads each channel of a combined workbook', async () => {
    const video: SheetSpec = {
      name: 'Video User Table',
      rows: [
        VIDEO_HEADER,
        ['Carol Chen', '103', 'carol@example.com', 'Regular', 'Active', 'Sales', 'Boston', 'Room', '', wall('2026-02-02T11:00:00'), 5, 4, 1, 1, 3],
      ],
    };
    const input = await workbook('All.xlsx', [
      general(wall('2026-01-01T00:00:00'), wall('2026-06-30T23:59:59'), 'UTC'),
      { ...KPIS, name: 'Phone KPIs' },
      phoneTable('Phone User Table'),
      { ...KPIS, name: 'Video KPIs' },
      video,
    ]);
    const [outcome] = await engine.loadFiles({ files: [input] });
    expect(outcome?.ok).toBe(true);
    expect(outcome?.ok && outcome.summary.channels).toEqual(['phone', 'video']);
    const rows = totals();
    expect(rows.map((row) => [row.sheet, row.channel])).toEqual([
      ['Phone User Table', 'phone'],
      ['Phone User Table', 'phone'],
      ['Phone User Table', 'phone'],
      ['Video User Table', 'video'],
    ]);
    expect(rows[3]).toMatchObject({ usage_count: 5, channel_count: 4, host_count: 1, participant_count: 3 });
  });

  test('reads text dates as RingCentral may write them', async () => {
    const table = phoneTable();
    table.rows[1]![9] = '3/2/2026 2:05 PM';
    table.rows[2]![9] = '2026-03-03 10:00';
    const [outcome] = await engine.loadFiles({ files: [await workbook('text.xlsx', [general('1/1/2026', '2026-06-30'), table])] });
    expect(outcome?.ok).toBe(true);
    expect(totals().map((row) => [row.period_from, row.period_to, row.time_zone, row.last_used])).toEqual([
      ['2026-01-01', '2026-06-30', null, '2026-03-02 14:05:00'],
      ['2026-01-01', '2026-06-30', null, '2026-03-03 10:00:00'],
      ['2026-01-01', '2026-06-30', null, null],
    ]);
    expect(outcome?.ok && outcome.summary.notes).toContain(
      'The workbook names no time zone, so its period and Last Used times are read as days and wall-clock times of the report time zone.',
    );
  });

  test('rejects a User Table without a period', async () => {
    const [outcome] = await engine.loadFiles({ files: [await workbook('no-period.xlsx', [KPIS, phoneTable()])] });
    expect(failure(outcome)).toBe(
      'no-period.xlsx: sheet "User Table" is a User Table, but the workbook has no General metrics sheet with From time and To time rows, so its period is unknown. ' +
        'Load the workbook as downloaded from RingCentral (with its General metrics sheet), or load the raw exports instead: the call log, the meeting history or the messaging export.',
    );
    expect(totals()).toEqual([]);
  });

  test.each([
    ['Usage Count', 10, 'many', 'line 2, column "Usage Count": the Usage Count cell of sheet "User Table" is not a whole number of zero or more (value "many")'],
    ['Usage Count', 10, '', 'line 2, column "Usage Count": the Usage Count cell of sheet "User Table" is empty, but the row names the endpoint "Desk phone" (value "")'],
    ['Number of Calls', 11, -1, 'line 2, column "Number of Calls": the Number of Calls cell of sheet "User Table" is not a whole number of zero or more (value "-1")'],
    ['Last Used', 9, 'yesterday', 'line 2, column "Last Used": the Last Used cell of sheet "User Table" is not a date and time (value "yesterday")'],
  ])('rejects an invalid %s cell', async (_, index, value, message) => {
    const table = phoneTable();
    table.rows[1]![index] = value;
    const [outcome] = await engine.loadFiles({ files: [await workbook('bad.xlsx', [general('2026-01-01', '2026-06-30'), table])] });
    expect(failure(outcome)).toContain(`bad.xlsx, ${message}.`);
    expect(totals()).toEqual([]);
  });

  test('loads two halves of a year', async () => {
    const outcomes = await engine.loadFiles({
      files: [await half('h1.xlsx', '2026-01-01', '2026-06-30'), await half('h2.xlsx', '2026-07-01', '2026-12-31')],
    });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(await engine.dataRange({ channel: 'phone', timeZone: 'UTC' })).toEqual({ channel: 'phone', first: '2026-01-01', last: '2026-12-31' });
  });

  test('rejects an overlapping download whole', async () => {
    const outcomes = await engine.loadFiles({
      files: [await half('h1.xlsx', '2026-01-01', '2026-06-30'), await half('q2.xlsx', '2026-04-01', '2026-07-31')],
    });
    expect(outcomes[0]?.ok).toBe(true);
    expect(failure(outcomes[1])).toBe(
      'q2.xlsx: its Phone period 2026-04-01 to 2026-07-31 overlaps h1.xlsx (2026-01-01 to 2026-06-30), loaded before, ' +
        'and adding up both would count the shared days twice. Remove one of the two files, or download periods that do not overlap and drop those.',
    );
    expect(new Set(totals().map((row) => row.file_name))).toEqual(new Set(['h1.xlsx']));
    // The engine keeps its time-zone table between calls; no staging table of the file may remain.
    // The time zone's tables are kept for the next load or report in that zone.
    expect(leftoverTables(db).filter((name) => !['tz_offsets', 'tz_wall_changes'].includes(name))).toEqual([]);
    expect((await engine.listFiles()).map((file) => file.fileName)).toEqual(['h1.xlsx']);
  });

  test('rejects the same download twice', async () => {
    const first = await half('h1.xlsx', '2026-01-01', '2026-06-30');
    const outcomes = await engine.loadFiles({ files: [first, { ...first, name: 'h1 (1).xlsx' }] });
    expect(failure(outcomes[1])).toContain('h1 (1).xlsx: its Phone period 2026-01-01 to 2026-06-30 overlaps h1.xlsx (2026-01-01 to 2026-06-30)');
  });

  test('loads a download again after its twin is removed', async () => {
    const [outcome] = await engine.loadFiles({ files: [await half('h1.xlsx', '2026-01-01', '2026-06-30')] });
    await engine.removeFile({ fileId: outcome?.ok ? outcome.summary.fileId : 0 });
    expect(totals()).toEqual([]);
    const [again] = await engine.loadFiles({ files: [await half('h1b.xlsx', '2026-01-01', '2026-06-30')] });
    expect(again?.ok).toBe(true);
  });
});
