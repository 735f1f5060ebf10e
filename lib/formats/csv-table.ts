import { plural } from '../plural';
import { columnsToIpc } from '../engine/arrow-ipc';
import type { Database } from '../engine/database';
import type { Source } from '../engine/source';
import { ImportError } from '../errors';
import { readerError, recordMismatchError, recordProblemError, type CsvFileLines } from './csv-errors';
import type { LoadContext, SniffedFile } from './format';
import { RECORD_STRIDE, type RecordScan } from './record-scan';
import { quoteIdentifier } from './staged-rows';

export interface CsvTableOptions {
  /** Noun for the file's rows in the note on lines below the data, such as "calls". */
  rowNoun?: string;
}

/** Blank lines named one by one in the note. More are only counted. */
const BLANK_LINES_NAMED = 5;

/**
 * Reads the context's delimited file into a temporary all-text table and returns its name. Every column
 * is VARCHAR (a type sniffer would turn extensions such as `007` into numbers), and `source_line` is the
 * line where the data record starts in the file (the row number in a worksheet).
 *
 * The record scan made during sniffing decides what DuckDB reads. A scan problem (a line with the wrong
 * number of fields, a broken quote) fails the file before DuckDB reads it. Lines below the data that
 * have fewer fields (totals, notes) are cut off and named in a note, as are blank lines among the data.
 * DuckDB must then find the same records as the scan; if it does not, the file fails. Every error is an
 * `ImportError` naming the file, and the line where one is known.
 */
export function readCsvTable(context: LoadContext, options: CsvTableOptions = {}): string {
  const name = `raw_${context.fileId}`;
  readCsvInto(context, name, (records) => `SELECT * FROM ${records}`, options);
  return name;
}

/**
 * Reads the context's delimited file as `readCsvTable` does, but straight into the temporary table
 * `name` made by `select`, which receives the records as a parenthesised subquery with the columns of
 * `readCsvTable`'s table. The table must keep one row per record and its `source_line`, by which the
 * records are checked. A format that keeps only some columns, typed, skips the all-text copy of every
 * column, which took 491 MiB for a call log of 1,000,000 calls (DuckDB-WASM 1.32.0 under Node).
 */
export function readCsvInto(context: LoadContext, name: string, select: (records: string) => string, options: CsvTableOptions = {}): void {
  readCsvParts(context, name, select, () => {}, { ...options, partRecords: Number.POSITIVE_INFINITY });
}

/** Records per part when `readCsvParts` reads a file: 1,048,576. */
export const PART_RECORDS = 1024 * RECORD_STRIDE;

export interface CsvPartOptions extends CsvTableOptions {
  /** Records per part: `PART_RECORDS` unless given, a multiple of `RECORD_STRIDE` (tests lower it). */
  partRecords?: number;
}

/**
 * Reads the context's delimited file as `readCsvInto` does, in parts of `partRecords` records: each
 * part replaces the table `name`, and `usePart` runs after each, in file order. DuckDB keeps what a
 * statement writes uncompressed until it commits, so a table of 5,000,000 calls did not fit in
 * DuckDB-WASM's memory in one statement. A part is the file's bytes from one record to the next part.
 */
export function readCsvParts(
  context: LoadContext,
  name: string,
  select: (records: string) => string,
  usePart: () => void,
  options: CsvPartOptions = {},
): void {
  const { parts, lines } = planCsvParts(context, options);
  for (const part of parts) {
    readCsvPart(context, name, select, part, lines);
    usePart();
    // A part copied into memory (see `pathSource`) is released before the next one is read.
    if (parts.length > 1) context.db.bindings.dropFiles([partAlias(context.fileId, part)]);
  }
}

/** Records `first` to `first + count - 1` of a file, stored in bytes `[startByte, endByte)`. */
export interface CsvPart {
  first: number;
  count: number;
  startByte: number;
  endByte: number;
}

/**
 * Splits the context's delimited file into parts of `partRecords` records, as `readCsvParts` reads
 * them. Throws the scan's problem, if it found one, and adds the notes on blank lines and footer
 * lines to the file's notes.
 */
