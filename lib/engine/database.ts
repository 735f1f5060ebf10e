import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { ipcFileToStream } from './arrow-ipc';

/** A plain result row: column name to a JavaScript value (BIGINT arrives as bigint). */
export type Row = Record<string, unknown>;

/**
 * The one DuckDB connection the engine uses. DuckDB-WASM's blocking bindings behave the same under
 * Node (CLI, tests) and in the browser worker, so this class is shared by both.
 */
export class Database {
  readonly #conn: DuckDBConnection;

  constructor(readonly bindings: DuckDBBindings) {
    this.#conn = bindings.connect();
    // DuckDB-WASM would otherwise try to download extensions (json, icu) from the internet.
    this.#conn.query('SET autoinstall_known_extensions = false');
    this.#conn.query('SET autoload_known_extensions = false');
    useCompressedStore(this.#conn);
  }

  /** Runs one statement with positional `?` parameters and returns its rows as plain objects. */
  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): T[] {
    const table =
      params.length === 0 ? this.#conn.query(sql) : this.#withStatement(sql, (stmt) => stmt.query(...params));
    return table.toArray().map((row) => row.toJSON() as T);
  }

  /** Runs statements that return nothing of interest; several may be separated by semicolons. */
  run(sql: string, params: readonly unknown[] = []): void {
    if (params.length === 0) this.#conn.query(sql);
    else this.#withStatement(sql, (stmt) => stmt.query(...params));
  }

  /** Runs `work` in a transaction, so a failure leaves the tables as they were before. */
  transaction<T>(work: () => T): T {
    this.#conn.query('BEGIN TRANSACTION');
    try {
      const result = work();
      this.#conn.query('COMMIT');
      return result;
    } catch (error) {
      this.#conn.query('ROLLBACK');
      throw error;
    }
  }

  /** Inserts an Arrow IPC stream as a new table (used for rows parsed in JavaScript). */
  insertArrowIpc(table: string, ipc: Uint8Array): void {
    this.#conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }

  /** Appends the rows of an Arrow IPC stream to an existing table, column by column in table order. */
  appendArrowIpc(table: string, ipc: Uint8Array): void {
    this.#conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
  }

  /** Runs one statement without parameters and returns its rows as an Arrow IPC stream, for another database. */
  queryArrowIpc(sql: string): Uint8Array {
    return ipcFileToStream(this.#conn.useUnsafe((bindings, conn) => bindings.runQuery(conn, sql)));
  }

  #withStatement<R>(sql: string, use: (stmt: ReturnType<DuckDBConnection['prepare']>) => R): R {
    const stmt = this.#conn.prepare(sql);
    try {
      return use(stmt);
    } finally {
      stmt.close();
    }
  }
}

/**
 * Makes a compressed in-memory database the default for the connection's tables. DuckDB 1.4 stores
 * an in-memory database uncompressed unless it is attached with COMPRESS: `events` of 1,000,000 calls
 * took 233 MiB plain and 38 MiB compressed (DuckDB-WASM 1.32.0 under Node). DuckDB compresses a table
 * when its transaction commits, so the rows a statement writes are held uncompressed until then.
 * Temporary tables stay uncompressed. Only cheap methods are allowed: with every method, writing a
 * table of 2,000,000 rows took 5.4 s instead of 3.2 s (1.6 s uncompressed).
 */
function useCompressedStore(conn: DuckDBConnection): void {
  for (const statement of COMPRESSED_STORE_SQL) conn.query(statement);
}

/** The database of the canonical tables. */
export const STORE = 'store';

/** The statements of `useCompressedStore`, which the benchmark's native DuckDB runs too. */
export const COMPRESSED_STORE_SQL = [
  `ATTACH ':memory:' AS ${STORE} (COMPRESS)`,
  `USE ${STORE}`,
  "SET disabled_compression_methods = 'fsst,chimp,patas,alp,alprd,zstd,roaring'",
] as const;
