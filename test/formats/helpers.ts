import { readFileSync } from 'node:fs';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { bytesSource } from '../../lib/engine/source';
import type { SniffedFile } from '../../lib/formats/format';
import { sniff } from '../../lib/formats/sniff';

/** Sniffs text (encoded as UTF-8) or raw bytes as if a file named `name` had been dropped. */
export async function sniffBytes(name: string, content: string | Uint8Array): Promise<SniffedFile> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return sniff(bytesSource(name, bytes));
}

/** Opens DuckDB-WASM under Node with the canonical `users` and `events` tables created. */
export async function openDatabaseWithSchema(): Promise<Database> {
  const db = await openNodeDatabase();
  db.run(readFileSync(new URL('../../lib/engine/schema.sql', import.meta.url), 'utf8'));
  return db;
}
