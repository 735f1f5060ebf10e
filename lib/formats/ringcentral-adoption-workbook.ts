import type { Worksheet } from 'exceljs';
import { columnsToIpc } from '../engine/arrow-ipc';
import type { Database } from '../engine/database';
import type { Channel } from '../engine/types';
import { ImportError } from '../errors';
import {
  CHANNEL_COLUMNS,
  findUserTables,
  readDownloadPeriod,
  readWallClock,
  type DownloadPeriod,
  type UserTableSheet,
} from './adoption-workbook-sheets';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { worksheetCellText } from './sniff';

/** KPI labels a download can feed (`fed`) and cannot (`unfed`), per channel, as its import summary lists them. */
export const DOWNLOAD_KPIS: Record<Channel, { fed: string[]; unfed: string[] }> = {
  message: {
    fed: ['Messages sent', 'Messages per active user per week'],
    unfed: ['Conversations with messages', 'Files shared'],
  },
  video: {
    fed: ['Active hosts'],
    unfed: ['Meetings', 'Meeting minutes', 'Average meeting length', 'Participants', 'Average participants per meeting'],
  },
  phone: {
    fed: ['Calls per active user per week'],
    unfed: [
      'Calls',
      'Inbound',
      'Outbound',
      'Internal',
      'Answered inbound',
      'Missed inbound',
      'Sent to voicemail',
      'Abandoned',
      'Other results',
      'Talk minutes',
      'Average call length',
    ],
  },
};

const FED_BY_EVERY_CHANNEL = ['Users', 'Active users', 'Active rate', 'Inactive users', 'Uses per active user', 'Top endpoints'];
const UNFED_BY_EVERY_CHANNEL = ['Active days per active user'];

/** Writes the import-summary note that lists, in plain words, what a download's totals of `channel` can and cannot feed. */
export function downloadFeedsNote(channel: Channel): string {
  const { fed, unfed } = DOWNLOAD_KPIS[channel];
  return (
    `Its ${CHANNEL_NAMES[channel]} rows are totals per user and endpoint over the whole period, so they feed ` +
    `${[...FED_BY_EVERY_CHANNEL, ...fed].join(', ')}, the User Table and the Department, Site and Endpoint breakdowns. ` +
    `They cannot feed ${[...UNFED_BY_EVERY_CHANNEL, ...unfed].join(', ')}, Status over several downloads, ` +
    'or the weekly and daily trends: those show as not available.'
  );
}

const CHANNEL_NAMES: Record<Channel, string> = { phone: 'Phone', video: 'Video', message: 'Message' };

interface TotalsRow {
  sheet: string;
  line: number;
  channel: Channel;
  userName: string | null;
  userExtension: string | null;
  userEmail: string | null;
  status: string | null;
  userStatus: string | null;
  department: string | null;
  site: string | null;
  endpoint: string | null;
  version: string | null;
  lastUsed: string | null;
  usageCount: number;
  channelCount: number | null;
  hostCount: number | null;
  participantCount: number | null;
}

function recognise(file: SniffedFile): boolean {
  return file.container === 'xlsx' && file.workbook !== undefined && findUserTables(file.workbook).length > 0;
}

function load({ db, fileId, file }: LoadContext): LoadResult {
  const fileName = file.source.name;
  const workbook = file.workbook!;
  const tables = findUserTables(workbook);
  const period = readDownloadPeriod(workbook, fileName);
  if (period === undefined) throw noPeriodError(fileName, tables[0]!);

  const rows = tables.flatMap((table) => readTotalsRows(table, fileName));
  insertTotals(db, fileId, fileName, period, rows);
  rejectOverlap(db, fileId);

  const channels = [...new Set(tables.map((table) => table.channel))];
  const notes = [
    `Read ${tables.map((table) => `"${table.worksheet.name}"`).join(', ')} as the ` +
      `${channels.map((channel) => CHANNEL_NAMES[channel]).join(', ')} totals of ${period.from} to ${period.to}.`,
    ...channels.map(downloadFeedsNote),
  ];
  if (period.timeZone === null) {
    notes.push('The workbook names no time zone, so its period and Last Used times are read as days and wall-clock times of the report time zone.');
  }
  const nameless = rows.filter((row) => row.userEmail === null && row.userExtension === null).length;
  if (nameless > 0) {
    notes.push(`${nameless} row${nameless === 1 ? ' has' : 's have'} neither a User Email nor a User Extension, so they count in the account's totals but belong to no user.`);
  }
  return { rowsRead: rows.length, rowsUsed: rows.length, notes };
}

