import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EngineApi } from '../../lib/engine/api';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import type { SniffedFile } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { sniff } from '../../lib/formats/sniff';
import { leftoverTables } from './events-table';

/** A file handed to the engine: its name and bytes. */
interface Input {
  name: string;
  bytes: Uint8Array;
}

const CASES = 200;
/** Maximum time one load may take, in milliseconds: loads of these small files take under a second. */
const LOAD_LIMIT_MS = 15_000;
const SEED = 20_260_504;

function sample(name: string, lines?: number): Input {
  const text = readFileSync(new URL(`../../samples/${name}`, import.meta.url), 'utf8');
  if (lines === undefined) return { name, bytes: new TextEncoder().encode(text) };
  // The first complete lines only, which keeps each load fast.
  const end = text.split('\n').slice(0, lines).join('\n');
  return { name, bytes: new TextEncoder().encode(`${end}\n`) };
}

/** A deterministic pseudo-random generator (a 32-bit linear congruential generator). */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function lineRanges(bytes: Uint8Array): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  bytes.forEach((byte, index) => {
    if (byte === 0x0a) {
      ranges.push([start, index + 1]);
      start = index + 1;
    }
  });
  if (start < bytes.length) ranges.push([start, bytes.length]);
  return ranges;
}

function spliced(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const result = new Uint8Array(bytes.length - remove + insert.length);
  result.set(bytes.subarray(0, at));
  result.set(insert, at);
  result.set(bytes.subarray(at + remove), at + insert.length);
  return result;
}

const pick = <T,>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** How each case breaks a valid export. */
const MUTATIONS: Record<string, Mutation> = {
  'truncate at a random byte': (bytes, random) => bytes.slice(0, Math.floor(random() * bytes.length)),
  'swap the delimiter everywhere': (bytes, random) => encoder.encode(decoder.decode(bytes).replaceAll(',', pick([';', '\t'], random))),
  'swap the delimiter in one line': (bytes, random) => {
    const [start, end] = pick(lineRanges(bytes), random);
    const line = decoder.decode(bytes.subarray(start, end)).replaceAll(',', ';');
    return spliced(bytes, start, end - start, encoder.encode(line));
  },
  'insert stray quotes': (bytes, random) => {
    let result = bytes;
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) result = spliced(result, Math.floor(random() * result.length), 0, encoder.encode('"'));
    return result;
  },
  'overwrite random bytes': (bytes, random) => {
    const result = bytes.slice();
    const count = 1 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) result[Math.floor(random() * result.length)] = Math.floor(random() * 256);
    return result;
  },
  'insert a 100 KB field': (bytes, random) => {
    const ranges = lineRanges(bytes);
    const [start, end] = ranges[Math.min(ranges.length - 1, 2 + Math.floor(random() * (ranges.length - 2)))]!;
    const comma = bytes.subarray(start, end).indexOf(0x2c);
    const at = comma < 0 ? start : start + comma + 1;
    const field = random() < 0.5 ? 'x'.repeat(100_000) : `"${'y'.repeat(50_000)}\n${'z'.repeat(50_000)}"`;
    return spliced(bytes, at, 0, encoder.encode(field + (random() < 0.5 ? ',' : '')));
  },
  'repeat the header': (bytes, random) => {
    const ranges = lineRanges(bytes);
    const header = ranges.find(([start, end]) => decoder.decode(bytes.subarray(start, end)).split(',').length > 5) ?? ranges[0]!;
    const [at] = pick(ranges.slice(1), random);
    return spliced(bytes, at, 0, bytes.slice(header[0], header[1]));
  },
  'delete a line': (bytes, random) => {
    const [start, end] = pick(lineRanges(bytes), random);
    return spliced(bytes, start, end - start, new Uint8Array());
  },
};

