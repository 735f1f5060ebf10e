import type ExcelJS from 'exceljs';
import type { ChannelReport } from '../../lib/engine/types';
import type { CellSpec } from '../../lib/workbook/cells';
import { addUniqueWorksheet, partSheetName } from '../../lib/workbook/sheet-names';
import { addTable, applyColumnWidths, createSheetWriter, freezeAndFilter } from '../../lib/workbook/sheet-writer';
import { userColumns } from '../../lib/workbook/user-columns';

/**
 * Adds the User Table as exceljs cells, as `addUserSheets` did before it deferred the users' rows:
 * the reference that the deferred rows' XML is compared with.
 */
export function addUserSheetsAsCells(workbook: ExcelJS.Workbook, baseName: string, report: ChannelReport, maxRowsPerSheet: number): void {
  const columns = userColumns(report.channel);
  const headers = columns.map((column) => column.header);
  const usersPerSheet = maxRowsPerSheet - 1;
  let part = 1;
  let first = 0;
  do {
    const writer = createSheetWriter(addUniqueWorksheet(workbook, partSheetName(baseName, part)));
    const rows: CellSpec[][] = report.users.slice(first, first + usersPerSheet).map((user) => columns.map((column) => column.cell(user)));
    const table = addTable(writer, headers, rows, { filterable: true });
    freezeAndFilter(writer, table);
    applyColumnWidths(writer);
    part += 1;
    first += usersPerSheet;
  } while (first < report.users.length);
}
