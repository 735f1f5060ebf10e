import { plural } from '../plural';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { bytesSource, type Source } from '../engine/source';
import { ImportError } from '../errors';
import type { SniffedFile } from './format';
import { assertReadable, assertWithinLargestLimit, type ReadLimits } from './read-limits';
import { scanTableRecords } from './record-scan';

/** Bytes read per slice when a file is checked or decoded; files are never read whole unless they must be. */
const CHUNK_BYTES = 1 << 20;
/** Lines searched for the header row, below any title lines. */
const HEADER_SEARCH_LINES = 50;
/** Non-blank lines after a header candidate whose field counts decide whether it is the header. */
const HEADER_CHECK_LINES = 20;
const DELIMITERS = [',', ';', '\t'] as const;
/** Data rows kept as samples for mapping the columns of a file that no format recognises. */
const SAMPLE_ROWS = 3;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

type Encoding = SniffedFile['encoding'];
type Table = NonNullable<SniffedFile['table']>;

/** The file's text as far as sniffing needs it. */
interface DecodedText {
  encoding: Encoding;
  utf8: Source;
  /** The start of the text, at least the first `CHUNK_BYTES` bytes' worth, without a byte-order mark. */
  head: string;
  /** True when `head` is the whole text. */
  complete: boolean;
  notes: string[];
}

/**
 * Finds out how to read a dropped file: its encoding, its container (delimited text, JSON, XLSX, ZIP)
 * and, for delimited text and worksheets, where the header row is. Formats then recognise the file from
 * the result. Throws an `ImportError` for an empty file, for JSON that does not parse and for a ZIP archive
 * whose JSON entries cannot be decompressed. With `limits`, it also throws one for a file larger than
 * its reading path accepts, before that path reads the whole file.
 */
export async function sniff(source: Source, limits?: ReadLimits): Promise<SniffedFile> {
  if (source.size === 0) throw emptyFileError(source);
  assertWithinLargestLimit(source, limits);

  const start = await source.read(0, Math.min(source.size, CHUNK_BYTES));
  if (startsWith(start, ZIP_MAGIC)) {
    assertReadable(source, 'zip', limits);
    return sniffZip(source);
  }

  const decoded = await decodeText(source, start, limits);
  if (decoded.encoding === 'binary') {
    return { source, utf8: source, encoding: 'binary', container: 'unknown', notes: decoded.notes };
  }

  const firstChar = decoded.head.trimStart().charAt(0);
  if (firstChar === '') throw emptyFileError(source);
  if (firstChar === '{' || firstChar === '[') {
    assertReadable(source, 'json', limits);
    const text = decoded.complete ? decoded.head : await readWholeText(source);
    return { source, utf8: decoded.utf8, encoding: decoded.encoding, container: 'json', json: parseJson(source, text), notes: decoded.notes };
  }

  assertReadable(source, 'csv', limits);
  const file: SniffedFile = { source, utf8: decoded.utf8, encoding: decoded.encoding, container: 'csv', notes: decoded.notes };
  const table = findHeader(decoded.complete ? decoded.head : withoutLastLine(decoded.head));
  if (table === undefined) {
    file.notes.push(`No header row found in the first ${HEADER_SEARCH_LINES} lines.`);
    return file;
  }
  file.table = table.table;
  file.records = await scanTableRecords(file.utf8, file.table);
  if (table.titleLines > 0) file.notes.push(`Skipped ${plural(table.titleLines, 'title line')} above the header.`);
  return file;
}

// Encodings

async function decodeText(source: Source, start: Uint8Array, limits: ReadLimits | undefined): Promise<DecodedText> {
  const utf16 = startsWith(start, UTF16LE_BOM) ? 'utf-16le' : startsWith(start, UTF16BE_BOM) ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    assertReadable(source, 'utf-16', limits);
    return decodeWhole(source, utf16, utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE', 'the file starts with its byte-order mark');
  }

  const hasBom = startsWith(start, UTF8_BOM);
  if (!hasBom && start.includes(0)) {
    return { encoding: 'binary', utf8: source, head: '', complete: false, notes: ['The file contains NUL bytes, so it is not text.'] };
  }

  if (await isValidUtf8(source)) {
    // DuckDB's read_csv skips a UTF-8 byte-order mark itself, so the file is read by handle either way.
    return { encoding: 'utf-8', utf8: source, head: new TextDecoder('utf-8').decode(start), complete: start.byteLength === source.size, notes: [] };
  }
  if (hasBom) {
    throw new ImportError(
      { file: source.name },
      'the file starts with a UTF-8 byte-order mark but contains bytes that are not valid UTF-8',
      'Export the file again, or save it as "CSV UTF-8" from the program that last changed it.',
    );
  }
  assertReadable(source, 'windows-1252', limits);
  return decodeWhole(source, 'windows-1252', 'Windows-1252', 'the file is not valid UTF-8');
}

