import { USAGE_FIELDS, type Channel, type UsageField } from '../engine/types';
import { ImportError } from '../errors';
import { installTimeMacros } from '../time/macros';
import { unreadableDurationError, unreadableTimeError } from '../time/errors';
import { directionSql, invalidDirectionError } from './call-direction';
import { dropCsvTable, readCsvTable } from './csv-table';
import { plural } from './json-values';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { assertRowRules, findColumn, textSql, type RowRule } from './staged-rows';

/** Usage-events field to the file's column that contains it, a header name as found in the file. */
export type UsageColumns = Partial<Record<UsageField, string>>;

const CHANNELS = ['message', 'video', 'phone'];
const ROLES = ['host', 'participant'];

/**
 * The product's own open format: one row per use of a channel, for client information that no
 * platform export carries and for other systems. Every row becomes one `events` row of kind `usage`.
 */
export const usageEventsCsv: Format = {
  id: 'usage-events-csv',
  label: 'Usage events (CSV)',
  channels: ['message', 'video', 'phone'],
  recognise: (file) => findUsageColumns(file) !== null,
  load: loadUsageEvents,
};

function findUsageColumns(file: SniffedFile): UsageColumns | null {
  if (file.container !== 'csv' || file.table === undefined) return null;
  const names = file.table.columns;
  const columns: UsageColumns = {};
  for (const name of USAGE_FIELDS) columns[name] = findColumn(names, name);
  const identified = columns.user_email !== undefined || columns.user_extension !== undefined;
  if (!columns.channel || !columns.time || !columns.endpoint || !identified) return null;
  return columns;
}

function loadUsageEvents(context: LoadContext): LoadResult {
  const columns = findUsageColumns(context.file);
  if (columns === null) throw new Error(`${context.file.source.name} is not a usage-events CSV`);
  return loadUsageColumns(context, columns);
}

/**
 * Loads a delimited file or worksheet as usage events, reading each field from the column `columns`
 * names. `channel`, when given, is the channel of every row of a file without a channel column. The
 * rules and error messages are the usage-events format's, with the file's own column names.
 */
export function loadUsageColumns(context: LoadContext, columns: UsageColumns, channel?: Channel): LoadResult {
  const { db, fileId, file } = context;
  installTimeMacros(db);
  const raw = readCsvTable(context);
  const typed = `usage_events_${fileId}`;
  // Without a channel column, the SQL reads the channel from a parameter instead.
  const channelParameter = columns.channel === undefined ? [channel ?? null] : [];
  db.run(`CREATE OR REPLACE TEMP TABLE ${typed} AS ${typedSelect(columns, raw)}`, channelParameter);

  assertRowRules(db, typed, rowRules(file.source.name, columns));
  db.run(
    `INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, start_wall,
                         user_platform_id, user_extension, user_email, user_name, endpoint_raw, version, role,
                         direction, result, action, duration_s, from_extension, to_extension)
     SELECT ?, source_line, channel, 'usage', NULL,
            CASE WHEN channel = 'video' THEN coalesce(meeting_id, session_id) ELSE session_id END,
            start_utc, start_wall, NULL, user_extension, user_email, user_name, endpoint_raw, version, role,
            direction, result, NULL, duration_s, NULL, NULL
     FROM ${typed}`,
    [fileId],
  );

  // Rows naming the same use: the report merges them, so they are one row used. A message row names a
  // use by its time too, because its session id is a chat. Rows without a session id name a use by
  // their whole content.
  const [counts] = db.query<{ rows: number; wall: number; uses: number }>(
    `SELECT count(*)::INTEGER AS rows, count(start_wall)::INTEGER AS wall,
            count(DISTINCT [channel, lower(coalesce(user_email, user_extension)),
                            CASE WHEN channel = 'video' THEN coalesce(meeting_id, session_id) ELSE session_id END,
                            CASE WHEN channel = 'message' OR session_id IS NULL AND meeting_id IS NULL
                                 THEN concat_ws('|', start_utc, start_wall, endpoint_raw) END])::INTEGER AS uses
     FROM ${typed}`,
  );
  // Reached only when nothing failed. After a failure, the engine drops both tables (see `loadOrUndo`).
  db.run(`DROP TABLE ${typed}`);
  dropCsvTable(context);

  const notes =
    counts!.wall > 0
      ? ['Some times in this file carry no time zone, so they are read as wall-clock times in the report time zone.']
      : [];
  const merged = counts!.rows - counts!.uses;
  if (merged > 0) {
    notes.push(
      `Merged ${plural(merged, 'row')} into ${merged === 1 ? 'an earlier row' : 'earlier rows'} naming the same use ` +
        '(same channel, user and session or meeting id); the report counts that use once.',
    );
  }
  return { rowsRead: counts!.rows, rowsUsed: counts!.uses, notes };
}

