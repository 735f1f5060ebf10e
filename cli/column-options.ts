import { USAGE_FIELDS, type Channel, type UsageField } from '../lib/engine/types';

/** A column mapping from the command line, applied to any file whose header no format recognises. */
export interface ColumnOptions {
  columns: Partial<Record<UsageField, string>>;
  /** The channel of every row, for files without a channel column. */
  channel?: Channel;
}

const CHANNELS: readonly string[] = ['phone', 'video', 'message'];

/**
 * Merges `--columns FILE.json` (already read, as `jsonText`) and each `--map FIELD=COLUMN` into one
 * mapping, `--map` winning over the file. Returns undefined when neither was given. Throws a TypeError
 * naming the invalid value and the valid ones.
 */
export function parseColumnOptions(
  maps: readonly string[],
  channel: string | undefined,
  json?: { path: string; text: string },
): ColumnOptions | undefined {
  if (maps.length === 0 && channel === undefined && json === undefined) return undefined;
  const options: ColumnOptions = json === undefined ? { columns: {} } : parseColumnsJson(json.path, json.text);

  for (const map of maps) {
    const separator = map.indexOf('=');
    if (separator <= 0 || separator === map.length - 1) {
      throw new TypeError(`--map "${map}" is not FIELD=COLUMN. Write, for example, --map time="Start Time".`);
    }
    options.columns[usageField(map.slice(0, separator), '--map')] = map.slice(separator + 1);
  }
  if (channel !== undefined) options.channel = parseChannel(channel, '--channel');
  return options;
}

/**
 * Reads a mapping file: `{"columns": {"time": "Start Time", ...}, "channel": "video"}`, the form the
 * extension stores its mappings in (a `header` in it is ignored).
 */
function parseColumnsJson(path: string, text: string): ColumnOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`--columns ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const columns = isRecord(parsed) ? parsed.columns : undefined;
  if (!isRecord(parsed) || !isRecord(columns)) {
    throw new TypeError(`--columns ${path} must contain an object such as {"columns": {"time": "Start Time", "user_email": "E-mail"}}.`);
  }
  const options: ColumnOptions = { columns: {} };
  for (const [field, column] of Object.entries(columns)) {
    if (typeof column !== 'string' || column === '') throw new TypeError(`--columns ${path}: the column of "${field}" must be a non-empty text.`);
    options.columns[usageField(field, `--columns ${path}`)] = column;
  }
  if (parsed.channel !== undefined) options.channel = parseChannel(String(parsed.channel), `--columns ${path}`);
  return options;
}

function usageField(name: string, option: string): UsageField {
  const field = USAGE_FIELDS.find((candidate) => candidate === name);
  if (field === undefined) throw new TypeError(`${option}: "${name}" is not a usage-events field. Valid fields: ${USAGE_FIELDS.join(', ')}.`);
  return field;
}

function parseChannel(value: string, option: string): Channel {
  if (!CHANNELS.includes(value)) throw new TypeError(`${option}: "${value}" is not a channel. Write phone, video or message.`);
  return value as Channel;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
