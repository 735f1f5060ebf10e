import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Characters buffered before one write to the file, so a large file is written in about 1 MB pieces. */
const FLUSH_CHARS = 1 << 20;

/**
 * Writes text lines to a file through a buffer, waiting for the stream to drain when it is full, so a
 * file of any size is written without being held in memory.
 */
export class LineWriter {
  readonly #stream: WriteStream;
  #buffer = '';
  #bytes = 0;

  constructor(file: string) {
    this.#stream = createWriteStream(file);
  }

  /** Appends `line` and a CRLF, as the Admin Portal's exports end their lines. */
  async line(line: string): Promise<void> {
    this.#buffer += `${line}\r\n`;
    if (this.#buffer.length >= FLUSH_CHARS) await this.#flush();
  }

  /** Writes what is buffered, closes the file and returns its size in bytes. */
  async close(): Promise<number> {
    await this.#flush();
    this.#stream.end();
    await once(this.#stream, 'finish');
    return this.#bytes;
  }

  async #flush(): Promise<void> {
    if (this.#buffer === '') return;
    const chunk = Buffer.from(this.#buffer, 'utf8');
    this.#buffer = '';
    this.#bytes += chunk.byteLength;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}
