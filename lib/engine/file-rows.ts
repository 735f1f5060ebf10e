import { quoteIdentifier } from '../formats/staged-rows';
import type { Database } from './database';

/** The canonical tables, whose rows carry the `file_id` of the file that added them. */
const CANONICAL_TABLES = ['events', 'users', 'identities', 'usage_totals'] as const;

/**
 * Runs a file's load statement by statement and, when it throws, removes every row the file added
 * and every table it staged, then rethrows. One transaction around the whole load would be simpler,
 * but DuckDB keeps the rows a transaction writes uncompressed until it commits: 5,000,000 calls then
 * outgrew DuckDB-WASM's memory. Staging tables are named with a suffix `_<fileId>` (see `Format`).
 * A load that returns a promise is undone when the promise rejects.
 */
export function loadOrUndo<T>(db: Database, fileId: number, load: () => T): T {
  const undo = (error: unknown): never => {
    removeFileRows(db, fileId);
    dropStagingTables(db, fileId);
    throw error;
  };
  try {
    const result = load();
    return result instanceof Promise ? (result.catch(undo) as T) : result;
  } catch (error) {
    return undo(error);
  }
}

/** Deletes the rows of one file from the canonical tables, in one transaction. */
export function removeFileRows(db: Database, fileId: number): void {
  db.transaction(() => {
    for (const table of CANONICAL_TABLES) db.run(`DELETE FROM ${table} WHERE file_id = ?`, [fileId]);
  });
}

/** Deletes every row of the canonical tables, in one transaction. */
export function removeAllRows(db: Database): void {
  db.transaction(() => {
    for (const table of CANONICAL_TABLES) db.run(`DELETE FROM ${table}`);
  });
}

function dropStagingTables(db: Database, fileId: number): void {
  const tables = db.query<{ database: string; schema: string; name: string }>(
    `SELECT database_name AS database, schema_name AS schema, table_name AS name
     FROM duckdb_tables()
     WHERE NOT internal AND ends_with(table_name, ?)`,
    [`_${fileId}`],
  );
  for (const { database, schema, name } of tables) {
    db.run(`DROP TABLE IF EXISTS ${[database, schema, name].map(quoteIdentifier).join('.')}`);
  }
}
