import type ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { Channel, ChannelReport, UserRow } from '../../lib/engine/types';
import { buildChannelWorkbook } from '../../lib/workbook/channel-workbook';
import { CHANNEL_LABELS } from '../../lib/workbook/channel-labels';
import { buildCombinedWorkbook } from '../../lib/workbook/combined-workbook';
import { createExcelWorkbook } from '../../lib/workbook/workbook-file';
import { addUserSheetsAsCells } from './exceljs-user-sheet';
import { channelReport, GENERATED_AT, wallClock, workbookRequest } from './fixtures';
import { readBack, sheet, sheetNames, zipTextEntries } from './read-back';
import { xmlErrors } from './xml-check';

const CHANNELS: Channel[] = ['phone', 'video', 'message'];

/** Users whose text needs escaping or cleaning, added to the fixture's five. */
function awkwardUsers(channel: Channel): UserRow[] {
  const base = channelReport(channel).users[0] as UserRow;
  return [
    { ...base, userName: 'Ben & Jerry <QA>', userEmail: '"quoted"@example.com', department: "O'Brien's team", site: ']]>' },
    { ...base, userName: 'Zoë 😀 日本', userExtension: '0007', endpoint: 'Bell\u0007 phone', version: 'v\uD83D1' },
    { ...base, userName: 'Long note', department: `Department ${'with a long name '.repeat(5)}`, lastUsed: wallClock(2026, 3, 8, 23, 59, 59) },
    { ...base, userName: '', userEmail: '', usageCount: 0, channelCount: 0, channelShare: 0, lastUsed: null, endpoint: '', version: '' },
  ];
}

function report(channel: Channel): ChannelReport {
  const fixture = channelReport(channel);
  return { ...fixture, users: [...fixture.users, ...awkwardUsers(channel)] };
}

/** Writes the User Table sheets by exceljs's own path, cells and `writeBuffer`, and reads them back. */
async function readExcelJsUserTable(channel: Channel, maxRowsPerSheet: number, baseName = 'User Table'): Promise<ExcelJS.Workbook> {
  const workbook = createExcelWorkbook(GENERATED_AT);
  addUserSheetsAsCells(workbook, baseName, report(channel), maxRowsPerSheet);
  return readBack(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function buildProduct(channel: Channel, maxRowsPerSheet: number) {
  return buildChannelWorkbook({ report: report(channel), request: workbookRequest(channel), productVersion: '0.1.0', maxRowsPerSheet });
}

/** Checks that two sheets read back alike: every cell, the column widths, the frozen header and the filter. */
function expectSameSheet(got: ExcelJS.Worksheet, want: ExcelJS.Worksheet): void {
  const name = want.name;
  expect(got.rowCount, name).toBe(want.rowCount);
  expect(got.columnCount, name).toBe(want.columnCount);
  expect(cellDescriptions(got), name).toEqual(cellDescriptions(want));
  expect(got.columns.map((column) => column.width), name).toEqual(want.columns.map((column) => column.width));
  expect(got.views, name).toEqual(want.views);
  expect(got.autoFilter, name).toEqual(want.autoFilter);
  expect(got.dimensions.range, name).toBe(want.dimensions.range);
}

/** Describes every cell of a sheet as read back: value, type and the style parts the workbook sets. */
function cellDescriptions(worksheet: ExcelJS.Worksheet): object[] {
  const cells: object[] = [];
  for (let row = 1; row <= worksheet.rowCount; row += 1) {
    for (let column = 1; column <= worksheet.columnCount; column += 1) {
      const cell = worksheet.getCell(row, column);
      const value = cell.value instanceof Date ? cell.value.getTime() : cell.value;
      cells.push({ address: cell.address, value, type: cell.type, numFmt: cell.numFmt, font: cell.font, alignment: cell.alignment });
    }
  }
  return cells;
}

describe('User Table', () => {
  test.each([
    ['phone', 1_048_576],
    ['video', 1_048_576],
    ['message', 4],
  ] as const)('%s matches exceljs cell by cell (rows per sheet %i)', async (channel, maxRowsPerSheet) => {
    const expected = await readExcelJsUserTable(channel, maxRowsPerSheet);
    const written = await readBack((await buildProduct(channel, maxRowsPerSheet)).bytes);
    const userTables = sheetNames(expected);
    expect(sheetNames(written).slice(2)).toEqual(userTables);

    for (const name of userTables) expectSameSheet(sheet(written, name), sheet(expected, name));
  });

  test('combined workbook matches exceljs cell by cell', async () => {
    const { channel: _channel, ...request } = workbookRequest('phone');
    const built = await buildCombinedWorkbook({ reports: CHANNELS.map(report), request, productVersion: '0.1.0', maxRowsPerSheet: 5 });
    const written = await readBack(built.bytes);
    for (const channel of CHANNELS) {
      const baseName = `${CHANNEL_LABELS[channel].page} User Table`;
      const expected = await readExcelJsUserTable(channel, 5, baseName);
      expect(sheetNames(expected)).toHaveLength(3);
      for (const name of sheetNames(expected)) expectSameSheet(sheet(written, name), sheet(expected, name));
    }
  });

  test('awkward text reads back cleaned', async () => {
    const userTable = sheet(await readBack((await buildProduct('phone', 1_048_576)).bytes), 'User Table');
    expect(userTable.getCell('A7').value).toBe('Ben & Jerry <QA>');
    expect(userTable.getCell('C7').value).toBe('"quoted"@example.com');
    expect(userTable.getCell('F7').value).toBe("O'Brien's team");
    expect(userTable.getCell('G7').value).toBe(']]>');
    expect(userTable.getCell('A8').value).toBe('Zoë 😀 日本');
    expect(userTable.getCell('H8').value).toBe('Bell phone');
    expect(userTable.getCell('I8').value).toBe('v\uFFFD1');
    expect(userTable.getCell('F9').alignment).toEqual({ wrapText: true, vertical: 'top' });
    expect(userTable.getCell('A10').value).toBeNull();
  });

  test('every part is well-formed XML', async () => {
    const entries = zipTextEntries((await buildProduct('video', 4)).bytes);
    expect(entries.has('xl/worksheets/sheet5.xml')).toBe(true);
    for (const [name, xml] of entries) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(xmlErrors(xml), name).toEqual([]);
    }
  });
});
