import { columnsToIpc } from '../engine/arrow-ipc';
import type { Database } from '../engine/database';

/** One canonical `identities` row built in JavaScript, keyed by the table's column names. */
export interface IdentityRow {
  source_line: number;
  platform_id: string | null;
  extension: string | null;
  email: string | null;
  name: string | null;
}

/** Inserts rows into `identities` with `file_id` = `fileId`, through a staging table filled from Arrow IPC bytes. */
export function insertIdentities(db: Database, fileId: number, rows: readonly IdentityRow[]): void {
  if (rows.length === 0) return;

  const ipc = columnsToIpc({
    source_line: { type: 'int', values: rows.map((row) => row.source_line) },
    platform_id: { type: 'text', values: rows.map((row) => row.platform_id) },
    extension: { type: 'text', values: rows.map((row) => row.extension) },
    email: { type: 'text', values: rows.map((row) => row.email) },
    name: { type: 'text', values: rows.map((row) => row.name) },
  });
  const staging = `identities_ipc_${fileId}`;
  db.insertArrowIpc(staging, ipc);
  db.run(
    `INSERT INTO identities (file_id, source_line, platform_id, extension, email, name)
     SELECT ?, source_line, platform_id, extension, email, name FROM ${staging}`,
    [fileId],
  );
  db.run(`DROP TABLE ${staging}`);
}
