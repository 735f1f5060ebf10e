import type { Environment } from './environment';
import type { EngineRunResult } from './engine-result';
import type { ExtensionRunResult } from './extension-run';
import type { MemoryPeak } from './process-usage';
import type { WorkbookTiming } from './browser/workbook-page';

/** A run that finished, or the error that stopped it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** The runs on one pair of generated files. */
export interface FileRuns {
  /** `100k`, `1m`: the call log's master rows. */
  label: string;
  masters: number;
  legs: number;
  users: number;
  callLogBytes: number;
  usersBytes: number;
  extension: Outcome<ExtensionRunResult>[];
  wasm: Outcome<EngineRunResult>[];
  native: Outcome<EngineRunResult>[];
}

/** The User Table workbook runs: through the extension on a large users list, and the workbook code alone in a page. */
export interface UserTableRuns {
  files: FileRuns;
  pageUsers: number;
  /** The product's workbook code. */
  page: Outcome<PageRun>[];
  /** The same User Table written with a number format per column instead of per cell. */
  columnFormats: Outcome<PageRun>[];
}

export interface PageRun {
  timing: WorkbookTiming;
  memory: MemoryPeak;
}

export interface BenchResults {
  environment: Environment;
  sizes: FileRuns[];
  userTable?: UserTableRuns;
}
