import type { Database } from '../engine/database';
import { ImportError } from '../errors';
import { dropCsvTable, readCsvTable } from './csv-table';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';

/** Account statuses as the `users` table stores them. */
export const USER_STATUSES = ['Enabled', 'Disabled', 'Frozen', 'NotActivated', 'Unassigned'] as const;

/** Reduces a status to lower case without spaces, so `Not Activated` and `NOTACTIVATED` compare equal. */
export function statusKey(status: string): string {
  return status.replace(/\s+/g, '').toLowerCase();
}

/** The statuses as the Admin Portal shows them, for error messages. */
export const STATUS_CHOICES = `${USER_STATUSES.map((status) => status.replace(/([a-z])([A-Z])/g, '$1 $2')).join(', ')} (case and spaces do not matter)`;

/** Returns the canonical spelling of an account status, or undefined when the value is not one. */
export function normaliseStatus(status: string): string | undefined {
  const key = statusKey(status);
  return USER_STATUSES.find((canonical) => canonical.toLowerCase() === key);
}

/** Header names (lower case) the Admin Portal's "Download User List" uses for each field. */
const HEADERS = {
  email: ['email', 'email address'],
  extension: ['ext', 'ext.', 'extension', 'extension number'],
  name: ['name'],
  firstName: ['first name'],
  lastName: ['last name'],
  department: ['department'],
  site: ['site'],
  status: ['status'],
  type: ['type'],
} as const;

/**
 * Headers that mark a call log or another event export, which also has Extension, Name, Type and Site
 * columns but is not a list of users.
 */
const EVENT_HEADERS = ['date', 'time', 'start time', 'duration', 'action', 'action result', 'sessionid', 'session id', 'callid', 'call id'];

type Field = keyof typeof HEADERS;
type Columns = Partial<Record<Field, string>>;

/** Maps each field to the file's column that contains it (the first one, when names repeat). */
function findColumns(columns: readonly string[]): Columns {
  const found: Columns = {};
  for (const field of Object.keys(HEADERS) as Field[]) {
    const names: readonly string[] = HEADERS[field];
    found[field] = columns.find((column) => names.includes(column.trim().toLowerCase()));
  }
  return found;
}

function recognise(file: SniffedFile): boolean {
  if (file.table === undefined || (file.container !== 'csv' && file.container !== 'xlsx')) return false;

  const columns = findColumns(file.table.columns);
  const lowerNames = file.table.columns.map((column) => column.trim().toLowerCase());
  const hasIdentity = columns.email !== undefined || columns.extension !== undefined;
  const hasName = columns.name !== undefined || (columns.firstName !== undefined && columns.lastName !== undefined);
  const hasDetail = [columns.status, columns.type, columns.department, columns.site].some((column) => column !== undefined);
  const looksLikeEvents = lowerNames.some((name) => EVENT_HEADERS.includes(name));
  return hasIdentity && hasName && hasDetail && !looksLikeEvents;
}

/** Quotes a column name as a DuckDB identifier. Column names come from the file, so they are data. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Builds SQL for a cell as trimmed text, NULL when blank or when the column is absent. */
function textOf(column: string | undefined): string {
  return column === undefined ? 'NULL' : `NULLIF(trim(${quoteIdentifier(column)}), '')`;
}

function nameExpression(columns: Columns): string {
  const fullName = `NULLIF(trim(concat_ws(' ', ${textOf(columns.firstName)}, ${textOf(columns.lastName)})), '')`;
  if (columns.name === undefined) return fullName;
  if (columns.firstName === undefined && columns.lastName === undefined) return textOf(columns.name);
  return `coalesce(${textOf(columns.name)}, ${fullName})`;
}

/** Builds SQL for the canonical status and its parameters. It is NULL for a blank cell or an unknown value. */
function statusExpression(column: string | undefined): { sql: string; params: string[] } {
  if (column === undefined) return { sql: 'NULL', params: [] };
  const key = `lower(regexp_replace(${quoteIdentifier(column)}, '\\s+', '', 'g'))`;
  const branches = USER_STATUSES.map(() => 'WHEN ? THEN ?').join(' ');
  return { sql: `CASE ${key} ${branches} END`, params: USER_STATUSES.flatMap((status) => [statusKey(status), status]) };
}

