import { ImportError } from '../errors';
import { installTimeMacros } from '../time/macros';
import { unreadableDurationError, unreadableTimeError } from '../time/errors';
import { directionSql, invalidDirectionError } from './call-direction';
import { readEventParts, readEventPartsInPairs, type CsvEventSteps } from './csv-event-parts';
import type { PartReader } from './csv-part-job';
import type { Format, LoadContext, LoadResult, SniffedFile } from './format';
import { findColumn, quoteIdentifier, textSql, type RowRule } from './staged-rows';

/** The export's header names this format reads, matched without regard to case. */
interface CallLogColumns {
  date: string;
  time: string;
  action: string;
  actionResult: string;
  duration: string;
  type?: string;
  callId?: string;
  sessionId?: string;
  leg?: string;
  direction?: string;
  from?: string;
  to?: string;
  extension?: string;
}

/**
 * The call log downloaded from RingCentral's Admin Portal as CSV, simple or detailed. The detailed
 * log has one master row per call followed by one row per leg with the call-level columns blank. Only
 * master rows become `events` rows. The simple log has one row per call and names no owner.
 */
export const ringcentralCallLogCsv: Format = {
  id: 'ringcentral-call-log-csv',
  label: 'RingCentral call log (CSV)',
  channels: ['phone'],
  recognise: (file) => findCallLogColumns(file) !== null,
  load: loadCallLogCsv,
  loadInParts: loadCallLogCsvInParts,
};

function findCallLogColumns(file: SniffedFile): CallLogColumns | null {
  if (file.container !== 'csv' || file.table === undefined) return null;
  const names = file.table.columns;
  const date = findColumn(names, 'Date');
  const time = findColumn(names, 'Time');
  const action = findColumn(names, 'Action');
  const actionResult = findColumn(names, 'Action Result');
  const duration = findColumn(names, 'Duration');
  if (!date || !time || !action || !actionResult || !duration) return null;
  return {
    date,
    time,
    action,
    actionResult,
    duration,
    type: findColumn(names, 'Type'),
    callId: findColumn(names, 'CallId', 'Call Id'),
    sessionId: findColumn(names, 'SessionId', 'Session Id'),
    leg: findColumn(names, 'Leg'),
    direction: findColumn(names, 'Direction'),
    from: findColumn(names, 'From'),
    to: findColumn(names, 'To'),
    extension: findColumn(names, 'Extension'),
  };
}

type CallLogCounts = Record<'rows' | 'legs' | 'calls' | 'faxes' | 'wall', number>;

function loadCallLogCsv(context: LoadContext): LoadResult {
  const read = prepareCallLogRead(context);
  return callLogResult(readEventParts(context, read.steps) as CallLogCounts, read.detailed);
}

/** Loads the call log as `loadCallLogCsv` does, with a part reader reading every other part. */
async function loadCallLogCsvInParts(context: LoadContext, startReader: () => PartReader): Promise<LoadResult> {
  const read = prepareCallLogRead(context);
  return callLogResult((await readEventPartsInPairs(context, read.steps, startReader)) as CallLogCounts, read.detailed);
}

/** Builds the statements that read the call log's parts, and tells whether it is the detailed log. */
function prepareCallLogRead(context: LoadContext): { steps: CsvEventSteps; detailed: boolean } {
  const { db, fileId, file } = context;
  const columns = findCallLogColumns(file);
  if (columns === null) throw new Error(`${file.source.name} is not a RingCentral call log CSV`);
  const detailed = [columns.extension, columns.leg, columns.sessionId, columns.callId].some(Boolean);

  installTimeMacros(db);
  const isLeg = detailed ? legSql(columns) : 'false';
  const typed = `call_log_${fileId}`;
  const steps: CsvEventSteps = {
    table: typed,
    select: (records) => typedSelect(columns, file.table!.columns, isLeg, records),
    rules: rowRules(file.source.name, columns),
    countsSql: `SELECT count(*)::INTEGER AS rows,
                       count(*) FILTER (WHERE is_leg)::INTEGER AS legs,
                       count(*) FILTER (WHERE is_call)::INTEGER AS calls,
                       count(*) FILTER (WHERE is_fax)::INTEGER AS faxes,
                       count(start_wall) FILTER (WHERE is_call)::INTEGER AS wall
                FROM ${typed}`,
    eventsSql: `SELECT ${Math.trunc(fileId)} AS file_id, source_line, 'phone' AS channel, 'record' AS kind, record_id, session_id,
                       start_utc, start_wall, NULL::VARCHAR AS user_platform_id, user_extension, NULL::VARCHAR AS user_email,
                       user_name, NULL::VARCHAR AS endpoint_raw, NULL::VARCHAR AS version, NULL::VARCHAR AS role, direction,
                       result, action, duration_s, from_extension, to_extension, NULL::INTEGER AS attachments
                FROM ${typed}
                WHERE is_call`,
  };
  return { steps, detailed };
}

