import { EngineError, toPlainError } from '../errors';
import { mappedFormat, unrecognisedFileError } from '../formats/column-mapping';
import { mappingFits } from '../formats/mapping-rules';
import { FORMATS } from '../formats/index';
import type { PartReader } from '../formats/csv-part-job';
import type { Format, LoadResult, SniffedFile } from '../formats/format';
import type { ReadLimits } from '../formats/read-limits';
import { sniff } from '../formats/sniff';
import { unreadableZipError } from '../formats/zip-entries';
import { dataRange, fileDateRanges, summariesInZone } from '../report/data-range';
import { reportNotes } from '../report/import-notes';
import { buildReport } from '../report/report';
import { buildChannelWorkbook } from '../workbook/channel-workbook';
import { buildCombinedWorkbook } from '../workbook/combined-workbook';
import type { EngineApi, LoadOutcome } from './api';
import type { Database } from './database';
import { fingerprint } from './fingerprint';
import { loadOrUndo, removeAllRows, removeFileRows } from './file-rows';
import { createReportCache } from './report-cache';
import schemaSql from './schema.sql?raw';
import type { Source } from './source';
import type { Channel, ChannelReport, ColumnMapping, ImportSummary, ReportRequest } from './types';

export interface EngineOptions<Input> {
  /** The database, still starting; every call waits for it. */
  database: Promise<Database>;
  toSource(input: Input): Promise<Source> | Source;
  productVersion: string;
  formats?: readonly Format[];
  /** The largest file each reading path accepts; without it, no size is rejected up front. */
  readLimits?: ReadLimits;
  /**
   * Starts a second database that reads every other part of a large file while this one reads the
   * others (see `Format.loadInParts`). Without it, every file loads on this database alone.
   */
  startPartReader?: () => PartReader;
}

/**
 * Creates the engine's API object over one DuckDB database. Files load one at a time, and a failed
 * file leaves the tables as they were (see `loadOrUndo`).
 */
export function createEngine<Input>(options: EngineOptions<Input>): EngineApi<Input> {
  const { toSource, productVersion, formats = FORMATS, readLimits, startPartReader } = options;
  const ready = options.database.then((db) => {
    db.run(schemaSql);
    return db;
  });
  const summaries = new Map<number, ImportSummary>();
  const fingerprints = new Map<number, string>();
  const reports = createReportCache();
  let nextFileId = 1;

  function cachedReport(db: Database, request: ReportRequest): ChannelReport {
    return reports.get(request, () => buildReport(db, request, [...summaries.values()], request.endpointRules));
  }

  async function loadOne(db: Database, input: Input, timeZone: string, mappings: readonly ColumnMapping[]): Promise<LoadOutcome> {
    let fileName = 'file';
    try {
      const source = await toSource(input);
      fileName = source.name;
      const file = await sniff(source, readLimits);
      const format = formats.find((candidate) => candidate.recognise(file)) ?? formatOfMapping(file, mappings);
      if (format === undefined) throw (unreadableZipError(file) ?? unrecognisedFileError(file, formats));

      const fileId = nextFileId++;
      const context = { db, fileId, file };
      const result = await loadOrUndo(db, fileId, () =>
        startPartReader !== undefined && format.loadInParts !== undefined
          ? format.loadInParts(context, startPartReader)
          : format.load(context),
      );
      const sniffNotes = format.readsWholeWorkbook === true ? [] : file.notes;
      const summary = summarise(db, { fileId, fileName, format, result, sniffNotes, timeZone });
      const print = await fingerprint(source);
      const twin = [...fingerprints].find(([, other]) => other === print);
      if (twin !== undefined) {
        const earlier = summaries.get(twin[0])?.fileName ?? 'a file';
        summary.notes.push(`This file has the same content as ${earlier}, loaded before: what both hold counts once.`);
      }
      summaries.set(fileId, summary);
      fingerprints.set(fileId, print);
      return { ok: true, summary };
    } catch (error) {
      return { ok: false, fileName, error: toPlainError(error) };
    } finally {
      // Between two files of one drop, the workspace may ask for a report of the first.
      reports.clear();
      // A load copies the rows it keeps into the canonical tables, so DuckDB never reads the file
      // again. Dropping its registration releases the handle to the user's file, or the copy of its
      // bytes, whether the load succeeded or not.
      db.bindings.dropFiles();
    }
  }

  return {
    async loadFiles({ files, timeZone = 'UTC', mappings = [] }) {
      const db = await ready;
      const outcomes: LoadOutcome[] = [];
      for (const input of files) outcomes.push(await loadOne(db, input, timeZone, mappings));
      return outcomes;
    },

    async removeFile({ fileId }) {
      const db = await ready;
      reports.clear();
      removeFileRows(db, fileId);
      summaries.delete(fileId);
      fingerprints.delete(fileId);
    },

    async listFiles({ timeZone } = {}) {
      // Waits for the database, so that the first call reports an engine that failed to start.
      const db = await ready;
      const list = [...summaries.values()];
      return timeZone ? summariesInZone(db, list, timeZone) : list;
    },

    async dataRange({ channel, timeZone }) {
      return dataRange(await ready, channel, timeZone);
    },

    async report(request) {
      return cachedReport(await ready, request);
    },

    async workbook(request) {
      const report = cachedReport(await ready, request);
      return buildChannelWorkbook({ report, request, productVersion });
    },

    async combinedWorkbook({ channels, ...request }) {
      const db = await ready;
      const channelReports = channels.map((channel) => cachedReport(db, { ...request, channel }));
      return buildCombinedWorkbook({ reports: channelReports, request, productVersion });
    },

    async reset() {
      const db = await ready;
      reports.clear();
      removeAllRows(db);
      // Loads drop their files' registrations; this also covers a load cut short by a cancel.
      db.bindings.dropFiles();
      summaries.clear();
      fingerprints.clear();
    },
  };
}

interface LoadedFile {
  fileId: number;
  fileName: string;
  format: Format;
  result: LoadResult;
  sniffNotes: readonly string[];
  timeZone: string;
}

function summarise(db: Database, { fileId, fileName, format, result, sniffNotes, timeZone }: LoadedFile): ImportSummary {
  const range = fileDateRanges(db, timeZone).get(fileId);
  // The channels the file's rows feed, which may be fewer than the format can write.
  const channels = db
    .query<{ channel: Channel }>(
      `SELECT channel FROM events WHERE file_id = ?
       UNION SELECT channel FROM usage_totals WHERE file_id = ?
       ORDER BY channel`,
      [fileId, fileId],
    )
    .map((row) => row.channel);
  return {
    fileId,
    fileName,
    formatId: format.id,
    formatLabel: format.label,
    channels,
    rowsRead: result.rowsRead,
    rowsUsed: result.rowsUsed,
    firstDate: range?.first ?? null,
    lastDate: range?.last ?? null,
    notes: [...sniffNotes, ...result.notes, ...reportNotes(db, fileId)],
  };
}

/** Returns the format of the first mapping made for the file's header, if any fits. */
function formatOfMapping(file: SniffedFile, mappings: readonly ColumnMapping[]): Format | undefined {
  const columns = file.table?.columns;
  if (columns === undefined) return undefined;
  const mapping = mappings.find((candidate) => mappingFits(candidate, columns));
  return mapping === undefined ? undefined : mappedFormat(file.source.name, mapping);
}

/** Rejects with an EngineError when `promise` has not settled within `milliseconds`. */
export function withTimeout<T>(promise: Promise<T>, milliseconds: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new EngineError(message)), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new EngineError(String(error)));
      },
    );
  });
}
