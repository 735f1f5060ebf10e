import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openNodeDatabase } from '../lib/engine/duckdb-node';
import { createEngine } from '../lib/engine/engine';
import { pathSource } from '../lib/engine/source-node';
import { spanOfRanges } from '../lib/report/data-span';
import { emptyPeriodWarning, periodHasNoData } from '../lib/report/empty-period';
import { unitWord } from '../lib/report/unit-words';
import { CHANNEL_LABELS } from '../lib/workbook/channel-labels';
import { DEFAULT_THRESHOLDS, type Channel, type ImportSummary, type Kpi, type Period } from '../lib/engine/types';
import { plural } from '../lib/plural';
import { version } from '../package.json';
import type { LoadOutcome } from '../lib/engine/api';
import { parseCliArguments, USAGE } from './arguments';
import { type ColumnOptions, parseColumnOptions } from './column-options';

const SAMPLES_DIR = 'samples';
const CHANNEL_ORDER: Channel[] = ['message', 'video', 'phone'];
const NO_AUTHOR = { name: '', extension: '' };

async function main(argv: string[]): Promise<number> {
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const options = parseCliArguments(argv, systemZone);
  if (options.help) {
    console.log(USAGE.replace('%ZONE%', systemZone));
    return 0;
  }

  const json = options.columnsFile === undefined ? undefined : { path: options.columnsFile, text: await readFile(options.columnsFile, 'utf8') };
  const columnOptions = parseColumnOptions(options.maps, options.channel, json);
  const files = options.files.length > 0 ? options.files : await sampleFiles();
  const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: version });

  let failed = false;
  for (const file of files) {
    const outcome = await loadWithColumns(engine, file, options.timeZone, columnOptions);
    if (outcome.ok) printSummary(outcome.summary);
    else {
      failed = true;
      console.error(`Not loaded: ${outcome.error.message}`);
      const columns = outcome.error.table?.columns;
      if (columns !== undefined) console.error(`  Its columns: ${columns.map((column) => `"${column}"`).join(', ')}`);
    }
  }
  if (failed) {
    console.error('No workbook was written. Fix or leave out the files above and run the command again.');
    return 1;
  }

  const summaries = await engine.listFiles();
  const channels = CHANNEL_ORDER.filter((channel) => summaries.some((summary) => summary.channels.includes(channel)));
  if (channels.length === 0) {
    console.error('None of the files contains calls, meetings or messages, so there is nothing to report. Add a call log, meeting history or messaging export.');
    return 1;
  }

  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    console.error(`Could not create the output folder ${options.outDir} (${(error as NodeJS.ErrnoException).code}). Choose another --out folder.`);
    return 1;
  }
  const common = { timeZone: options.timeZone, thresholds: DEFAULT_THRESHOLDS, author: NO_AUTHOR, generatedAt: Date.now() };
  for (const channel of channels) {
    const period = await periodFor(engine, [channel], options);
    const report = await engine.report({ ...common, channel, period });
    const workbook = await engine.workbook({ ...common, channel, period });
    const target = path.join(options.outDir, workbook.fileName);
    await writeFile(target, workbook.bytes);

    console.log(`\n${channel[0]!.toUpperCase()}${channel.slice(1)}, ${period.from} to ${period.to} (${options.timeZone})`);
    if (periodHasNoData(report)) {
      const range = await engine.dataRange({ channel, timeZone: options.timeZone });
      console.warn(emptyPeriodWarning(CHANNEL_LABELS[channel].page, period, range));
    }
    for (const kpi of report.kpis) console.log(`  ${kpi.label}: ${formatKpi(kpi)}`);
    console.log(`  User Table: ${plural(report.users.length, 'row')}`);
    for (const note of report.notes) console.log(`  Note: ${note}`);
    console.log(`Wrote ${target}`);
  }

  if (channels.length > 1) {
    const period = await periodFor(engine, channels, options);
    const workbook = await engine.combinedWorkbook({ ...common, channels, period });
    const target = path.join(options.outDir, workbook.fileName);
    await writeFile(target, workbook.bytes);
    console.log(`\nAll channels, ${period.from} to ${period.to}\nWrote ${target}`);
  }
  return 0;
}

/**
 * Loads one file. When no format recognises it and the command line gave a column mapping, loads it
 * again with that mapping, made for the header the engine found.
 */
async function loadWithColumns(
  engine: ReturnType<typeof createEngine<string>>,
  file: string,
  timeZone: string,
  columnOptions: ColumnOptions | undefined,
): Promise<LoadOutcome> {
  const [outcome] = await engine.loadFiles({ files: [file], timeZone });
  const table = outcome && !outcome.ok ? outcome.error.table : undefined;
  if (outcome === undefined || table === undefined || columnOptions === undefined) return outcome!;
  const mapping = { header: table.columns, ...columnOptions };
  const [mapped] = await engine.loadFiles({ files: [file], timeZone, mappings: [mapping] });
  return mapped!;
}

async function sampleFiles(): Promise<string[]> {
  const names = await readdir(SAMPLES_DIR);
  return names
    .filter((name) => /\.(csv|json|xlsx|zip)$/i.test(name) && !name.includes('template'))
    .sort()
    .map((name) => path.join(SAMPLES_DIR, name));
}

/** Returns the period given on the command line, or else the span of the channels' data. */
async function periodFor(
  engine: ReturnType<typeof createEngine<string>>,
  channels: Channel[],
  options: { from?: string; to?: string; timeZone: string },
): Promise<Period> {
  const ranges = await Promise.all(channels.map((channel) => engine.dataRange({ channel, timeZone: options.timeZone })));
  const span = spanOfRanges(ranges);
  const from = options.from ?? span?.from;
  const to = options.to ?? span?.to;
  if (from === undefined || to === undefined) {
    throw new RangeError(`The ${channels.join(' and ')} data has no dates. Pass --from and --to.`);
  }
  return { from, to };
}

function printSummary(summary: ImportSummary): void {
  const dates = summary.firstDate === null ? 'no dates' : `${summary.firstDate} to ${summary.lastDate}`;
  console.log(`${summary.fileName}: ${summary.formatLabel}, ${plural(summary.rowsRead, 'row')} read, ${summary.rowsUsed.toLocaleString('en-US')} used, ${dates}`);
  for (const note of summary.notes) console.log(`  Note: ${note}`);
}

function formatKpi({ value, unit, unavailable }: Kpi): string {
  if (value === null) return unavailable === undefined ? 'unknown' : 'not available from downloaded workbooks';
  if (typeof value === 'string') return value;
  // Percent KPIs are fractions, as in the workbook.
  if (unit === '%') return `${(value * 100).toFixed(1)}%`;
  return `${Number.isInteger(value) ? String(value) : value.toFixed(2)} ${unitWord(value, unit)}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
