import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';

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

  #withStatement<R>(sql: string, use: (stmt: ReturnType<DuckDBConnection['prepare']>) => R): R {
    const stmt = this.#conn.prepare(sql);
    try {
      return use(stmt);
    } finally {
      stmt.close();
    }
  }
}