function callLogResult(counts: CallLogCounts, detailed: boolean): LoadResult {
  return { rowsRead: counts.rows, rowsUsed: counts.calls, notes: callLogNotes(counts, detailed) };
}

/**
 * Returns SQL that is true on a leg row of the detailed log: a row with a leg number, or, in a file
 * without a Leg column, a row whose Date and Time are blank. A master row without a Date is reported
 * as an error by the rules.
 */
function legSql(columns: CallLogColumns): string {
  if (columns.leg !== undefined) return `${textSql(columns.leg)} IS NOT NULL`;
  return `${textSql(columns.date)} IS NULL AND ${textSql(columns.time)} IS NULL`;
}

/** The format in which the Admin Portal writes a start, `Tue 3/4/2025 9:14:07 AM`, for strptime and strftime. */
const PORTAL_TIME_FORMAT = '%a %-m/%-d/%Y %-I:%M:%S %p';

/**
 * Returns SQL selecting, per record of the file, the text the rules check and the values `events`
 * receives. Leg rows stay in the table, because the records are checked against the file's scan, and
 * `is_leg` marks them. Every identifier comes from `quoteIdentifier`.
 *
 * A start written exactly as the Admin Portal writes it is read by `try_strptime` and checked by
 * writing it back with `strftime`, so a weekday that does not match its date falls through. Other
 * starts go through the time macros, which accept every form but took 4.7 of the 12.7 seconds of
 * this step for 1,000,000 calls (DuckDB-WASM 1.32.0 under Node). CASE evaluates each branch only on
 * the rows that take it, so only a call without SessionId and CallId is hashed. The hash of its
 * content keys it, so the same call in two files (the same file dropped twice) is still one call.
 */
function typedSelect(columns: CallLogColumns, header: readonly string[], isLeg: string, records: string): string {
  const date = textSql(columns.date);
  const time = textSql(columns.time);
  const startText = `CASE WHEN ${date} IS NULL AND ${time} IS NULL THEN NULL ELSE concat_ws(' ', ${date}, ${time}) END`;
  const extension = textSql(columns.extension);
  const isFax = `coalesce(lower(${textSql(columns.type)}) = 'fax', false)`;
  const ids = `coalesce(${textSql(columns.sessionId)}, ${textSql(columns.callId)})`;

  return `
    SELECT source_line, is_leg, date_text, start_text, duration_text, direction_text, is_fax,
           NOT is_leg AND NOT is_fax AS is_call,
           CASE WHEN portal_start IS NULL AND start_text IS NOT NULL THEN parse_time_utc(start_text) END AS start_utc,
           CASE WHEN portal_start IS NULL AND start_text IS NOT NULL THEN parse_time_wall(start_text) ELSE portal_start END AS start_wall,
           CASE WHEN duration_text IS NOT NULL THEN parse_duration_seconds(duration_text, true) END AS duration_s,
           CASE WHEN direction_text IS NOT NULL THEN ${directionSql('direction_text')} END AS direction,
           record_id, session_id, result, action, user_extension, user_name, from_extension, to_extension
    FROM (
      SELECT *,
             CASE WHEN strftime(parsed_start, '${PORTAL_TIME_FORMAT}') = start_text THEN parsed_start END AS portal_start
      FROM (
        SELECT source_line, is_leg,
               ${date} AS date_text,
               ${startText} AS start_text,
               try_strptime(${startText}, '${PORTAL_TIME_FORMAT}') AS parsed_start,
               ${textSql(columns.duration)} AS duration_text,
               ${textSql(columns.direction)} AS direction_text,
               NOT is_leg AND ${isFax} AS is_fax,
               ${textSql(columns.callId)} AS record_id,
               CASE WHEN is_leg THEN NULL
                    WHEN ${ids} IS NOT NULL THEN ${ids}
                    ELSE 'row:' || md5(CAST(list_value(${header.map(quoteIdentifier).join(', ')}) AS VARCHAR))
               END AS session_id,
               ${textSql(columns.actionResult)} AS result,
               ${textSql(columns.action)} AS action,
               ${extensionNumberSql(extension)} AS user_extension,
               ${extensionOwnerNameSql(extension)} AS user_name,
               ${bareExtensionSql(textSql(columns.from))} AS from_extension,
               ${bareExtensionSql(textSql(columns.to))} AS to_extension
        FROM (SELECT ${isLeg} AS is_leg, * FROM ${records})
      )
    )`;
}