/** Reads a User Table's data rows, skipping blank ones; throws an `ImportError` naming the first invalid cell. */
function readTotalsRows(table: UserTableSheet, fileName: string): TotalsRow[] {
  const { worksheet, channel, headerRow, columns } = table;
  const rows: TotalsRow[] = [];
  for (let r = headerRow + 1; r <= worksheet.rowCount; r++) {
    const cells = new CellReader(worksheet, r, columns, fileName);
    if (cells.isBlank()) continue;
    rows.push({
      sheet: worksheet.name,
      line: r,
      channel,
      userName: cells.text('User Name'),
      userExtension: cells.text('User Extension'),
      userEmail: cells.text('User Email'),
      status: cells.text('Status'),
      userStatus: cells.text('User Status'),
      department: cells.text('Department'),
      site: cells.text('Site'),
      endpoint: cells.text('Endpoint'),
      version: cells.text('Version'),
      lastUsed: cells.wallClock('Last Used'),
      usageCount: cells.usageCount(),
      channelCount: cells.count(CHANNEL_COLUMNS[channel]),
      hostCount: channel === 'video' ? cells.count('Host Count') : null,
      participantCount: channel === 'video' ? cells.count('Participant Count') : null,
    });
  }
  return rows;
}

/** Reads the cells of one User Table row by header name. */
class CellReader {
  constructor(
    private readonly worksheet: Worksheet,
    private readonly rowNumber: number,
    private readonly columns: Map<string, number>,
    private readonly fileName: string,
  ) {}

  isBlank(): boolean {
    return [...this.columns.values()].every((column) => this.#textAt(column) === '');
  }

  text(header: string): string | null {
    const column = this.columns.get(header.toLowerCase());
    const text = column === undefined ? '' : this.#textAt(column);
    return text === '' ? null : text;
  }

  /** Reads a whole number of zero or more; null when the cell is blank or the column is absent. */
  count(header: string): number | null {
    const text = this.text(header);
    if (text === null) return null;
    const value = Number(text.replace(/,/g, ''));
    if (!Number.isInteger(value) || value < 0) {
      throw this.#invalid(header, text, 'is not a whole number of zero or more', 'Enter the count as a number, or download the workbook again.');
    }
    return value;
  }

  /**
   * Reads Usage Count. A blank cell is 0 on a row without an endpoint (an unused row), but an error on a
   * row that names one, because dropping its uses would change every total it feeds.
   */
  usageCount(): number {
    const count = this.count('Usage Count');
    if (count !== null) return count;
    const endpoint = this.text('Endpoint');
    if (endpoint === null) return 0;
    throw this.#invalid(
      'Usage Count',
      '',
      `is empty, but the row names the endpoint "${endpoint}"`,
      'Enter the number of uses from that endpoint, or download the workbook again.',
    );
  }

  wallClock(header: string): string | null {
    const column = this.columns.get(header.toLowerCase());
    if (column === undefined) return null;
    const cell = this.worksheet.getRow(this.rowNumber).getCell(column);
    const wallClock = readWallClock(cell);
    if (wallClock === undefined) {
      throw this.#invalid(
        header,
        worksheetCellText(cell),
        'is not a date and time',
        'Enter it as a date cell, as YYYY-MM-DD HH:MM or as M/D/YYYY h:mm AM, or download the workbook again.',
      );
    }
    return wallClock;
  }

  #textAt(column: number): string {
    return worksheetCellText(this.worksheet.getRow(this.rowNumber).getCell(column)).trim();
  }

  #invalid(column: string, value: string, problem: string, remedy: string): ImportError {
    return new ImportError(
      { file: this.fileName, line: this.rowNumber, column, value },
      `the ${column} cell of sheet "${this.worksheet.name}" ${problem}`,
      remedy,
    );
  }
}

