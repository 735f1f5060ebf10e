import type { Database } from '../../lib/engine/database';

/** Reads every column of `events`, with times as `YYYY-MM-DD HH:MM:SS.ffffff` text, in file and line order. */
export function readEvents(db: Database): Record<string, unknown>[] {
  return db.query(
    `SELECT * REPLACE (strftime(start_utc, '%Y-%m-%d %H:%M:%S.%f') AS start_utc,
                       strftime(start_wall, '%Y-%m-%d %H:%M:%S.%f') AS start_wall)
     FROM events
     ORDER BY file_id, source_line`,
  );
}

/** Builds an `events` row with every column NULL except those given. */
export function eventRow(values: Record<string, unknown>): Record<string, unknown> {
  return {
    file_id: null,
    source_line: null,
    channel: null,
    kind: null,
    record_id: null,
    session_id: null,
    start_utc: null,
    start_wall: null,
    user_platform_id: null,
    user_extension: null,
    user_email: null,
    user_name: null,
    endpoint_raw: null,
    version: null,
    role: null,
    direction: null,
    result: null,
    action: null,
    duration_s: null,
    from_extension: null,
    to_extension: null,
    attachments: null,
    ...values,
  };
}

/** Lists the tables other than the canonical ones left in the database, temporary ones included. */
export function leftoverTables(db: Database): string[] {
  return db
    .query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE table_name NOT IN ('events', 'users', 'identities', 'usage_totals') ORDER BY 1`)
    .map((row) => row.name);
}