export function planCsvParts(
  context: LoadContext,
  options: CsvPartOptions & {
    /** Records of part `index`, a multiple of `RECORD_STRIDE`; `partRecords` for every part unless given. */
    recordsOfPart?: (index: number) => number;
  } = {},
): { parts: CsvPart[]; lines: CsvFileLines } {
  const { file } = context;
  const { table, records: scan } = file;
  if (table === undefined || scan === undefined) throw new Error(`readCsvParts: ${file.source.name} has no scanned header row`);
  const partRecords = options.partRecords ?? PART_RECORDS;
  const recordsOfPart = options.recordsOfPart ?? (() => partRecords);
  const lines = csvFileLines(file, scan);
  if (scan.problem !== undefined) throw recordProblemError(lines, scan.problem);
  file.notes.push(...csvNotes(scan, options.rowNoun ?? 'data rows'));

  // DuckDB rejects lines with fewer fields than the header, so it reads only the bytes above the footer.
  const dataEnd = scan.footer === undefined ? file.utf8.size : scan.footerStart;
  const parts: CsvPart[] = [];
  for (let first = 0, index = 0; first === 0 || first < scan.recordCount; first += recordsOfPart(index++)) {
    const records = recordsOfPart(index);
    if (records !== Number.POSITIVE_INFINITY && (records <= 0 || records % RECORD_STRIDE !== 0)) {
      throw new Error(`readCsvParts: ${records} records per part is not a positive multiple of ${RECORD_STRIDE}`);
    }
    const end = Math.min(scan.recordCount, first + records);
    parts.push({
      first,
      count: end - first,
      startByte: first === 0 ? 0 : scan.strideStarts[first / RECORD_STRIDE]!,
      endByte: end === scan.recordCount ? dataEnd : scan.strideStarts[end / RECORD_STRIDE]!,
    });
  }
  return { parts, lines };
}

/** Returns the name under which DuckDB reads a part of a file. */
export function partAlias(fileId: number, part: CsvPart): string {
  return `file-${fileId}-${part.first}.csv`;
}

/** Returns the part's bytes as a source: the file itself when the part is the whole file. */
export function partSource(file: SniffedFile, part: CsvPart): Source {
  const whole = part.startByte === 0 && part.endByte === file.utf8.size;
  return whole ? file.utf8 : file.utf8.slice(part.startByte, part.endByte);
}

/**
 * Reads one part of the context's delimited file into the temporary table `name` made by `select`, and
 * checks that it contains exactly the part's records. Every error is an `ImportError`.
 */
