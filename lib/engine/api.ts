import type { PlainError } from '../errors';
import type {
  Channel,
  ChannelReport,
  ColumnMapping,
  CombinedWorkbookRequest,
  DataRange,
  ImportSummary,
  ReportRequest,
  Workbook,
  WorkbookRequest,
} from './types';

export interface LoadRequest<Input> {
  files: Input[];
  timeZone?: string;
  mappings?: ColumnMapping[];
}

export type LoadOutcome =
  | { ok: true; summary: ImportSummary }
  | { ok: false; fileName: string; error: PlainError };

/**
 * The engine's one API object. The worker exposes it through comlink with `File` inputs; the CLI builds
 * the same object in Node with file paths. Every call takes one named-object argument.
 */
export interface EngineApi<Input> {
  /**
   * Loads files one after another; a file that fails leaves no rows and does not stop the others.
   * `timeZone` (default UTC) is the zone of the date ranges in the import summaries. A file that no
   * format recognises is read with the first of `mappings` made for its header. Without one, it fails
   * with an `UnrecognisedFileError` that carries the header.
   */
  loadFiles(args: LoadRequest<Input>): Promise<LoadOutcome[]>;
  removeFile(args: { fileId: number }): Promise<void>;
  /** The loaded files' summaries, with their date ranges in `timeZone` when given. */
  listFiles(args?: { timeZone?: string }): Promise<ImportSummary[]>;
  /** First and last local dates with events of the channel in `timeZone`, else of its downloads' periods. */
  dataRange(args: { channel: Channel; timeZone: string }): Promise<DataRange>;
  report(args: ReportRequest): Promise<ChannelReport>;
  workbook(args: WorkbookRequest): Promise<Workbook>;
  /** One workbook for several channels, each with the same period, time zone and thresholds. */
  combinedWorkbook(args: CombinedWorkbookRequest): Promise<Workbook>;
  /** Drops every loaded file. */
  reset(): Promise<void>;
}
