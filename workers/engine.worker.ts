/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { DuckDBDataProtocol } from 'duckdb-wasm-browser-blocking';
import { createEngine, withTimeout } from '../lib/engine/engine';
import { REPORT_TRANSFER, reportTransfer } from '../lib/engine/report-transfer';
import { fileSource } from '../lib/engine/source';
import { BROWSER_READ_LIMITS } from '../lib/formats/read-limits';
import { version } from '../package.json';
import { openBrowserDatabase } from './browser-database';
import { keepPartReaderReady } from './part-reader-client';

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

const engine = createEngine<File>({
  database: withTimeout(
    holdLifeline().then(openBrowserDatabase),
    30_000,
    'The report engine did not start within 30 seconds. Reload the page; if it happens again, reinstall the extension.',
  ),
  toSource: (file) => fileSource(file, DuckDBDataProtocol.BROWSER_FILEREADER),
  productVersion: version,
  readLimits: BROWSER_READ_LIMITS,
  startPartReader: keepPartReaderReady(),
});

Comlink.transferHandlers.set(REPORT_TRANSFER, reportTransfer);
Comlink.expose(engine);
