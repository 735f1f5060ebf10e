import ExcelJS, { type Style, type Worksheet } from 'exceljs';
import type { CellSpec } from './cells';
import { sharedStyle, wrapsText } from './sheet-writer';

/**
 * Rows of a worksheet that `writeXlsx` renders as SpreadsheetML itself, after the rows exceljs holds.
 * exceljs 4.4.0 builds a cell object and a cell model for every cell before rendering it, which took
 * most of the time of a 100,000-row User Table. See `deferRows`.
 */
export interface DeferredRows {
  worksheet: Worksheet;
  /** 1-based number of the first row. */
  firstRow: number;
  /** Returns the cells of each row from column A; called again for every workbook written. */
  rows: () => Iterable<readonly CellSpec[]>;
}

/** The parts of exceljs 4.4.0's prepared workbook model (`XLSX.prepareModel`) that number strings and styles. */
export interface CellRegistry {
  /** The workbook's shared string table: `add` returns the index of a string, adding it if new. */
  sharedStrings: { add(text: string): number };
  /** The workbook's styles: `addStyleModel` returns the id of a cell format (`xf`), adding it if new. */
  styles: { addStyleModel(style: Partial<Style>, cellType: ExcelJS.ValueType): number };
  /** True for the workbook's 1904 date system, in which serial day 0 is 1904-01-01. */
  date1904: boolean;
}

/** The rows and columns that the written cells cover, 1-based. */
export interface CellExtent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RowsXml {
  /**
   * `<row>` elements, to be placed in order inside the worksheet's `<sheetData>`. In chunks of up to
   * `ROWS_PER_CHUNK` rows, because a million rows would make one string of about 500 MB, near V8's
   * maximum string length of 2^29 - 24 characters on 64-bit platforms.
   */
  chunks: string[];
  /** Null when no row has a cell. */
  extent: CellExtent | null;
}

const ROWS_PER_CHUNK = 4096;
const MS_PER_DAY = 24 * 3600 * 1000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days from the 1900 date system's serial 0 to the 1904 system's. */
const DATE_1904_OFFSET = 1462;

/**
 * Renders deferred rows as exceljs 4.4.0's `RowXform` and `CellXform` render the same cells written
 * by `addRow`. Text becomes a shared string (`t="s"`), numbers and dates become numbers with the same
 * style ids, and an empty cell without a number format gets no element. No text reaches this XML,
 * so nothing here needs escaping, because exceljs escapes the shared strings when it renders them.
 */
export function renderRowsXml(deferred: DeferredRows, registry: CellRegistry): RowsXml {
  const styleIds = new Map<Partial<Style>, number>();
  const chunks: string[] = [];
  let chunkRows: string[] = [];
  let extent: CellExtent | null = null;
  let rowNumber = deferred.firstRow - 1;

  for (const cells of deferred.rows()) {
    rowNumber += 1;
    let cellsXml = '';
    let left = 0;
    let right = 0;
    for (let index = 0; index < cells.length; index += 1) {
      const cellXml = renderCell(cells[index] as CellSpec, `${columnLetters(index)}${rowNumber}`, registry, styleIds);
      if (cellXml === '') continue;
      cellsXml += cellXml;
      if (left === 0) left = index + 1;
      right = index + 1;
    }
    // exceljs writes no row element for a row without cells.
    if (cellsXml === '') continue;

    chunkRows.push(`<row r="${rowNumber}" spans="${left}:${right}" x14ac:dyDescent="0.25">${cellsXml}</row>`);
    if (chunkRows.length === ROWS_PER_CHUNK) {
      chunks.push(chunkRows.join(''));
      chunkRows = [];
    }
    if (extent === null) extent = { top: rowNumber, left, bottom: rowNumber, right };
    extent.left = Math.min(extent.left, left);
    extent.right = Math.max(extent.right, right);
    extent.bottom = rowNumber;
  }
  if (chunkRows.length > 0) chunks.push(chunkRows.join(''));
  return { chunks, extent };
}

function renderCell(spec: CellSpec, address: string, registry: CellRegistry, styleIds: Map<Partial<Style>, number>): string {
  const { value } = spec;
  if (value === null && spec.numFmt === undefined) return '';

  const style = sharedStyle(spec, false, wrapsText(value));
  let styleId = styleIds.get(style);
  if (styleId === undefined) {
    styleId = registry.styles.addStyleModel(style, valueType(spec));
    styleIds.set(style, styleId);
  }
  // exceljs leaves out the attribute for style 0, the workbook's default format.
  const styleAttribute = styleId === 0 ? '' : ` s="${styleId}"`;

  if (value === null) return `<c r="${address}"${styleAttribute}/>`;
  if (typeof value === 'string') return `<c r="${address}"${styleAttribute} t="s"><v>${registry.sharedStrings.add(value)}</v></c>`;
  if (typeof value === 'number') return `<c r="${address}"${styleAttribute}><v>${value}</v></c>`;
  return `<c r="${address}"${styleAttribute}><v>${excelSerial(value, registry.date1904)}</v></c>`;
}

function valueType(spec: CellSpec): ExcelJS.ValueType {
  const { value } = spec;
  if (value === null) return ExcelJS.ValueType.Null;
  if (typeof value === 'string') return ExcelJS.ValueType.String;
  if (typeof value === 'number') return ExcelJS.ValueType.Number;
  return ExcelJS.ValueType.Date;
}

/** Converts a date to an Excel serial day number with exceljs 4.4.0's formula (`utils.dateToExcel`), so the digits match. */
function excelSerial(date: Date, date1904: boolean): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
}

const letters: string[] = [];

/** Returns the letters of a 0-based column index: 0 is `A`, 25 is `Z`, 26 is `AA`. */
export function columnLetters(index: number): string {
  let cached = letters[index];
  if (cached === undefined) {
    cached = '';
    for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
      cached = String.fromCharCode(65 + ((rest - 1) % 26)) + cached;
    }
    letters[index] = cached;
  }
  return cached;
}
