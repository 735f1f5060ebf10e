import { describe, expect, test } from 'vitest';
import { parseBenchArguments, parseCount, sizeLabel } from '../../bench/arguments';
import type { EngineRunResult } from '../../bench/engine-result';
import type { Environment } from '../../bench/environment';
import type { ExtensionRunResult } from '../../bench/extension-run';
import { NOTES_END, NOTES_START, renderBenchmarks } from '../../bench/markdown';
import type { BenchResults, FileRuns } from '../../bench/results';

describe('parseCount', () => {
  test.each([
    ['100k', 100_000],
    ['1m', 1_000_000],
    ['5M', 5_000_000],
    ['2500', 2500],
    ['1.5m', 1_500_000],
  ])('reads %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  test.each(['0', '-1', 'ten', '1.5', '2g', ''])('rejects "%s"', (text) => {
    expect(() => parseCount(text)).toThrow(/Invalid count/);
  });
});

describe('parseBenchArguments', () => {
  test('defaults to three sizes, three repeats', () => {
    const options = parseBenchArguments([]);
    expect(options.sizes).toEqual([100_000, 1_000_000, 5_000_000]);
    expect(options.repeats).toEqual([3, 3, 3]);
    expect(options.userTable).toBe(true);
  });

  test('one repeat count applies to every size', () => {
    expect(parseBenchArguments(['--sizes', '100k', '--repeats', '1']).repeats).toEqual([1]);
  });

  test('repeat counts per size', () => {
    expect(parseBenchArguments(['--sizes', '100k,1m,5m', '--repeats', '3,3,1']).repeats).toEqual([3, 3, 1]);
  });

  test('repeat counts must match sizes', () => {
    expect(() => parseBenchArguments(['--sizes', '100k,1m', '--repeats', '3,3,1'])).toThrow(/3 numbers for 2 sizes/);
  });

  test('unknown argument is rejected', () => {
    expect(() => parseBenchArguments(['--size', '1m'])).toThrow(/Unknown argument --size/);
  });
});

test.each([
  [100_000, '100k'],
  [1_000_000, '1m'],
  [2500, '2500'],
])('sizeLabel of %i is %s', (count, label) => {
  expect(sizeLabel(count)).toBe(label);
});

const environment: Environment = {
  date: '2026-01-01T00:00:00Z',
  cpuModel: 'Test CPU',
  cores: 2,
  memoryBytes: 8 * 2 ** 30,
  loadStart: 0.5,
  node: 'v20.0.0',
  chromium: 'Chromium 1',
  packages: { exceljs: '4.4.0' },
  commit: 'abc1234',
};

function engineRun(loadMs: number, queryMs: number): EngineRunResult {
  return {
    engine: 'native',
    duckdbVersion: 'v1.4.3',
    startMs: 100,
    loadMs,
    files: [],
    queryMs,
    workbookMs: 500,
    workbookBytes: 1000,
    userRows: 10,
    kpis: { calls: 5 },
    steps: [{ phase: 'load', label: 'read', ms: loadMs - 10, calls: 1 }],
    cpuMs: { start: 100, load: loadMs, query: queryMs, workbook: 500 },
    peakRssBytes: 1e8,
  };
}

function extensionRun(endToEndMs: number): ExtensionRunResult {
  const memory = { sumBytes: 2e9, pssBytes: 1e9, largestBytes: 1e9, processes: 6, samples: 10, samplingMs: 20 };
  return {
    startMs: 700,
    loadMs: endToEndMs - 200,
    queryMs: 200,
    endToEndMs,
    workbookMs: 800,
    endToEndCpuMs: endToEndMs * 1.5,
    workbookCpuMs: 900,
    workbookBytes: 1000,
    userRows: 10,
    kpis: { calls: 5 },
    loadLongTasks: [{ startMs: 10, durationMs: 60 }],
    workbookLongTasks: [],
    memory,
  };
}

function fileRuns(label: string, masters: number, extensionMs: number[], native: [number, number][]): FileRuns {
  return {
    label,
    masters,
    legs: masters,
    users: 10,
    callLogBytes: 1e6,
    usersBytes: 1e3,
    extension: extensionMs.map((ms) => ({ ok: true, value: extensionRun(ms) })),
    wasm: native.map(([load, query]) => ({ ok: true, value: engineRun(load * 2, query * 2) })),
    native: native.map(([load, query]) => ({ ok: true, value: engineRun(load, query) })),
  };
}

describe('renderBenchmarks', () => {
  const results: BenchResults = {
    environment,
    sizes: [
      fileRuns('100k', 100_000, [1000, 1100, 1300], [[300, 100], [400, 100], [500, 100]]),
      fileRuns('1m', 1_000_000, [7100], [[4000, 1000]]),
    ],
  };

  test('page ends with a ratio line per size', () => {
    const lines = renderBenchmarks(results, null).trimEnd().split('\n');
    // Medians: 100k extension 1100 over native 500; 1m 7100 over 5000.
    expect(lines.slice(-2)).toEqual(['100k: extension/native 2.20', '1m: extension/native 1.42']);
  });

  test('1M target compares with 1.5x native', () => {
    expect(renderBenchmarks(results, null)).toContain('| 1M rows, drop to KPIs at most 1.5x native load + query | 7.10 s against 7.50 s');
  });

  test('notes are kept', () => {
    const page = renderBenchmarks(results, 'Measured by hand.');
    expect(page).toContain(`${NOTES_START}\nMeasured by hand.\n${NOTES_END}`);
  });

  test('failed run is listed with its error', () => {
    const failed: BenchResults = {
      environment,
      sizes: [{ ...fileRuns('5m', 5_000_000, [], [[1, 1]]), extension: [{ ok: false, error: 'Out of Memory Error' }] }],
    };
    const page = renderBenchmarks(failed, null);
    expect(page).toContain('- extension run 1: Out of Memory Error');
    expect(page).toContain('5m: extension/native not measured');
    expect(page).toContain('**missed**: did not complete');
  });
});
