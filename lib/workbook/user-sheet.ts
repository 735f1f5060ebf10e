import type { Workbook as ExcelWorkbook } from 'exceljs';
import type { ChannelReport, UserRow } from '../engine/types';
import type { CellSpec } from './cells';
import { addUniqueWorksheet, partSheetName } from './sheet-names';
import { addTable, applyColumnWidths, createSheetWriter, freezeAndFilter } from './sheet-writer';
import { userColumns, type UserColumn } from './user-columns';

/** Excel's maximum number of rows in a sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
// NOTE: overflow was tested with small limits only. exceljs 4.4.0's in-memory writer took about
// 2.1 GB for 200,000 rows of 15 columns in a Chromium worker, so a table near this limit may not fit in memory.

/**
 * Adds the User Table as one or more sheets: `<baseName>`, then `<baseName> (2)`, `(3)`... when the
 * users do not fit in `maxRowsPerSheet` rows (header included). Each sheet repeats the header,
 * frozen and filterable. A report without users still gets one sheet with the header.
 */
export function addUserSheets(
  workbook: ExcelWorkbook,
  baseName: string,
  report: ChannelReport,
  maxRowsPerSheet: number = EXCEL_MAX_ROWS,
): void {
  if (!Number.isInteger(maxRowsPerSheet) || maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
    throw new RangeError(
      `Invalid maxRowsPerSheet ${maxRowsPerSheet}: expected an integer from 2 (a header and one user) to ${EXCEL_MAX_ROWS}.`,
    );
  }
  const columns = userColumns(report.channel);
  const headers = columns.map((column) => column.header);
  const usersPerSheet = maxRowsPerSheet - 1;

  let part = 1;
  let first = 0;
  do {
    const worksheet = addUniqueWorksheet(workbook, partSheetName(baseName, part));
    const writer = createSheetWriter(worksheet);
    const rows = userRowCells(report.users, columns, first, first + usersPerSheet);
    const table = addTable(writer, headers, rows, { filterable: true });
    freezeAndFilter(writer, table);
    applyColumnWidths(writer);

    part += 1;
    first += usersPerSheet;
  } while (first < report.users.length);
}

// A generator, so the cell specs of a million-row sheet are not all held in memory beside exceljs's own cells.
function* userRowCells(
  users: readonly UserRow[],
  columns: readonly UserColumn[],
  start: number,
  end: number,
): Generator<CellSpec[]> {
  for (let index = start; index < Math.min(end, users.length); index += 1) {
    const user = users[index] as UserRow;
    yield columns.map((column) => column.cell(user));
  }
}
