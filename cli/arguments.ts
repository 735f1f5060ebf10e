import { parseArgs } from 'node:util';

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

/** Parses the command line; throws a TypeError with the problem and the usage on bad arguments. */
export function parseCliArguments(argv: string[], defaultTimeZone: string): CliOptions {
  const { values, positionals } = parseArgs({
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
  return {
    from: values.from,
    to: values.to,
    timeZone: values.tz ?? defaultTimeZone,
    outDir: values.out ?? 'reports',
    files: positionals,
    help: values.help ?? false,
  };
}