/**
 * Returns SQL that is true when `text` is a bare extension number of 1 to 8 digits, the form the Admin
 * Portal writes. The functions below test this first and run their regular expressions only on other
 * text, because a full match is several times cheaper than `regexp_extract` or `regexp_replace` in
 * DuckDB-WASM 1.32.0. The typed read of 1,000,000 calls took 6.4 s instead of 9.1 s under Node.
 */
function isBareNumberSql(text: string): string {
  return `regexp_full_match(${text}, '\\d{1,8}')`;
}

/** Returns SQL for the first run of 1 to 8 digits standing alone: `101`, `101 - Alice Smith`, `Alice Smith (101)`. */
function extensionNumberSql(text: string): string {
  return `CASE WHEN ${isBareNumberSql(text)} THEN ${text}
               ELSE nullif(regexp_extract(${text}, '\\b(\\d{1,8})\\b', 1), '') END`;
}

/** Returns SQL for the Extension text without its number, an `Ext.` before it, empty brackets and edge separators. */
function extensionOwnerNameSql(text: string): string {
  const withoutNumber = `regexp_replace(${text}, '(?i)(?:\\bext\\.?\\s*)?\\b\\d{1,8}\\b', '')`;
  const withoutBrackets = `regexp_replace(${withoutNumber}, '\\(\\s*\\)', '', 'g')`;
  const name = `nullif(regexp_replace(${withoutBrackets}, '^[\\s\\-–:,]+|[\\s\\-–:,]+$', '', 'g'), '')`;
  return `CASE WHEN ${isBareNumberSql(text)} THEN NULL ELSE ${name} END`;
}

/**
 * Returns SQL for an extension number written alone (`101`, `Ext. 101`), or NULL for phone numbers and
 * names. Text with an `Ext` prefix ends in the number, so its last run of digits is the number.
 */
function bareExtensionSql(text: string): string {
  return `CASE WHEN ${isBareNumberSql(text)} THEN ${text}
               WHEN regexp_full_match(${text}, '(?i)ext\\.?\\s*\\d{1,8}') THEN regexp_extract(${text}, '(\\d+)$', 1) END`;
}

function rowRules(fileName: string, columns: CallLogColumns): RowRule[] {
  const rules: RowRule[] = [];
  // Every call needs a date, in the detailed log too: a leg is known by its leg number.
  rules.push({
    valueSql: 'date_text',
    failedSql: 'is_call AND date_text IS NULL',
    error: ({ line }) =>
      new ImportError(
        { file: fileName, line, column: columns.date, value: '' },
        'the call has no date',
        'Remove lines that are not calls (such as totals) from the file, or export the call log again.',
      ),
  });
  rules.push(
    {
      valueSql: 'start_text',
      failedSql: 'is_call AND start_text IS NOT NULL AND start_utc IS NULL AND start_wall IS NULL',
      error: ({ line, value }) =>
        unreadableTimeError({ file: fileName, line, column: `${columns.date} + ${columns.time}`, value: value ?? '' }),
    },
    {
      valueSql: 'duration_text',
      failedSql: 'is_call AND duration_text IS NOT NULL AND duration_s IS NULL',
      error: ({ line, value }) =>
        unreadableDurationError(
          { file: fileName, line, column: columns.duration, value: value ?? '' },
          { minutesSeconds: true },
        ),
    },
  );
  if (columns.direction !== undefined) {
    const column = columns.direction;
    rules.push({
      valueSql: 'direction_text',
      failedSql: 'is_call AND direction_text IS NOT NULL AND direction IS NULL',
      error: ({ line, value }) => invalidDirectionError({ file: fileName, line, column, value: value ?? '' }),
    });
  }
  return rules;
}

function callLogNotes(counts: { legs: number; faxes: number; wall: number }, detailed: boolean): string[] {
  const notes: string[] = [];
  if (counts.legs > 0) {
    notes.push(`Read ${counts.legs} leg ${counts.legs === 1 ? 'row' : 'rows'} without counting them: each call counts once, from its master row.`);
  }
  if (counts.faxes > 0) notes.push(`Skipped ${counts.faxes} fax ${counts.faxes === 1 ? 'row' : 'rows'}: faxes are not calls.`);
  if (counts.wall > 0) {
    notes.push('Times in this file carry no time zone, so they are read as wall-clock times in the report time zone.');
  }
  if (!detailed) {
    notes.push(
      'This call log names no owner, so its calls count for the account but not for any user. ' +
        'Export the detailed call log to attribute calls to users.',
    );
  }
  return notes;
}