/** Builds SQL row filters. A blank row has no value in any column, a total line only in its first column. */
function rowFilters(allColumns: readonly string[]): { blank: string; firstCellOnly: string } {
  const isEmpty = (column: string) => `coalesce(trim(${quoteIdentifier(column)}), '') = ''`;
  const [first, ...rest] = allColumns;
  const restEmpty = rest.map(isEmpty).join(' AND ');
  return {
    blank: `(${allColumns.map(isEmpty).join(' AND ')})`,
    firstCellOnly: `(NOT ${isEmpty(first!)} AND ${restEmpty})`,
  };
}

function load(context: LoadContext): LoadResult {
  const { db, fileId, file } = context;
  const allColumns = file.table!.columns;
  const columns = findColumns(allColumns);
  const raw = readCsvTable(context);
  try {
    const { blank, firstCellOnly } = rowFilters(allColumns);

    // A row with only its first cell filled is a total line only below the last full row. Higher up,
    // it is a user whose other cells are empty.
    const [{ lastDataLine }] = db.query<{ lastDataLine: number | null }>(
      `SELECT max(source_line) AS lastDataLine FROM ${raw} WHERE NOT ${blank} AND NOT ${firstCellOnly}`,
    ) as [{ lastDataLine: number | null }];
    const footerFrom = (lastDataLine ?? 0) + 1;
    const skipped = `(${blank} OR (${firstCellOnly} AND source_line >= ?))`;

    const status = statusExpression(columns.status);
    rejectUnknownStatus(db, file, raw, columns.status, status, skipped, footerFrom);

    db.run(
      `INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type)
       SELECT ?, source_line, NULL, ${textOf(columns.extension)}, ${textOf(columns.email)}, ${nameExpression(columns)},
              ${textOf(columns.department)}, ${textOf(columns.site)}, ${status.sql}, ${textOf(columns.type)}
       FROM ${raw}
       WHERE NOT ${skipped}
       ORDER BY source_line`,
      [fileId, ...status.params, footerFrom],
    );

    const [counts] = db.query<{ rowsRead: number; rowsUsed: number; blankRows: number }>(
      `SELECT count(*)::INTEGER AS rowsRead,
              (count(*) FILTER (WHERE NOT ${skipped}))::INTEGER AS rowsUsed,
              (count(*) FILTER (WHERE ${blank}))::INTEGER AS blankRows
       FROM ${raw}`,
      [footerFrom],
    ) as [{ rowsRead: number; rowsUsed: number; blankRows: number }];
    const footers = db.query<{ line: number; text: string }>(
      `SELECT source_line AS line, trim(${quoteIdentifier(allColumns[0]!)}) AS text
       FROM ${raw} WHERE ${firstCellOnly} AND source_line >= ? ORDER BY source_line`,
      [footerFrom],
    );

    const notes: string[] = [];
    if (counts.blankRows > 0) notes.push(`Skipped ${counts.blankRows} blank row${counts.blankRows === 1 ? '' : 's'}.`);
    for (const footer of footers) notes.push(`Skipped line ${footer.line} ("${footer.text}") as a total line below the users.`);
    return { rowsRead: counts.rowsRead, rowsUsed: counts.rowsUsed, notes };
  } finally {
    dropCsvTable(context);
  }
}

/** Throws an `ImportError` for the first row whose status is not blank and not a known status. */
function rejectUnknownStatus(
  db: Database,
  file: SniffedFile,
  raw: string,
  column: string | undefined,
  status: { sql: string; params: string[] },
  skipped: string,
  footerFrom: number,
): void {
  if (column === undefined) return;
  const [bad] = db.query<{ line: number; value: string }>(
    `SELECT source_line AS line, ${quoteIdentifier(column)} AS value
     FROM ${raw}
     WHERE NOT ${skipped} AND trim(${quoteIdentifier(column)}) <> '' AND ${status.sql} IS NULL
     ORDER BY source_line LIMIT 1`,
    [footerFrom, ...status.params],
  );
  if (bad === undefined) return;
  throw new ImportError(
    { file: file.source.name, line: bad.line, column, value: bad.value },
    `the status is not one of ${STATUS_CHOICES}`,
    'Correct the status in the file, or download the user list again from the Admin Portal.',
  );
}

/** The Admin Portal's "Download User List" export, as CSV or XLSX, with the columns the administrator chose. */
export const ringcentralUsersList: Format = {
  id: 'ringcentral-users-list',
  label: 'RingCentral users list',
  channels: [],
  recognise,
  load,
};
