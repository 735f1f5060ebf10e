import type { Channel, Period, UserRow } from '../lib/engine/types';
import { CHANNEL_NAMES } from './format';
import type { UserColumn } from './user-table-model';

/** Byte-order mark, so that Excel reads the file as UTF-8 rather than the system's code page. */
const BOM = '\uFEFF';

/**
 * First characters that make a spreadsheet app run a cell as a formula (= + - @), and tab and
 * carriage return, which some apps strip before checking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as CSV text per RFC 4180 (CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), starting with a BOM. Text that a spreadsheet would run as a formula
 * gets a leading single quote. Numbers are written as they are, so a negative count stays a number.
 */
export function toCsv(rows: readonly UserRow[], columns: readonly UserColumn[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(column.csvValue(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvFileName(channel: Channel, period: Period): string {
  return `${CHANNEL_NAMES[channel]}_User_Table_${period.from}_to_${period.to}.csv`;
}
