import type { EngineRunResult } from './engine-result';
import type { Environment } from './environment';
import type { ExtensionRunResult } from './extension-run';
import type { BenchResults, FileRuns, Outcome, UserTableRuns } from './results';
import { formatBytes, formatMilliseconds, formatSeconds, summarise, type Summary } from './stats';
import type { Phase } from './step-timer';

export const NOTES_START = '<!-- notes:start -->';
export const NOTES_END = '<!-- notes:end -->';

/** Targets the product is held to, in milliseconds and bytes. */
const TARGET_RATIO = 1.5;
const TARGET_BROWSER_BYTES = 3e9;
const TARGET_WORKBOOK_MS = 5000;
const TARGET_LONG_TASK_MS = 200;
/** SQL statements listed per size in "Where the time goes". */
const TOP_STEPS = 12;

/**
 * Renders docs/benchmarks.md from one run of the benchmark. `notes` is the hand-written Notes section
 * of the previous page, kept as it was. The page ends with one `<size>: extension/native <ratio>` line per size.
 */
export function renderBenchmarks(results: BenchResults, notes: string | null): string {
  const sections = [
    header(results.environment),
    definitions(results),
    filesTable(results),
    ...results.sizes.map(sizeSection),
    targets(results),
    timeBreakdown(results),
    results.userTable ? userTableSection(results.userTable) : '',
    ['## Notes', '', NOTES_START, notes ?? 'No notes yet.', NOTES_END].join('\n'),
    ratioLines(results),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function header(environment: Environment): string {
  const packages = Object.entries(environment.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const load = environment.loadEnd === undefined ? `${environment.loadStart}` : `${environment.loadStart} at the start and ${environment.loadEnd} at the end`;
  return [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` (bench/main.ts) on ${environment.date}. Every run rewrites this page except the Notes section.`,
    '',
    `- Machine: ${environment.cpuModel}, ${environment.cores} cores, ${(environment.memoryBytes / 2 ** 30).toFixed(1)} GiB memory. ` +
      `1-minute load average ${load}: other jobs shared the cores, so single runs vary.`,
    `- Software: Node ${environment.node}, ${environment.chromium}, ${packages}.`,
    `- Product: commit ${environment.commit}, extension built by \`wxt build\` just before the run.`,
  ].join('\n');
}

function definitions(results: BenchResults): string {
  const extensionRuns = [...results.sizes, ...(results.userTable ? [results.userTable.files] : [])].flatMap((runs) => successes(runs.extension));
  const sampling = summarise(extensionRuns.map((run) => run.memory.samplingMs / Math.max(1, run.memory.samples)));
  const samplingNote =
    sampling === null ? [] : ['', `Reading /proc for the memory samples took ${sampling.median.toFixed(1)} ms per sample (median), on the benchmark's own process.`];
  return [
    '## What is measured',
    '',
    'Each run writes two CSV files into a temporary folder: an Admin Portal detailed call log (master rows, about one',
    'leg row per master, dates such as `Tue 3/4/2025`, times such as `9:14:07 AM`) and a users list. Three engines',
    'then run on the same two files, each in a fresh process:',
    '',
    '- **Extension**: the built extension in headless Chromium (playwright-core). The workspace opens, the files are',
    '  set on `#file-input`, the KPI cards appear, then the Phone workbook is downloaded. Times come from the page',
    '  clock. *Load* runs from the input\'s change event to a row per file in the import summary. *Query* runs from',
    '  there to the first animation frame with the KPI cards (data range, report, rendering). *Workbook* runs from',
    '  the click on the download button to the download event.',
    '- Peak memory of the extension is the largest sum over all Chromium processes, sampled every 100 ms. *RSS* sums',
    '  the resident set sizes, where shared pages count once per process, as the targets use it. *PSS* sums the',
    '  proportional set sizes, which split shared pages between processes.',
    '- Long tasks are the page\'s main-thread `longtask` entries between the drop and the KPI cards.',
    '- **DuckDB-WASM (Node)**: the CLI\'s path, `createEngine` over `openNodeDatabase()` and file paths.',
    '- **Native DuckDB (Node)**: the same engine, formats and report code over @duckdb/node-api, through',
    '  bench/native/database.ts, which blocks on a worker thread per statement. DuckDB uses its default of one',
    '  thread per core, where DuckDB-WASM has one thread.',
    '',
    'For both Node engines, *load* is `loadFiles` per file and *query* is `dataRange` plus `report`. *Workbook* is',
    'the engine\'s `workbook` call, which reuses the report of the query (the engine keeps it until the files change).',
    'Peak memory is the process\'s VmHWM. *End to end*',
    'is load plus query: drop to KPIs. Cells show the median and, in brackets, the range of the repeats.',
    '',
    '*CPU time* is user plus system time. For the extension it covers every Chromium process, read from /proc, so it',
    'may include up to 250 ms of polling more. For the Node engines it covers the whole process, every native',
    'DuckDB thread included. Other jobs on the machine stretch wall-clock times but change CPU times much less.',
    ...samplingNote,
  ].join('\n');
}

function filesTable(results: BenchResults): string {
  const rows = [...results.sizes, ...(results.userTable ? [results.userTable.files] : [])].map(
    (runs) =>
      `| ${runs.label} | ${runs.masters.toLocaleString('en-US')} | ${runs.legs.toLocaleString('en-US')} | ` +
      `${(runs.callLogBytes / 1e6).toFixed(0)} MB | ${runs.users.toLocaleString('en-US')} | ${runs.extension.length} |`,
  );
  return ['## Files', '', '| run | master rows | leg rows | call log | users | repeats |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

function sizeSection(runs: FileRuns): string {
  const extension = successes(runs.extension);
  const wasm = successes(runs.wasm);
  const native = successes(runs.native);
  const engine = (results: EngineRunResult[], pick: (result: EngineRunResult) => number) => summarise(results.map(pick));
  const page = (pick: (result: ExtensionRunResult) => number) => summarise(extension.map(pick));
  const row = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const seconds = (ext: Summary | null, pick: (result: EngineRunResult) => number) =>
    [formatSeconds(ext), formatSeconds(engine(wasm, pick)), formatSeconds(engine(native, pick))];

  const lines = [
    `## ${runs.label}`,
    '',
    '| | extension (Chromium) | DuckDB-WASM (Node) | native DuckDB (Node) |',
    '| --- | --- | --- | --- |',
    row('Engine start', seconds(page((r) => r.startMs), (r) => r.startMs)),
    row('Load', seconds(page((r) => r.loadMs), (r) => r.loadMs)),
    row('Query', seconds(page((r) => r.queryMs), (r) => r.queryMs)),
    row('**End to end** (drop to KPIs)', seconds(page((r) => r.endToEndMs), (r) => r.loadMs + r.queryMs)),
    row('Workbook', seconds(page((r) => r.workbookMs), (r) => r.workbookMs)),
    row('CPU time, drop to KPIs', seconds(page((r) => r.endToEndCpuMs), (r) => r.cpuMs.load + r.cpuMs.query)),
    row('CPU time, workbook', seconds(page((r) => r.workbookCpuMs), (r) => r.cpuMs.workbook)),
    row('Peak memory', [
      `RSS ${formatBytes(page((r) => r.memory.sumBytes))}; PSS ${formatBytes(page((r) => r.memory.pssBytes))}; largest process ${formatBytes(page((r) => r.memory.largestBytes))}`,
      formatBytes(engine(wasm, (r) => r.peakRssBytes)),
      formatBytes(engine(native, (r) => r.peakRssBytes)),
    ]),
    row('Longest main-thread long task while loading', [formatLongest(page((r) => longest(r.loadLongTasks))), '–', '–']),
    row('Long tasks while loading (count)', [formatCount(page((r) => r.loadLongTasks.length)), '–', '–']),
    row('Longest main-thread long task while building the workbook', [formatLongest(page((r) => longest(r.workbookLongTasks))), '–', '–']),
    row('User Table rows', [formatCount(page((r) => r.userRows)), formatCount(engine(wasm, (r) => r.userRows)), formatCount(engine(native, (r) => r.userRows))]),
    row('Successful runs', [successCount(runs.extension), successCount(runs.wasm), successCount(runs.native)]),
  ];
  lines.push('', kpiAgreement(extension, wasm, native));
  const failures = [
    ...failuresOf('extension', runs.extension),
    ...failuresOf('DuckDB-WASM', runs.wasm),
    ...failuresOf('native', runs.native),
  ];
  if (failures.length > 0) lines.push('', 'Failed runs:', '', ...failures.map((failure) => `- ${failure}`));
  return lines.join('\n');
}

function targets(results: BenchResults): string {
  const rows: string[] = [];
  const oneMillion = results.sizes.find((runs) => runs.masters === 1_000_000);
  if (oneMillion) {
    const extension = summarise(successes(oneMillion.extension).map((r) => r.endToEndMs));
    const native = summarise(successes(oneMillion.native).map((r) => r.loadMs + r.queryMs));
    if (extension && native) {
      const limit = TARGET_RATIO * native.median;
      rows.push(
        `| 1M rows, drop to KPIs at most ${TARGET_RATIO}x native load + query | ${seconds(extension.median)} against ${seconds(limit)} ` +
          `(native ${seconds(native.median)}; ratio ${(extension.median / native.median).toFixed(2)}) | ${verdict(extension.median <= limit, extension.median - limit, seconds)} |`,
      );
    } else rows.push(`| 1M rows, drop to KPIs at most ${TARGET_RATIO}x native load + query | no successful run of both | not measured |`);
  }
  const fiveMillion = results.sizes.find((runs) => runs.masters === 5_000_000);
  if (fiveMillion) {
    const done = successes(fiveMillion.extension);
    const memory = summarise(done.map((r) => r.memory.sumBytes));
    const failed = fiveMillion.extension.filter((outcome) => !outcome.ok).length;
    const pss = summarise(done.map((r) => r.memory.pssBytes));
    const measured =
      memory === null
        ? `${failed} of ${fiveMillion.extension.length} runs failed`
        : `${done.length} of ${fiveMillion.extension.length} completed, peak RSS ${formatBytes(memory)} (PSS ${formatBytes(pss)})`;
    const met = memory !== null && failed === 0 && memory.max < TARGET_BROWSER_BYTES;
    const distance = memory === null ? null : memory.max - TARGET_BROWSER_BYTES;
    rows.push(`| 5M rows complete in the extension, browser peak under 3 GB | ${measured} | ${distance === null ? '**missed**: did not complete' : verdict(met, distance, (bytes) => `${(bytes / 1e9).toFixed(2)} GB`)} |`);
  }
  if (results.userTable) {
    const page = summarise(successes(results.userTable.page).map((r) => r.timing.ms));
    if (page) {
      rows.push(
        `| ${results.userTable.pageUsers.toLocaleString('en-US')}-row User Table workbook under 5 s (workbook code alone, Chromium page) | ${formatSeconds(page)} | ` +
          `${verdict(page.median < TARGET_WORKBOOK_MS, page.median - TARGET_WORKBOOK_MS, seconds)} |`,
      );
    }
    const extension = successes(results.userTable.files.extension);
    const download = summarise(extension.map((r) => r.workbookMs));
    if (download) {
      const userRows = extension[0]!.userRows.toLocaleString('en-US');
      rows.push(
        `| ${userRows}-row User Table workbook under 5 s (extension download) | ${formatSeconds(download)} | ` +
          `${verdict(download.median < TARGET_WORKBOOK_MS, download.median - TARGET_WORKBOOK_MS, seconds)} |`,
      );
    }
  }
  for (const runs of [...results.sizes, ...(results.userTable ? [results.userTable.files] : [])]) {
    const longestTask = summarise(successes(runs.extension).map((r) => longest(r.loadLongTasks)));
    if (longestTask) {
      rows.push(
        `| ${runs.label}: no main-thread long task over ${TARGET_LONG_TASK_MS} ms while loading | longest ${formatMilliseconds(longestTask)} | ` +
          `${verdict(longestTask.max <= TARGET_LONG_TASK_MS, longestTask.max - TARGET_LONG_TASK_MS, (ms) => `${Math.round(ms)} ms`)} |`,
      );
    }
  }
  return ['## Targets', '', 'Medians; the memory and long-task targets are judged on the worst run.', '', '| target | measured | met |', '| --- | --- | --- |', ...rows].join('\n');
}

/** For each size, the time of each phase split into SQL statements and the JavaScript around them, then the slowest statements. */
function timeBreakdown(results: BenchResults): string {
  const lines = [
    '## Where the time goes',
    '',
    'Per statement, from the Node runs (each `query` and `run` call timed; medians over the repeats). The',
    'extension runs DuckDB-WASM in a worker of the page, which these runs stand in for. *Outside SQL* is the',
    'phase\'s time minus its statements: sniffing (which reads the whole file in JavaScript), building Arrow',
    'data for DuckDB, turning results into objects, and exceljs.',
  ];
  for (const runs of results.sizes) {
    const wasm = successes(runs.wasm);
    const native = successes(runs.native);
    if (wasm.length === 0 || native.length === 0) continue;
    lines.push('', `### ${runs.label}`, '', '| phase | DuckDB-WASM: SQL | outside SQL | native: SQL | outside SQL |', '| --- | ---: | ---: | ---: | ---: |');
    for (const phase of ['load', 'query', 'workbook'] as const) {
      const [wasmSql, wasmOther] = phaseSplit(wasm, phase);
      const [nativeSql, nativeOther] = phaseSplit(native, phase);
      lines.push(`| ${phase} | ${ms(wasmSql)} | ${ms(wasmOther)} | ${ms(nativeSql)} | ${ms(nativeOther)} |`);
    }
    lines.push('', '| phase | statement | DuckDB-WASM | native | WASM/native |', '| --- | --- | ---: | ---: | ---: |');
    const wasmSteps = stepMedians(wasm);
    const nativeSteps = stepMedians(native);
    const slowest = [...wasmSteps.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_STEPS);
    for (const [key, wasmMs] of slowest) {
      const [phase, label] = key.split('\u0000') as [string, string];
      const nativeMs = nativeSteps.get(key);
      const ratio = nativeMs ? (wasmMs / nativeMs).toFixed(1) : '–';
      lines.push(`| ${phase} | \`${label.replace(/\|/g, '\\|')}\` | ${ms(wasmMs)} | ${nativeMs === undefined ? '–' : ms(nativeMs)} | ${ratio} |`);
    }
  }
  return lines.join('\n');
}

function userTableSection(runs: UserTableRuns): string {
  const page = successes(runs.page);
  const columnFormats = successes(runs.columnFormats);
  const lines = [
    '## User Table workbook',
    '',
    `The workbook code alone (\`buildChannelWorkbook\`, bench/browser/workbook-page.ts) ran on a made-up Phone report with`,
    `${runs.pageUsers.toLocaleString('en-US')} User Table rows, on the main thread of a plain headless Chromium page, in a fresh browser per run.`,
    `It took ${formatSeconds(summarise(page.map((r) => r.timing.ms)))} and wrote ${formatBytes(summarise(page.map((r) => r.timing.bytes)))} of xlsx, ` +
      `with a browser peak RSS of ${formatBytes(summarise(page.map((r) => r.memory.sumBytes)))}.`,
    '',
    'The same User Table alone was also written with `worksheet.addRows`, each number format set once on its column',
    `instead of on every cell, without column widths or filter. That took ${formatSeconds(summarise(columnFormats.map((r) => r.timing.ms)))}, ` +
      `of which exceljs's \`writeBuffer\` (XML and zip) took ${formatSeconds(summarise(columnFormats.map((r) => r.timing.writeMs ?? 0)))}, ` +
      `for ${formatBytes(summarise(columnFormats.map((r) => r.timing.bytes)))} of xlsx.`,
    `Written again with zip compression level 1 instead of JSZip's default 6, \`writeBuffer\` took ` +
      `${formatSeconds(summarise(columnFormats.map((r) => r.timing.fastZipWriteMs ?? 0)))} for ${formatBytes(summarise(columnFormats.map((r) => r.timing.fastZipBytes ?? 0)))}.`,
    '',
    `Through the extension, on the "${runs.files.label}" files above: see the table below (its *Workbook* row is the`,
    'download of the Phone workbook, which reuses the report on screen).',
    '',
    sizeSection(runs.files).replace(/^## /, '### '),
  ];
  for (const failure of [...failuresOf('page', runs.page), ...failuresOf('column formats page', runs.columnFormats)]) lines.push(`- ${failure}`);
  return lines.join('\n');
}

function ratioLines(results: BenchResults): string {
  const lines = [
    '## Summary',
    '',
    'End to end (drop to KPIs), medians: DuckDB-WASM under Node over native DuckDB, and the extension over native in',
    'CPU time. Then one line per size: the extension over native DuckDB in wall-clock time.',
    '',
  ];
  const ratios: string[] = [];
  for (const runs of results.sizes) {
    const extension = summarise(successes(runs.extension).map((r) => r.endToEndMs));
    const wasm = summarise(successes(runs.wasm).map((r) => r.loadMs + r.queryMs));
    const native = summarise(successes(runs.native).map((r) => r.loadMs + r.queryMs));
    const extensionCpu = summarise(successes(runs.extension).map((r) => r.endToEndCpuMs));
    const nativeCpu = summarise(successes(runs.native).map((r) => r.cpuMs.load + r.cpuMs.query));
    if (wasm && native) lines.push(`- ${runs.label}: DuckDB-WASM (Node)/native ${(wasm.median / native.median).toFixed(2)}`);
    if (extensionCpu && nativeCpu) lines.push(`- ${runs.label}: CPU time, extension/native ${(extensionCpu.median / nativeCpu.median).toFixed(2)}`);
    ratios.push(`${runs.label}: extension/native ${extension && native ? (extension.median / native.median).toFixed(2) : 'not measured'}`);
  }
  return [...lines, '', ...ratios].join('\n');
}

function kpiAgreement(extension: ExtensionRunResult[], wasm: EngineRunResult[], native: EngineRunResult[]): string {
  const reference = native[0]?.kpis;
  if (reference === undefined) return 'KPIs: no native run to compare with.';
  if (extension.length + wasm.length === 0) return 'KPIs: only native DuckDB completed, so there is nothing to compare.';
  const differences: string[] = [];
  const compare = (name: string, kpis: Record<string, unknown>) => {
    for (const [id, expected] of Object.entries(reference)) {
      if (!sameValue(kpis[id], expected)) differences.push(`${name} ${id} = ${JSON.stringify(kpis[id])}, native ${JSON.stringify(expected)}`);
    }
  };
  extension.forEach((run, index) => compare(`extension run ${index + 1}`, run.kpis));
  wasm.forEach((run, index) => compare(`DuckDB-WASM run ${index + 1}`, run.kpis));
  native.forEach((run, index) => compare(`native run ${index + 1}`, run.kpis));
  const count = Object.keys(reference).length;
  return differences.length === 0
    ? `KPIs: all ${count} KPI values are the same in every completed run of the three engines.`
    : `KPIs differ: ${differences.slice(0, 10).join('; ')}${differences.length > 10 ? ` and ${differences.length - 10} more` : ''}.`;
}

/** Equal text, or numbers equal to 1e-9 relative, as floating-point sums may differ in the last digits. */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}

function phaseSplit(runs: EngineRunResult[], phase: Exclude<Phase, 'start'>): [number, number] {
  const total = { load: (r: EngineRunResult) => r.loadMs, query: (r: EngineRunResult) => r.queryMs, workbook: (r: EngineRunResult) => r.workbookMs }[phase];
  const sql = runs.map((run) => run.steps.filter((step) => step.phase === phase).reduce((sum, step) => sum + step.ms, 0));
  const other = runs.map((run, index) => total(run) - sql[index]!);
  return [summarise(sql)!.median, summarise(other)!.median];
}

function stepMedians(runs: EngineRunResult[]): Map<string, number> {
  const values = new Map<string, number[]>();
  for (const run of runs) {
    for (const step of run.steps) {
      const key = `${step.phase}\u0000${step.label}`;
      values.set(key, [...(values.get(key) ?? []), step.ms]);
    }
  }
  return new Map([...values.entries()].map(([key, list]) => [key, summarise(list)!.median]));
}

function successes<T>(outcomes: readonly Outcome<T>[]): T[] {
  return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
}

function successCount<T>(outcomes: readonly Outcome<T>[]): string {
  return `${successes(outcomes).length} of ${outcomes.length}`;
}

function failuresOf<T>(name: string, outcomes: readonly Outcome<T>[]): string[] {
  return outcomes.flatMap((outcome, index) => (outcome.ok ? [] : [`${name} run ${index + 1}: ${outcome.error.replace(/\s+/g, ' ').slice(0, 400)}`]));
}

function longest(tasks: readonly { durationMs: number }[]): number {
  return tasks.reduce((max, task) => Math.max(max, task.durationMs), 0);
}

function verdict(met: boolean, distance: number, format: (value: number) => string): string {
  return met ? `met (${format(-distance)} to spare)` : `**missed** by ${format(distance)}`;
}

/** Formats the longest long task per run, or `none` when no run had one. */
function formatLongest(summary: Summary | null): string {
  return summary !== null && summary.max === 0 ? 'none' : formatMilliseconds(summary);
}

function formatCount(summary: Summary | null): string {
  if (summary === null) return '–';
  const count = (value: number) => Math.round(value).toLocaleString('en-US');
  return summary.min === summary.max ? count(summary.median) : `${count(summary.median)} (${count(summary.min)}–${count(summary.max)})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}
