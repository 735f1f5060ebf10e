import { parseArgs } from 'node:util';
import { assertPeriod } from '../lib/report/period';
import { assertTimeZone } from '../lib/report/zone-offsets';

export interface CliOptions {
  from?: string;
  to?: string;
  timeZone: string;
  outDir: string;
  files: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--out DIR] [FILE...]

Writes DIR/<Channel>_Adoption_and_Usage_<from>_to_<to>.xlsx for each channel the files feed.
  --from, --to   the period's first and last day, both inclusive (default: the data's full range)
  --tz           IANA time zone for local dates and times (default: this computer's, now %ZONE%)
  --out          folder for the workbooks (default: reports)
  FILE           exports to read (default: the bundled sample exports)`;

/**
 * Parses and checks the command line before any file is read; throws a TypeError with the problem and,
 * for an unknown option, the usage.
 */
export function parseCliArguments(argv: string[], defaultTimeZone: string): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        tz: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new TypeError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE.replace('%ZONE%', defaultTimeZone)}`);
  }
  const { values, positionals } = parsed;
  for (const [option, value] of [['--from', values.from], ['--to', values.to]] as const) {
    if (value !== undefined) assertPeriod({ from: value, to: value }, option);
  }
  if (values.from !== undefined && values.to !== undefined) assertPeriod({ from: values.from, to: values.to });

  const timeZone = values.tz ?? defaultTimeZone;
  assertTimeZone(timeZone);
  return {
    from: values.from,
    to: values.to,
    // Intl accepts any letter case (america/new_york); print and record the zone's own spelling.
    timeZone: new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone,
    outDir: values.out ?? 'reports',
    files: positionals,
    help: values.help ?? false,
  };
}