export function readCsvPart(context: LoadContext, name: string, select: (records: string) => string, part: CsvPart, lines: CsvFileLines): void {
  const { db, fileId, file } = context;
  try {
    const path = partSource(file, part).register(db, partAlias(fileId, part));
    const lineTable = `record_lines_${name}`;
    insertRecordLines(db, lineTable, csvRecordLines(lines, part));
    db.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${select(csvRecordsSql(file, lineTable))}`, readCsvParameters(path, file, part));
    // Only on success: after a failure, the engine drops the line table with the file's other tables.
    db.run(`DROP TABLE ${lineTable}`);
    checkRecords(db, name, file, part, path);
  } catch (error) {
    // After a failure, the engine drops the tables made here (see `loadOrUndo`).
    if (error instanceof ImportError) throw error;
    throw readerError(lines, file.records!, file.table!.headerLine, error, part.first);
  }
}

/** Returns the parameters of `csvRecordsSql` for a part. Only the first part has the header and the lines above it. */
export function readCsvParameters(path: string, file: SniffedFile, part: CsvPart): unknown[] {
  const table = file.table!;
  return [path, part.first === 0, part.first === 0 ? table.headerLine - 1 : 0, table.delimiter];
}

/** Returns the scan's line of each of the part's records, in order. */
export function csvRecordLines(lines: CsvFileLines, part: CsvPart): Int32Array {
  return Int32Array.from({ length: part.count }, (_, index) => lines.lineOfRecord(part.first + index));
}

/** Inserts the lines of a part's records (see `csvRecordLines`) as the table `lineTable`. */
export function insertRecordLines(db: Database, lineTable: string, recordLines: Int32Array): void {
  db.insertArrowIpc(lineTable, columnsToIpc({ line: { type: 'int', values: Array.from(recordLines) } }));
}

/**
 * Returns a subquery of a part's records and the scan's line of each, whose parameters are those of
 * `readCsvParameters`. POSITIONAL JOIN pairs the n-th record DuckDB reads with the n-th line in
 * `lineTable`. A record missing on either side leaves NULLs, and `present` distinguishes DuckDB's
 * missing records (negative source_line) from records whose fields are all empty. The header's names
 * enter SQL as quoted identifiers.
 */
export function csvRecordsSql(file: SniffedFile, lineTable: string): string {
  const table = file.table!;
  const renamed = table.columns.map((column, index) => `csv.c${index} AS ${quoteIdentifier(column)}`).join(', ');
  return `(SELECT CASE WHEN csv.present THEN lines.line ELSE -lines.line END AS source_line, ${renamed}
           FROM (SELECT true AS present, * FROM ${readCsvPartSql(table.columns.length)}) AS csv
           POSITIONAL JOIN ${lineTable} AS lines)`;
}

/**
 * Returns the read_csv call that reads a delimited file's data records as VARCHAR columns `c0`, `c1` and so on,
 * with parameters for the path, the lines above the header and the delimiter. Every option is given,
 * so DuckDB's sniffer never runs: it guesses from a sample and then fails, or drops lines, where the
 * parser would not (DuckDB-WASM 1.32.0 dropped a data line starting with `#` as a comment).
 */
export function readCsvSql(columnCount: number): string {
  return readCsvCall(columnCount, 'true');
}

/** Returns `readCsvSql`'s call with a parameter before the skipped lines: whether the bytes start with the header. */
function readCsvPartSql(columnCount: number): string {
  return readCsvCall(columnCount, '?');
}

function readCsvCall(columnCount: number, header: string): string {
  const columnTypes = Array.from({ length: columnCount }, (_, index) => `'c${index}': 'VARCHAR'`).join(', ');
  return `read_csv(?, auto_detect = false, columns = {${columnTypes}}, header = ${header}, skip = ?, delim = ?,
                   quote = '"', escape = '"', comment = '', null_padding = false)`;
}

/** Drops the table made by `readCsvTable`. */
export function dropCsvTable({ db, fileId }: LoadContext): void {
  db.run(`DROP TABLE IF EXISTS raw_${fileId}`);
}

/**
 * Throws an `ImportError` unless the table `name` made by `readCsvParts` contains exactly the part's
 * records. On a mismatch, it reads the part again and compares each record's field bytes (see
 * `RecordScan.recordChecksums`) to name the first record that differs.
 */
function checkRecords(db: Database, name: string, file: SniffedFile, part: CsvPart, path: string): void {
  const [counts] = db.query<{ readerCount: number; unmatched: number }>(
    `SELECT (count(*) FILTER (WHERE source_line IS NULL OR source_line > 0))::INTEGER AS readerCount,
            (count(*) FILTER (WHERE source_line IS NULL OR source_line < 0))::INTEGER AS unmatched
     FROM ${name}`,
  ) as [{ readerCount: number; unmatched: number }];
  if (counts.unmatched === 0) return;

  const scan = file.records!;
  const lines = csvFileLines(file, scan);
  const checksumTable = `record_checksums_${name}`;
  const checksums = scan.recordChecksums.subarray(part.first, part.first + part.count);
  db.insertArrowIpc(checksumTable, columnsToIpc({ checksum: { type: 'int', values: Array.from(checksums) } }));
  const columns = file.table!.columns.map(quoteIdentifier).join(', ');
  const lineTable = `record_lines_${name}`;
  insertRecordLines(db, lineTable, csvRecordLines(lines, part));
  const [first] = db.query<{ record: number | null }>(
    `SELECT min(position)::INTEGER AS record
     FROM (SELECT row_number() OVER () - 1 AS position,
                  CASE WHEN source_line IS NULL OR source_line > 0 THEN strlen(replace(concat(${columns}, ''), '"', '')) END AS checksum
           FROM ${csvRecordsSql(file, lineTable)}) AS reader
     POSITIONAL JOIN ${checksumTable} AS scan
     WHERE reader.checksum IS DISTINCT FROM scan.checksum`,
    readCsvParameters(path, file, part),
  );
  db.run(`DROP TABLE ${lineTable}`);
  db.run(`DROP TABLE ${checksumTable}`);
  const record = part.first + (first?.record ?? Math.min(counts.readerCount, part.count));
  throw recordMismatchError(lines, record, part.first + counts.readerCount, part.first + part.count);
}

function csvFileLines(file: SniffedFile, scan: RecordScan): CsvFileLines {
  const table = file.table!;
  // A worksheet becomes one CSV record per row, so a record's row number does not depend on line breaks in cells.
  const lineOfRecord =
    file.container === 'xlsx' ? (index: number) => table.headerLine + 1 + index : (index: number) => scan.recordLines[index]!;
  return { fileName: file.source.name, delimiter: table.delimiter, lineOfRecord };
}

function csvNotes(scan: RecordScan, rowNoun: string): string[] {
  const notes: string[] = [];
  if (scan.blankLineCount > 0) {
    const named = Array.from(scan.blankLines.subarray(0, Math.min(scan.blankLineCount, BLANK_LINES_NAMED)), String);
    const more = scan.blankLineCount - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more} more` : joinWithAnd(named);
    notes.push(`Skipped ${plural(scan.blankLineCount, 'blank line')} among the data (${scan.blankLineCount === 1 ? 'line' : 'lines'} ${list}).`);
  }
  const footer = scan.footer;
  if (footer !== undefined) {
    const lines = footer.firstLine === footer.lastLine ? `line ${footer.firstLine}` : `lines ${footer.firstLine}–${footer.lastLine}`;
    const text = footer.firstText === '' ? '' : `, "${footer.firstText}"`;
    const cutOff = footer.unterminated ? ' The last line does not end with a line break: if it is part of a row, the file is cut off.' : '';
    notes.push(`Skipped ${plural(footer.count, 'line')} below the data (${lines}${text}): totals or notes, not ${rowNoun}.${cutOff}`);
  }
  return notes;
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
