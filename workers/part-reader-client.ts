import * as Comlink from 'comlink';
import { withTimeout } from '../lib/engine/engine';
import type { PartReader } from '../lib/formats/csv-part-job';
import type { partReaderApi } from './part-reader.worker';

/**
 * Starts a part reader in a worker of its own, nested in the engine worker, which ends with it. A read
 * rejects when the reader's DuckDB does not start within 30 seconds or the worker fails, so the
 * engine then reads the part itself.
 */
export function startPartReader(): PartReader {
  const worker = new Worker(new URL('./part-reader.worker.ts', import.meta.url), { type: 'module', name: 'adoption-lens-part-reader' });
  const remote = Comlink.wrap<typeof partReaderApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`The part reader failed: ${event.message}`)));
  });
  // Callers may never read, so an unobserved failure must not surface as an unhandled rejection.
  failed.catch(() => undefined);
  const started = withTimeout(Promise.race([remote.ready(), failed]), 30_000, 'The part reader did not start within 30 seconds.');
  started.catch(() => undefined);

  return {
    async read(job, bytes) {
      if (bytes.blob === undefined) throw new Error(`${bytes.name} is held in memory, so the part reader cannot read it`);
      // Posted before the first await: the engine worker blocks in DuckDB right after this call, and a
      // message posted later would leave only when it is done. The reader queues it until it has started.
      const result = remote.read(Comlink.transfer(job, [job.lines.buffer]), bytes.blob);
      await started;
      return Promise.race([result, failed]);
    },
    close() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Idle time before a used part reader is replaced, so the next one does not start during the report. */
const REPLACE_AFTER_MS = 10_000;

/**
 * Returns a function that hands out part readers started ahead of time. The first starts now, and each
 * one handed out is replaced 10 seconds after it is closed. A worker nested in the engine worker starts
 * only while the engine worker is idle, so a reader started when a large file begins would wait until the
 * engine had read the file's first part itself (measured in Chromium 150). A file that arrives before the
 * replacement gets a reader started then.
 */
export function keepPartReaderReady(): () => PartReader {
  let ready: PartReader | undefined = startPartReader();
  return () => {
    const reader = ready ?? startPartReader();
    ready = undefined;
    return {
      read: (job, bytes) => reader.read(job, bytes),
      close() {
        reader.close();
        setTimeout(() => (ready ??= startPartReader()), REPLACE_AFTER_MS);
      },
    };
  };
}
