import { describe, expect, test } from 'vitest';
import { CancelledError, createCancellableEngine, type EngineInstance } from '../../components/cancellable-engine';
import type { EngineClient, FileOutcome } from '../../components/engine-client';
import type { ColumnMapping, ImportSummary } from '../../lib/engine/types';

function summary(fileId: number, fileName: string): ImportSummary {
  return {
    fileId,
    fileName,
    formatId: 'ringcentral-call-log-csv',
    formatLabel: 'Call log (CSV)',
    channels: ['phone'],
    rowsRead: 1,
    rowsUsed: 1,
    firstDate: null,
    lastDate: null,
    notes: [],
  };
}

/**
 * Builds a stand-in engine that numbers loaded files from 1 like the real one. Loads of files named
 * `slow*` and reports never settle, like a worker busy in DuckDB. Files named `bad*` fail. A load with
 * column mappings logs their saved dates.
 */
function fakeEngine(log: string[], name: string): EngineInstance {
  let nextFileId = 1;
  const never = new Promise<never>(() => {});
  const client = {
    async loadFiles({ files, mappings = [] }: { files: File[]; mappings?: ColumnMapping[] }): Promise<FileOutcome[]> {
      log.push(`${name} load ${files.map((file) => file.name).join(' ')}`);
      if (mappings.length > 0) log.push(`${name} mappings ${mappings.map((mapping) => mapping.savedOn).join(' ')}`);
      if (files.some((file) => file.name.startsWith('slow'))) return never;
      return files.map((file) =>
        file.name.startsWith('bad')
          ? { ok: false, fileName: file.name, error: new Error('unreadable') }
          : { ok: true, summary: summary(nextFileId++, file.name) },
      );
    },
    removeFile: async () => undefined,
    listFiles: async () => {
      log.push(`${name} list`);
      return [];
    },
    dataRange: async () => ({ channel: 'phone', first: null, last: null }),
    report: () => never,
    workbook: () => never,
    combinedWorkbook: () => never,
    reset: async () => undefined,
  } as unknown as EngineClient;
  return { client, stop: () => log.push(`${name} stopped`) };
}

function setup() {
  const log: string[] = [];
  let started = 0;
  const engine = createCancellableEngine(() => fakeEngine(log, `engine${++started}`));
  return { engine, log };
}

const file = (name: string) => new File(['x'], name);

describe('createCancellableEngine', () => {
  test('retains loaded files in order', async () => {
    const { engine } = setup();
    await engine.loadFiles({ files: [file('users.csv'), file('bad.csv'), file('calls.csv')] });
    expect(engine.retainedFiles().map((retained) => retained.name)).toEqual(['users.csv', 'calls.csv']);
  });

  test('forgets removed and reset files', async () => {
    const { engine } = setup();
    await engine.loadFiles({ files: [file('users.csv'), file('calls.csv')] });
    await engine.removeFile({ fileId: 1 });
    expect(engine.retainedFiles().map((retained) => retained.name)).toEqual(['calls.csv']);
    await engine.reset();
    expect(engine.retainedFiles()).toEqual([]);
  });

  test('cancel rejects the running load', async () => {
    const { engine } = setup();
    const load = engine.loadFiles({ files: [file('slow-calls.csv')] });
    await engine.cancel();
    await expect(load).rejects.toBeInstanceOf(CancelledError);
  });

  test('cancel reloads earlier files into a new engine', async () => {
    const { engine, log } = setup();
    await engine.loadFiles({ files: [file('users.csv'), file('calls.csv')] });
    const slow = engine.loadFiles({ files: [file('slow-big.csv')] });
    const outcomes = await engine.cancel();
    await expect(slow).rejects.toThrow('Cancelled.');

    expect(log).toEqual([
      'engine1 load users.csv calls.csv',
      'engine1 load slow-big.csv',
      'engine1 stopped',
      'engine2 list',
      'engine2 load users.csv calls.csv',
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.summary.fileName : outcome.fileName))).toEqual(['users.csv', 'calls.csv']);
    expect(engine.retainedFiles().map((retained) => retained.name)).toEqual(['users.csv', 'calls.csv']);
  });

  test('failed mapping is not reloaded', async () => {
    const { engine, log } = setup();
    const saved: ColumnMapping = { header: ['When', 'Who'], columns: { time: 'When' }, savedOn: '2026-05-01' };
    await engine.loadFiles({ files: [file('usage.csv')], mappings: [saved] });
    await engine.loadFiles({ files: [file('bad-usage.csv')], mappings: [{ ...saved, columns: { time: 'Who' }, savedOn: '2026-05-02' }] });

    await engine.cancel();

    expect(log.slice(-3)).toEqual(['engine2 list', 'engine2 load usage.csv', 'engine2 mappings 2026-05-01']);
  });

  test('cancel rejects a running report', async () => {
    const { engine } = setup();
    const report = engine.report({} as never);
    await engine.cancel();
    await expect(report).rejects.toBeInstanceOf(CancelledError);
  });

  test('cancel without files starts a fresh engine', async () => {
    const { engine, log } = setup();
    expect(await engine.cancel()).toEqual([]);
    expect(log).toEqual(['engine1 stopped']);
    await engine.loadFiles({ files: [file('users.csv')] });
    expect(log.at(-1)).toBe('engine2 load users.csv');
  });

  test('calls after a cancel reach the new engine', async () => {
    const { engine } = setup();
    await engine.loadFiles({ files: [file('users.csv')] });
    await engine.cancel();
    await engine.removeFile({ fileId: 1 });
    expect(engine.retainedFiles()).toEqual([]);
  });
});
