import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors';
import type { Source } from './source';

/** A source read from the local file system; DuckDB under Node reads the path itself. */
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
    async read(start = 0, end = size) {
      const handle = await open(absolute, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, Math.min(end, size) - start));
        await handle.read(buffer, 0, buffer.byteLength, start);
        return buffer;
      } finally {
        await handle.close();
      }
    },
    register() {
      return absolute;
    },
  };
}
