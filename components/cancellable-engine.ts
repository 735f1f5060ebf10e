import type { ColumnMapping } from '../lib/engine/types';
import { isOutOfMemory } from '../lib/errors';
import type { EngineClient, FileOutcome } from './engine-client';

/** A call stopped by `CancellableEngine.cancel`. The UI shows no error for it. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/** A call that was running when the engine stopped on its own: its worker closed or crashed, or it ran out of memory. */
export class EngineCrashedError extends Error {
  override readonly name = 'EngineCrashedError';
}

/** One running engine and the way to stop it. */
export interface EngineInstance {
  client: EngineClient;
  stop(): void;
}

/**
 * Starts an engine. It calls `onCrash` when the engine stops on its own while no call is waiting for
 * it (a call that is waiting rejects with an `EngineCrashedError` instead).
 */
export type StartEngine = (onCrash: (error: Error) => void) => EngineInstance;

/** A crash as its listeners receive it, with the reload of the retained files into a new engine. */
export interface EngineCrash {
  error: EngineCrashedError;
  /** The files being loaded again, in load order; not the file whose load crashed the engine. */
  reloading: File[];
  reloaded: Promise<FileOutcome[]>;
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
  /**
   * Registers a listener for crashes and returns a function that removes it. On a crash, running calls
   * reject with `EngineCrashedError`, and the engine is replaced and reloaded as on a cancel. Then the
   * listener runs.
   */
  onCrash(listener: (crash: EngineCrash) => void): () => void;
}

/**
 * Wraps engines made by `start` so that a call can be cancelled and a crashed engine replaced. DuckDB
 * runs synchronously inside the worker, so a running query cannot be interrupted: cancelling terminates
 * the worker and starts a new one. The client keeps each loaded `File` (a handle, not a copy of its
 * bytes) and the column mappings it was loaded with, to load it again then.
 */
export function createCancellableEngine(start: StartEngine): CancellableEngine {
  let generation = 0;
  let current = startInstance();
  const retained = new Map<number, File>();
  const mappings = new Map<string, ColumnMapping>();
  /** Files being loaded again after a cancel or crash, kept so that a second one does not lose them. */
  let reloading: File[] | null = null;
  const pending = new Set<(error: Error) => void>();
  const crashListeners = new Set<(crash: EngineCrash) => void>();

  function startInstance(): EngineInstance {
    const startedIn = generation;
    return start((error) => {
      if (startedIn === generation) crash(error);
    });
  }

  /** Runs a call on the current engine. A cancel or crash rejects it, and `settle` runs only when neither came first. */
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
          // DuckDB out of memory leaves its wasm memory grown for good, so the engine is replaced.
          if (startedIn === generation && (error instanceof EngineCrashedError || isOutOfMemory(error))) crash(error as Error);
        },
      );
    });
  }

  function loadFiles(args: { files: File[]; mappings?: ColumnMapping[] }): Promise<FileOutcome[]> {
    return track(
      (client) => client.loadFiles(args),
      (outcomes) => {
        outcomes.forEach((outcome, index) => {
          const file = args.files[index];
          if (outcome.ok && file) retained.set(outcome.summary.fileId, file);
        });
        // Only a call that loaded a file updates the mappings for reloading, so that a mapping that
        // failed does not replace the one that read the files kept from before.
        if (outcomes.some((outcome) => outcome.ok)) {
          for (const mapping of args.mappings ?? []) mappings.set(JSON.stringify(mapping.header), mapping);
        }
        const outOfMemory = outcomes.find((outcome) => !outcome.ok && isOutOfMemory(outcome.error));
        if (outOfMemory !== undefined && !outOfMemory.ok) queueMicrotask(() => crash(outOfMemory.error));
      },
    );
  }

  /** Rejects the running calls with `reason`, replaces the engine and reloads the retained files into it. */
  function replace(reason: Error): { files: File[]; reloaded: Promise<FileOutcome[]> } {
    generation += 1;
    for (const reject of pending) reject(reason);
    pending.clear();
    current.stop();
    current = startInstance();

    const files = reloading ?? [...retained.values()];
    retained.clear();
    if (files.length === 0) return { files, reloaded: Promise.resolve([]) };
    reloading = files;
    const reloadGeneration = generation;
    const reloaded = (async () => {
      try {
        // A quick first call, so that the start-up time limit does not apply to reloading large files.
        await track((client) => client.listFiles());
        return await loadFiles({ files, mappings: [...mappings.values()] });
      } finally {
        if (reloadGeneration === generation) reloading = null;
      }
    })();
    return { files, reloaded };
  }

  function crash(cause: Error): void {
    const error = cause instanceof EngineCrashedError ? cause : new EngineCrashedError(cause.message);
    const { files, reloaded } = replace(error);
    for (const listener of crashListeners) listener({ error, reloading: files, reloaded });
  }

  return {
    loadFiles,
    removeFile: (args) => track((client) => client.removeFile(args), () => retained.delete(args.fileId)),
    listFiles: (args) => track((client) => client.listFiles(args)),
    dataRange: (args) => track((client) => client.dataRange(args)),
    report: (args) => track((client) => client.report(args)),
    workbook: (args) => track((client) => client.workbook(args)),
    combinedWorkbook: (args) => track((client) => client.combinedWorkbook(args)),
    reset: () =>
      track(
        (client) => client.reset(),
        () => {
          retained.clear();
          mappings.clear();
        },
      ),
    retainedFiles: () => [...(reloading ?? retained.values())],
    cancel: () => replace(new CancelledError('Cancelled.')).reloaded,
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
  };
}
