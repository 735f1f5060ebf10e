import type { Database } from './database';

/**
 * A dropped file as the engine reads it: byte ranges for sniffing and decoding in JavaScript, and a
 * name under which DuckDB reads it directly (by handle in the browser, by path under Node), so large
 * files are never copied whole into memory.
 */
export interface Source {
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** Reads bytes `[start, end)`; without arguments, the whole file. */
  read(start?: number, end?: number): Promise<Uint8Array>;
  /** Makes the file readable by DuckDB and returns the name to use in `read_csv`. */
  register(db: Database, alias: string): string;
}

/** A source backed by a browser `File` (the worker receives `File` objects from the page). */
export function fileSource(file: File, protocol: number): Source {
  return {
    name: file.name,
    size: file.size,
    async read(start = 0, end = file.size) {
      return new Uint8Array(await file.slice(start, end).arrayBuffer());
    },
    register(db, alias) {
      db.bindings.registerFileHandle(alias, file, protocol, true);
      return alias;
    },
  };
}

/** A source held in memory, for text built in tests and for files decoded from another encoding. */
export function bytesSource(name: string, bytes: Uint8Array): Source {
  return {
    name,
    size: bytes.byteLength,
    async read(start = 0, end = bytes.byteLength) {
      return bytes.subarray(start, end);
    },
    register(db, alias) {
      db.bindings.registerFileBuffer(alias, bytes.slice());
      return alias;
    },
  };
}
