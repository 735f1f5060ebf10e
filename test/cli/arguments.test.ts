import { describe, expect, test } from 'vitest';
import { parseCliArguments } from '../../cli/arguments';

describe('parseCliArguments', () => {
  test('reads every option and the files', () => {
    expect(parseCliArguments(['--from', '2026-05-01', '--to', '2026-05-31', '--tz', 'Europe/Berlin', '--out', 'x', 'a.csv'], 'UTC')).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
      timeZone: 'Europe/Berlin',
      outDir: 'x',
      files: ['a.csv'],
      help: false,
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

  test('shows the usage with an unknown option', () => {
    expect(() => parseCliArguments(['--frm'], 'UTC')).toThrow('Usage: npm run report --');
  });
});
