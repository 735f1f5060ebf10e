import { describe, expect, test } from 'vitest';
import { type EngineCrash, EngineCrashedError, createCancellableEngine } from '../../components/cancellable-engine';
import { crashFailure, crashNotice } from '../../components/engine-crash';
import { wrapEngine } from '../../components/engine-client';
import type { EngineApi, LoadOutcome } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';

/** DuckDB-WASM's message when a load exhausts its memory, as seen in the browser by `npm run bench`. */
const OUT_OF_MEMORY = 'Out of Memory Error: failed to allocate data of size 4.0 KiB (3.1 GiB/3.1 GiB used)';

const usageFile = (name: string, email: string) =>
  new File([`channel,time,user_email,endpoint\nphone,2025-03-04T09:14:07Z,${email},Web\n`], name);

/**
 * Starts real engines on DuckDB-WASM under Node, each behind `wrapEngine` as in the browser. Through
 * the API boundary, a load of `huge.csv` returns DuckDB's out-of-memory error as the worker would, and a
 * load of `hang.csv` stays pending until the test fires the worker's `error` event.
 */
function realEngines() {
  const log: string[] = [];
  const workers: EventTarget[] = [];
  const engine = createCancellableEngine((onCrash) => {
    const number = workers.length + 1;
    const worker = new EventTarget();
    workers.push(worker);
    const real = createEngine<File>({
      database: openNodeDatabase(),
      toSource: async (file) => bytesSource(file.name, new Uint8Array(await file.arrayBuffer())),
      productVersion: 'test',
    });
    const remote: EngineApi<File> = {
      ...real,
      async loadFiles(args) {
        log.push(`engine${number} load ${args.files.map((file) => file.name).join(' ')}`);
        const [file] = args.files;
        if (file?.name === 'huge.csv') {
          return [{ ok: false, fileName: file.name, error: { name: 'EngineError', message: OUT_OF_MEMORY } } satisfies LoadOutcome];
        }
        if (file?.name === 'hang.csv') return new Promise<never>(() => {});
        return real.loadFiles(args);
      },
    };
    return { client: wrapEngine(remote, worker, 30_000, { onCrash }), stop: () => log.push(`engine${number} stopped`) };
  });
  const crashes: EngineCrash[] = [];
  engine.onCrash((crash) => crashes.push(crash));
  return { engine, log, workers, crashes };
}

describe('engine crash', () => {
  test('out of memory reloads earlier files', async () => {
    const { engine, log, crashes } = realEngines();
    await engine.loadFiles({ files: [usageFile('a.csv', 'a@example.com'), usageFile('b.csv', 'b@example.com')] });

    const [outcome] = await engine.loadFiles({ files: [new File(['x'], 'huge.csv')] });
    await Promise.resolve();

    expect(outcome?.ok).toBe(false);
    expect(crashes).toHaveLength(1);
    expect(crashes[0]!.error).toBeInstanceOf(EngineCrashedError);
    expect(crashes[0]!.error.message).toBe(OUT_OF_MEMORY);
    expect(crashes[0]!.reloading.map((file) => file.name)).toEqual(['a.csv', 'b.csv']);

    const reloaded = await crashes[0]!.reloaded;
    expect(reloaded.map((result) => result.ok)).toEqual([true, true]);
    expect((await engine.listFiles()).map((summary) => summary.fileName)).toEqual(['a.csv', 'b.csv']);
    expect(engine.retainedFiles().map((file) => file.name)).toEqual(['a.csv', 'b.csv']);
    expect(log).toEqual(['engine1 load a.csv b.csv', 'engine1 load huge.csv', 'engine1 stopped', 'engine2 load a.csv b.csv']);
  });

  test('worker error rejects the running load', async () => {
    const { engine, workers, crashes, log } = realEngines();
    await engine.loadFiles({ files: [usageFile('a.csv', 'a@example.com')] });

    const hanging = engine.loadFiles({ files: [new File(['x'], 'hang.csv')] });
    workers[0]!.dispatchEvent(Object.assign(new Event('error'), { message: 'RuntimeError: memory access out of bounds' }));

    await expect(hanging).rejects.toBeInstanceOf(EngineCrashedError);
    await expect(hanging).rejects.toThrow('The report engine stopped because of an error: RuntimeError: memory access out of bounds.');
    expect(crashes.map((crash) => crash.reloading.map((file) => file.name))).toEqual([['a.csv']]);
    await crashes[0]!.reloaded;
    expect((await engine.listFiles()).map((summary) => summary.fileName)).toEqual(['a.csv']);
    expect(log).not.toContain('engine2 load hang.csv');
  });

  test('crash while idle reloads too', async () => {
    const { engine, workers, crashes } = realEngines();
    await engine.loadFiles({ files: [usageFile('a.csv', 'a@example.com')] });

    workers[0]!.dispatchEvent(new Event('error'));

    expect(crashes).toHaveLength(1);
    await crashes[0]!.reloaded;
    expect((await engine.listFiles()).map((summary) => summary.fileName)).toEqual(['a.csv']);
  });

  test('mapped files reload with their mapping', async () => {
    const { engine, workers, crashes } = realEngines();
    const mapped = new File(['When,Who,Client\n2025-03-04T09:14:07Z,a@example.com,Web\n'], 'mapped.csv');
    const mapping = { header: ['When', 'Who', 'Client'], columns: { time: 'When', user_email: 'Who', endpoint: 'Client' }, channel: 'phone' as const };
    const [first] = await engine.loadFiles({ files: [mapped], mappings: [mapping] });
    expect(first?.ok).toBe(true);

    workers[0]!.dispatchEvent(new Event('error'));

    const reloaded = await crashes[0]!.reloaded;
    expect(reloaded.map((result) => result.ok)).toEqual([true]);
  });
});

describe('crash messages', () => {
  const crash = (names: string[]): EngineCrash => ({
    error: new EngineCrashedError(OUT_OF_MEMORY),
    reloading: names.map((name) => new File(['x'], name)),
    reloaded: Promise.resolve([]),
  });

  test('notice names the loading file', () => {
    expect(crashNotice(crash(['a.csv', 'b.csv']), 'huge.csv')).toBe(
      `The report engine stopped while loading huge.csv (${OUT_OF_MEMORY}). It was restarted, and the 2 files loaded before are being loaded again.`,
    );
  });

  test('notice without a loading file', () => {
    expect(crashNotice(crash(['a.csv']), null)).toBe(
      `The report engine stopped unexpectedly (${OUT_OF_MEMORY}). It was restarted, and the file loaded before is being loaded again.`,
    );
  });

  test('failure gives size and memory', () => {
    const message = crashFailure(new File([new Uint8Array(3 * 1024 * 1024)], 'huge.csv'), new Error(OUT_OF_MEMORY)).message;

    expect(message).toContain('while reading this file (3 MB)');
    expect(message).toContain("All loaded files share the engine's memory, about 3.1 GiB.");
    expect(message).toContain(`(The engine reported: ${OUT_OF_MEMORY})`);
  });
});
