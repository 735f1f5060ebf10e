import { workerData } from 'node:worker_threads';
import { DataType, tableFromIPC, type Field } from 'apache-arrow';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBInstance,
  INTEGER,
  SQLNULL,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { NativeReply, NativeRequest, NativeThreadData } from './protocol';

// @duckdb/node-api is installed by `npm run bench` rather than locked: npm 11.19 writes a lock without
// its other platforms' packages and then rejects that lock in `npm ci`. So the project's type check
// leaves this file out, and `npm run bench` checks it with bench/tsconfig.native.json.
//
// The worker thread behind NativeDatabase. It owns one in-memory native DuckDB and runs one request at
// a time. It posts each reply to the port, then wakes the blocked caller through the shared signal.

const { signal, port, threads, fileFolder } = workerData as NativeThreadData;
const instance = await DuckDBInstance.create(':memory:', threads === undefined ? {} : { threads: String(threads) });
const connection = await instance.connect();
// A folder name from mkdtemp; quotes are doubled all the same, as SET takes no parameters.
await connection.run(`SET file_search_path = '${fileFolder.replace(/'/g, "''")}'`);

port.on('message', (request: NativeRequest) => {
  void handle(request).then((reply) => {
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    if (request.kind === 'close') {
      // Closing everything lets the thread end on its own. Ending it with the instance still open
      // sometimes aborted the process ("terminate called after throwing an instance of 'Napi::Error'").
      connection.closeSync();
      instance.closeSync();
      port.close();
    }
  });
});

async function handle(request: NativeRequest): Promise<NativeReply> {
  if (request.kind === 'close') return { ok: true, rows: [] };
  try {
    if (request.kind === 'insert-ipc') {
      await insertIpc(request.table, request.ipc);
      return { ok: true, rows: [] };
    }
    // Without parameters DuckDB runs every statement of the text, as DuckDB-WASM's `query` does.
    const { values, types } = bindings(request.params);
    const reader = await connection.runAndReadAll(request.sql, values, types);
    const rows = request.kind === 'query' ? reader.getRowObjectsJS().map(toWasmValues) : [];
    return { ok: true, rows };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** An Arrow column's DuckDB type and how the appender writes one of its non-null values. */
interface ColumnWriter {
  sqlType: string;
  append(appender: DuckDBAppender, value: unknown): void;
}

/**
 * Creates `table` with a column per Arrow field and appends the stream's rows. It covers the Arrow
 * types the product's `columnsToIpc` writes (32-bit integers, doubles, UTF-8 text) and a few more.
 */
async function insertIpc(table: string, ipc: Uint8Array): Promise<void> {
  const arrow = tableFromIPC(ipc);
  const fields = arrow.schema.fields;
  const writers = fields.map(columnWriter);
  const columns = fields.map((field, index) => `${quoteIdentifier(field.name)} ${writers[index]!.sqlType}`);
  await connection.run(`CREATE TABLE ${quoteIdentifier(table)} (${columns.join(', ')})`);

  const appender = await connection.createAppender(table);
  const vectors = fields.map((_, index) => arrow.getChildAt(index)!);
  for (let row = 0; row < arrow.numRows; row++) {
    vectors.forEach((vector, index) => {
      const value: unknown = vector.get(row);
      if (value === null || value === undefined) appender.appendNull();
      else writers[index]!.append(appender, value);
    });
    appender.endRow();
  }
  appender.closeSync();
}

function columnWriter(field: Field): ColumnWriter {
  const { type } = field;
  if (DataType.isInt(type) && type.bitWidth <= 32) return { sqlType: 'INTEGER', append: (a, v) => a.appendInteger(Number(v)) };
  if (DataType.isInt(type)) return { sqlType: 'BIGINT', append: (a, v) => a.appendBigInt(BigInt(v as number | bigint)) };
  if (DataType.isFloat(type)) return { sqlType: 'DOUBLE', append: (a, v) => a.appendDouble(Number(v)) };
  if (DataType.isUtf8(type)) return { sqlType: 'VARCHAR', append: (a, v) => a.appendVarchar(String(v)) };
  if (DataType.isBool(type)) return { sqlType: 'BOOLEAN', append: (a, v) => a.appendBoolean(Boolean(v)) };
  throw new TypeError(`Arrow column ${field.name} has type ${String(type)}, which NativeDatabase cannot insert; add it to columnWriter.`);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Types the parameters as DuckDB-WASM does: whole numbers as INTEGER, or BIGINT beyond 32 bits,
 * other numbers as DOUBLE. The node API's own inference would make every whole number an INTEGER,
 * which overflows on epoch milliseconds.
 */
function bindings(params: readonly unknown[]): { values?: DuckDBValue[]; types?: DuckDBType[] } {
  if (params.length === 0) return {};
  const values: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  for (const param of params) {
    if (param === null || param === undefined) {
      values.push(null);
      types.push(SQLNULL);
    } else if (typeof param === 'number' && Number.isInteger(param)) {
      const small = param >= -(2 ** 31) && param < 2 ** 31;
      values.push(small ? param : BigInt(param));
      types.push(small ? INTEGER : BIGINT);
    } else if (typeof param === 'number') {
      values.push(param);
      types.push(DOUBLE);
    } else if (typeof param === 'bigint') {
      values.push(param);
      types.push(BIGINT);
    } else if (typeof param === 'boolean') {
      values.push(param);
      types.push(BOOLEAN);
    } else if (typeof param === 'string') {
      values.push(param);
      types.push(VARCHAR);
    } else {
      throw new TypeError(`Cannot bind parameter ${String(param)} of type ${typeof param}; pass a number, bigint, boolean, string or null.`);
    }
  }
  return { values, types };
}

/** Converts DATE and TIMESTAMP values from `Date` to epoch milliseconds, the form DuckDB-WASM's Arrow rows use. */
function toWasmValues(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) row[key] = value.getTime();
  }
  return row;
}
