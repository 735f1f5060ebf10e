import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from './source';

/** A source read from the local file system; DuckDB under Node reads the path itself. */
export async function pathSource(filePath: string): Promise<Source> {
  const absolute = path.resolve(filePath);
  const { size } = await stat(absolute);
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
