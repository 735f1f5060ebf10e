import { describe, expect, test } from 'vitest';
import { parseCliArguments, USAGE } from '../../cli/arguments';
import { parseColumnOptions } from '../../cli/column-options';

describe('parseCliArguments', () => {
  test('reads every option and the files', () => {
    expect(parseCliArguments(['--from', '2026-05-01', '--to', '2026-05-31', '--tz', 'Europe/Berlin', '--out', 'x', 'a.csv'], 'UTC')).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
      timeZone: 'Europe/Berlin',
      outDir: 'x',
      files: ['a.csv'],
      help: false,
      maps: [],
    });
  });

  test('writes the zone in its own spelling', () => {
    expect(parseCliArguments(['--tz', 'america/new_york'], 'UTC').timeZone).toBe('America/New_York');
  });

  test.each([
    [['--frm', '1'], "Unknown option '--frm'"],
    [['--from', '2026-13-01'], '--from "2026-13-01" is not a valid date'],
    [['--to', '05/01/2026'], '--to "05/01/2026" is not a valid date'],
    [['--from', '2026-05-06', '--to', '2026-05-01'], 'The period starts (2026-05-06) after it ends (2026-05-01)'],
    [['--tz', 'Mars/Base'], 'Unknown time zone "Mars/Base"'],
  ])('rejects %j before reading files', (argv, message) => {
    expect(() => parseCliArguments(argv, 'UTC')).toThrow(message);
  });

  test('reads the column mapping options', () => {
    const options = parseCliArguments(['--map', 'time=Start Time', '--map', 'endpoint=App', '--columns', 'm.json', '--channel', 'video', 'a.csv'], 'UTC');

    expect(options.maps).toEqual(['time=Start Time', 'endpoint=App']);
    expect(options.columnsFile).toBe('m.json');
    expect(options.channel).toBe('video');
    expect(options.files).toEqual(['a.csv']);
  });

  test('shows the usage with an unknown option', () => {
    expect(() => parseCliArguments(['--frm'], 'UTC')).toThrow('Usage: npm run report --');
  });
});

describe('parseColumnOptions', () => {
  test('none without options', () => {
    expect(parseColumnOptions([], undefined)).toBeUndefined();
  });

  test('--map overrides the JSON file', () => {
    const json = { path: 'm.json', text: '{"header": ["x"], "columns": {"time": "When", "endpoint": "App"}, "channel": "phone"}' };

    expect(parseColumnOptions(['endpoint=Client=App'], undefined, json)).toEqual({
      columns: { time: 'When', endpoint: 'Client=App' },
      channel: 'phone',
    });
  });

  test('--channel sets every row', () => {
    expect(parseColumnOptions(['time=When'], 'message')).toEqual({ columns: { time: 'When' }, channel: 'message' });
  });

  test.each([
    [['time'], undefined, undefined, '--map "time" is not FIELD=COLUMN'],
    [['=When'], undefined, undefined, '--map "=When" is not FIELD=COLUMN'],
    [['start=When'], undefined, undefined, '--map: "start" is not a usage-events field. Valid fields: channel, time,'],
    [[], 'fax', undefined, '--channel: "fax" is not a channel. Write phone, video or message.'],
    [[], undefined, '{"columns": ', '--columns m.json is not valid JSON'],
    [[], undefined, '{"time": "When"}', '--columns m.json must contain an object such as'],
    [[], undefined, '{"columns": {"time": 3}}', '--columns m.json: the column of "time" must be a non-empty text.'],
  ])('rejects %j %j %j', (maps, channel, text, message) => {
    const json = text === undefined ? undefined : { path: 'm.json', text };
    expect(() => parseColumnOptions(maps, channel, json)).toThrow(message);
  });

  test('usage documents the mapping options', () => {
    expect(USAGE).toContain('--map FIELD=COLUMN');
    expect(USAGE).toContain('--columns FILE.json');
    expect(USAGE).toContain('--channel CHANNEL');
  });
});
