import schemaSql from '../../lib/engine/schema.sql?raw';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';

/** Opens DuckDB-WASM under Node with the canonical tables created. */
export async function openTestDatabase(): Promise<Database> {
  const db = await openNodeDatabase();
  db.run(schemaSql);
  return db;
}
