import * as Comlink from 'comlink';
import type { EngineApi, LoadRequest } from '../lib/engine/api';
import { type PackedReport, REPORT_TRANSFER, reportTransfer, unpackReport } from '../lib/engine/report-transfer';
import type { ChannelReport, ImportSummary, ReportRequest } from '../lib/engine/types';
import { EngineError, fromPlainError } from '../lib/errors';
import { type CancellableEngine, type EngineInstance, EngineCrashedError, createCancellableEngine } from './cancellable-engine';
import { nextTask } from './next-task';

/** A file's load result with the engine's plain error rebuilt as an `ImportError` or `EngineError`. */
export type FileOutcome = { ok: true; summary: ImportSummary } | { ok: false; fileName: string; error: Error };

/** The engine as the UI uses it: `EngineApi<File>` with load failures as real errors. */
export type EngineClient = Omit<EngineApi<File>, 'loadFiles'> & {
  loadFiles(args: LoadRequest<File>): Promise<FileOutcome[]>;
};

/** DuckDB-WASM starts in about a second; a start that takes 30 s has hung, for example on a CSP block. */
export const ENGINE_START_TIMEOUT_MS = 30_000;

/** Starts the engine worker and returns its client, which can cancel a running call and survive a crash. */
export function createEngineClient(): CancellableEngine {
  return createCancellableEngine(startWorkerEngine);
}

function startWorkerEngine(onCrash: (error: Error) => void): EngineInstance {
  Comlink.transferHandlers.set(REPORT_TRANSFER, reportTransfer);
  // The worker holds a Web Lock of its own name while it lives (see workers/engine.worker.ts), so the
  // page learns that it has gone, closed or crashed, when the lock is granted to the page.
  const name = `adoption-lens-engine-${crypto.randomUUID()}`;
  const worker = new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
  let stopped = false;
  const client = wrapEngine(Comlink.wrap<EngineApi<File>>(worker), worker, ENGINE_START_TIMEOUT_MS, {
    onStarted() {
      navigator.locks?.request(name, () => {
        if (stopped) return;
        stopped = true;
        worker.terminate();
        onCrash(new EngineCrashedError('The report engine stopped unexpectedly (its worker closed).'));
      });
    },
    onCrash,
  });
  return {
    client,
    stop() {
      stopped = true;
      worker.terminate();
    },
  };
}

interface EngineEvents {
  /** Runs once, when the first call returns: the engine has started. */
  onStarted?(): void;
  /** Runs when the worker reports an uncaught error after it started. */
  onCrash?(error: Error): void;
}

/**
 * Wraps a remote engine so that start-up failures and crashes reach the caller, over every method of
 * the API. DuckDB-WASM waits forever when the browser refuses to compile its WebAssembly (the error
 * only reaches the console), so until one call has returned, each call fails after `startTimeoutMs`.
 * Later calls have no time limit, because loading a large export legitimately takes minutes. A worker
 * `error` event before the start fails the calls waiting and every later one. After the start, it is a
 * crash: the calls waiting reject with `EngineCrashedError`, and `events.onCrash` runs when none was.
 */
export function wrapEngine(remote: EngineApi<File>, worker: EventTarget, startTimeoutMs: number, events: EngineEvents = {}): EngineClient {
  let started = false;
  let failure: Error | null = null;
  const waiting = new Set<(error: Error) => void>();

  worker.addEventListener('error', (event) => {
    const message = (event as Partial<ErrorEvent>).message;
    const detail = message ? `: ${message}` : '';
    failure = started
      ? new EngineCrashedError(`The report engine stopped because of an error${detail}.`)
      : new EngineError(`The report engine failed to start${detail}. Reload the page; if this happens again, reinstall the extension.`);
    const rejected = waiting.size;
    for (const reject of waiting) reject(failure);
    waiting.clear();
    if (started && rejected === 0) events.onCrash?.(failure);
  });

  function call<T>(run: () => Promise<T>): Promise<T> {
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      const timer = started
        ? undefined
        : setTimeout(() => {
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
          clearTimeout(timer);
          waiting.delete(reject);
          if (!started) {
            started = true;
            events.onStarted?.();
          }
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

  const methods = remote as unknown as Record<string, (args?: unknown) => Promise<unknown>>;
  return new Proxy({} as EngineClient, {
    get(_target, property) {
      // Not a promise: `then` must be absent, or `await client` would call the worker.
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (property === 'loadFiles') {
        return async (args: LoadRequest<File>): Promise<FileOutcome[]> => {
          const outcomes = await call(() => remote.loadFiles(args));
          return outcomes.map((outcome) =>
            outcome.ok ? outcome : { ok: false, fileName: outcome.fileName, error: fromPlainError(outcome.error) },
          );
        };
      }
      if (property === 'report') {
        // The worker sends the User Table packed (see `reportTransfer`). Rebuilding 100,000 rows in
        // parts, one task each, keeps every task of the page short.
        return async (args: ReportRequest): Promise<ChannelReport> => {
          const packed = (await call(() => remote.report(args))) as unknown as PackedReport;
          return unpackReport(packed, nextTask);
        };
      }
      return (args?: unknown) => call(() => methods[property]!(args));
    },
  });
}