/** Checks the whole file slice by slice with a fatal decoder, so a large file is never held whole. */
async function isValidUtf8(source: Source): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let offset = 0; offset < source.size; offset += CHUNK_BYTES) {
      decoder.decode(await source.read(offset, Math.min(source.size, offset + CHUNK_BYTES)), { stream: true });
    }
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

async function decodeWhole(
  source: Source,
  encoding: 'utf-16le' | 'utf-16be' | 'windows-1252',
  label: string,
  reason: string,
): Promise<DecodedText> {
  const text = decodeBytes(await source.read(), encoding);
  return {
    encoding,
    utf8: bytesSource(source.name, new TextEncoder().encode(text)),
    head: text,
    complete: true,
    notes: [`Decoded as ${label} because ${reason}.`],
  };
}

function decodeBytes(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'windows-1252'): string {
  // TextDecoder drops the byte-order mark that matches its encoding.
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * Windows-1252 characters of bytes 0x80 to 0x9F, by byte. Node 20 releases from 20.18.3 on (seen on
 * 20.20.2) decode the `windows-1252` label as ISO-8859-1, which leaves these bytes as C1 controls.
 * The five bytes Windows-1252 leaves undefined keep their control character, as in the WHATWG
 * Encoding Standard.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

async function readWholeText(source: Source): Promise<string> {
  return new TextDecoder('utf-8').decode(await source.read());
}

// JSON

function parseJson(source: Source, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      { file: source.name, ...jsonErrorLine(text, message) },
      `the file starts like JSON but is not valid JSON (${message})`,
      'Download the file again; a cut-off download or a hand edit leaves JSON unreadable.',
    );
  }
}

/** Finds the line of a JSON syntax error when the engine's message gives a position or a line. */
function jsonErrorLine(text: string, message: string): { line?: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length };
}

// Delimited text: header row

interface TextRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

interface HeaderMatch {
  table: Table;
  /** Non-blank records above the header. */
  titleLines: number;
}

/**
 * Finds the delimiter and header row among the first lines. The header is the first record with at
 * least two non-empty, mostly distinct, non-numeric fields whose field count equals that of most of
 * the non-blank records after it. When several delimiters find a header, the one with more columns wins,
 * then the earlier header.
 */
function findHeader(text: string): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  for (const delimiter of DELIMITERS) {
    const records = parseRecords(text, delimiter, HEADER_SEARCH_LINES + HEADER_CHECK_LINES);
    const index = findHeaderIndex(records.map((record) => record.fields), (width, header) => width === header);
    if (index === undefined) continue;

    const header = records[index]!;
    if (header.line > HEADER_SEARCH_LINES) continue;
    const match: HeaderMatch = {
      table: {
        columns: dedupeColumnNames(header.fields.map(cleanName)),
        headerLine: header.line,
        delimiter,
        samples: nonBlankRowsAfter(records.map((record) => record.fields), index, SAMPLE_ROWS),
      },
      titleLines: records.slice(0, index).filter((record) => !isBlank(record.fields)).length,
    };
    if (best === undefined || isBetterHeader(match.table, best.table)) best = match;
  }
  return best;
}

function isBetterHeader(candidate: Table, best: Table): boolean {
  if (candidate.columns.length !== best.columns.length) return candidate.columns.length > best.columns.length;
  return candidate.headerLine < best.headerLine;
}

/**
 * Returns the index of the header row among the first `HEADER_SEARCH_LINES` of `rows`, or undefined.
 * `fits(width, headerWidth)` returns true when a following row of `width` fields is data under a
 * header of `headerWidth` fields.
 */
