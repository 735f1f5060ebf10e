import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../lib/engine/types';
import { CUT_NOTE, DATE_FORMAT, DATE_TIME_FORMAT, MAX_CELL_TEXT_LENGTH, PERCENT_FORMAT, TEXT_FORMAT } from '../../lib/workbook/cells';
import { buildChannelWorkbook } from '../../lib/workbook/channel-workbook';
import { NO_DIRECTORY_NOTE, SOURCE_HEADERS } from '../../lib/workbook/general-sheet';
import { NO_TREND_FROM_DOWNLOADS } from '../../lib/workbook/kpi-sheet';
import { COUNT_FORMAT, MINUTES_FORMAT } from '../../lib/workbook/kpi-formats';
import {
  channelReport,
  DST_GAP_LAST_USED,
  GENERATED_AT,
  LONG_DEPARTMENT,
  PERIOD,
  TIME_ZONE,
  wallClock,
  workbookRequest,
} from './fixtures';
import { readBack, rowValues, sheet, sheetNames, zipTextEntries } from './read-back';

const { ValueType } = ExcelJS;

const SHARED_HEADERS = [
  'User Name',
  'User Extension',
  'User Email',
  'Status',
  'User Status',
  'Department',
  'Site',
  'Endpoint',
  'Version',
  'Last Used',
  'Usage Count',
];

const CHANNEL_HEADERS: Record<Channel, string[]> = {
  phone: [...SHARED_HEADERS, 'Number of Calls', 'Percent of Calls'],
  video: [...SHARED_HEADERS, 'Number of Meets', 'Percent of Meets', 'Host Count', 'Participant Count'],
  message: [...SHARED_HEADERS, 'Number of Messages', 'Percent of Messages'],
};

async function build(channel: Channel, options: { maxRowsPerSheet?: number; hasDirectory?: boolean } = {}) {
  const report = channelReport(channel, { hasDirectory: options.hasDirectory ?? true });
  return buildChannelWorkbook({
    report,
    request: workbookRequest(channel),
    productVersion: '0.1.0',
    maxRowsPerSheet: options.maxRowsPerSheet,
  });
}

async function buildAndRead(channel: Channel, options: { maxRowsPerSheet?: number; hasDirectory?: boolean } = {}) {
  return readBack((await build(channel, options)).bytes);
}

describe('buildChannelWorkbook', () => {
  it('names the file after channel and period', async () => {
    expect((await build('phone')).fileName).toBe('Phone_Adoption_and_Usage_2026-03-02_to_2026-03-08.xlsx');
    expect((await build('video')).fileName).toBe('Video_Adoption_and_Usage_2026-03-02_to_2026-03-08.xlsx');
    expect((await build('message')).fileName).toBe('Message_Adoption_and_Usage_2026-03-02_to_2026-03-08.xlsx');
  });

  it('writes three sheets in order', async () => {
    const workbook = await buildAndRead('phone');
    expect(sheetNames(workbook)).toEqual(['General metrics', 'KPIs', 'User Table']);
  });

  it('stamps document dates with generatedAt', async () => {
    const workbook = await buildAndRead('phone');
    expect(workbook.created.getTime()).toBe(GENERATED_AT);
    expect(workbook.modified.getTime()).toBe(GENERATED_AT);
  });

  it.each(['phone', 'video', 'message'] as const)('user table headers for %s', async (channel) => {
    const userTable = sheet(await buildAndRead(channel), 'User Table');
    expect(rowValues(userTable, 1)).toEqual(CHANNEL_HEADERS[channel]);
  });

  it('rejects a report for another channel', async () => {
    const attempt = buildChannelWorkbook({
      report: channelReport('video'),
      request: workbookRequest('phone'),
      productVersion: '0.1.0',
    });
    await expect(attempt).rejects.toThrow(/video channel, but the workbook request is for phone/);
  });

  it('rejects a report for another period', async () => {
    const attempt = buildChannelWorkbook({
      report: channelReport('phone', { period: { from: '2026-03-01', to: '2026-03-08' } }),
      request: workbookRequest('phone'),
      productVersion: '0.1.0',
    });
    await expect(attempt).rejects.toThrow(/covers 2026-03-01 to 2026-03-08, but the workbook request covers 2026-03-02/);
  });

  it('rejects a non-finite count', async () => {
    const report = channelReport('phone');
    report.weekly = [{ weekStart: '2026-03-02', weekEnd: '2026-03-08', activeUsers: Number.NaN, volume: 1 }];
    const attempt = buildChannelWorkbook({ report, request: workbookRequest('phone'), productVersion: '0.1.0' });
    await expect(attempt).rejects.toThrow(/Invalid number NaN for a workbook cell/);
  });
});

