import { Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';

/** A column of values built in JavaScript, to be inserted into DuckDB. */
export type Column =
  | { type: 'text'; values: readonly (string | null)[] }
  | { type: 'float'; values: readonly (number | null)[] }
  | { type: 'int'; values: readonly number[] };

/**
 * Encodes equal-length columns as an Arrow IPC stream. The Arrow data is assembled directly from typed
 * arrays: Arrow's builders (`vectorFromArray`, `tableFromArrays`) compile their null checks with
 * `new Function`, which the extension pages' content security policy rejects.
 */
export function columnsToIpc(columns: Record<string, Column>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, column] of Object.entries(columns)) vectors[name] = toVector(column);
  return tableToIPC(new Table(vectors), 'stream');
}

function toVector(column: Column): Vector {
  switch (column.type) {
    case 'text':
      return textVector(column.values);
    case 'float': {
      const { nullBitmap, nullCount } = validity(column.values);
      const data = Float64Array.from(column.values, (value) => value ?? 0);
      return makeVector(makeData({ type: new Float64(), length: data.length, nullCount, nullBitmap, data }));
    }
    case 'int':
      return makeVector(Int32Array.from(column.values));
  }
}

function textVector(values: readonly (string | null)[]): Vector {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => (value === null ? null : encoder.encode(value)));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, index) => {
    valueOffsets[index + 1] = valueOffsets[index]! + (bytes?.byteLength ?? 0);
  });
  const data = new Uint8Array(valueOffsets[values.length]!);
  encoded.forEach((bytes, index) => {
    if (bytes !== null) data.set(bytes, valueOffsets[index]);
  });
  const { nullBitmap, nullCount } = validity(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets, data }));
}

/** Arrow's validity bitmap: bit i (least significant first) is set when value i is not null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, index) => {
    if (value === null || value === undefined) nullCount++;
    else nullBitmap[index >> 3]! |= 1 << (index & 7);
  });
  return { nullBitmap, nullCount };
}

/** Bytes of the magic string `ARROW1` and its padding at the start of an Arrow IPC file. */
const FILE_MAGIC_BYTES = 8;
/** Bytes after an Arrow IPC file's footer: the footer's length (int32) and `ARROW1`. */
const FILE_TRAILER_BYTES = 10;

/**
 * Returns the messages of an Arrow IPC file as an IPC stream. A file is `ARROW1`, padding, the stream's
 * messages, a footer, the footer's length and `ARROW1` again (Arrow's IPC format specification).
 * DuckDB-WASM returns query results as files and inserts only streams. The result is a view of `file`.
 */
export function ipcFileToStream(file: Uint8Array): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const footerBytes = view.getInt32(file.byteLength - FILE_TRAILER_BYTES, true);
  const magic = new TextDecoder().decode(file.subarray(0, 6));
  if (magic !== 'ARROW1' || footerBytes <= 0 || footerBytes > file.byteLength) throw new Error('ipcFileToStream: the bytes are not an Arrow IPC file');
  return file.subarray(FILE_MAGIC_BYTES, file.byteLength - FILE_TRAILER_BYTES - footerBytes);
}