function findHeaderIndex(
  rows: readonly string[][],
  fits: (width: number, headerWidth: number) => boolean,
): number | undefined {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_LINES); i++) {
    const names = rows[i]!.map(cleanName);
    if (!looksLikeHeader(names)) continue;

    const following = nonBlankRowsAfter(rows, i, HEADER_CHECK_LINES);
    const fitting = following.filter((row) => fits(row.length, names.length)).length;
    if (following.length === 0 || fitting * 2 > following.length) return i;
  }
  return undefined;
}

function nonBlankRowsAfter(rows: readonly string[][], index: number, count: number): string[][] {
  const found: string[][] = [];
  for (let i = index + 1; i < rows.length && found.length < count; i++) {
    if (!isBlank(rows[i]!)) found.push(rows[i]!);
  }
  return found;
}

/**
 * Header names are non-empty and not numbers. Most are distinct: a repeated name is allowed (DuckDB
 * renames it), but a title cell merged across a worksheet row repeats one text in every cell.
 */
function looksLikeHeader(names: string[]): boolean {
  if (names.length < 2) return false;
  if (names.some((name) => name === '' || /^[\d\s.,:;/+\-()%]+$/.test(name))) return false;
  return new Set(names.map((name) => name.toLowerCase())).size * 2 > names.length;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/** Cleans a header cell the way DuckDB names its column: trimmed, without a byte-order mark. */
function cleanName(field: string): string {
  return field.replace(/\uFEFF/g, '').trim();
}

/**
 * Renames repeated column names the way read_csv in DuckDB-WASM 1.32.0 does (checked by a test).
 * Names compare case-insensitively. A repeat gets `_1`, `_2` and so on, counting earlier repeats,
 * and gets another suffix while the new name is itself taken: `a, a_1, a` becomes `a, a_1, a_1_1`.
 */
export function dedupeColumnNames(names: readonly string[]): string[] {
  const repeats = new Map<string, number>();
  return names.map((original) => {
    let name = original;
    while (repeats.has(name.toLowerCase())) {
      const key = name.toLowerCase();
      const count = repeats.get(key)! + 1;
      repeats.set(key, count);
      name = `${name}_${count}`;
    }
    repeats.set(name.toLowerCase(), 0);
    return name;
  });
}

/**
 * Splits text into records with RFC 4180 quoting (a quoted field may hold delimiters, doubled quotes
 * and line breaks), stopping after `maxLines` lines.
 */
function parseRecords(text: string, delimiter: string, maxLines: number): TextRecord[] {
  const records: TextRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  for (let i = 0; i < text.length && recordLine <= maxLines; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (recordLine <= maxLines && (field !== '' || fields.length > 0)) endRecord();
  return records;
}

/** Drops a last line that a slice may have cut in the middle. */
function withoutLastLine(text: string): string {
  const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return end < 0 ? '' : text.slice(0, end + 1);
}

// ZIP and XLSX

async function sniffZip(source: Source): Promise<SniffedFile> {
  const bytes = await source.read();
  const workbook = await loadWorkbook(bytes);
  if (workbook === undefined) {
    const zipEntryNames: string[] = [];
    const zipEntries = jsonEntries(source, bytes, zipEntryNames);
    return { source, utf8: source, encoding: 'binary', container: 'zip', zipEntries, zipEntryNames, notes: [] };
  }

  const file: SniffedFile = { source, utf8: source, encoding: 'binary', container: 'xlsx', workbook, notes: [] };
  // A sheet whose rows do not fit the header found in it (such as the label/value rows above a table on
  // an Adoption and Usage workbook's General metrics sheet) gives way to a later sheet, with a note. The
  // first such error is raised only when no sheet can be read.
  let firstError: ImportError | undefined;
  for (const worksheet of workbook.worksheets) {
    const rows = worksheetRows(worksheet);
    const index = findHeaderIndex(rows, (width, header) => width <= header);
    if (index === undefined) continue;

    let csv: { text: string; columns: string[] };
    try {
      csv = worksheetCsv(source, worksheet.name, rows, index);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      firstError ??= error;
      file.notes.push(`Skipped worksheet "${worksheet.name}": ${error.message}`);
      continue;
    }
    file.utf8 = bytesSource(source.name, new TextEncoder().encode(csv.text));
    file.table = { columns: csv.columns, headerLine: index + 1, delimiter: ',', samples: nonBlankRowsAfter(rows, index, SAMPLE_ROWS) };
    file.records = await scanTableRecords(file.utf8, file.table);
    file.notes.push(`Read worksheet "${worksheet.name}".`);
    return file;
  }
  if (firstError !== undefined) throw firstError;
  file.notes.push('No worksheet has a header row.');
  return file;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  // exceljs 4.4.0 decompresses every entry into a string, which is costly for a large export of JSON files.
  const names = zipEntryNames(bytes);
  if (names !== undefined && !names.includes('xl/workbook.xml')) return undefined;

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the input as its own Buffer interface; it accepts any ArrayBuffer view via JSZip.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // Any ZIP that is not a workbook fails here; the caller reports it as a plain ZIP archive.
    return undefined;
  }
  return workbook.worksheets.length > 0 ? workbook : undefined;
}

/**
 * Decompresses the archive's `.json` entries only (the JSON exports, such as the messaging compliance
 * export); fflate's filter receives each entry's name before decompressing it, so other entries stay packed.
 * Adds every entry's name to `names`.
 */
function jsonEntries(source: Source, bytes: Uint8Array, names: string[]): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return entry.name.toLowerCase().endsWith('.json');
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      { file: source.name },
      `the ZIP archive could not be read (${message})`,
      'Download the archive again and drop it as downloaded; an archive that is cut off, encrypted or re-packed by another tool cannot be read.',
    );
  }
}

