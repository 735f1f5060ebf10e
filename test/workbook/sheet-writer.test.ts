import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { addRow, createSheetWriter } from '../../lib/workbook/sheet-writer';

describe('addRow', () => {
  test('wraps text longer than a column may grow', () => {
    const writer = createSheetWriter(new ExcelJS.Workbook().addWorksheet('KPIs'));
    const row = addRow(writer, [{ value: 'Calls' }, { value: 'x'.repeat(200) }]);
    expect(writer.worksheet.getRow(row).getCell(1).alignment).toBeUndefined();
    expect(writer.worksheet.getRow(row).getCell(2).alignment).toEqual({ wrapText: true, vertical: 'top' });
  });
});
