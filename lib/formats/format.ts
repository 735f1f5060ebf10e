import type { Workbook } from 'exceljs';
import type { Database } from '../engine/database';
import type { Source } from '../engine/source';
import type { Channel } from '../engine/types';
import type { PartReader } from './csv-part-job';
import type { RecordScan } from './record-scan';

/** The facts sniffing finds about a file before any format looks at it. */
export interface SniffedFile {
  /** The file as dropped. */
  source: Source;
  /**
   * The file as UTF-8: `source` itself when it already was (with or without a byte-order mark, which
   * DuckDB's read_csv skips), else a re-encoded copy in memory.
   */
  utf8: Source;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'binary';
  container: 'csv' | 'json' | 'xlsx' | 'zip' | 'unknown';
  /** Delimited text or a worksheet: its header row, found below any title lines. */
  table?: {
    columns: string[];
    /** 1-based line of the header in the file (the row number in a worksheet). */
    headerLine: number;
    delimiter: string;
    /** The first few non-blank data rows, as text, for the column mapping form. */
    samples?: string[][];
  };
  /** Delimited text or a worksheet: its data records, scanned whole; set whenever `table` is. */
  records?: RecordScan;
  /** An XLSX workbook as exceljs read it, for formats that look past the first worksheet with a header. */
  workbook?: Workbook;
  /** A JSON file's parsed document. */
  json?: unknown;
  /**
   * A ZIP archive that is not a workbook: its `.json` entries, decompressed, by path inside the archive.
   * Entries of other types are never decompressed.
   */
  zipEntries?: Record<string, Uint8Array>;
  /** A ZIP archive that is not a workbook: the path of every entry, folders included, in archive order. */
  zipEntryNames?: string[];
  /** Sentences for the import summary, such as the encoding used or title lines skipped. */
  notes: string[];
}

export interface LoadContext {
  db: Database;
  /** The id to write into `file_id` of every row this file adds. */
  fileId: number;
  file: SniffedFile;
  /** Records per part for formats that read a large CSV file in parts; tests lower it. */
  partRecords?: number;
}

export interface LoadResult {
  /** Data rows or records found in the file. */
  rowsRead: number;
  /** Rows written to the canonical tables. */
  rowsUsed: number;
  notes: string[];
}

/**
 * One input format. Adding a vendor's export means adding one of these to `FORMATS`. When `load`
 * throws, the engine deletes the rows with its `fileId` and drops the tables whose names end with
 * `_<fileId>`, so every staging table must be named that way (`raw_7`, `call_log_7`).
 */
export interface Format {
  /** Identifier shared by the format's file, tests and docs entry, such as `ringcentral-call-log-json`. */
  id: string;
  /** The export's name as administrators call it. */
  label: string;
  /** Channels whose events it writes; empty for users lists. */
  channels: Channel[];
  /**
   * True when the format reads an XLSX workbook's sheets itself, so the worksheet that sniffing chose
   * and its notes do not apply to the import summary.
   */
  readsWholeWorkbook?: boolean;
  recognise(file: SniffedFile): boolean;
  load(context: LoadContext): LoadResult;
  /**
   * Loads the file as `load` does, with a second database from `startReader` reading some of its
   * parts at the same time. Formats without it always load with `load`.
   */
  loadInParts?(context: LoadContext, startReader: () => PartReader): Promise<LoadResult>;
}
