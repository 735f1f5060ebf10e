import * as Comlink from 'comlink';
import type { EngineApi } from '../lib/engine/api';
import type { ImportSummary } from '../lib/engine/types';
import { EngineError, fromPlainError } from '../lib/errors';
import { type CancellableEngine, type EngineInstance, createCancellableEngine } from './cancellable-engine';

/** A file's load result with the engine's plain error rebuilt as an `ImportError` or `EngineError`. */
export type FileOutcome = { ok: true; summary: ImportSummary } | { ok: false; fileName: string; error: Error };

/** The engine as the UI uses it: `EngineApi<File>` with load failures as real errors. */
export type EngineClient = Omit<EngineApi<File>, 'loadFiles'> & {
  loadFiles(args: { files: File[]; timeZone?: string }): Promise<FileOutcome[]>;
};

/** DuckDB-WASM starts in about a second; a start that takes 30 s has hung, for example on a CSP block. */
export const ENGINE_START_TIMEOUT_MS = 30_000;

/** Starts the engine worker and returns its client, which can cancel a running call. */
export function createEngineClient(): CancellableEngine {
  return createCancellableEngine(startWorkerEngine);
}

function startWorkerEngine(): EngineInstance {
  const worker = new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    client: wrapEngine(Comlink.wrap<EngineApi<File>>(worker), worker, ENGINE_START_TIMEOUT_MS),
    stop: () => worker.terminate(),
  };
}

/**
 * Wraps a remote engine so that start-up failures reach the caller. DuckDB-WASM waits forever when the
 * browser refuses to compile its WebAssembly (the error only reaches the console), so until one call
 * has returned, each call fails after `startTimeoutMs`. Later calls have no time limit, because loading
 * a large export legitimately takes minutes. A worker `error` event (its script failed to load) fails
 * the calls waiting and every later one.
 */
export function wrapEngine(remote: EngineApi<File>, worker: EventTarget, startTimeoutMs: number): EngineClient {
  let started = false;
  let failure: Error | null = null;
  const waiting = new Set<(error: Error) => void>();

  worker.addEventListener('error', (event) => {
    const message = (event as Partial<ErrorEvent>).message;
    const detail = message ? `: ${message}` : '';
    failure = new EngineError(
      `The report engine failed to start${detail}. Reload the page; if this happens again, reinstall the extension.`,
    );
    for (const reject of waiting) reject(failure);
    waiting.clear();
  });

  function call<T>(run: () => Promise<T>): Promise<T> {
    if (failure) return Promise.reject(failure);
    if (started) return run();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(reject);
        reject(
          new EngineError(
            `The report engine did not start within ${startTimeoutMs / 1000} seconds. The browser may be ` +
              "blocking WebAssembly for this extension (its content security policy needs 'wasm-unsafe-eval'). " +
              'Reload the page; if this happens again, reinstall the extension.',
          ),
        );
      }, startTimeoutMs);
      waiting.add(reject);
      run().then(
        (value) => {
          started = true;
          clearTimeout(timer);
          waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          waiting.delete(reject);
          reject(error);
        },
      );
    });
  }

  return {
    async loadFiles(args) {
      const outcomes = await call(() => remote.loadFiles(args));
      return outcomes.map((outcome) =>
        outcome.ok ? outcome : { ok: false, fileName: outcome.fileName, error: fromPlainError(outcome.error) },
      );
    },
    removeFile: (args) => call(() => remote.removeFile(args)),
    listFiles: (args) => call(() => remote.listFiles(args)),
    dataRange: (args) => call(() => remote.dataRange(args)),
    report: (args) => call(() => remote.report(args)),
    workbook: (args) => call(() => remote.workbook(args)),
    combinedWorkbook: (args) => call(() => remote.combinedWorkbook(args)),
    reset: () => call(() => remote.reset()),
  };
}
