import type { Channel } from '../engine/types';
import type { Database } from '../engine/database';
import { STORE } from '../engine/database';

/**
 * The place of the tables a report's SQL files make: temporary tables, which DuckDB stores
 * uncompressed, or the compressed store of the canonical tables. With every table compressed, loading
 * and reporting 1,000,000 calls took 54.5 s of CPU time instead of 39.6 s (one run each), but a report
 * of 5,000,000 calls does not fit in DuckDB-WASM's memory uncompressed (DuckDB-WASM 1.32.0 under Node).
 */
export type TablePlace = 'temp' | 'store';

/** Channel events from which a report's tables go to the compressed store. */
export const COMPRESSED_FROM_EVENTS = 2_000_000;

/** Returns the count of `channel`'s events, by which a report places its tables and cuts its parts. */
export function countChannelEvents(db: Database, channel: Channel): number {
  const [row] = db.query<{ events: number }>('SELECT count(*)::INTEGER AS events FROM events WHERE channel = ?', [channel]);
  return row?.events ?? 0;
}

/** Chooses where a report of a channel with `events` events keeps its tables. */
export function tablePlace(events: number, compressedFromEvents = COMPRESSED_FROM_EVENTS): TablePlace {
  return events >= compressedFromEvents ? 'store' : 'temp';
}

const TEMP_TABLE = /CREATE OR REPLACE TEMP TABLE (\w+)/g;

/**
 * Returns a report SQL file's statements with its tables made in `place`. Each table is first dropped
 * from the other place, where an earlier report may have left it: a temporary table would hide the
 * store's table of the same name.
 */
export function placedSql(sql: string, place: TablePlace): string {
  const names = [...new Set([...sql.matchAll(TEMP_TABLE)].map((match) => match[1]!))];
  const other = place === 'temp' ? `${STORE}.main` : 'temp.main';
  const drops = names.map((name) => `DROP TABLE IF EXISTS ${other}.${name};\n`).join('');
  const statements = place === 'temp' ? sql : sql.replace(TEMP_TABLE, 'CREATE OR REPLACE TABLE $1');
  return drops + statements;
}
