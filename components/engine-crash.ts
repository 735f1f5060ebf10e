import type { EngineCrash } from './cancellable-engine';
import { formatBytes } from './format';

/**
 * The memory all loaded files share in the engine: DuckDB-WASM 1.32.0's default `memory_limit` of
 * 3.1 GiB, which it cannot exceed by spilling to disk in the browser.
 */
const ENGINE_MEMORY = '3.1 GiB';

/** Builds the error shown for the file whose load crashed the engine, which is not loaded again. */
export function crashFailure(file: File, cause: Error): Error {
  return new Error(
    `The report engine ran out of memory or stopped while reading this file (${formatBytes(file.size)}), so it was ` +
      `restarted without it. All loaded files share the engine's memory, about ${ENGINE_MEMORY}. Export a shorter ` +
      'period or split the file into several, and remove files you do not need before loading it again. ' +
      `(The engine reported: ${cause.message})`,
  );
}

/** Builds the notice shown after a crash: what happened, and which files are being reloaded. */
export function crashNotice(crash: EngineCrash, loadingFile: string | null): string {
  const event = loadingFile === null ? 'The report engine stopped unexpectedly' : `The report engine stopped while loading ${loadingFile}`;
  const count = crash.reloading.length;
  const reload =
    count === 0
      ? 'It was restarted; no files had been loaded before.'
      : `It was restarted, and the ${count === 1 ? 'file' : `${count} files`} loaded before ${count === 1 ? 'is' : 'are'} being loaded again.`;
  return `${event} (${crash.error.message}). ${reload}`;
}