describe('General metrics sheet', () => {
  it('writes label and value rows', async () => {
    const general = sheet(await buildAndRead('phone'), 'General metrics');
    expect(rowValues(general, 1)).toEqual(['User name', 'Dana Admin']);
    expect(rowValues(general, 2)).toEqual(['User Extension', '0100']);
    expect(rowValues(general, 3)).toEqual(['Download page name', 'Phone']);
    expect(general.getCell('A4').value).toBe('From time');
    expect(general.getCell('A5').value).toBe('To time');
    expect(rowValues(general, 6)).toEqual(['Time zone', TIME_ZONE]);
    expect(general.getCell('A7').value).toBe('Generated at');
    expect(rowValues(general, 8)).toEqual(['Product version', '0.1.0']);
  });

  it('writes period ends as wall-clock dates', async () => {
    const general = sheet(await buildAndRead('phone'), 'General metrics');
    const from = general.getCell('B4');
    const to = general.getCell('B5');
    expect(from.type).toBe(ValueType.Date);
    expect((from.value as Date).getTime()).toBe(wallClock(2026, 3, 2, 0, 0, 0));
    expect(from.numFmt).toBe(DATE_TIME_FORMAT);
    expect(to.type).toBe(ValueType.Date);
    expect((to.value as Date).getTime()).toBe(wallClock(2026, 3, 8, 23, 59, 59));
    expect(to.numFmt).toBe(DATE_TIME_FORMAT);
  });

  it('writes generation time in the report zone', async () => {
    const generated = sheet(await buildAndRead('phone'), 'General metrics').getCell('B7');
    expect(generated.type).toBe(ValueType.Date);
    expect((generated.value as Date).getTime()).toBe(wallClock(2026, 3, 9, 15, 5, 30));
    expect(generated.numFmt).toBe(DATE_TIME_FORMAT);
  });

  it('keeps the author extension as text', async () => {
    const extension = sheet(await buildAndRead('phone'), 'General metrics').getCell('B2');
    expect(extension.type).toBe(ValueType.String);
    expect(extension.numFmt).toBe(TEXT_FORMAT);
  });

  it('lists one row per source file', async () => {
    const general = sheet(await buildAndRead('phone'), 'General metrics');
    expect(general.getRow(9).cellCount).toBe(0);
    expect(rowValues(general, 10)).toEqual(SOURCE_HEADERS);
    expect(general.getCell('A10').font?.bold).toBe(true);

    const first = general.getRow(11);
    expect(first.getCell(1).value).toBe('users.csv');
    expect(first.getCell(2).value).toBe('RingCentral users list (CSV)');
    expect(first.getCell(3).type).toBe(ValueType.Number);
    expect(first.getCell(3).value).toBe(120);
    expect(first.getCell(4).value).toBe(118);
    expect((first.getCell(5).value as Date).getTime()).toBe(wallClock(2026, 3, 1));
    expect(first.getCell(5).numFmt).toBe(DATE_FORMAT);
    expect((first.getCell(6).value as Date).getTime()).toBe(wallClock(2026, 3, 8));
    expect(first.getCell(7).value).toBe('2 lines were skipped: no user. Times without a zone were read in Europe/Berlin.');
    expect(general.getCell('A12').value).toBe('phone-log.csv');
    expect(general.getRow(13).cellCount).toBe(0);
  });

  it('omits the inactive-users note with a directory', async () => {
    const general = sheet(await buildAndRead('phone'), 'General metrics');
    expect(general.rowCount).toBe(12);
  });

  it('notes unknown inactive users without a directory', async () => {
    const general = sheet(await buildAndRead('phone', { hasDirectory: false }), 'General metrics');
    expect(general.rowCount).toBe(14);
    expect(general.getCell('A14').value).toBe(NO_DIRECTORY_NOTE);
  });
});

