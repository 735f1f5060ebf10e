import type { Source } from '../engine/source';
import { ImportError } from '../errors';

/** How a file's bytes are read, which decides how large it may be. */
export type ReadPath = 'csv' | 'utf-16' | 'windows-1252' | 'json' | 'zip';

/** The largest file, in bytes, that each reading path accepts. */
export type ReadLimits = Record<ReadPath, number>;

/**
 * V8's maximum string length on 64-bit builds: 2^29 - 24 UTF-16 code units (536,870,888), the value of
 * `buffer.constants.MAX_STRING_LENGTH` in Node 20.20.2 (V8 11.3). A longer string cannot be built, so
 * `TextDecoder.decode` fails with a RangeError.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * The limits in the browser, per reading path:
 * - `csv`: UTF-8 delimited text is read in slices and DuckDB reads it by file handle, so only DuckDB's
 *   memory limit (3.1 GiB by default in DuckDB-WASM 1.32.0, which cannot spill to disk) bounds it. A
 *   call log is read in parts into a compressed table, and in `npm run bench` the report of a 1,197 MB
 *   call log (5,000,000 calls) came close to that limit. Other CSV formats read the whole file as text
 *   at once, so a file near this limit may run out of memory: the workspace then reports it and recovers.
 * - `utf-16` and `windows-1252`: the whole text is decoded in JavaScript into one string, so it may
 *   have at most `MAX_STRING_LENGTH` characters: two bytes a character in UTF-16, one in Windows-1252.
 * - `json`: the whole file is decoded into one string and parsed, so at most `MAX_STRING_LENGTH` bytes
 *   (UTF-8 never decodes to more characters than it has bytes).
 * - `zip` (XLSX workbooks and ZIP archives): the archive is read whole, then exceljs or fflate inflate
 *   its entries in memory, and exceljs keeps each worksheet's XML as one string.
 */
export const BROWSER_READ_LIMITS: ReadLimits = {
  // NOTE: an estimate above the largest measured file (1,197 MB); larger files were not tried.
  csv: 1.25 * 2 ** 30,
  'utf-16': 2 * MAX_STRING_LENGTH,
  'windows-1252': MAX_STRING_LENGTH,
  json: MAX_STRING_LENGTH,
  // NOTE: a worksheet's XML is several times larger than its compressed part, so a workbook well below
  // this limit can still exceed the string length. exceljs then fails, and the file is not recognised.
  zip: MAX_STRING_LENGTH,
};

const PATH_NAMES: Record<ReadPath, string> = {
  csv: 'UTF-8 delimited text',
  'utf-16': 'UTF-16 text, which is decoded whole in memory',
  'windows-1252': 'Windows-1252 text, which is decoded whole in memory',
  json: 'JSON, which is parsed whole in memory',
  zip: 'a workbook or ZIP archive, which is unpacked whole in memory',
};

const REMEDIES: Record<ReadPath, string> = {
  csv: 'Export a shorter period, or split the export into several files (for example one per month) and drop them together.',
  'utf-16': 'Save it as UTF-8 CSV (in Excel: Save As, "CSV UTF-8"), which is read in slices, or split it into several files.',
  'windows-1252': 'Save it as UTF-8 CSV (in Excel: Save As, "CSV UTF-8"), which is read in slices, or split it into several files.',
  json: 'Export a shorter period, or split its records into several files and drop them together.',
  zip: 'Save the worksheet as UTF-8 CSV, or unpack the archive and drop its files, or export a shorter period.',
};

/** Throws an `ImportError` with the file's size, the limit and what to do when `source` is too large for `path`. */
export function assertReadable(source: Pick<Source, 'name' | 'size'>, path: ReadPath, limits: ReadLimits | undefined): void {
  if (limits === undefined || source.size <= limits[path]) return;
  throw new ImportError(
    { file: source.name },
    `the file is ${formatBytes(source.size)}, above the ${formatBytes(limits[path])} that this browser can read as ${PATH_NAMES[path]}`,
    REMEDIES[path],
  );
}

/**
 * Throws when `source` is larger than every path's limit, so it fails before any byte is read. Smaller
 * files are checked again once their reading path is known.
 */
export function assertWithinLargestLimit(source: Pick<Source, 'name' | 'size'>, limits: ReadLimits | undefined): void {
  if (limits === undefined) return;
  const largest = (Object.keys(limits) as ReadPath[]).reduce((best, path) => (limits[path] > limits[best] ? path : best));
  assertReadable(source, largest, limits);
}

/** Formats a byte count in binary units with one decimal, such as `1.5 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes.toLocaleString('en-US')} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes.toLocaleString('en-US')} bytes)`;
}
