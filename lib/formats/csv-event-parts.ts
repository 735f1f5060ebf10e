import type { Database } from '../engine/database';
import { freeEvents, type CsvPartJob, type CsvPartResult, type PartReader } from './csv-part-job';
import type { CsvFileLines } from './csv-errors';
import {
  csvRecordLines,
  csvRecordsSql,
  PART_RECORDS,
  partAlias,
  partSource,
  planCsvParts,
  readCsvParameters,
  readCsvPart,
  readCsvParts,
  type CsvPart,
} from './csv-table';
import type { LoadContext } from './format';
import { RECORD_STRIDE } from './record-scan';
import { assertRowRules, type RowRule } from './staged-rows';

/** The statements that turn each part of a delimited file into `events` rows, built once per file. */
export interface CsvEventSteps {
  /** Temporary table of a part's typed records. */
  table: string;
  /** Returns the query that makes `table` from the part's records (see `readCsvParts`). */
  select: (records: string) => string;
  rules: RowRule[];
  /** Query over `table` returning one row of whole-number counts, summed over the parts. */
  countsSql: string;
  /** Query over `table` returning the part's `events` rows, every column in table order. */
  eventsSql: string;
}

/** Sums of `CsvEventSteps.countsSql` over every part of a file. */
export type PartCounts = Record<string, number>;

/**
 * Reads the context's delimited file part by part with `steps`, adding each part's rows to `events`
 * before the next part is read, so a large file never keeps more than one part's typed rows. After a
 * failure, the engine deletes the parts already written.
 */
export function readEventParts(context: LoadContext, steps: CsvEventSteps): PartCounts {
  const counts: PartCounts = {};
  readCsvParts(context, steps.table, steps.select, () => addCounts(counts, usePart(context.db, steps)), {
    partRecords: context.partRecords,
  });
  context.db.run(`DROP TABLE ${steps.table}`);
  return counts;
}

/**
 * Reads the file as `readEventParts` does, but hands every other part to a part reader, so two DuckDB
 * databases read the file at once. The engine's database appends the reader's `events` rows. A part the
 * reader rejects is read again here, which throws the error that names its line.
 */
export async function readEventPartsInPairs(context: LoadContext, steps: CsvEventSteps, startReader: () => PartReader): Promise<PartCounts> {
  const { db, fileId, file } = context;
  // Both databases hold a part at once, so a pair of parts has the records of one part read alone.
  const { parts, lines } = planCsvParts(context, { recordsOfPart: sharedPartRecords(context.partRecords ?? PART_RECORDS / 2) });
  const counts: PartCounts = {};
  const readHere = (part: CsvPart) => {
    readCsvPart(context, steps.table, steps.select, part, lines);
    addCounts(counts, usePart(db, steps));
    db.bindings.dropFiles([partAlias(fileId, part)]);
  };

  if (parts.length === 1) {
    readHere(parts[0]!);
  } else {
    const reader = startReader();
    let ahead: Promise<CsvPartResult> | undefined;
    // The reader gets its next part as soon as it returns one, so it works while the engine appends.
    const handOver = (index: number) => {
      const part = parts[index];
      ahead = part === undefined ? undefined : reader.read(partJob(context, steps, part, lines), partSource(file, part));
    };
    try {
      handOver(1);
      for (const [index, part] of parts.entries()) {
        if (index % 2 === 0) {
          readHere(part);
          continue;
        }
        const result = await ahead!.catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          console.warn(`The part reader rejected records ${part.first} to ${part.first + part.count - 1} of ${file.source.name}, so the engine reads them. ${reason}`);
          return undefined;
        });
        handOver(index + 2);
        if (result === undefined) {
          readHere(part);
        } else {
          db.appendArrowIpc('events', result.events);
          freeEvents(result);
          addCounts(counts, result.counts);
        }
      }
    } finally {
      // When a part read here fails, the reader may still be working on the next one.
      void ahead?.catch(() => undefined);
      reader.close();
    }
  }
  db.run(`DROP TABLE IF EXISTS ${steps.table}`);
  return counts;
}

/**
 * The engine's share of each pair of parts when a part reader reads the other: 0.46, an estimate from
 * one 1,000,000-call run in Chromium 150 on a 2-core AMD EPYC. With the reader busy, the engine read
 * 4.8 µs per record, the reader 4.1 µs, and appending the reader's rows cost the engine 1.1 µs per
 * record, so with this share both finish a pair at about the same time.
 */
const ENGINE_SHARE = 0.46;

/**
 * Returns the records of each part when the engine reads the even parts and a part reader the odd ones.
 * A pair of parts has the records of two parts of `partRecords`, and the engine's part is its share.
 */
function sharedPartRecords(partRecords: number): (index: number) => number {
  const pair = 2 * partRecords;
  const engine = Math.max(RECORD_STRIDE, Math.round((pair * ENGINE_SHARE) / RECORD_STRIDE) * RECORD_STRIDE);
  return (index) => (index % 2 === 0 ? engine : pair - engine);
}

/** Checks a part read into `steps.table`, adds its rows to `events` and returns its counts. */
function usePart(db: Database, steps: CsvEventSteps): PartCounts {
  assertRowRules(db, steps.table, steps.rules);
  db.run(`INSERT INTO events BY NAME ${steps.eventsSql}`);
  return db.query<PartCounts>(steps.countsSql)[0]!;
}

/** Describes a part for a part reader, with the statements that `readCsvPart` and `usePart` run here. */
function partJob(context: LoadContext, steps: CsvEventSteps, part: CsvPart, lines: CsvFileLines): CsvPartJob {
  const lineTable = `record_lines_${steps.table}`;
  const alias = partAlias(context.fileId, part);
  return {
    part,
    alias,
    lines: csvRecordLines(lines, part),
    lineTable,
    createSql: `CREATE OR REPLACE TEMP TABLE ${steps.table} AS ${steps.select(csvRecordsSql(context.file, lineTable))}`,
    createParameters: readCsvParameters(alias, context.file, part).slice(1),
    table: steps.table,
    rejectSql: steps.rules.length === 0 ? 'false' : steps.rules.map((rule) => `(${rule.failedSql})`).join(' OR '),
    countsSql: steps.countsSql,
    eventsSql: steps.eventsSql,
  };
}

function addCounts(total: PartCounts, part: PartCounts): void {
  for (const [key, value] of Object.entries(part)) total[key] = (total[key] ?? 0) + value;
}
