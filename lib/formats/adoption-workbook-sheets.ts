import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Channel } from '../engine/types';
import { ImportError } from '../errors';
import { worksheetCellText } from './sniff';

/**
 * Reading an Adoption and Usage workbook (RingCentral's download, or one this product wrote): its
 * General metrics sheet and its User Table sheets. General metrics contains label/value rows (From
 * time, To time, and in this product's workbooks Time zone). Each User Table starts with a header row
 * of the shared columns followed by the channel's own.
 */

/** The eleven columns every channel's User Table starts with. */
export const SHARED_USER_COLUMNS = [
  'User Name',
  'User Extension',
  'User Email',
  'Status',
  'User Status',
  'Department',
  'Site',
  'Endpoint',
  'Version',
  'Last Used',
  'Usage Count',
] as const;

/** The column whose presence names a User Table's channel. */
export const CHANNEL_COLUMNS: Record<Channel, string> = {
  phone: 'Number of Calls',
  video: 'Number of Meets',
  message: 'Number of Messages',
};

/** Rows searched for a User Table's header, below any title lines. */
const HEADER_SEARCH_ROWS = 10;

export interface UserTableSheet {
  worksheet: Worksheet;
  channel: Channel;
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based column of each header name, lower-cased. */
  columns: Map<string, number>;
}

export interface DownloadPeriod {
  from: string;
  to: string;
  /** The IANA name on the Time zone row, when the workbook has one. */
  timeZone: string | null;
}

/** Finds every worksheet whose header is a User Table header, in workbook order. */
export function findUserTables(workbook: Workbook): UserTableSheet[] {
  const tables: UserTableSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const table = userTableHeader(worksheet);
    if (table !== undefined) tables.push(table);
  }
  return tables;
}

function userTableHeader(worksheet: Worksheet): UserTableSheet | undefined {
  const lastRow = Math.min(worksheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const columns = new Map<string, number>();
    worksheet.getRow(r).eachCell((cell, column) => {
      const name = worksheetCellText(cell).trim().toLowerCase();
      if (name !== '' && !columns.has(name)) columns.set(name, column);
    });
    if (!SHARED_USER_COLUMNS.every((name) => columns.has(name.toLowerCase()))) continue;

    const channels = (Object.keys(CHANNEL_COLUMNS) as Channel[]).filter((channel) =>
      columns.has(CHANNEL_COLUMNS[channel].toLowerCase()),
    );
    // A header with no channel column, or with two, does not say which channel its counts are.
    if (channels.length !== 1) return undefined;
    return { worksheet, channel: channels[0]!, headerRow: r, columns };
  }
  return undefined;
}

/**
 * Reads the period from the first sheet with From time and To time rows (the General metrics sheet).
 * Returns undefined when no sheet has both.
 */
export function readDownloadPeriod(workbook: Workbook, fileName: string): DownloadPeriod | undefined {
  for (const worksheet of workbook.worksheets) {
    const labelled = labelledCells(worksheet);
    const fromCell = labelled.get('from time');
    const toCell = labelled.get('to time');
    if (fromCell === undefined || toCell === undefined) continue;

    // NOTE: the layout follows this product's own workbooks. No RingCentral download was at hand to
    // check whether its To time is the last day included (as read here) or midnight after it.
    const from = readDay(fromCell, fileName, worksheet, 'From time');
    const to = readDay(toCell, fileName, worksheet, 'To time');
    if (from > to) {
      throw new ImportError(
        { file: fileName, line: Number(toCell.row), column: 'To time', value: to },
        `sheet "${worksheet.name}" ends its period (${to}) before it starts (${from})`,
        'Download the workbook again from RingCentral.',
      );
    }
    const zone = labelled.get('time zone');
    const timeZone = zone === undefined ? '' : worksheetCellText(zone).trim();
    return { from, to, timeZone: timeZone === '' ? null : timeZone };
  }
  return undefined;
}

/** Maps each lower-cased label in column A to the cell in column B beside it (the first such row wins). */
function labelledCells(worksheet: Worksheet): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const lastRow = Math.min(worksheet.rowCount, 50);
  for (let r = 1; r <= lastRow; r++) {
    const row = worksheet.getRow(r);
    const label = worksheetCellText(row.getCell(1)).trim().toLowerCase();
    if (label !== '' && !cells.has(label)) cells.set(label, row.getCell(2));
  }
  return cells;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/;

/** Reads a From time or To time cell as a `YYYY-MM-DD` day: a date cell, `2026-05-04 00:00` or `5/4/2026`. */
function readDay(cell: Cell, fileName: string, worksheet: Worksheet, label: string): string {
  const text = worksheetCellText(cell).trim();
  const iso = ISO_DAY.exec(text);
  const us = US_DAY.exec(text);
  let day = '';
  if (iso !== null) day = `${iso[1]}-${iso[2]}-${iso[3]}`;
  else if (us !== null) day = `${us[3]}-${pad(us[1]!)}-${pad(us[2]!)}`;
  if (day === '' || !isCalendarDay(day)) {
    throw new ImportError(
      { file: fileName, line: Number(cell.row), column: label, value: text },
      `sheet "${worksheet.name}" has no date in its ${label} row`,
      'Enter the date as a date cell or as YYYY-MM-DD, or download the workbook again from RingCentral.',
    );
  }
  return day;
}

/** Reads a Last Used cell as ISO wall-clock time (`YYYY-MM-DDTHH:MM:SS[.mmm]`), null when blank, undefined when invalid. */
export function readWallClock(cell: Cell): string | null | undefined {
  const value = cell.value;
  // Milliseconds are kept: this product's workbooks write them, though Excel shows only minutes.
  if (value instanceof Date) return value.toISOString().slice(0, 23);
  const text = worksheetCellText(cell).trim();
  if (text === '') return null;

  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso !== null) return wallClock(iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5], iso[6], undefined);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(text);
  if (us !== null) return wallClock(us[3]!, us[1]!, us[2]!, us[4], us[5], us[6], us[7]);
  return undefined;
}

function wallClock(
  year: string,
  month: string,
  day: string,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
): string | undefined {
  let hours = Number(hour ?? 0);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isCalendarDay(date) || hours > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return undefined;
  return `${date}T${pad(String(hours))}:${pad(minute ?? '0')}:${pad(second ?? '0')}`;
}

function pad(part: string): string {
  return part.padStart(2, '0');
}

function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}
