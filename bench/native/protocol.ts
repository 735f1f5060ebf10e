import type { MessagePort } from 'node:worker_threads';

/** Messages between `NativeDatabase` and the worker thread that owns the native DuckDB connection. */

export type NativeRequest =
  | { kind: 'query' | 'run'; sql: string; params: readonly unknown[] }
  | { kind: 'insert-ipc'; table: string; ipc: Uint8Array }
  | { kind: 'close' };

export type NativeReply =
  | { ok: true; rows: Record<string, unknown>[] }
  | { ok: false; message: string };

export interface NativeThreadData {
  /** One Int32 the thread sets to 1 and notifies once its reply is posted. */
  signal: Int32Array;
  port: MessagePort;
  /** DuckDB's `threads` setting; DuckDB's default (the number of cores) when absent. */
  threads?: number;
  /** Folder of the registered files, set as DuckDB's `file_search_path`. */
  fileFolder: string;
}
