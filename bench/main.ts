import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBenchArguments, sizeLabel, USAGE, type BenchOptions } from './arguments';
import { runEngineProcess } from './engine-process';
import { loadAverage, readEnvironment } from './environment';
import { runExtension } from './extension-run';
import { writeCallLog } from './generate/call-log';
import { benchUsers, writeUsersList, type BenchUser } from './generate/users';
import { renderBenchmarks, NOTES_END, NOTES_START } from './markdown';
import type { BenchResults, FileRuns, Outcome, UserTableRuns } from './results';
import { runWorkbookPage } from './workbook-run';

const DOC_FILE = path.resolve('docs/benchmarks.md');
// Outside .output/bench, which every build of the benchmark empties.
const RESULTS_FILE = path.resolve('.output/bench-results.json');
/** The year the generated calls fall in. */
const CALL_YEAR = 2025;
/**
 * Users in the User Table runs' users list. About 93% of generated users are in the report's
 * population (Enabled or Not Activated, of a person-like type), so this gives just over 100,000 rows.
 */
const USER_TABLE_USERS = 107_500;
const USER_TABLE_CALLS = 200_000;
const USER_TABLE_PAGE_ROWS = 100_000;

async function main(argv: string[]): Promise<void> {
  const options = parseBenchArguments(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (options.render !== undefined) {
    const results = JSON.parse(await readFile(options.render, 'utf8')) as BenchResults;
    await writeDoc(results);
    return;
  }
  const environment = readEnvironment();
  const folder = await mkdtemp(path.join(tmpdir(), 'adoption-lens-bench-'));
  log(`Files go to ${folder}; ${environment.cores} cores, load ${environment.loadStart}.`);
  try {
    const results: BenchResults = { environment, sizes: [] };
    const users = benchUsers(options.users);
    const usersFile = path.join(folder, 'users-list.csv');
    const usersBytes = await writeUsersList(usersFile, users);

    for (const [index, masters] of options.sizes.entries()) {
      const label = sizeLabel(masters);
      const callLog = path.join(folder, `call-log-detailed-${label}.csv`);
      const runs = await runFiles({ label, masters, users, usersFile, usersBytes, callLog, repeats: options.repeats[index]! });
      results.sizes.push(runs);
      await rm(callLog);
    }
    if (options.userTable) results.userTable = await runUserTable(folder, options);

    environment.loadEnd = loadAverage();
    await writeFile(RESULTS_FILE, JSON.stringify(results, null, 2));
    log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
    await writeDoc(results);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface FileSpec {
  label: string;
  masters: number;
  users: readonly BenchUser[];
  usersFile: string;
  usersBytes: number;
  callLog: string;
  repeats: number;
}

/** Generates the call log, then runs the extension, DuckDB-WASM and native DuckDB on it `repeats` times each, interleaved. */
async function runFiles(spec: FileSpec): Promise<FileRuns> {
  const generated = performance.now();
  const written = await writeCallLog(spec.callLog, { masters: spec.masters, users: spec.users, year: CALL_YEAR });
  log(`${spec.label}: wrote ${written.masters} calls and ${written.legs} legs, ${(written.bytes / 1e6).toFixed(0)} MB, in ${seconds(performance.now() - generated)}.`);

  const runs: FileRuns = {
    label: spec.label,
    masters: written.masters,
    legs: written.legs,
    users: spec.users.length,
    callLogBytes: written.bytes,
    usersBytes: spec.usersBytes,
    extension: [],
    wasm: [],
    native: [],
  };
  const files = [spec.usersFile, spec.callLog];
  for (let repeat = 1; repeat <= spec.repeats; repeat++) {
    const prefix = `${spec.label} run ${repeat}/${spec.repeats}`;
    runs.extension.push(await attempt(`${prefix} extension`, () => runExtension(files), (r) => `drop to KPIs ${seconds(r.endToEndMs)}, workbook ${seconds(r.workbookMs)}`));
    runs.wasm.push(await attempt(`${prefix} DuckDB-WASM`, () => runEngineProcess('wasm', files), (r) => `load ${seconds(r.loadMs)}, query ${seconds(r.queryMs)}`));
    runs.native.push(await attempt(`${prefix} native`, () => runEngineProcess('native', files), (r) => `load ${seconds(r.loadMs)}, query ${seconds(r.queryMs)}`));
  }
  return runs;
}

/** Runs the User Table workbook measurements: the extension on a users list that gives 100,000+ rows, and the workbook code alone. */
async function runUserTable(folder: string, options: BenchOptions): Promise<UserTableRuns> {
  const repeats = Math.max(...options.repeats);
  const users = benchUsers(USER_TABLE_USERS, 3);
  const usersFile = path.join(folder, 'users-list-large.csv');
  const usersBytes = await writeUsersList(usersFile, users);
  const label = `${sizeLabel(USER_TABLE_CALLS)} calls, ${USER_TABLE_USERS} users`;
  const callLog = path.join(folder, 'call-log-user-table.csv');
  const files = await runFiles({ label, masters: USER_TABLE_CALLS, users, usersFile, usersBytes, callLog, repeats });

  const page: UserTableRuns['page'] = [];
  const columnFormats: UserTableRuns['columnFormats'] = [];
  for (let repeat = 1; repeat <= repeats; repeat++) {
    for (const [variant, runs] of [['product', page], ['column-formats', columnFormats]] as const) {
      runs.push(
        await attempt(`User Table workbook page (${variant}) run ${repeat}/${repeats}`, () => runWorkbookPage(USER_TABLE_PAGE_ROWS, variant), (r) =>
          `${r.timing.users} rows in ${seconds(r.timing.ms)}`,
        ),
      );
    }
  }
  return { files, pageUsers: USER_TABLE_PAGE_ROWS, page, columnFormats };
}

/** Runs one measurement; a failure is recorded and reported, and the benchmark goes on. */
async function attempt<T>(name: string, run: () => Promise<T>, describe: (value: T) => string): Promise<Outcome<T>> {
  try {
    const value = await run();
    log(`${name}: ${describe(value)}`);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message}`);
    return { ok: false, error: message };
  }
}

/** Writes docs/benchmarks.md from `results`, keeping its Notes section, and prints it. */
async function writeDoc(results: BenchResults): Promise<void> {
  const markdown = renderBenchmarks(results, await existingNotes());
  await writeFile(DOC_FILE, markdown);
  console.log(`\n${markdown}`);
  log(`Wrote ${path.relative(process.cwd(), DOC_FILE)}.`);
}

/** Returns the hand-written notes of the current docs/benchmarks.md, which every run keeps. */
async function existingNotes(): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(DOC_FILE, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END);
  return start >= 0 && end > start ? text.slice(start + NOTES_START.length, end).trim() : null;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
