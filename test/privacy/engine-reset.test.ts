import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import { half, type Input } from '../support/adoption-workbooks';

const CALL_LOG = path.resolve('samples/call-log-detailed.csv');

/** Counts a table's rows; `table` is one of the fixed schema names, never user input. */
function countRows(db: Awaited<ReturnType<typeof openNodeDatabase>>, table: string): number {
  return Number(db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`)[0]?.n);
}

test('engine keeps no file registered and reset forgets rows', async () => {
  const database = openNodeDatabase();
  // In-memory sources register a copy of the bytes with DuckDB, as the browser registers each File.
  const engine = createEngine({
    database,
    toSource: (filePath: string) => bytesSource(path.basename(filePath), readFileSync(filePath)),
    productVersion: 'test',
  });
  const outcomes = await engine.loadFiles({ files: [CALL_LOG] });
  expect(outcomes.map((outcome) => outcome.ok)).toEqual([true]);

  const db = await database;
  // The rows are in the canonical tables; the file's bytes are no longer readable by DuckDB.
  const registered = "SELECT count(*)::INTEGER AS n FROM read_csv('file-1.csv', all_varchar = true)";
  expect(() => db.query(registered)).toThrow(/file-1\.csv/);
  expect(countRows(db, 'events')).toBeGreaterThan(0);

  await engine.reset();

  expect(await engine.listFiles()).toEqual([]);
  for (const table of ['events', 'users', 'identities']) expect(countRows(db, table), table).toBe(0);
});

test('reset forgets downloaded workbooks', async () => {
  const database = openNodeDatabase();
  const engine = createEngine<Input>({ database, toSource: (input) => bytesSource(input.name, input.bytes), productVersion: 'test' });
  const outcomes = await engine.loadFiles({ files: [await half('h1.xlsx', '2026-01-01', '2026-06-30')] });
  expect(outcomes.map((outcome) => outcome.ok)).toEqual([true]);
  const db = await database;
  expect(countRows(db, 'usage_totals')).toBeGreaterThan(0);

  await engine.reset();

  // Every canonical table, so a table added later cannot be missed by reset.
  const tables = db.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary').map((row) => row.name);
  expect(tables).toContain('usage_totals');
  for (const table of tables) expect(countRows(db, table), table).toBe(0);
});
