import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type FileOutcome, wrapEngine } from '../../components/engine-client';
import type { EngineApi, LoadOutcome } from '../../lib/engine/api';
import type { ImportSummary } from '../../lib/engine/types';
import { EngineError, ImportError } from '../../lib/errors';

const summary: ImportSummary = {
  fileId: 1,
  fileName: 'calls.csv',
  formatId: 'ringcentral-call-log-csv',
  formatLabel: 'Call log (CSV)',
  channels: ['phone'],
  rowsRead: 2,
  rowsUsed: 2,
  firstDate: '2026-05-08',
  lastDate: '2026-05-14',
  notes: [],
};

/** Builds an engine whose calls stay pending until the test settles them. */
function pendingEngine() {
  const settle: Array<(value: unknown) => void> = [];
  const call = () => new Promise<never>((resolve) => settle.push(resolve as (value: unknown) => void));
  const remote = {
    loadFiles: call,
    removeFile: call,
    listFiles: call,
    dataRange: call,
    report: call,
    workbook: call,
    reset: call,
  } as unknown as EngineApi<File>;
  return { remote, settle };
}

function errorOf(outcome: FileOutcome | undefined): Error {
  if (outcome === undefined || outcome.ok) throw new Error(`expected a failed outcome, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('wrapEngine', () => {
  test('first call times out when the engine hangs', async () => {
    const { remote } = pendingEngine();
    const client = wrapEngine(remote, new EventTarget(), 30_000);
    const result = client.listFiles();
    const failed = expect(result).rejects.toThrow(/did not start within 30 seconds/);
    await vi.advanceTimersByTimeAsync(30_000);
    await failed;
    await expect(result).rejects.toBeInstanceOf(EngineError);
  });

  test('calls after a first answer have no time limit', async () => {
    const { remote, settle } = pendingEngine();
    const client = wrapEngine(remote, new EventTarget(), 30_000);
    const first = client.listFiles();
    settle[0]?.([]);
    await expect(first).resolves.toEqual([]);

    let settled = false;
    const slow = client.listFiles().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(settled).toBe(false);
    settle[1]?.([summary]);
    await slow;
    expect(settled).toBe(true);
  });

  test('worker error fails waiting and later calls', async () => {
    const { remote } = pendingEngine();
    const worker = new EventTarget();
    const client = wrapEngine(remote, worker, 30_000);
    const waiting = client.listFiles();
    const event = Object.assign(new Event('error'), { message: 'SyntaxError: unexpected token' });
    worker.dispatchEvent(event);
    await expect(waiting).rejects.toThrow(/failed to start: SyntaxError: unexpected token/);
    await expect(client.report({} as never)).rejects.toThrow(/failed to start/);
  });

  test('loadFiles rebuilds plain errors', async () => {
    const outcomes: LoadOutcome[] = [
      { ok: true, summary },
      {
        ok: false,
        fileName: 'bad.csv',
        error: { name: 'ImportError', message: 'bad.csv, line 3: invalid date.', file: 'bad.csv', line: 3 },
      },
      { ok: false, fileName: 'big.csv', error: { name: 'EngineError', message: 'Out of Memory Error' } },
    ];
    const remote = { loadFiles: async () => outcomes } as unknown as EngineApi<File>;
    const client = wrapEngine(remote, new EventTarget(), 30_000);
    const [loaded, invalid, tooBig] = await client.loadFiles({ files: [] });
    const invalidError = errorOf(invalid);
    const tooBigError = errorOf(tooBig);

    expect(loaded).toEqual({ ok: true, summary });
    expect(invalidError).toBeInstanceOf(ImportError);
    expect(invalidError.message).toBe('bad.csv, line 3: invalid date.');
    expect((invalidError as ImportError).location.line).toBe(3);
    expect(tooBigError).toBeInstanceOf(EngineError);
  });

  test('forwards every method with its argument', async () => {
    const calls: string[] = [];
    const remote = new Proxy({} as EngineApi<File>, {
      get: (_target, name) => async (args: unknown) => {
        calls.push(`${String(name)} ${JSON.stringify(args)}`);
        return name === 'loadFiles' ? [] : null;
      },
    });
    const client = wrapEngine(remote, new EventTarget(), 30_000);

    await client.listFiles();
    await client.removeFile({ fileId: 4 });
    await client.combinedWorkbook({ channels: ['phone'] } as never);
    await client.loadFiles({ files: [], mappings: [] });

    expect(calls).toEqual(['listFiles undefined', 'removeFile {"fileId":4}', 'combinedWorkbook {"channels":["phone"]}', 'loadFiles {"files":[],"mappings":[]}']);
    expect((client as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