function insertTotals(db: Database, fileId: number, fileName: string, period: DownloadPeriod, rows: readonly TotalsRow[]): void {
  if (rows.length === 0) return;
  const text = (pick: (row: TotalsRow) => string | null) => ({ type: 'text' as const, values: rows.map(pick) });
  const float = (pick: (row: TotalsRow) => number | null) => ({ type: 'float' as const, values: rows.map(pick) });
  const ipc = columnsToIpc({
    sheet: text((row) => row.sheet),
    source_line: { type: 'int', values: rows.map((row) => row.line) },
    channel: text((row) => row.channel),
    user_name: text((row) => row.userName),
    user_extension: text((row) => row.userExtension),
    user_email: text((row) => row.userEmail),
    status: text((row) => row.status),
    user_status: text((row) => row.userStatus),
    department: text((row) => row.department),
    site: text((row) => row.site),
    endpoint: text((row) => row.endpoint),
    version: text((row) => row.version),
    last_used: text((row) => row.lastUsed),
    usage_count: float((row) => row.usageCount),
    channel_count: float((row) => row.channelCount),
    host_count: float((row) => row.hostCount),
    participant_count: float((row) => row.participantCount),
  });
  const staging = `usage_totals_ipc_${fileId}`;
  db.insertArrowIpc(staging, ipc);
  db.run(
    `INSERT INTO usage_totals
     SELECT ?, ?, sheet, source_line, channel, ?::DATE, ?::DATE, ?, user_name, user_extension, user_email,
            status, user_status, department, site, endpoint, version, last_used::TIMESTAMP,
            usage_count::INTEGER, channel_count::INTEGER, host_count::INTEGER, participant_count::INTEGER
     FROM ${staging}`,
    [fileId, fileName, period.from, period.to, period.timeZone],
  );
  db.run(`DROP TABLE ${staging}`);
}

/**
 * Throws an `ImportError` when a channel of this file has a download loaded before whose period
 * overlaps it, because summing the two would count the shared days twice.
 */
function rejectOverlap(db: Database, fileId: number): void {
  const [clash] = db.query<{ channel: Channel; name: string; from: string; to: string; otherName: string; otherFrom: string; otherTo: string }>(
    `WITH downloads AS (
       SELECT DISTINCT file_id, file_name, channel, period_from, period_to FROM usage_totals
     )
     SELECT n.channel, n.file_name AS name, strftime(n.period_from, '%Y-%m-%d') AS "from", strftime(n.period_to, '%Y-%m-%d') AS "to",
            o.file_name AS "otherName", strftime(o.period_from, '%Y-%m-%d') AS "otherFrom", strftime(o.period_to, '%Y-%m-%d') AS "otherTo"
     FROM downloads AS n
     JOIN downloads AS o ON o.channel = n.channel AND o.file_id <> n.file_id
       AND o.period_from <= n.period_to AND n.period_from <= o.period_to
     WHERE n.file_id = ?
     ORDER BY o.file_id
     LIMIT 1`,
    [fileId],
  );
  if (clash === undefined) return;
  throw new ImportError(
    { file: clash.name },
    `its ${CHANNEL_NAMES[clash.channel]} period ${clash.from} to ${clash.to} overlaps ${clash.otherName} (${clash.otherFrom} to ${clash.otherTo}), ` +
      'loaded before, and adding up both would count the shared days twice',
    'Remove one of the two files, or download periods that do not overlap and drop those.',
  );
}

function noPeriodError(fileName: string, table: UserTableSheet): ImportError {
  return new ImportError(
    { file: fileName },
    `sheet "${table.worksheet.name}" is a User Table, but the workbook has no General metrics sheet with From time and To time rows, so its period is unknown`,
    'Load the workbook as downloaded from RingCentral (with its General metrics sheet), or load the raw exports instead: the call log, the meeting history or the messaging export.',
  );
}

/** RingCentral's Adoption and Usage download (and this product's own workbooks): totals per user and endpoint. */
export const ringcentralAdoptionWorkbook: Format = {
  id: 'ringcentral-adoption-workbook',
  label: 'RingCentral Adoption and Usage workbook',
  channels: ['phone', 'video', 'message'],
  readsWholeWorkbook: true,
  recognise,
  load,
};
