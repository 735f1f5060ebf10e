import type { StepTotal } from './step-timer';

/** The DuckDB that runs the product's code: native (@duckdb/node-api) or DuckDB-WASM's Node bundle, as the CLI uses. */
export type EngineKind = 'native' | 'wasm';

/** One run of the product's engine under Node, as `engine-run.mjs` prints it (one JSON line on stdout). */
export interface EngineRunResult {
  engine: EngineKind;
  duckdbVersion: string;
  /** Database start and the schema, until the engine returns from its first call. */
  startMs: number;
  /** All files, each through the engine's `loadFiles` (sniffing, read_csv, checks, insert). */
  loadMs: number;
  files: { name: string; ms: number; rowsRead: number; rowsUsed: number }[];
  /** The data range and the report, as the workspace requests them after a drop. */
  queryMs: number;
  /** The engine's `workbook` call: the report again, then the xlsx bytes. */
  workbookMs: number;
  workbookBytes: number;
  userRows: number;
  kpis: Record<string, number | string | null>;
  steps: StepTotal[];
  /** CPU time (user plus system, all threads) of each phase, in milliseconds. */
  cpuMs: { start: number; load: number; query: number; workbook: number };
  /** The process's peak resident memory (VmHWM), in bytes. */
  peakRssBytes: number;
}

/** The zone the workspace uses in the benchmark's Chromium, which `launchExtension` sets. */
export const BENCH_TIME_ZONE = 'America/New_York';
