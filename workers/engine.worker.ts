/// <reference lib="webworker" />
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import * as Comlink from 'comlink';
import { BROWSER_RUNTIME, createDuckDB, DuckDBDataProtocol, VoidLogger } from 'duckdb-wasm-browser-blocking';
import { Database } from '../lib/engine/database';
import { createEngine, withTimeout } from '../lib/engine/engine';
import { REPORT_TRANSFER, reportTransfer } from '../lib/engine/report-transfer';
import { fileSource } from '../lib/engine/source';
import { BROWSER_READ_LIMITS } from '../lib/formats/read-limits';
import { version } from '../package.json';

/**
 * Takes the Web Lock named after this worker and holds it until the worker ends, however it ends. The
 * page requests the same lock after the first call returns, and gets it once the worker has gone. The
 * database waits for the lock, so no call can return before the worker holds it.
 */
function holdLifeline(): Promise<void> {
  return new Promise((granted) => {
    if (navigator.locks === undefined) {
      granted();
      return;
    }
    void navigator.locks.request(self.name, () => {
      granted();
      return new Promise<never>(() => {});
    });
  });
}

// DuckDB runs synchronously inside this worker (the browser "blocking" bundle), from the wasm file
// bundled with the extension. Without 'wasm-unsafe-eval' in the page's CSP, instantiation never
// settles, hence the timeout.
async function openDatabase(): Promise<Database> {
  const bundles = { mvp: { mainModule: wasmUrl, mainWorker: '' }, eh: { mainModule: wasmUrl, mainWorker: '' } };
  const bindings = await createDuckDB(bundles, new VoidLogger(), BROWSER_RUNTIME);
  await bindings.instantiate(() => {});
  bindings.open({});
  return new Database(bindings);
}

const engine = createEngine<File>({
  database: withTimeout(
    holdLifeline().then(openDatabase),
    30_000,
    'The report engine did not start within 30 seconds. Reload the page; if it happens again, reinstall the extension.',
  ),
  toSource: (file) => fileSource(file, DuckDBDataProtocol.BROWSER_FILEREADER),
  productVersion: version,
  readLimits: BROWSER_READ_LIMITS,
});

Comlink.transferHandlers.set(REPORT_TRANSFER, reportTransfer);
Comlink.expose(engine);
