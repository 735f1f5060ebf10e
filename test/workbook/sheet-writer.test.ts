import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { DATE_FORMAT, DECIMAL_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from '../../lib/workbook/cells';
import { addRow, addTable, createSheetWriter } from '../../lib/workbook/sheet-writer';
import { readBack } from './read-back';

describe('addRow', () => {
  test('wraps text longer than a column may grow', () => {
    const writer = createSheetWriter(new ExcelJS.Workbook().addWorksheet('KPIs'));
    const row = addRow(writer, [{ value: 'Calls' }, { value: 'x'.repeat(200) }]);
    expect(writer.worksheet.getRow(row).getCell(1).alignment).toBeUndefined();
    expect(writer.worksheet.getRow(row).getCell(2).alignment).toEqual({ wrapText: true, vertical: 'top' });
  });

  test('wraps text with a line break', () => {
    const writer = createSheetWriter(new ExcelJS.Workbook().addWorksheet('Users'));
    const row = addRow(writer, [{ value: 'Alice\nSmith' }, { value: 'Alice Smith' }]);
    expect(writer.worksheet.getRow(row).getCell(1).alignment).toEqual({ wrapText: true, vertical: 'top' });
    expect(writer.worksheet.getRow(row).getCell(2).alignment).toBeUndefined();
  });

  test('same-kind cells share frozen style', () => {
    const writer = createSheetWriter(new ExcelJS.Workbook().addWorksheet('Users'));
    const first = addRow(writer, [{ value: 1.5, numFmt: DECIMAL_FORMAT }, { value: 'a' }]);
    const second = addRow(writer, [{ value: 2.5, numFmt: DECIMAL_FORMAT }, { value: 'b' }]);
    const cell = (row: number, column: number) => writer.worksheet.getRow(row).getCell(column);
    expect(cell(first, 1).style).toBe(cell(second, 1).style);
    expect(cell(first, 2).style).toBe(cell(second, 2).style);
    expect(() => {
      cell(first, 1).numFmt = PERCENT_FORMAT;
    }).toThrow(TypeError);
    expect(cell(second, 1).numFmt).toBe(DECIMAL_FORMAT);
  });

  test('read back keeps types and formats', async () => {
    const workbook = new ExcelJS.Workbook();
    const writer = createSheetWriter(workbook.addWorksheet('Users'));
    const day = new Date(Date.UTC(2025, 2, 4));
    addTable(
      writer,
      ['Name', 'Extension', 'Calls', 'Minutes', 'Share', 'Last used', 'Empty'],
      [1, 2].map((index) => [
        { value: `User ${index}` },
        { value: `00${index}`, numFmt: TEXT_FORMAT },
        { value: index },
        { value: index + 0.25, numFmt: DECIMAL_FORMAT },
        { value: index / 4, numFmt: PERCENT_FORMAT },
        { value: day, numFmt: DATE_FORMAT },
        { value: null },
      ]),
    );
    const read = (await readBack(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet('Users')!;

    for (let column = 1; column <= 6; column += 1) expect(read.getRow(1).getCell(column).font?.bold).toBe(true);
    for (const row of [2, 3]) {
      const cells = [1, 2, 3, 4, 5, 6, 7].map((column) => read.getRow(row).getCell(column));
      expect(cells.map((cell) => cell.type)).toEqual([
        ExcelJS.ValueType.String,
        ExcelJS.ValueType.String,
        ExcelJS.ValueType.Number,
        ExcelJS.ValueType.Number,
        ExcelJS.ValueType.Number,
        ExcelJS.ValueType.Date,
        ExcelJS.ValueType.Null,
      ]);
      expect(cells.map((cell) => cell.numFmt)).toEqual([
        undefined,
        TEXT_FORMAT,
        undefined,
        DECIMAL_FORMAT,
        PERCENT_FORMAT,
        DATE_FORMAT,
        undefined,
      ]);
      expect(cells.map((cell) => cell.font?.bold)).toEqual(Array(7).fill(undefined));
    }
    expect(read.getRow(3).getCell(6).value).toEqual(day);
  });
});
