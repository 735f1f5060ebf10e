import type { Database } from '../engine/database';
import { placedSql, type TablePlace } from './table-place';

/**
 * Channel events per part of the report's largest tables. DuckDB keeps the rows a statement writes
 * uncompressed until it commits, and a statement's hash tables grow with its rows: a report of
 * 5,000,000 calls built in one statement per table took 3.1 GiB of DuckDB-WASM's memory.
 */
export const PART_EVENTS = 1_048_576;

/**
 * Sets the variable `report_parts`, the count of parts a report of `events` channel events is built
 * in: one per `partEvents` events. Each event of `channel_events` carries its part as `report_part`.
 */
export function setReportParts(db: Database, events: number, partEvents = PART_EVENTS): number {
  const parts = Math.max(1, Math.ceil(events / partEvents));
  db.run(`SET VARIABLE report_parts = ${parts}`);
  return parts;
}

/**
 * Fills `channel_events`, which its SQL file made empty, from `channel_event_rows` one range of
 * `partEvents` event row numbers per statement.
 */
export function fillChannelEvents(db: Database, partEvents = PART_EVENTS): void {
  const rows = Number(db.query('SELECT coalesce(max(rowid) + 1, 0) AS end_row FROM events')[0]?.end_row ?? 0);
  for (let first = 0; first < rows; first += partEvents) {
    db.run('INSERT INTO channel_events FROM channel_event_rows(?, ?)', [first, first + partEvents]);
  }
}

const READS_PART = "getvariable('report_part')";

/**
 * Runs a report SQL file with its tables in `place`. A file that reads `getvariable('report_part')`
 * runs once per part, with the variable set to the part: the first run makes its tables, each later
 * run adds its part's rows to them.
 */
export function runReportStep(db: Database, sql: string, place: TablePlace, parts: number): void {
  const runs = sql.includes(READS_PART) ? parts : 1;
  for (let part = 0; part < runs; part++) {
    db.run(`SET VARIABLE report_part = ${part}`);
    db.run(part === 0 ? placedSql(sql, place) : appendingSql(sql));
  }
}

const CREATE_TEMP_TABLE_AS = /CREATE OR REPLACE TEMP TABLE (\w+) AS/g;

/** Returns a report SQL file's statements with each table it makes filled by INSERT instead. */
export function appendingSql(sql: string): string {
  return sql.replace(CREATE_TEMP_TABLE_AS, 'INSERT INTO $1');
}