describe('workbook of a report from downloads', () => {
  it('writes a KPI without a value as an empty cell with its reason', async () => {
    const report = channelReport('phone');
    report.kpis = [{ id: 'calls', label: 'Calls', value: null, unit: 'calls', definition: 'Distinct calls.', unavailable: 'Not from downloads.' }];
    const book = await buildChannelWorkbook({ report, request: workbookRequest('phone'), productVersion: '0.1.0' });
    const kpis = sheet(await readBack(book.bytes), 'KPIs');
    expect(kpis.getCell('B2').type).toBe(ValueType.Null);
    expect(kpis.getCell('D2').value).toBe('Distinct calls. Not from downloads.');
  });

  it('says why the weekly trend is empty', async () => {
    const report = channelReport('phone', { basis: 'downloads', weekly: [] });
    const book = await buildChannelWorkbook({ report, request: workbookRequest('phone'), productVersion: '0.1.0' });
    const kpis = sheet(await readBack(book.bytes), 'KPIs');
    const weekHeader = kpis.getRows(1, kpis.rowCount)!.find((row) => row.getCell(1).value === 'Week start')!;
    expect(kpis.getRow(weekHeader.number + 1).getCell(1).value).toBe(NO_TREND_FROM_DOWNLOADS);
  });

  it('lists the report notes on General metrics', async () => {
    const report = channelReport('phone', { notes: ['h3.xlsx is left out.'] });
    const book = await buildChannelWorkbook({ report, request: workbookRequest('phone'), productVersion: '0.1.0' });
    const general = sheet(await readBack(book.bytes), 'General metrics');
    expect(general.rowCount).toBe(14);
    expect(general.getCell('A14').value).toBe('h3.xlsx is left out.');
  });
});

