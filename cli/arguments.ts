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
  /** `--map FIELD=COLUMN` values, in order. */
  maps: string[];
  /** `--columns`: path of a JSON column mapping. */
  columnsFile?: string;
  /** `--channel`: the channel of every row of a mapped file. */
  channel?: string;
}

export const USAGE = `Usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--out DIR]
                         [--map FIELD=COLUMN]... [--columns FILE.json] [--channel CHANNEL] [FILE...]

Writes DIR/<Channel>_Adoption_and_Usage_<from>_to_<to>.xlsx for each channel the files feed.
  --from, --to   the period's first and last day, both inclusive (default: the data's full range)
  --tz           IANA time zone for local dates and times (default: this computer's, now %ZONE%)
  --out          folder for the workbooks (default: reports)
  --map          for a CSV or worksheet that no format recognises: the usage-events FIELD that its
                 COLUMN contains, such as --map time="Start Time"; repeat it for each field. Fields:
                 channel, time, user_email, user_extension, user_name, endpoint, version, role,
                 direction, result, duration_seconds, session_id, meeting_id. Required: channel (or
                 --channel), time, endpoint, and user_email or user_extension.
  --columns      a JSON file of such a mapping: {"columns": {"time": "Start Time", ...}, "channel": "video"};
                 --map values override its fields
  --channel      phone, video or message: the channel of every row of a mapped file without a channel column
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
        map: { type: 'string', multiple: true },
        columns: { type: 'string' },
        channel: { type: 'string' },
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
    maps: values.map ?? [],
    columnsFile: values.columns,
    channel: values.channel,
  };
}
