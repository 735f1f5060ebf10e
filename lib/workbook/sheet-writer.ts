import type { Alignment, Font, Style, Worksheet } from 'exceljs';
import { DATE_FORMAT, DATE_TIME_FORMAT, PERCENT_FORMAT, textCell, type CellSpec, type CellValue } from './cells';
import type { DeferredRows } from './row-xml';

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

const BOLD: Partial<Font> = Object.freeze({ bold: true });
const WRAP: Partial<Alignment> = Object.freeze({ wrapText: true, vertical: 'top' });
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
  if (options.measure !== false) measureRow(writer, cells, options.padding ?? 0);

  const bold = options.bold === true;
  cells.forEach((spec, index) => {
    // exceljs writes no element for an empty cell without a style, so leaving it out gives the same
    // sheet and saves creating an exceljs cell.
    if (spec.value === null && spec.numFmt === undefined && !bold) return;

    const cell = row.getCell(index + 1);
    cell.value = spec.value;
    cell.style = sharedStyle(spec, bold, wrapsText(spec.value));
  });

  writer.nextRow = rowNumber + 1;
  return rowNumber;
}

/**
 * Reserves rows from the next free row for cells that `writeXlsx` renders as XML itself, instead of
 * exceljs cells, and measures their widths now. `rows` is iterated twice: here and when the
 * workbook is written. The rows get no bold and the same styles as `addRow` gives.
 */
export function deferRows(writer: SheetWriter, rows: () => Iterable<readonly CellSpec[]>): DeferredRows {
  const firstRow = writer.nextRow;
  for (const cells of rows()) {
    measureRow(writer, cells, 0);
    writer.nextRow += 1;
  }
  return { worksheet: writer.worksheet, firstRow, rows };
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
  const headerRow = addHeaderRow(writer, headers, options);
  let lastRow = headerRow;
  for (const cells of rows) lastRow = addRow(writer, cells);
  return { headerRow, lastRow, columnCount: headers.length };
}

/** Writes a table's bold header row, as `addTable` does, and returns its row number. */
export function addHeaderRow(writer: SheetWriter, headers: readonly string[], options: { filterable?: boolean } = {}): number {
  const headerCells = headers.map((header) => textCell(header));
  const padding = options.filterable === true ? FILTER_BUTTON_WIDTH : 0;
  return addRow(writer, headerCells, { bold: true, padding });
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

/** Widens the needed width of each column to fit its cell in `cells`, plus `padding` characters. */
function measureRow(writer: SheetWriter, cells: readonly CellSpec[], padding: number): void {
  cells.forEach((spec, index) => {
    const width = displayWidth(spec) + CELL_PADDING + padding;
    writer.widths[index] = Math.max(writer.widths[index] ?? 0, width);
  });
}

/**
 * Tells whether a cell's text wraps. Columns stop growing at MAX_WIDTH, so longer text (definitions,
 * notes) wraps instead of running under the next cells. Text with a line break wraps too, because
 * Excel shows the break only in a wrapping cell.
 */
export function wrapsText(value: CellValue): boolean {
  return typeof value === 'string' && (value.includes('\n') || value.length + CELL_PADDING > MAX_WIDTH);
}

/** Shared styles by number format (`''` for none), then by value kind, bold and wrap (see `styleSlot`). */
const styles = new Map<string, Partial<Style>[]>();

/**
 * Returns one frozen style object per combination of value kind, number format, bold and wrap.
 * exceljs looks a cell's style up by object identity before serialising it, so cells sharing an
 * object cost one lookup each. With a style object per cell, exceljs serialised every cell's style. The value kind is part of the key because exceljs picks the default number format of
 * an unformatted cell by its type, and caches that choice with the object. Frozen, so setting a
 * property on one cell's style throws instead of changing every cell that shares it.
 */
export function sharedStyle(spec: CellSpec, bold: boolean, wrap: boolean): Partial<Style> {
  const { value, numFmt } = spec;
  // Called for every cell, so the key is a number format that is already a string and a small index,
  // instead of a string built per cell.
  let byKind = styles.get(numFmt ?? '');
  if (byKind === undefined) {
    byKind = [];
    styles.set(numFmt ?? '', byKind);
  }
  const slot = styleSlot(value, bold, wrap);
  let style = byKind[slot];
  if (style === undefined) {
    const built: Partial<Style> = {};
    if (numFmt !== undefined) built.numFmt = numFmt;
    if (bold) built.font = BOLD;
    if (wrap) built.alignment = WRAP;
    style = Object.freeze(built);
    byKind[slot] = style;
  }
  return style;
}

/** Indexes a style by value kind (null, string, number, date), bold and wrap. */
function styleSlot(value: CellValue, bold: boolean, wrap: boolean): number {
  let kind = 3;
  if (value === null) kind = 0;
  else if (typeof value === 'string') kind = 1;
  else if (typeof value === 'number') kind = 2;
  return kind * 4 + (bold ? 2 : 0) + (wrap ? 1 : 0);
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
  if (!value.includes('\n')) return value.length;
  let widest = 0;
  for (const line of value.split('\n')) widest = Math.max(widest, line.length);
  return widest;
}
