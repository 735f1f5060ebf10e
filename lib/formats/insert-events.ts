import { columnsToIpc, type Column } from '../engine/arrow-ipc';
import type { Database } from '../engine/database';
import type { Channel } from '../engine/types';
import type { ParsedTime } from '../time/parse-time';

/** One canonical `events` row built in JavaScript. Its keys are the table's column names (see schema.sql). */
export interface EventRow {
  source_line: number;
  channel: Channel;
  kind: 'record' | 'usage';
  record_id: string | null;
  session_id: string | null;
  /** Fills `start_utc` or `start_wall` by its clock. */
  start: ParsedTime;
  user_platform_id: string | null;
  user_extension: string | null;
  user_email: string | null;
  user_name: string | null;
  endpoint_raw: string | null;
  version: string | null;
  role: string | null;
  direction: string | null;
  result: string | null;
  action: string | null;
  duration_s: number | null;
  from_extension: string | null;
  to_extension: string | null;
  /** Message: files attached to the post. */
  attachments: number | null;
}

type TextColumn = {
  [K in keyof EventRow]: EventRow[K] extends string | null ? K : never;
}[keyof EventRow];

const TEXT_COLUMNS: readonly TextColumn[] = [
  'channel',
  'kind',
  'record_id',
  'session_id',
  'user_platform_id',
  'user_extension',
  'user_email',
  'user_name',
  'endpoint_raw',
  'version',
  'role',
  'direction',
  'result',
  'action',
  'from_extension',
  'to_extension',
];

/**
 * Inserts rows into `events` with `file_id` = `fileId`, through a staging table filled from Arrow IPC
 * bytes (the one way into DuckDB-WASM that works the same in the browser and under Node).
 */
export function insertEvents(db: Database, fileId: number, rows: readonly EventRow[]): void {
  if (rows.length === 0) return;

  const columns: Record<string, Column> = {
    source_line: { type: 'int', values: rows.map((row) => row.source_line) },
    clock: { type: 'text', values: rows.map((row) => row.start.clock) },
    // Microseconds fit a double exactly up to 2^53, about 285 years either side of 1970.
    start_micros: { type: 'float', values: rows.map((row) => row.start.epochMicros) },
    duration_s: { type: 'float', values: rows.map((row) => row.duration_s) },
    attachments: { type: 'float', values: rows.map((row) => row.attachments) },
  };
  for (const name of TEXT_COLUMNS) columns[name] = { type: 'text', values: rows.map((row) => row[name]) };

  const staging = `events_ipc_${fileId}`;
  db.insertArrowIpc(staging, columnsToIpc(columns));
  db.run(
    `INSERT INTO events (file_id, source_line, start_utc, start_wall, duration_s, attachments, ${TEXT_COLUMNS.join(', ')})
     SELECT ?, source_line,
            CASE WHEN clock = 'utc' THEN make_timestamp(CAST(start_micros AS BIGINT)) END,
            CASE WHEN clock = 'wall' THEN make_timestamp(CAST(start_micros AS BIGINT)) END,
            duration_s, CAST(attachments AS INTEGER), ${TEXT_COLUMNS.join(', ')}
     FROM ${staging}`,
    [fileId],
  );
  db.run(`DROP TABLE ${staging}`);
}
