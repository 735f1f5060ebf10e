/// <reference lib="webworker" />
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { BROWSER_RUNTIME, createDuckDB, VoidLogger } from 'duckdb-wasm-browser-blocking';
import { Database } from '../lib/engine/database';

/**
 * Opens DuckDB in the calling worker, synchronously (the browser "blocking" bundle), from the wasm file
 * bundled with the extension. Without 'wasm-unsafe-eval' in the page's CSP, instantiation never
 * settles, so callers put a timeout around it.
 */
export async function openBrowserDatabase(): Promise<Database> {
  const bundles = { mvp: { mainModule: wasmUrl, mainWorker: '' }, eh: { mainModule: wasmUrl, mainWorker: '' } };
  const bindings = await createDuckDB(bundles, new VoidLogger(), BROWSER_RUNTIME);
  await bindings.instantiate(() => {});
  bindings.open({});
  return new Database(bindings);
}