describe('KPIs sheet', () => {
  it('writes the KPI table with typed values', async () => {
    const kpis = sheet(await buildAndRead('phone'), 'KPIs');
    expect(rowValues(kpis, 1)).toEqual(['KPI', 'Value', 'Unit', 'Definition']);

    expect(rowValues(kpis, 2)).toEqual(['Users', 5, 'users', 'People in the population.']);
    expect(kpis.getCell('B2').type).toBe(ValueType.Number);
    expect(kpis.getCell('B2').numFmt).toBe(COUNT_FORMAT);

    expect(kpis.getCell('B3').value).toBe(0.8);
    expect(kpis.getCell('B3').numFmt).toBe(PERCENT_FORMAT);

    expect(kpis.getCell('B4').value).toBe(123.5);
    expect(kpis.getCell('B4').type).toBe(ValueType.Number);
    expect(kpis.getCell('B4').numFmt).toBe(MINUTES_FORMAT);

    expect(kpis.getCell('B5').type).toBe(ValueType.String);
    expect(kpis.getCell('B5').value).toBe('RingCentral app for Windows, Desk phone');

    expect(kpis.getCell('A6').value).toBe('Average call length');
    expect(kpis.getCell('B6').type).toBe(ValueType.Null);
  });

  it('freezes and filters the KPI header', async () => {
    const kpis = sheet(await buildAndRead('phone'), 'KPIs');
    expect(kpis.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(kpis.autoFilter).toBe('A1:D6');
    for (const column of [1, 2, 3, 4]) expect(kpis.getRow(1).getCell(column).font?.bold).toBe(true);
  });

  it('writes the weekly trend after a blank row', async () => {
    const kpis = sheet(await buildAndRead('phone'), 'KPIs');
    expect(kpis.getRow(7).cellCount).toBe(0);
    expect(rowValues(kpis, 8)).toEqual(['Week start', 'Week end', 'Active users', 'Calls']);
    const week = kpis.getRow(9);
    expect(week.getCell(1).type).toBe(ValueType.Date);
    expect((week.getCell(1).value as Date).getTime()).toBe(wallClock(2026, 3, 2));
    expect(week.getCell(1).numFmt).toBe(DATE_FORMAT);
    expect((week.getCell(2).value as Date).getTime()).toBe(wallClock(2026, 3, 8));
    expect(week.getCell(3).value).toBe(4);
    expect(week.getCell(4).value).toBe(20);
  });

  it('writes the three breakdowns', async () => {
    const kpis = sheet(await buildAndRead('video'), 'KPIs');
    expect(kpis.getCell('A11').value).toBe('By Department');
    expect(rowValues(kpis, 12)).toEqual(['Name', 'Active users', 'Meets']);
    expect(rowValues(kpis, 13)).toEqual(['Sales', 3, 19]);
    expect(rowValues(kpis, 14)).toEqual(['=HYPERLINK("x")', 1, 1]);
    expect(kpis.getCell('A14').formula).toBeUndefined();
    expect(kpis.getCell('A16').value).toBe('By Site');
    expect(rowValues(kpis, 18)).toEqual(['Berlin', 4, 20]);
    expect(kpis.getCell('A20').value).toBe('By Endpoint');
    expect(rowValues(kpis, 21)).toEqual(['Name', 'Active users', 'Meets']);
    expect(rowValues(kpis, 22)).toEqual(['RingCentral app for Windows', 3, 16]);
    expect(rowValues(kpis, 23)).toEqual(['Desk phone', 1, 4]);
    expect(kpis.rowCount).toBe(23);
  });
});

describe('User Table sheet', () => {
  it('freezes and filters the header', async () => {
    const userTable = sheet(await buildAndRead('phone'), 'User Table');
    expect(userTable.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(userTable.autoFilter).toBe('A1:M6');
    for (let column = 1; column <= 13; column += 1) expect(userTable.getRow(1).getCell(column).font?.bold).toBe(true);
  });

  it('writes a plain user with typed cells', async () => {
    const row = sheet(await buildAndRead('phone'), 'User Table').getRow(2);
    expect(row.getCell(1).value).toBe('Alice Archer');
    expect(row.getCell(2).type).toBe(ValueType.String);
    expect(row.getCell(2).value).toBe('0042');
    expect(row.getCell(2).numFmt).toBe(TEXT_FORMAT);
    expect(row.getCell(3).value).toBe('alice@example.com');
    expect(row.getCell(4).value).toBe('Frequent');
    expect(row.getCell(5).value).toBe('Active');
    expect(row.getCell(8).value).toBe('RingCentral app for Windows');
    expect(row.getCell(9).type).toBe(ValueType.String);
    expect(row.getCell(9).value).toBe('24.10');
    expect(row.getCell(10).type).toBe(ValueType.Date);
    expect((row.getCell(10).value as Date).getTime()).toBe(wallClock(2026, 3, 6, 17, 45));
    expect(row.getCell(10).numFmt).toBe(DATE_TIME_FORMAT);
    expect(row.getCell(11).type).toBe(ValueType.Number);
    expect(row.getCell(11).value).toBe(12);
    expect(row.getCell(12).type).toBe(ValueType.Number);
    expect(row.getCell(12).value).toBe(12);
    expect(row.getCell(13).type).toBe(ValueType.Number);
    expect(row.getCell(13).value).toBe(0.6);
    expect(row.getCell(13).numFmt).toBe(PERCENT_FORMAT);
  });

  it('keeps a wall-clock time in a DST gap', async () => {
    const lastUsed = sheet(await buildAndRead('phone'), 'User Table').getCell('J3');
    expect(lastUsed.type).toBe(ValueType.Date);
    expect((lastUsed.value as Date).getTime()).toBe(DST_GAP_LAST_USED);
  });

  it('stores formula-like text as strings', async () => {
    const row = sheet(await buildAndRead('phone'), 'User Table').getRow(3);
    const expected: [number, string][] = [
      [1, '=SUM(A1)'],
      [3, '@attacker.example'],
      [6, '+cmd'],
      [7, '-2+3'],
      [9, '\tv1'],
    ];
    for (const [column, text] of expected) {
      const cell = row.getCell(column);
      expect(cell.type, `column ${column}`).toBe(ValueType.String);
      expect(cell.value, `column ${column}`).toBe(text);
      expect(cell.formula, `column ${column}`).toBeUndefined();
    }
  });

  it('writes no formula into the file', async () => {
    const entries = zipTextEntries((await build('phone')).bytes);
    const sheetFiles = [...entries.keys()].filter((name) => name.startsWith('xl/worksheets/sheet'));
    expect(sheetFiles).toHaveLength(3);
    for (const name of sheetFiles) expect(entries.get(name), name).not.toMatch(/<f[\s>]/);
    expect(entries.get('xl/sharedStrings.xml')).toContain('<t>=SUM(A1)</t>');
  });

  it('removes control characters', async () => {
    const name = sheet(await buildAndRead('phone'), 'User Table').getCell('A4');
    expect(name.value).toBe('Bob Builder');
  });

  it('cuts text over 32,767 characters', async () => {
    const department = sheet(await buildAndRead('phone'), 'User Table').getCell('F5');
    const text = department.value as string;
    expect(text).toHaveLength(MAX_CELL_TEXT_LENGTH);
    expect(text.endsWith(CUT_NOTE)).toBe(true);
    expect(text.startsWith(LONG_DEPARTMENT.slice(0, MAX_CELL_TEXT_LENGTH - CUT_NOTE.length))).toBe(true);
  });

  it('writes an inactive user with empty cells', async () => {
    const row = sheet(await buildAndRead('phone'), 'User Table').getRow(6);
    expect(row.getCell(1).value).toBe('Ivan Idle');
    expect(row.getCell(4).value).toBe('Never');
    expect(row.getCell(5).value).toBe('Inactive');
    expect(row.getCell(8).type).toBe(ValueType.Null);
    expect(row.getCell(9).type).toBe(ValueType.Null);
    expect(row.getCell(10).type).toBe(ValueType.Null);
    expect(row.getCell(11).value).toBe(0);
    expect(row.getCell(12).value).toBe(0);
    expect(row.getCell(13).value).toBe(0);
  });

  it('writes video host and participant counts', async () => {
    const userTable = sheet(await buildAndRead('video'), 'User Table');
    expect(rowValues(userTable, 2).slice(11)).toEqual([12, 0.6, 5, 7]);
    expect(userTable.getCell('N2').type).toBe(ValueType.Number);
    expect(userTable.getCell('O2').type).toBe(ValueType.Number);
    expect(userTable.autoFilter).toBe('A1:O6');
  });

  it('fits column widths to content', async () => {
    const userTable = sheet(await buildAndRead('phone'), 'User Table');
    expect(userTable.getColumn(6).width).toBe(60);
    expect(userTable.getColumn(2).width).toBeGreaterThanOrEqual('User Extension'.length);
    expect(userTable.getColumn(8).width).toBeGreaterThanOrEqual('RingCentral app for Windows'.length);
    expect(userTable.getColumn(8).width).toBeLessThan(40);
  });

  it('continues on numbered sheets past the row limit', async () => {
    const workbook = await buildAndRead('phone', { maxRowsPerSheet: 3 });
    expect(sheetNames(workbook)).toEqual(['General metrics', 'KPIs', 'User Table', 'User Table (2)', 'User Table (3)']);

    const names: unknown[] = [];
    for (const name of ['User Table', 'User Table (2)', 'User Table (3)']) {
      const part = sheet(workbook, name);
      expect(rowValues(part, 1), name).toEqual(CHANNEL_HEADERS.phone);
      expect(part.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (let row = 2; row <= part.rowCount; row += 1) names.push(part.getCell(row, 1).value);
    }
    expect(sheet(workbook, 'User Table').rowCount).toBe(3);
    expect(sheet(workbook, 'User Table (3)').rowCount).toBe(2);
    expect(sheet(workbook, 'User Table (3)').autoFilter).toBe('A1:M2');
    expect(names).toEqual(['Alice Archer', '=SUM(A1)', 'Bob Builder', 'Carol Long', 'Ivan Idle']);
  });

  it('fills exactly the row limit on one sheet', async () => {
    const workbook = await buildAndRead('phone', { maxRowsPerSheet: 6 });
    expect(sheetNames(workbook)).toEqual(['General metrics', 'KPIs', 'User Table']);
  });

  it('rejects a row limit below two', async () => {
    await expect(build('phone', { maxRowsPerSheet: 1 })).rejects.toThrow(/Invalid maxRowsPerSheet 1/);
  });

  it('writes the header alone without users', async () => {
    const report = channelReport('message', { users: [] });
    const built = await buildChannelWorkbook({ report, request: workbookRequest('message'), productVersion: '0.1.0' });
    const userTable = sheet(await readBack(built.bytes), 'User Table');
    expect(rowValues(userTable, 1)).toEqual(CHANNEL_HEADERS.message);
    expect(userTable.rowCount).toBe(1);
    expect(userTable.autoFilter).toBe('A1:M1');
  });
});

describe('workbook period checks', () => {
  it('rejects a period day that is not a date', async () => {
    const request = { ...workbookRequest('phone'), period: { from: '2026-02-30', to: PERIOD.to } };
    const report = channelReport('phone', { period: request.period });
    const attempt = buildChannelWorkbook({ report, request, productVersion: '0.1.0' });
    await expect(attempt).rejects.toThrow(/Invalid day "2026-02-30"/);
  });
});
