import type { Font, Worksheet } from 'exceljs';
import { DATE_FORMAT, DATE_TIME_FORMAT, PERCENT_FORMAT, textCell, type CellSpec } from './cells';

/** A worksheet being written: the next free row and the width each column's content needs. */
export interface SheetWriter {
  worksheet: Worksheet;
  /** 1-based number of the next row to write. */
  nextRow: number;
  /** Needed width per column, in characters. Index 0 is column A. */
  widths: number[];
}

export interface RowOptions {
  bold?: boolean;
  /** False for a long note that may spill over empty neighbouring cells instead of widening its column. */
  measure?: boolean;
  /** Extra characters of width, such as room for an autoFilter drop-down button. */
  padding?: number;
}

const BOLD: Partial<Font> = { bold: true };
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const CELL_PADDING = 2;
const FILTER_BUTTON_WIDTH = 3;

export function createSheetWriter(worksheet: Worksheet): SheetWriter {
  return { worksheet, nextRow: 1, widths: [] };
}

/** Writes one row of cells from column A and returns its row number. */
export function addRow(writer: SheetWriter, cells: readonly CellSpec[], options: RowOptions = {}): number {
  const rowNumber = writer.nextRow;
  const row = writer.worksheet.getRow(rowNumber);

  cells.forEach((spec, index) => {
    const cell = row.getCell(index + 1);
    cell.value = spec.value;
    if (spec.numFmt !== undefined) cell.numFmt = spec.numFmt;
    if (options.bold === true) cell.font = BOLD;
    // Columns stop growing at MAX_WIDTH, so longer text (definitions, notes) wraps instead of running
    // under the next cells.
    if (typeof spec.value === 'string' && spec.value.length + CELL_PADDING > MAX_WIDTH) {
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
    if (options.measure !== false) {
      const width = displayWidth(spec) + CELL_PADDING + (options.padding ?? 0);
      writer.widths[index] = Math.max(writer.widths[index] ?? 0, width);
    }
  });

  writer.nextRow = rowNumber + 1;
  return rowNumber;
}

export function addBlankRow(writer: SheetWriter): void {
  writer.nextRow += 1;
}

/** The rows and columns a table occupies. */
export interface TableExtent {
  headerRow: number;
  lastRow: number;
  columnCount: number;
}

/**
 * Writes a bold header row and the data rows under it. A filterable table's header cells get room
 * for the drop-down button that `freezeAndFilter` makes Excel show.
 */
export function addTable(
  writer: SheetWriter,
  headers: readonly string[],
  rows: Iterable<readonly CellSpec[]>,
  options: { filterable?: boolean } = {},
): TableExtent {
  const headerCells = headers.map((header) => textCell(header));
  const padding = options.filterable === true ? FILTER_BUTTON_WIDTH : 0;
  const headerRow = addRow(writer, headerCells, { bold: true, padding });
  let lastRow = headerRow;
  for (const cells of rows) lastRow = addRow(writer, cells);
  return { headerRow, lastRow, columnCount: headers.length };
}

/** Freezes the sheet down to the table's header row and makes the table filterable. */
export function freezeAndFilter(writer: SheetWriter, table: TableExtent): void {
  writer.worksheet.views = [{ state: 'frozen', ySplit: table.headerRow }];
  writer.worksheet.autoFilter = {
    from: { row: table.headerRow, column: 1 },
    to: { row: table.lastRow, column: table.columnCount },
  };
}

/** Sets each column's width to fit its widest measured cell, between 6 and 60 characters. */
export function applyColumnWidths(writer: SheetWriter): void {
  writer.widths.forEach((width, index) => {
    writer.worksheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
  });
}

/** Estimates the characters a cell shows, without rendering it. */
function displayWidth(spec: CellSpec): number {
  const { value, numFmt } = spec;
  if (value === null) return 0;
  if (value instanceof Date) return numFmt === DATE_FORMAT ? DATE_FORMAT.length : DATE_TIME_FORMAT.length;
  if (typeof value === 'number') {
    if (numFmt === PERCENT_FORMAT) return (value * 100).toFixed(1).length + 1;
    return Number.isInteger(value) ? String(value).length : value.toFixed(2).length;
  }
  let widest = 0;
  for (const line of value.split('\n')) widest = Math.max(widest, line.length);
  return widest;
}
