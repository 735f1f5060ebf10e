import type { EngineClient, FileOutcome } from './engine-client';

/** A call stopped by `CancellableEngine.cancel`. The UI shows no error for it. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/** One running engine and the way to stop it. */
export interface EngineInstance {
  client: EngineClient;
  stop(): void;
}

/** The engine client with a way to stop a long call without losing the files loaded before it. */
export interface CancellableEngine extends EngineClient {
  /** The files loaded and not removed since the last reset, in load order. */
  retainedFiles(): File[];
  /**
   * Stops every running call: each rejects with `CancelledError`, the engine is replaced by a new one,
   * and the retained files are loaded into it again. Returns the reload's outcomes, in which the
   * reloaded files have new file ids.
   */
  cancel(): Promise<FileOutcome[]>;
}

/**
 * Wraps engines made by `start` so that a call can be cancelled. DuckDB runs synchronously inside the
 * worker, so a running query cannot be interrupted: cancelling terminates the worker and starts a new
 * one. The client keeps each loaded `File` (a handle, not a copy of its bytes) to load it again then.
 */
export function createCancellableEngine(start: () => EngineInstance): CancellableEngine {
  let current = start();
  let generation = 0;
  const retained = new Map<number, File>();
  /** Files being loaded again after a cancel, kept so that a second cancel does not lose them. */
  let reloading: File[] | null = null;
  const pending = new Set<(error: Error) => void>();

  /** Runs a call on the current engine. A cancel rejects it, and `settle` runs only when no cancel came first. */
  function track<T>(run: (client: EngineClient) => Promise<T>, settle?: (value: T) => void): Promise<T> {
    const startedIn = generation;
    return new Promise<T>((resolve, reject) => {
      pending.add(reject);
      run(current.client).then(
        (value) => {
          pending.delete(reject);
          if (startedIn !== generation) return;
          settle?.(value);
          resolve(value);
        },
        (error: unknown) => {
          pending.delete(reject);
          reject(error);
        },
      );
    });
  }

  function loadFiles(args: { files: File[] }): Promise<FileOutcome[]> {
    return track(
      (client) => client.loadFiles(args),
      (outcomes) => {
        outcomes.forEach((outcome, index) => {
          const file = args.files[index];
          if (outcome.ok && file) retained.set(outcome.summary.fileId, file);
        });
      },
    );
  }

  return {
    loadFiles,
    removeFile: (args) => track((client) => client.removeFile(args), () => retained.delete(args.fileId)),
    listFiles: (args) => track((client) => client.listFiles(args)),
    dataRange: (args) => track((client) => client.dataRange(args)),
    report: (args) => track((client) => client.report(args)),
    workbook: (args) => track((client) => client.workbook(args)),
    combinedWorkbook: (args) => track((client) => client.combinedWorkbook(args)),
    reset: () => track((client) => client.reset(), () => retained.clear()),
    retainedFiles: () => [...(reloading ?? retained.values())],

    async cancel() {
      generation += 1;
      const cancelled = new CancelledError('Cancelled.');
      for (const reject of pending) reject(cancelled);
      pending.clear();
      current.stop();
      current = start();

      const files = reloading ?? [...retained.values()];
      retained.clear();
      if (files.length === 0) return [];
      reloading = files;
      const reloadGeneration = generation;
      try {
        // A quick first call, so that the start-up time limit does not apply to reloading large files.
        await track((client) => client.listFiles());
        return await loadFiles({ files });
      } finally {
        if (reloadGeneration === generation) reloading = null;
      }
    },
  };
}
