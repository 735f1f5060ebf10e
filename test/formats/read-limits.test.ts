import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { bytesSource, type Source } from '../../lib/engine/source';
import { ImportError } from '../../lib/errors';
import { BROWSER_READ_LIMITS, formatBytes, MAX_STRING_LENGTH, type ReadLimits } from '../../lib/formats/read-limits';
import { sniff } from '../../lib/formats/sniff';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';

const CSV = 'channel,time,user_email,endpoint\nphone,2025-03-04T09:14:07Z,a@example.com,Web\n';

/** Limits far above every test file, lowered one path at a time. */
const ROOMY: ReadLimits = { csv: 10_000, 'utf-16': 10_000, 'windows-1252': 10_000, json: 10_000, zip: 10_000 };

/** Wraps a source to record each byte range read, which shows the files that fail before any reading. */
function recordingSource(name: string, bytes: Uint8Array, reads: string[]): Source {
  const inner = bytesSource(name, bytes);
  return {
    ...inner,
    read(start, end) {
      reads.push(`${start ?? 0}-${end ?? bytes.byteLength}`);
      return inner.read(start, end);
    },
  };
}

async function sniffError(name: string, bytes: Uint8Array, limits: ReadLimits): Promise<ImportError> {
  try {
    await sniff(bytesSource(name, bytes), limits);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('sniff did not fail');
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
  return bytes;
}

const encode = (text: string) => new TextEncoder().encode(text);
/** CSV with the endpoint "Café" written in Windows-1252, where é is the single byte 0xE9. */
const windows1252 = Uint8Array.from([...encode(CSV.replace('Web\n', 'Caf')), 0xe9, 0x0a]);

describe('read limits', () => {
  test.each<[string, string, Uint8Array, keyof ReadLimits, string]>([
    ['UTF-8 CSV', 'usage.csv', encode(CSV), 'csv', 'UTF-8 delimited text'],
    ['UTF-16 CSV', 'usage.csv', utf16le(CSV), 'utf-16', 'UTF-16 text, which is decoded whole in memory'],
    ['Windows-1252 CSV', 'usage.csv', windows1252, 'windows-1252', 'Windows-1252 text, which is decoded whole in memory'],
    ['JSON', 'calls.json', encode('{"records": []}'), 'json', 'JSON, which is parsed whole in memory'],
    ['ZIP', 'export.zip', zipSync({ 'posts/posts_1.json': encode('{"records": []}') }), 'zip', 'a workbook or ZIP archive'],
  ])('%s above its limit', async (_case, name, bytes, path, pathName) => {
    const limits = { ...ROOMY, [path]: bytes.byteLength - 1 };

    const error = await sniffError(name, bytes, limits);

    expect(error.message).toContain(`${name}: the file is ${bytes.byteLength} bytes, above the ${bytes.byteLength - 1} bytes`);
    expect(error.message).toContain(pathName);
    expect(error.location).toEqual({ file: name, value: undefined });
  });

  test.each<[string, Uint8Array, keyof ReadLimits]>([
    ['UTF-8 CSV', encode(CSV), 'csv'],
    ['UTF-16 CSV', utf16le(CSV), 'utf-16'],
    ['Windows-1252 CSV', windows1252, 'windows-1252'],
  ])('%s at its limit is read', async (_case, bytes, path) => {
    const file = await sniff(bytesSource('usage.csv', bytes), { ...ROOMY, [path]: bytes.byteLength });

    expect(file.table?.columns).toEqual(['channel', 'time', 'user_email', 'endpoint']);
  });

  test('file above every limit is not read', async () => {
    const reads: string[] = [];
    const bytes = encode(CSV);
    const limits = { csv: 10, 'utf-16': 20, 'windows-1252': 5, json: 5, zip: 5 };

    await expect(sniff(recordingSource('usage.csv', bytes, reads), limits)).rejects.toThrow(
      `usage.csv: the file is ${bytes.byteLength} bytes, above the 20 bytes that this browser can read as UTF-16 text`,
    );
    expect(reads).toEqual([]);
  });

  test('remedy says what to do', async () => {
    const error = await sniffError('usage.csv', utf16le(CSV), { ...ROOMY, 'utf-16': 10 });

    expect(error.message).toMatch(/Save it as UTF-8 CSV \(in Excel: Save As, "CSV UTF-8"\), which is read in slices/);
  });

  test('without limits nothing is rejected', async () => {
    const file = await sniff(bytesSource('usage.csv', encode(CSV)));

    expect(file.container).toBe('csv');
  });

  test('browser limits follow the string length', () => {
    expect(MAX_STRING_LENGTH).toBe(536_870_888);
    expect(BROWSER_READ_LIMITS['utf-16']).toBe(2 * MAX_STRING_LENGTH);
    expect(BROWSER_READ_LIMITS['windows-1252']).toBe(MAX_STRING_LENGTH);
    expect(BROWSER_READ_LIMITS.json).toBe(MAX_STRING_LENGTH);
  });

  test.each([
    [999, '999 bytes'],
    [1536, '1.5 KiB (1,536 bytes)'],
    [2 ** 30, '1.0 GiB (1,073,741,824 bytes)'],
  ])('formatBytes %i', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  test('engine rejects with its limits', async () => {
    const engine = createEngine<Uint8Array>({
      database: openNodeDatabase(),
      toSource: (bytes) => bytesSource('usage.csv', bytes),
      productVersion: 'test',
      readLimits: { ...ROOMY, csv: 20 },
    });

    const [outcome] = await engine.loadFiles({ files: [encode(CSV)] });

    if (outcome === undefined || outcome.ok) throw new Error('the load did not fail');
    expect(outcome.error.message).toMatch(/^usage\.csv: the file is \d+ bytes, above the 20 bytes that this browser can read as UTF-8 delimited text\. Export a shorter period/);
  });
});
