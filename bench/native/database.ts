import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { COMPRESSED_STORE_SQL, type Database, type Row } from '../../lib/engine/database';
import type { NativeReply, NativeRequest, NativeThreadData } from './protocol';

/** Maximum time a statement may run before the call fails, so a hung statement stops the benchmark with an error. */
const STATEMENT_TIMEOUT_MS = 20 * 60_000;

/**
 * The part of the product's `Database` that the engine, formats and reports call, DuckDB-WASM's
 * file registrations included. `NativeDatabase` implements all of it.
 */
export type SqlSurface = Pick<Database, 'query' | 'run' | 'transaction' | 'insertArrowIpc'> & {
  bindings: Pick<Database['bindings'], 'registerFileBuffer' | 'dropFiles'>;
};

/**
 * DuckDB-WASM's file registrations over native DuckDB, which reads real files: a registered buffer
 * becomes a file in a folder on DuckDB's `file_search_path`, so `read_csv('<name>')` finds it.
 */
class NativeFiles {
  readonly folder = mkdtempSync(path.join(tmpdir(), 'native-duckdb-files-'));
  readonly #names = new Set<string>();

  registerFileBuffer(name: string, buffer: Uint8Array): void {
    writeFileSync(this.#path(name), buffer);
    this.#names.add(name);
  }

  dropFiles(names?: string[]): void {
    for (const name of names ?? [...this.#names]) {
      rmSync(this.#path(name), { force: true });
      this.#names.delete(name);
    }
  }

  removeFolder(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  #path(name: string): string {
    if (name !== path.basename(name)) throw new Error(`Invalid registered file name ${name}: expected a plain file name.`);
    return path.join(this.folder, name);
  }
}

/**
 * Native DuckDB (@duckdb/node-api) behind the product's synchronous `Database` surface, so the product's
 * format, engine and report code run on it unchanged. The node API only has asynchronous calls, so a
 * worker thread owns the connection and each call blocks on `Atomics.wait` until the thread replies.
 * A `SELECT 1` round trip took about 0.5 ms on the 2-core benchmark machine; the benchmark counts it as SQL time.
 */
export class NativeDatabase implements SqlSurface {
  readonly bindings = new NativeFiles();
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal = new Int32Array(new SharedArrayBuffer(4));

  /** Starts the thread from `threadFile`, the built `native-thread.mjs`. */
  constructor(threadFile: string, options: { threads?: number } = {}) {
    const channel = new MessageChannel();
    this.#port = channel.port1;
    const data: NativeThreadData = { signal: this.#signal, port: channel.port2, threads: options.threads, fileFolder: this.bindings.folder };
    this.#worker = new Worker(threadFile, { workerData: data, transferList: [channel.port2] });
    this.#worker.unref();
    // The same compressed store as the product's `Database`, so both engines run the same SQL on the same tables.
    for (const statement of COMPRESSED_STORE_SQL) this.run(statement);
  }

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): T[] {
    return this.#call({ kind: 'query', sql, params }) as T[];
  }

  run(sql: string, params: readonly unknown[] = []): void {
    this.#call({ kind: 'run', sql, params });
  }

  transaction<T>(work: () => T): T {
    this.run('BEGIN TRANSACTION');
    try {
      const result = work();
      this.run('COMMIT');
      return result;
    } catch (error) {
      this.run('ROLLBACK');
      throw error;
    }
  }

  /** Creates `table` from an Arrow IPC stream, as DuckDB-WASM's `insertArrowFromIPCStream` with `create: true` does. */
  insertArrowIpc(table: string, ipc: Uint8Array): void {
    this.#call({ kind: 'insert-ipc', table, ipc: ipc.slice() });
  }

  /** Closes the connection, stops the thread and removes the registered files. */
  async close(): Promise<void> {
    // The worker is unreferenced so that it never keeps Node running; here Node must wait for it,
    // because exiting while it still tears DuckDB down sometimes aborted the process.
    this.#worker.ref();
    const exited = once(this.#worker, 'exit');
    this.#call({ kind: 'close' });
    this.#port.close();
    await exited;
    this.bindings.removeFolder();
  }

  #call(request: NativeRequest): Row[] {
    Atomics.store(this.#signal, 0, 0);
    this.#port.postMessage(request, request.kind === 'insert-ipc' ? [request.ipc.buffer as ArrayBuffer] : []);
    if (Atomics.wait(this.#signal, 0, 0, STATEMENT_TIMEOUT_MS) === 'timed-out') {
      throw new Error(`Native DuckDB timed out after ${STATEMENT_TIMEOUT_MS / 60_000} minutes on: ${firstLine(request)}`);
    }
    const received = receiveMessageOnPort(this.#port);
    if (received === undefined) throw new Error(`Native DuckDB signalled a reply but sent none, for: ${firstLine(request)}`);
    const reply = received.message as NativeReply;
    if (!reply.ok) throw new Error(reply.message);
    return reply.rows;
  }
}

function firstLine(request: NativeRequest): string {
  if (request.kind === 'close') return 'close';
  if (request.kind === 'insert-ipc') return `Arrow IPC into ${request.table}`;
  return request.sql.trim().split('\n')[0] ?? '';
}