/**
 * SQL selecting, per staged row, the text the rules check and the values `events` receives. Without a
 * channel column in `columns`, it takes every row's channel as its one parameter.
 */
function typedSelect(columns: UsageColumns, raw: string): string {
  return `
    SELECT *,
           CASE WHEN lower(channel_text) IN (${sqlList(CHANNELS)}) THEN lower(channel_text) END AS channel,
           parse_time_utc(time_text) AS start_utc,
           parse_time_wall(time_text) AS start_wall,
           parse_duration_seconds(duration_text, false) AS duration_s,
           ${directionSql('direction_text')} AS direction,
           CASE WHEN lower(role_text) IN (${sqlList(ROLES)}) THEN lower(role_text) END AS role
    FROM (
      SELECT source_line,
             ${columns.channel === undefined ? 'CAST(? AS VARCHAR)' : textSql(columns.channel)} AS channel_text,
             ${textSql(columns.time)} AS time_text,
             ${textSql(columns.duration_seconds)} AS duration_text,
             ${textSql(columns.direction)} AS direction_text,
             ${textSql(columns.role)} AS role_text,
             ${textSql(columns.user_email)} AS user_email,
             ${textSql(columns.user_extension)} AS user_extension,
             ${textSql(columns.user_name)} AS user_name,
             ${textSql(columns.endpoint)} AS endpoint_raw,
             ${textSql(columns.version)} AS version,
             ${textSql(columns.result)} AS result,
             ${textSql(columns.session_id)} AS session_id,
             ${textSql(columns.meeting_id)} AS meeting_id
      FROM ${raw}
    )`;
}

/** SQL string literals of this file's own constant words (never of values read from a file). */
function sqlList(words: readonly string[]): string {
  return words.map((word) => `'${word}'`).join(', ');
}

function rowRules(fileName: string, columns: UsageColumns): RowRule[] {
  const at = (column: string | undefined, line: number, value: string | null) => ({
    file: fileName,
    line,
    column,
    value: value ?? '',
  });

  return [
    {
      valueSql: 'channel_text',
      failedSql: 'channel IS NULL',
      error: ({ line, value }) =>
        new ImportError(
          at(columns.channel, line, value),
          `the channel is not one of ${CHANNELS.join(', ')}`,
          'Write message, video or phone in the channel column of every row.',
        ),
    },
    {
      valueSql: 'time_text',
      failedSql: 'time_text IS NULL',
      error: ({ line }) =>
        new ImportError(
          at(columns.time, line, ''),
          'the row has no time',
          'Write the time of the use on every row, such as 2025-03-04T09:14:07Z.',
        ),
    },
    {
      valueSql: 'time_text',
      failedSql: 'time_text IS NOT NULL AND start_utc IS NULL AND start_wall IS NULL',
      error: ({ line, value }) => unreadableTimeError(at(columns.time, line, value)),
    },
    {
      valueSql: 'coalesce(user_email, user_extension)',
      failedSql: 'user_email IS NULL AND user_extension IS NULL',
      error: ({ line }) =>
        new ImportError(
          at(columns.user_email ?? columns.user_extension, line, ''),
          'the row names no user',
          'Write the user\'s e-mail address in user_email or their extension number in user_extension on every row.',
        ),
    },
    {
      valueSql: 'role_text',
      failedSql: 'role_text IS NOT NULL AND role IS NULL',
      error: ({ line, value }) =>
        new ImportError(
          at(columns.role, line, value),
          `the role is not one of ${ROLES.join(', ')}`,
          'Write host or participant in the role column, or leave it blank.',
        ),
    },
    {
      valueSql: 'direction_text',
      failedSql: 'direction_text IS NOT NULL AND direction IS NULL',
      error: ({ line, value }) => invalidDirectionError(at(columns.direction, line, value)),
    },
    {
      valueSql: 'duration_text',
      failedSql: 'duration_text IS NOT NULL AND duration_s IS NULL',
      error: ({ line, value }) =>
        unreadableDurationError(at(columns.duration_seconds, line, value), { minutesSeconds: false }),
    },
  ];
}
