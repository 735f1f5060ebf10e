/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { DuckDBDataProtocol } from 'duckdb-wasm-browser-blocking';
import { runCsvPartJob, type CsvPartJob, type CsvPartResult } from '../lib/formats/csv-part-job';
import { installTimeMacros } from '../lib/time/macros';
import { openBrowserDatabase } from './browser-database';

// A second DuckDB database, started by the engine worker ahead of time and ended after the one file it
// helps with. It reads every other part of that file (see `Format.loadInParts`), so two cores read at once.
const ready = openBrowserDatabase().then((db) => {
  installTimeMacros(db);
  return db;
});

/** The part reader's API, as the engine worker calls it through comlink. */
export const partReaderApi = {
  /** Resolves once the reader's DuckDB has started. */
  async ready(): Promise<void> {
    await ready;
  },

  async read(job: CsvPartJob, bytes: Blob): Promise<CsvPartResult> {
    const db = await ready;
    db.bindings.registerFileHandle(job.alias, bytes, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    try {
      const result = runCsvPartJob(db, job, job.alias);
      return Comlink.transfer(result, [result.events.buffer]);
    } finally {
      db.bindings.dropFiles([job.alias]);
    }
  },
};

Comlink.expose(partReaderApi);
