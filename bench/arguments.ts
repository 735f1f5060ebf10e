/** The benchmark's command-line options. */
export interface BenchOptions {
  /** Master rows per call log, in run order. */
  sizes: number[];
  /** Repeats per size, one entry per size. */
  repeats: number[];
  /** Users in the users list of the call-log runs. */
  users: number;
  /** Whether to run the 100,000-row User Table workbook measurement. */
  userTable: boolean;
  /** A results file of an earlier run to render into docs/benchmarks.md instead of measuring. */
  render?: string;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--sizes 100k,1m,5m] [--repeats 3] [--users 3000] [--no-user-table]
       npm run bench -- --render RESULTS_JSON

  --sizes          Master rows of the generated call logs (k = thousand, m = million), comma-separated.
  --repeats        Runs per size: one number for every size, or one per size (3,3,1).
  --users          Users in the generated users list of the call-log runs.
  --no-user-table  Skip the 100,000-row User Table workbook runs.
  --render         Rewrite docs/benchmarks.md from the results file of an earlier run, measuring nothing.

Builds the extension and the benchmark, generates the files into a temporary folder (deleted at the
end), times the extension in headless Chromium, DuckDB-WASM under Node and native DuckDB on the same
files, prints the results and writes them to docs/benchmarks.md and .output/bench-results.json.`;

export function parseBenchArguments(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [100_000, 1_000_000, 5_000_000], repeats: [3], users: 3000, userTable: true, help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argument} needs a value. ${USAGE}`);
      return next;
    };
    if (argument === '--sizes') options.sizes = value().split(',').map(parseCount);
    else if (argument === '--repeats') options.repeats = value().split(',').map(parseCount);
    else if (argument === '--users') options.users = parseCount(value());
    else if (argument === '--no-user-table') options.userTable = false;
    else if (argument === '--render') options.render = value();
    else if (argument === '--help' || argument === '-h') options.help = true;
    else throw new Error(`Unknown argument ${argument}.\n${USAGE}`);
  }
  if (options.repeats.length === 1) options.repeats = options.sizes.map(() => options.repeats[0]!);
  if (options.repeats.length !== options.sizes.length) {
    throw new Error(`--repeats has ${options.repeats.length} numbers for ${options.sizes.length} sizes; give one, or one per size.`);
  }
  return options;
}

/** Reads `100k`, `1m`, `5M` or `2500` as a positive whole number. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  const count = match ? Number(match[1]) * { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'] : NaN;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Invalid count "${text}": expected a positive whole number such as 2500, 100k or 5m.`);
  }
  return count;
}

/** Formats a count the way `--sizes` takes it: 100k, 1m, 2500. */
export function sizeLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}m`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}