/**
 * Lists the entry names in a ZIP archive's central directory, or returns undefined when the archive
 * cannot be read that way (such as a ZIP64 archive).
 */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_RECORD = 0x06054b50;
  const CENTRAL_ENTRY = 0x02014b50;

  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_RECORD) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;

  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_ENTRY) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Reads each row's displayed cell texts (row r at index r - 1), dropping trailing empty cells. */
function worksheetRows(worksheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(worksheetCellText(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
    rows.push(cells);
  }
  // A formatted but empty range makes rowCount reach far below the data.
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!)) rows.pop();
  return rows;
}

/** Returns the text a cell shows: dates as ISO wall-clock time, zero-padded numbers with their zeros. */
export function worksheetCellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return isoWallClock(value);
  if (value !== null && typeof value === 'object' && 'result' in value && value.result instanceof Date) {
    return isoWallClock(value.result);
  }
  // exceljs does not apply number formats, but an extension typed as 7 with the format 000 shows as
  // 007 in Excel, and it is 007 that the other exports name.
  const zeros = /^0+$/.exec(cell.numFmt ?? '');
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && zeros !== null) {
    return String(value).padStart(zeros[0].length, '0');
  }
  return cell.text;
}

/** exceljs returns a date cell as the UTC instant whose UTC fields are the wall-clock time shown. */
export function isoWallClock(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * Writes a worksheet from its header row on as CSV, with one empty line for each row above the header,
 * so CSV line numbers are worksheet row numbers. Every data row becomes one record, blank rows included.
 */
function worksheetCsv(
  source: Source,
  sheetName: string,
  rows: readonly string[][],
  headerIndex: number,
): { text: string; columns: string[] } {
  const header = rows[headerIndex]!.map(cleanName);
  const width = header.length;
  const lines: string[] = new Array<string>(headerIndex).fill('');
  lines.push(header.map(csvField).join(','));

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.length > width) {
      throw new ImportError(
        { file: source.name, line: i + 1, value: cells[width] },
        `worksheet "${sheetName}" has a value right of the last header column "${header[width - 1]}"`,
        'Give that column a header in the header row, or delete the value, then save the workbook and drop it again.',
      );
    }
    const padded = [...cells, ...new Array<string>(width - cells.length).fill('')];
    lines.push(padded.map(csvField).join(','));
  }
  return { text: `${lines.join('\n')}\n`, columns: dedupeColumnNames(header) };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// Small helpers

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function emptyFileError(source: Source): ImportError {
  return new ImportError(
    { file: source.name },
    'the file is empty',
    'Download the export again; an empty file usually means the download did not finish.',
  );
}
