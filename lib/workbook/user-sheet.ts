import type { Workbook as ExcelWorkbook } from 'exceljs';
import type { ChannelReport, UserRow } from '../engine/types';
import type { CellSpec } from './cells';
import { addUniqueWorksheet, partSheetName } from './sheet-names';
import type { DeferredRows } from './row-xml';
import { addHeaderRow, applyColumnWidths, createSheetWriter, deferRows, freezeAndFilter } from './sheet-writer';
import { userColumns, type UserColumn } from './user-columns';

/** Excel's maximum number of rows in a sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
// NOTE: overflow was tested with small limits only. A table near this limit was not tried. By an
// estimate of 470 bytes a row, its sheet part would be about 500 MB of XML before compression.

/**
 * Adds the User Table as one or more sheets: `<baseName>`, then `<baseName> (2)`, `(3)`... when the
 * users do not fit in `maxRowsPerSheet` rows (header included). Each sheet repeats the header,
 * frozen and filterable. A report without users still gets one sheet with the header.
 * The header is an exceljs row. The users' rows are returned as deferred rows, which the caller
 * passes to `writeXlsx`, because exceljs's cell model made a 100,000-row table slow to write.
 */
export function addUserSheets(
  workbook: ExcelWorkbook,
  baseName: string,
  report: ChannelReport,
  maxRowsPerSheet: number = EXCEL_MAX_ROWS,
): DeferredRows[] {
  if (!Number.isInteger(maxRowsPerSheet) || maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
    throw new RangeError(
      `Invalid maxRowsPerSheet ${maxRowsPerSheet}: expected an integer from 2 (a header and one user) to ${EXCEL_MAX_ROWS}.`,
    );
  }
  const columns = userColumns(report.channel);
  const headers = columns.map((column) => column.header);
  const usersPerSheet = maxRowsPerSheet - 1;

  const deferred: DeferredRows[] = [];
  let part = 1;
  let first = 0;
  do {
    const worksheet = addUniqueWorksheet(workbook, partSheetName(baseName, part));
    const writer = createSheetWriter(worksheet);
    const headerRow = addHeaderRow(writer, headers, { filterable: true });
    const start = first;
    const rows = deferRows(writer, () => userRowCells(report.users, columns, start, start + usersPerSheet));
    freezeAndFilter(writer, { headerRow, lastRow: writer.nextRow - 1, columnCount: headers.length });
    applyColumnWidths(writer);
    deferred.push(rows);

    part += 1;
    first += usersPerSheet;
  } while (first < report.users.length);
  return deferred;
}

// A generator, so the cell specs of a million-row sheet are never all in memory at once. deferRows
// measures them, and writeXlsx renders them, a row at a time.
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
