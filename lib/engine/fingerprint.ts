import type { Source } from './source';

const EDGE = 1 << 20;

/**
 * Returns a fingerprint of a file's content: its size and a SHA-256 digest of its first and last MiB.
 * Two files with the same fingerprint are, for all practical purposes, the same export dropped twice.
 * Reading only the edges keeps this cheap for files of a gigabyte.
 */
export async function fingerprint(source: Source): Promise<string> {
  const head = await source.read(0, Math.min(EDGE, source.size));
  const tail = await source.read(Math.max(0, source.size - EDGE), source.size);
  const bytes = new Uint8Array(head.byteLength + tail.byteLength);
  bytes.set(head, 0);
  bytes.set(tail, head.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `${source.size}:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
