import type { Database } from '../engine/database';
import type { Source } from '../engine/source';
import { insertRecordLines, type CsvPart } from './csv-table';

/**
 * One part of a delimited file described as data, so that a second DuckDB database in another worker
 * can read it while the engine's database reads another part. The engine builds every statement (see
 * `readEventPartsInPairs`), and the part reader only runs them.
 */
export interface CsvPartJob {
  part: CsvPart;
  /** Name under which the part reader registers the part's bytes. It is the first parameter of `createSql`. */
  alias: string;
  /** The file line where each of the part's records starts. */
  lines: Int32Array;
  /** Table of `lines` that `createSql` joins to the records. */
  lineTable: string;
  /** Statement that creates the temporary table `table` from the part's records. */
  createSql: string;
  /** Parameters of `createSql` after the path. */
  createParameters: unknown[];
  table: string;
  /** SQL over `table`, true on a row that breaks one of the format's rules. */
  rejectSql: string;
  /** Query over `table` returning one row of whole-number counts for the import summary. */
  countsSql: string;
  /** Query over `table` returning the rows to append to `events`, with its columns in table order. */
  eventsSql: string;
}

/** A part reader's result for a part whose records all passed. */
export interface CsvPartResult {
  counts: Record<string, number>;
  /** The part's `events` rows as an Arrow IPC stream. */
  events: Uint8Array;
}

/**
 * A second DuckDB database that reads parts of a file. It rejects a part that fails in any way without
 * naming the line, because the engine then reads that part itself and names file, line, column and value.
 */
export interface PartReader {
  read(job: CsvPartJob, bytes: Source): Promise<CsvPartResult>;
  /** Ends the reader and releases its memory. */
  close(): void;
}

/**
 * Runs `job` in `db` on the part's bytes, registered under the path `path`, as a part reader does in
 * its own worker. Throws when the records do not match the scan or a row breaks a rule.
 */
export function runCsvPartJob(db: Database, job: CsvPartJob, path: string): CsvPartResult {
  insertRecordLines(db, job.lineTable, job.lines);
  try {
    db.run(job.createSql, [path, ...job.createParameters]);
  } finally {
    db.run(`DROP TABLE ${job.lineTable}`);
  }
  try {
    const [check] = db.query<{ unmatched: number; rejected: number }>(
      `SELECT (count(*) FILTER (WHERE source_line IS NULL OR source_line < 0))::INTEGER AS unmatched,
              (count(*) FILTER (WHERE ${job.rejectSql}))::INTEGER AS rejected
       FROM ${job.table}`,
    );
    if (check!.unmatched > 0) throw new Error(`${check!.unmatched} records of part ${job.part.first} do not match the scan`);
    if (check!.rejected > 0) throw new Error(`${check!.rejected} rows of part ${job.part.first} break a rule`);

    const [counts] = db.query<Record<string, number>>(job.countsSql);
    return { counts: counts!, events: db.queryArrowIpc(job.eventsSql) };
  } finally {
    db.run(`DROP TABLE ${job.table}`);
  }
}

/**
 * Frees the memory of a result's `events` buffer at once. A buffer posted from the part reader otherwise
 * waits for garbage collection, which the engine worker, allocating little in JavaScript, did not run:
 * after 5,000,000 calls, 0.4 GB of appended buffers were still held while the report ran (Chromium 150).
 * Posting the buffer on a channel closed at once detaches it here and drops it with the undelivered
 * message. `ArrayBuffer.prototype.transfer(0)` did not free it.
 */
export function freeEvents(result: CsvPartResult): void {
  const channel = new MessageChannel();
  channel.port1.postMessage(null, [result.events.buffer]);
  channel.port1.close();
  channel.port2.close();
}
