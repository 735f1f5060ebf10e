import { plural } from '../plural';
import { columnsToIpc } from '../engine/arrow-ipc';
import type { Database } from '../engine/database';
import { ImportError } from '../errors';
import { readerError, recordMismatchError, recordProblemError, type CsvFileLines } from './csv-errors';
import type { LoadContext, SniffedFile } from './format';
import type { RecordScan } from './record-scan';
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
  const { db, fileId, file } = context;
  const { table, records: scan } = file;
  if (table === undefined || scan === undefined) throw new Error(`readCsvInto: ${file.source.name} has no scanned header row`);
  const lines = csvFileLines(file, scan);
  if (scan.problem !== undefined) throw recordProblemError(lines, scan.problem);
  file.notes.push(...csvNotes(scan, options.rowNoun ?? 'data rows'));

  try {
    // DuckDB rejects lines with fewer fields than the header, so it reads only the bytes above the footer.
    const source = scan.footer === undefined ? file.utf8 : file.utf8.slice(scan.footerStart);
    const path = source.register(db, `file-${fileId}.csv`);
    withRecords(db, `record_lines_${name}`, path, file, lines, scan, (records) =>
      db.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${select(records)}`, [path, table.headerLine - 1, table.delimiter]),
    );
    checkRecords(db, name, file, scan, path);
  } catch (error) {
    // The engine rolls the transaction back, which drops the tables made here.
    if (error instanceof ImportError) throw error;
    throw readerError(lines, scan, table.headerLine, error);
  }
}

/**
 * Calls `use` with a subquery of the file's records and the scan's line of each, whose parameters are
 * the path, the lines above the header and the delimiter. POSITIONAL JOIN pairs the n-th record DuckDB
 * reads with the n-th line of the scan. A record missing on either side leaves NULLs, and `present`
 * distinguishes DuckDB's missing records (negative source_line) from records whose fields are all
 * empty. The header's names enter SQL as quoted identifiers.
 */
function withRecords<T>(
  db: Database,
  lineTable: string,
  path: string,
  file: SniffedFile,
  lines: CsvFileLines,
  scan: RecordScan,
  use: (records: string) => T,
): T {
  const table = file.table!;
  const lineValues = Array.from({ length: scan.recordCount }, (_, index) => lines.lineOfRecord(index));
  db.insertArrowIpc(lineTable, columnsToIpc({ line: { type: 'int', values: lineValues } }));
  const renamed = table.columns.map((column, index) => `csv.c${index} AS ${quoteIdentifier(column)}`).join(', ');
  const records = `(SELECT CASE WHEN csv.present THEN lines.line ELSE -lines.line END AS source_line, ${renamed}
                    FROM (SELECT true AS present, * FROM ${readCsvSql(table.columns.length)}) AS csv
                    POSITIONAL JOIN ${lineTable} AS lines)`;
  // After a failure, the engine's rollback drops the line table too: the failed transaction accepts no DROP.
  const result = use(records);
  db.run(`DROP TABLE ${lineTable}`);
  return result;
}

/**
 * Returns the read_csv call that reads a delimited file's data records as VARCHAR columns `c0`, `c1` and so on,
 * with parameters for the path, the lines above the header and the delimiter. Every option is given,
 * so DuckDB's sniffer never runs: it guesses from a sample and then fails, or drops lines, where the
 * parser would not (DuckDB-WASM 1.32.0 dropped a data line starting with `#` as a comment).
 */
export function readCsvSql(columnCount: number): string {
  const columnTypes = Array.from({ length: columnCount }, (_, index) => `'c${index}': 'VARCHAR'`).join(', ');
  return `read_csv(?, auto_detect = false, columns = {${columnTypes}}, header = true, skip = ?, delim = ?,
                   quote = '"', escape = '"', comment = '', null_padding = false)`;
}

/** Drops the table made by `readCsvTable`. */
export function dropCsvTable({ db, fileId }: LoadContext): void {
  db.run(`DROP TABLE IF EXISTS raw_${fileId}`);
}

/**
 * Throws an `ImportError` unless the table `name` made by `readCsvInto` contains exactly the scan's records.
 * On a mismatch, it reads the file again and compares each record's field bytes (see
 * `RecordScan.recordChecksums`) to name the first record that differs.
 */
function checkRecords(db: Database, name: string, file: SniffedFile, scan: RecordScan, path: string): void {
  const [counts] = db.query<{ readerCount: number; unmatched: number }>(
    `SELECT (count(*) FILTER (WHERE source_line IS NULL OR source_line > 0))::INTEGER AS readerCount,
            (count(*) FILTER (WHERE source_line IS NULL OR source_line < 0))::INTEGER AS unmatched
     FROM ${name}`,
  ) as [{ readerCount: number; unmatched: number }];
  if (counts.unmatched === 0) return;

  const lines = csvFileLines(file, scan);
  const checksumTable = `record_checksums_${name}`;
  db.insertArrowIpc(
    checksumTable,
    columnsToIpc({ checksum: { type: 'int', values: Array.from(scan.recordChecksums.subarray(0, scan.recordCount)) } }),
  );
  const columns = file.table!.columns.map(quoteIdentifier).join(', ');
  const [first] = withRecords(db, `record_lines_${name}`, path, file, lines, scan, (records) =>
    db.query<{ record: number | null }>(
      `SELECT min(position)::INTEGER AS record
       FROM (SELECT row_number() OVER () - 1 AS position,
                    CASE WHEN source_line IS NULL OR source_line > 0 THEN strlen(replace(concat(${columns}, ''), '"', '')) END AS checksum
             FROM ${records}) AS reader
       POSITIONAL JOIN ${checksumTable} AS scan
       WHERE reader.checksum IS DISTINCT FROM scan.checksum`,
      [path, file.table!.headerLine - 1, file.table!.delimiter],
    ),
  );
  db.run(`DROP TABLE ${checksumTable}`);
  const record = first?.record ?? Math.min(counts.readerCount, scan.recordCount);
  throw recordMismatchError(lines, record, counts.readerCount, scan.recordCount);
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
