import type { Database } from './database';

/**
 * A dropped file as the engine reads it: byte ranges for sniffing and decoding in JavaScript, and a
 * name under which DuckDB reads it directly (by handle in the browser, by path under Node), so large
 * files are not copied whole into memory. The exception is a file that DuckDB reads only up to its
 * footer under Node: see `pathSource`.
 */
export interface Source {
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** Reads bytes `[start, end)`; without arguments, the whole file. */
  read(start?: number, end?: number): Promise<Uint8Array>;
  /** Makes the file readable by DuckDB and returns the name to use in `read_csv`. */
  register(db: Database, alias: string): string;
  /** Bytes `[start, end)` as a source of the same name, such as the data above a total line. */
  slice(start: number, end: number): Source;
  /** The browser file or blob behind the source, which can be posted to another worker; absent otherwise. */
  readonly blob?: Blob;
}

/** Creates a source backed by a browser `File`, as the worker receives them from the page. */
export function fileSource(file: File, protocol: number): Source {
  return {
    name: file.name,
    size: file.size,
    blob: file,
    async read(start = 0, end = file.size) {
      return new Uint8Array(await file.slice(start, end).arrayBuffer());
    },
    register(db, alias) {
      db.bindings.registerFileHandle(alias, file, protocol, true);
      return alias;
    },
    slice(start, end) {
      // Browsers keep a Blob slice as a reference to the file's bytes, so DuckDB still reads the user's
      // file on demand (browser behaviour, not measured here).
      return fileSource(new File([file.slice(start, end)], file.name, { type: file.type, lastModified: file.lastModified }), protocol);
    },
  };
}

/** Creates a source held in memory, for text built in tests and for files decoded from another encoding. */
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
    slice(start, end) {
      return bytesSource(name, bytes.subarray(start, end));
    },
  };
}
