import { describe, expect, test } from 'vitest';
import { csvField, csvFileName, toCsv } from '../../components/user-table-csv';
import { userColumns } from '../../components/user-table-model';
import type { UserRow } from '../../lib/engine/types';

const row: UserRow = {
  userName: 'Lee, "Jo"',
  userExtension: '0042',
  userEmail: 'jo@example.com',
  status: 'Regular',
  userStatus: 'Active',
  department: '=HYPERLINK("http://example.com")',
  site: 'Line one\nLine two',
  endpoint: 'Desk phone',
  version: '-1.2',
  lastUsed: Date.UTC(2026, 4, 14, 9, 5, 0),
  usageCount: 3,
  channelCount: 4,
  channelShare: 0.25,
};

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=1+2', "'=1+2"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tlead', "'\tlead"],
    ['=A1,B1', `"'=A1,B1"`],
    ['', ''],
    ['Zoë Ünal', 'Zoë Ünal'],
  ])('text %j becomes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('numbers are never prefixed', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.5)).toBe('0.5');
  });
});

describe('toCsv', () => {
  const text = toCsv([row], userColumns('phone'));
  const lines = text.slice(1).split('\r\n');

  test('starts with a UTF-8 byte-order mark', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  test('writes the headers in table order', () => {
    expect(lines[0]).toBe(
      'User Name,User Extension,User Email,Status,User Status,Department,Site,Endpoint,Version,Last Used,Usage Count,Number of Calls,Percent of Calls',
    );
  });

  test('quotes and neutralises each field', () => {
    // The site's line feed stays inside its quoted field, so the record is still one CRLF-ended line.
    expect(lines[1]).toBe(
      '"Lee, ""Jo""",0042,jo@example.com,Regular,Active,"\'=HYPERLINK(""http://example.com"")","Line one\nLine two",' +
        "Desk phone,'-1.2,2026-05-14 09:05:00,3,4,25%",
    );
  });

  test('ends every record with CRLF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(toCsv([], userColumns('phone')).split('\r\n')).toHaveLength(2);
  });
});

describe('csvFileName', () => {
  test('names channel and period', () => {
    expect(csvFileName('video', { from: '2026-05-01', to: '2026-05-31' })).toBe('Video_User_Table_2026-05-01_to_2026-05-31.csv');
  });
});
