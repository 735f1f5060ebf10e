import { ImportError } from '../errors';
import { MAX_RECORD_BYTES, type LineEnd, type RecordProblem, type RecordScan } from './record-scan';

/** Location data for a delimited file's errors: its name and the line of each data record. */
export interface CsvFileLines {
  fileName: string;
  delimiter: string;
  /** 1-based line (or worksheet row) of the data record at 0-based `index`. */
  lineOfRecord(index: number): number;
}

const OPEN_AT_LINE = 'Open the file in a text editor at that line';
const DOWNLOAD_AGAIN = 'or download the export again';

/** Builds the `ImportError` for a problem the record scanner found before DuckDB read anything. */
export function recordProblemError(file: CsvFileLines, problem: RecordProblem): ImportError {
  const location = { file: file.fileName, line: problem.line };
  const delimiter = delimiterName(file.delimiter);
  switch (problem.kind) {
    case 'field-count': {
      const record =
        problem.endLine > problem.line ? `the record that starts on this line and runs to line ${problem.endLine}, joined by quotes,` : 'the line';
      const cause =
        problem.fields > problem.expected
          ? `a value may contain an unquoted ${delimiter}, or a quote may be missing`
          : 'values or delimiters may be missing, or a quote may be missing';
      return new ImportError(
        location,
        `${record} has ${problem.fields} field${problem.fields === 1 ? '' : 's'} where the header has ${problem.expected}, so ${cause}`,
        `${OPEN_AT_LINE}, compare it with the header, and put quotes around any value that contains a ${delimiter} or a line break; ${DOWNLOAD_AGAIN}.`,
      );
    }
    case 'cut-off':
      return new ImportError(
        location,
        `the last line has ${problem.fields} fields where the header has ${problem.expected} and does not end with a line break, so the file looks cut off`,
        'Download the export again and drop the complete file.',
      );
    case 'unclosed-quote':
      return new ImportError(
        location,
        'a quoted value opens on this line and is never closed, so the rest of the file would be read as one value',
        `${OPEN_AT_LINE} and add the missing closing quote ("), ${DOWNLOAD_AGAIN}.`,
      );
    case 'text-after-quote':
      return new ImportError(
        location,
        `a closing quote is followed by other characters before the next ${delimiter} or line end`,
        `${OPEN_AT_LINE}. A value that contains quotes must be quoted whole, with each quote inside it doubled (""); ${DOWNLOAD_AGAIN}.`,
      );
    case 'lone-cr':
      return new ImportError(
        location,
        'the line ends with a lone CR where the first line ends with CR LF, and such a file cannot be read reliably',
        `Open the file in a text editor, convert its line endings to one kind (often a "Line endings" or "EOL conversion" setting) and save it; ${DOWNLOAD_AGAIN}.`,
      );
    case 'too-long':
      return new ImportError(
        location,
        `the record starting on this line is ${problem.bytes.toLocaleString('en-US')} bytes long, more than the ${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes a line may have`,
        `A stray quote can join many lines into one value. ${OPEN_AT_LINE} and check its quotes, ${DOWNLOAD_AGAIN}.`,
      );
    case 'header-fields':
      return new ImportError(
        location,
        `the header row has ${problem.fields} fields when its quotes are read, but ${problem.expected} column names were found in it`,
        `${OPEN_AT_LINE} and check the quotes in the header row, ${DOWNLOAD_AGAIN}.`,
      );
  }
}

/**
 * Turns an error thrown by DuckDB's read_csv into an `ImportError` in plain words: no SQL and none of
 * DuckDB's option advice, which the user cannot act on. The line comes from DuckDB's "Line: N", mapped
 * to the file's line through the scan, or from a mixed line end the scan found.
 */
