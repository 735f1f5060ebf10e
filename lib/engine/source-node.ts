import { closeSync, openSync, readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors';
import type { Source } from './source';

/** Creates a source for a local file. DuckDB under Node reads the path itself. */
export async function pathSource(filePath: string): Promise<Source> {
  const absolute = path.resolve(filePath);
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'the file was not found' : `the file could not be opened (${code ?? String(error)})`;
    throw new ImportError({ file: filePath }, problem, 'Check the path and that the file is readable.');
  }
  return {
    name: path.basename(absolute),
    size,
    read(start = 0, end = size) {
      return readRange(absolute, start, Math.min(end, size));
    },
    register() {
      return absolute;
    },
    slice(start, end) {
      return pathRangeSource(absolute, start, Math.min(end, size));
    },
  };
}

/**
 * Returns a source of bytes `[first, end)` of a file. DuckDB reads a path only whole, so `register`
 * copies those bytes into memory.
 *
 * NOTE: that copy costs memory equal to its size. Only files with lines below the data (such as a
 * total line) and the parts of a call log read in parts are read this way.
 */
function pathRangeSource(absolute: string, first: number, end: number): Source {
  const size = Math.max(0, end - first);
  return {
    name: path.basename(absolute),
    size,
    read(start = 0, stop = size) {
      return readRange(absolute, first + start, first + Math.min(stop, size));
    },
    register(db, alias) {
      const descriptor = openSync(absolute, 'r');
      try {
        const bytes = new Uint8Array(size);
        for (let done = 0; done < size; ) {
          const read = readSync(descriptor, bytes, done, size - done, first + done);
          if (read === 0) throw new Error(`${absolute} is shorter than ${end} bytes: it changed while being read`);
          done += read;
        }
        db.bindings.registerFileBuffer(alias, bytes);
      } finally {
        closeSync(descriptor);
      }
      return alias;
    },
    slice(start, stop) {
      return pathRangeSource(absolute, first + start, first + Math.min(stop, size));
    },
  };
}

async function readRange(absolute: string, start: number, end: number): Promise<Uint8Array> {
  const handle = await open(absolute, 'r');
  try {
    const buffer = new Uint8Array(Math.max(0, end - start));
    await handle.read(buffer, 0, buffer.byteLength, start);
    return buffer;
  } finally {
    await handle.close();
  }
}