/** Row counts and a digest of the canonical tables, to show that a failed load changed nothing. */
function tableState(db: Database): unknown {
  return db.query(
    `SELECT 'events' AS name, count(*)::INTEGER AS rows, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS digest FROM events t
     UNION ALL SELECT 'users', count(*)::INTEGER, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) FROM users t
     UNION ALL SELECT 'identities', count(*)::INTEGER, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) FROM identities t
     ORDER BY 1`,
  );
}

function lineCount(bytes: Uint8Array): number {
  return decoder.decode(bytes).split(/\r\n|\r|\n/).length;
}

describe('delimited-text import fuzz', () => {
  let db: Database;
  let engine: EngineApi<Input>;
  beforeAll(async () => {
    db = await openNodeDatabase();
    engine = createEngine<Input>({
      database: Promise.resolve(db),
      toSource: (input) => bytesSource(input.name, input.bytes),
      productVersion: 'fuzz',
    });
    // One file that stays loaded, so the check after each failure compares tables that hold rows.
    await engine.loadFiles({ files: [sample('users-list.csv')] });
  });
  afterAll(() => {
    db.bindings.reset();
  });

  test(
    'mutated exports load or fail cleanly',
    async () => {
      const bases = [sample('users-list.csv'), sample('call-log-detailed.csv', 80), sample('usage-events.csv', 120)];
      const random = randomFrom(SEED);
      const outcomes = { loaded: 0, rejected: 0 };
      const kinds = new Map<string, number>();

      for (let n = 0; n < CASES; n++) {
        const base = bases[n % bases.length]!;
        const kind = pick(Object.keys(MUTATIONS), random);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const input = { name: `case-${n}-${base.name}`, bytes: MUTATIONS[kind]!(base.bytes, random) };
        const context = `case ${n} (${kind} in ${base.name})`;

        let sniffed: SniffedFile | undefined;
        try {
          sniffed = await sniff(bytesSource(input.name, input.bytes));
        } catch {
          // The engine must then reject the file too, which the checks below cover.
        }
        const before = tableState(db);
        const tablesBefore = leftoverTables(db);

        const started = performance.now();
        const [outcome] = await engine.loadFiles({ files: [input] });
        const elapsed = performance.now() - started;

        expect(elapsed, context).toBeLessThan(LOAD_LIMIT_MS);
        if (outcome!.ok) {
          outcomes.loaded++;
          expect(sniffed?.records, context).toBeDefined();
          expect(outcome!.summary.rowsRead, context).toBe(sniffed!.records!.recordCount);
          await engine.removeFile({ fileId: outcome!.summary.fileId });
          expect(tableState(db), context).toEqual(before);
          continue;
        }

        outcomes.rejected++;
        const error = outcome!.error;
        // A truncated header is no longer recognised, which fails with the header for the mapping form.
        expect(['ImportError', 'UnrecognisedFileError'], `${context}: ${error.message}`).toContain(error.name);
        if (error.name === 'UnrecognisedFileError') expect(error.table?.columns, context).toEqual(sniffed?.table?.columns);
        expect(error.file, context).toBe(input.name);
        expect(error.message.startsWith(`${input.name}`), context).toBe(true);
        if (error.line !== undefined) {
          expect(error.message, context).toContain(`line ${error.line}`);
          expect(error.line, context).toBeLessThanOrEqual(lineCount(input.bytes));
        }
        const problem = sniffed?.records?.problem;
        if (problem !== undefined && FORMATS.some((format) => format.recognise(sniffed!))) {
          // A file the scan rejects fails on the line the scan names.
          expect(error.line, `${context}: ${error.message}`).toBe(problem.line);
        }
        expect(tableState(db), context).toEqual(before);
        expect(leftoverTables(db), context).toEqual(tablesBefore);
      }

      // Both outcomes and every mutation occur, so no check above goes unexercised.
      expect(outcomes.loaded).toBeGreaterThan(20);
      expect(outcomes.rejected).toBeGreaterThan(20);
      for (const kind of Object.keys(MUTATIONS)) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(5);
    },
    600_000,
  );
});