export function readerError(file: CsvFileLines, scan: RecordScan, headerLine: number, error: unknown, firstRecord = 0): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const readerLine = /CSV Error on Line: (\d+)/.exec(message);
  const lineOffset = firstRecord === 0 ? 0 : partLineOffset(scan, headerLine, firstRecord);
  const record = readerLine === null ? undefined : recordOfReaderLine(scan, headerLine, Number(readerLine[1]) + lineOffset);
  const line = record === undefined ? undefined : file.lineOfRecord(record);
  const location = { file: file.fileName, line };
  const delimiter = delimiterName(file.delimiter);

  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns !== null) {
    return new ImportError(
      location,
      `the line has ${columns[2]} fields where the header has ${columns[1]}`,
      `${line === undefined ? 'Open the file in a text editor' : OPEN_AT_LINE}, compare the line with the header, and put quotes around any value that contains a ${delimiter}; ${DOWNLOAD_AGAIN}.`,
    );
  }
  if (/unterminated quote/i.test(message)) {
    return new ImportError(
      location,
      'a quoted value is not closed properly',
      `Check the quotes${line === undefined ? '' : ' on that line'}: a value that contains quotes must be quoted whole, with each quote inside it doubled (""); ${DOWNLOAD_AGAIN}.`,
    );
  }
  if (/Maximum line size/i.test(message)) {
    return new ImportError(
      location,
      `a line is longer than the ${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes a line may have`,
      `A stray quote can join many lines into one value: check the quotes, ${DOWNLOAD_AGAIN}.`,
    );
  }
  if (/Out of Memory/i.test(message)) {
    return new ImportError(
      { file: file.fileName },
      'there was not enough memory to read the file',
      'Close other tabs or load fewer files at once; for a very large export, export a shorter period.',
    );
  }
  if (scan.mixedLineEnd !== undefined && /invalid state/i.test(message)) {
    const { line: mixedLine, found, expected } = scan.mixedLineEnd;
    return new ImportError(
      { file: file.fileName, line: mixedLine },
      `the line ends with ${lineEndName(found)} where the first line ends with ${lineEndName(expected)}, and the file must use one kind of line end`,
      `Open the file in a text editor, convert its line endings to one kind (often a "Line endings" or "EOL conversion" setting) and save it; ${DOWNLOAD_AGAIN}.`,
    );
  }
  return new ImportError(
    location,
    `the file could not be read as delimited text (${readerSummary(message)})`,
    'Check that it is the export as downloaded, not edited in a spreadsheet and saved in another format.',
  );
}

/**
 * Builds the `ImportError` for DuckDB and the scanner finding different records: `record` is the first one
 * that differs, `readerCount` and `scanCount` the number each found.
 */
export function recordMismatchError(file: CsvFileLines, record: number, readerCount: number, scanCount: number): ImportError {
  const lastRecord = Math.max(0, Math.min(record, scanCount - 1));
  return new ImportError(
    { file: file.fileName, line: scanCount === 0 ? undefined : file.lineOfRecord(lastRecord) },
    `the records from this line on could not be read reliably: the reader found ${readerCount.toLocaleString('en-US')} records where a line-by-line check found ${scanCount.toLocaleString('en-US')}`,
    `${OPEN_AT_LINE} and check its quotes and those of the lines around it; ${DOWNLOAD_AGAIN}.`,
  );
}

/** Returns DuckDB's first line without its error class, the only part of its message that a user can act on. */
function readerSummary(message: string): string {
  const first = message.split('\n')[0]!.replace(/^[A-Za-z ]*Error: /, '').trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

function delimiterName(delimiter: string): string {
  if (delimiter === ',') return 'comma';
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  return `"${delimiter}"`;
}

function lineEndName(lineEnd: LineEnd): string {
  if (lineEnd === 'CRLF') return 'CR LF';
  return lineEnd === 'CR' ? 'a lone CR' : 'LF';
}

/**
 * Returns the 0-based index of the record that DuckDB's error messages call "Line: `readerLine`".
 * DuckDB counts the lines skipped above the header, the header, blank lines and records, but not the
 * line breaks inside quoted fields (seen with DuckDB-WASM 1.32.0). Returns undefined when no record has
 * that number.
 */
export function recordOfReaderLine(scan: RecordScan, headerLine: number, readerLine: number): number | undefined {
  let low = 0;
  let high = scan.recordCount - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const number = headerLine + middle + 1 + blankLinesBefore(scan, scan.recordLines[middle]!);
    if (number === readerLine) return middle;
    if (number < readerLine) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * Returns what to add to DuckDB's line number in a part of the file that starts at record
 * `firstRecord` without the header, to get its line number in the whole file.
 *
 * NOTE: no test reaches this, because the record scan rejects the reader errors known so far first.
 */
function partLineOffset(scan: RecordScan, headerLine: number, firstRecord: number): number {
  return headerLine + firstRecord + blankLinesBefore(scan, scan.recordLines[firstRecord]!);
}

function blankLinesBefore(scan: RecordScan, line: number): number {
  let low = 0;
  let high = scan.blankLineCount;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (scan.blankLines[middle]! < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
