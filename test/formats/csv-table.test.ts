import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { bytesSource, fileSource } from '../../lib/engine/source';
import { pathSource } from '../../lib/engine/source-node';
import { ImportError } from '../../lib/errors';
import { readerError, type CsvFileLines } from '../../lib/formats/csv-errors';
import { readCsvSql, readCsvTable } from '../../lib/formats/csv-table';
import type { LoadResult, SniffedFile } from '../../lib/formats/format';
import { FORMATS } from '../../lib/formats/index';
import { scanRecords, type RecordScan } from '../../lib/formats/record-scan';
import { leftoverTables } from './events-table';
import { openDatabaseWithSchema, sniffBytes } from './helpers';

const USERS_HEADER = 'Name,Ext,Email,Department,Site,Status,Type';
const CALLS_HEADER =
  'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site';
const USAGE_HEADER =
  'channel,time,user_email,user_extension,user_name,endpoint,version,role,direction,result,duration_seconds,session_id,meeting_id';

let db: Database;
let fileId = 1;

beforeAll(async () => {
  db = await openDatabaseWithSchema();
});
afterAll(() => {
  db.bindings.reset();
});
beforeEach(() => {
  db.run('DELETE FROM events; DELETE FROM users');
});

/** Loads a sniffed file with the format that recognises it, in a transaction as the engine does. */
function load(file: SniffedFile): LoadResult {
  const format = FORMATS.find((candidate) => candidate.recognise(file));
  if (format === undefined) throw new Error(`no format recognises ${file.source.name}`);
  const id = fileId++;
  return db.transaction(() => format.load({ db, fileId: id, file }));
}

async function loadText(name: string, text: string): Promise<{ result: LoadResult; file: SniffedFile }> {
  const file = await sniffBytes(name, text);
  return { result: load(file), file };
}

async function loadError(name: string, content: string | Uint8Array): Promise<ImportError> {
  const file = await sniffBytes(name, content);
  return loadFileError(file);
}

function loadFileError(file: SniffedFile): ImportError {
  try {
    load(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${file.source.name} loaded without an error`);
}

describe('readCsvTable line numbers', () => {
  test.each([
    {
      format: 'users list',
      name: 'users.csv',
      lines: [
        USERS_HEADER,
        'Alice Smith,101,alice@example.com,"Sales',
        'East",Boston,Enabled,User',
        '',
        'Bob Jones,102,bob@example.com,Sales,Boston,Suspended,User',
      ],
      location: { line: 5, column: 'Status', value: 'Suspended' },
    },
    {
      format: 'call log',
      name: 'calls.csv',
      lines: [
        'Call Log - Example - 03/01/2025 to 03/31/2025',
        CALLS_HEADER,
        'Voice,C1,S1,,Outgoing,101,(650) 555-0101,101,,"Ann',
        'Lee",Tue 3/4/2025,9:14:07 AM,VoIP Call,Call connected,Call connected,0:01:00,$0.00,$0.00,Boston',
        ',,,1,,101,(650) 555-0101,101,,Ann Lee,,,,,,,,,',
        '',
        'Voice,C2,S2,,Outgoing,101,(650) 555-0102,101,,Ann Lee,Tue 3/4/2025,9:20:00 AM,VoIP Call,Call connected,Call connected,abc,$0.00,$0.00,Boston',
      ],
      location: { line: 7, column: 'Duration', value: 'abc' },
    },
    {
      format: 'usage events',
      name: 'usage.csv',
      lines: [
        USAGE_HEADER,
        'phone,2025-03-04T09:14:07Z,ann@example.com,101,Ann Lee,"Desk',
        'phone",1.0,,outbound,Call connected,60,s-1,',
        '',
        'phone,2025-03-04T09:20:00Z,ann@example.com,101,Ann Lee,Web,1.0,,outbound,Call connected,abc,s-2,',
      ],
      location: { line: 5, column: 'duration_seconds', value: 'abc' },
    },
  ])('readCsvTable error lines: $format', async ({ name, lines, location }) => {
    const error = await loadError(name, `${lines.join('\r\n')}\r\n`);

    expect(error.location).toMatchObject({ file: name, ...location });
    expect(error.message).toContain(`${name}, line ${location.line}, column "${location.column}"`);
  });

  test('readCsvTable numbers worksheet rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Users');
    sheet.addRow(['Users of Example Co']);
    sheet.addRow(USERS_HEADER.split(','));
    sheet.addRow(['Alice Smith', '101', 'alice@example.com', 'Sales\nEast\nBoston', 'Boston', 'Enabled', 'User']);
    sheet.addRow(['Bob Jones', '102', 'bob@example.com', 'Sales', 'Boston', 'Suspended', 'User']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const error = await loadError('users.xlsx', bytes);

    expect(error.location).toMatchObject({ line: 4, column: 'Status', value: 'Suspended' });
  });
});

describe('readCsvTable notes', () => {
  test('readCsvTable notes a skipped total', async () => {
    const text = [USERS_HEADER, 'Alice Smith,101,alice@example.com,Sales,Boston,Enabled,User', 'Bob Jones,102,bob@example.com,Sales,Boston,Enabled,User', 'Total: 2 users', ''].join('\n');

    const { result, file } = await loadText('users.csv', text);

    expect(result.rowsRead).toBe(2);
    expect(file.notes).toContain('Skipped 1 line below the data (line 4, "Total: 2 users"): totals or notes, not data rows.');
    expect(db.query('SELECT name FROM users ORDER BY source_line')).toEqual([{ name: 'Alice Smith' }, { name: 'Bob Jones' }]);
  });

  test('readCsvTable warns of unterminated footer', async () => {
    const rows = 'Alice Smith,101,a@example.com,Sales,Boston,Enabled,User\nBob Jones,102,b@example.com,Sales,Boston,Enabled,User';

    const { file } = await loadText('users.csv', `${USERS_HEADER}\n${rows}\nCarol Di`);

    expect(file.notes).toContain(
      'Skipped 1 line below the data (line 4, "Carol Di"): totals or notes, not data rows. The last line does not end with a line break: if it is part of a row, the file is cut off.',
    );
  });

  test('readCsvTable names footer line range', async () => {
    const text = [
      CALLS_HEADER,
      'Voice,C1,S1,,Outgoing,101,(650) 555-0101,101,,Ann Lee,Tue 3/4/2025,9:14:07 AM,VoIP Call,Call connected,Call connected,0:01:00,$0.00,$0.00,Boston',
      'Voice,C2,S2,,Outgoing,101,(650) 555-0102,101,,Ann Lee,Tue 3/4/2025,9:20:00 AM,VoIP Call,Call connected,Call connected,0:02:00,$0.00,$0.00,Boston',
      'Voice,C3,S3,,Outgoing,101,(650) 555-0103,101,,Ann Lee,Tue 3/4/2025,9:30:00 AM,VoIP Call,Call connected,Call connected,0:03:00,$0.00,$0.00,Boston',
      '',
      'Total calls: 3',
      'Total duration,0:06:00',
      '',
    ].join('\r\n');

    const { result, file } = await loadText('calls.csv', text);

    expect(result.rowsUsed).toBe(3);
    expect(file.notes).toContain('Skipped 2 lines below the data (lines 6–7, "Total calls: 3"): totals or notes, not data rows.');
  });

  test('readCsvTable skips a padded total line', async () => {
    const text = [
      CALLS_HEADER,
      'Voice,C1,S1,,Outgoing,101,(650) 555-0101,101,,Ann Lee,Tue 3/4/2025,9:14:07 AM,VoIP Call,Call connected,Call connected,0:01:00,$0.00,$0.00,Boston',
      'Total,,,,,,,,,,,,,,,,,,',
      '',
    ].join('\r\n');

    const { result, file } = await loadText('calls.csv', text);

    expect(result.rowsUsed).toBe(1);
    expect(file.notes).toContain('Skipped 1 line below the data (line 3, "Total,,,,,,,,,,,,,,,,,,"): totals or notes, not data rows.');
  });

  test('readCsvTable names blank lines', async () => {
    const rows = Array.from({ length: 8 }, (_, index) => `User ${index},${100 + index},u${index}@example.com,Sales,Boston,Enabled,User`);
    const text = [USERS_HEADER, rows[0], '', rows[1], '', '', rows[2], '', rows[3], '', rows[4], '', rows[5], rows[6], rows[7], ''].join('\n');

    const { result, file } = await loadText('users.csv', text);

    expect(result.rowsRead).toBe(8);
    expect(file.notes).toContain('Skipped 6 blank lines among the data (lines 3, 5, 6, 8, 10 and 1 more).');
    expect(db.query('SELECT max(source_line) AS last FROM users')).toEqual([{ last: 15 }]);
  });

  test('readCsvTable footer note row noun', async () => {
    const rows = 'Alice Smith,101,a@example.com,Sales,Boston,Enabled,User\nBob Jones,102,b@example.com,Sales,Boston,Enabled,User';
    const file = await sniffBytes('users.csv', `${USERS_HEADER}\n${rows}\nTotal\n`);
    const id = fileId++;

    db.transaction(() => readCsvTable({ db, fileId: id, file }, { rowNoun: 'users' }));

    expect(file.notes).toContain('Skipped 1 line below the data (line 4, "Total"): totals or notes, not users.');
  });
});

describe('readCsvTable errors', () => {
  const ALICE = 'Alice Smith,101,alice@example.com,Sales,Boston,Enabled,User';
  const CAROL = 'Carol Diaz,103,carol@example.com,Finance,Denver,Enabled,User';

  test.each([
    {
      name: 'a short line among the data',
      lines: [USERS_HEADER, ALICE, 'Bob Jones,102,bob@example.com', CAROL],
      line: 3,
      message: 'users.csv, line 3: the line has 3 fields where the header has 7, so values or delimiters may be missing, or a quote may be missing. Open the file in a text editor at that line',
    },
    {
      name: 'a line with an unquoted comma',
      lines: [USERS_HEADER, ALICE, 'Smith, Bob,102,bob@example.com,Sales,Boston,Enabled,User', CAROL],
      line: 3,
      message: 'users.csv, line 3: the line has 8 fields where the header has 7, so a value may contain an unquoted comma, or a quote may be missing.',
    },
    {
      name: 'a quote that never closes',
      lines: [USERS_HEADER, ALICE, CAROL, 'Bob Jones,102,bob@example.com,"Sales,Boston,Enabled,User', ALICE],
      line: 4,
      message: 'users.csv, line 4: a quoted value opens on this line and is never closed',
    },
    {
      name: 'a formula with quotes',
      lines: [USERS_HEADER, '=HYPERLINK("http://example.com/","click"),101,alice@example.com,Sales,Boston,Enabled,User', CAROL, ALICE],
      line: 2,
      message: 'users.csv, line 2: a closing quote is followed by other characters before the next comma or line end.',
    },
    {
      name: 'a lone CR in a CRLF file',
      lines: [USERS_HEADER, `${ALICE}\r${CAROL}`, ALICE],
      line: 2,
      message: 'users.csv, line 2: the line ends with a lone CR where the first line ends with CR LF',
    },
  ])('readCsvTable rejects $name', async ({ lines, line, message }) => {
    const error = await loadError('users.csv', `${lines.join('\r\n')}\r\n`);

    expect(error.location.line).toBe(line);
    expect(error.message).toContain(message);
  });

  test('readCsvTable names mixed line end', async () => {
    const text = `${USERS_HEADER}\nAlice Smith,101,a@example.com,Sales,Boston,Enabled,User\r\nBob Jones,102,b@example.com,Sales,Boston,Enabled,User\rCarol Diaz,103,c@example.com,Sales,Boston,Enabled,User\n`;

    const error = await loadError('users.csv', text);

    expect(error.message).toContain('users.csv, line 2: the line ends with CR LF where the first line ends with LF');
    expect(error.message).not.toContain('strict_mode');
  });

  test('readCsvTable maps a failed registration', async () => {
    const file = await sniffBytes('users.csv', `${USERS_HEADER}\n${ALICE}\n${CAROL}\n`);
    file.utf8 = {
      ...file.utf8,
      register() {
        throw new Error('Out of Memory Error: could not allocate block of size 256 KiB');
      },
    };

    const error = loadFileError(file);

    expect(error.message).toBe(
      'users.csv: there was not enough memory to read the file. Close other tabs or load fewer files at once; for a very large export, export a shorter period.',
    );
  });

  test('readCsvTable cleans up after errors', async () => {
    const before = leftoverTables(db);

    await loadError('users.csv', `${USERS_HEADER}\nAlice,101,a@example.com,Sales,Boston,Suspended,User\n`);

    expect(leftoverTables(db)).toEqual(before);
  });
});

describe('readerError', () => {
  /** Reads `text` with readCsvTable's read_csv call and returns the error DuckDB raises. */
  function duckdbError(text: string): Error {
    db.bindings.registerFileBuffer('reader-error.csv', new TextEncoder().encode(text));
    try {
      db.query(`SELECT count(*) FROM ${readCsvSql(3)}`, ['reader-error.csv', 0, ',']);
    } catch (error) {
      return error as Error;
    } finally {
      db.bindings.dropFile('reader-error.csv');
    }
    throw new Error('DuckDB read the file without an error');
  }

  async function scanOf(text: string): Promise<{ scan: RecordScan; lines: CsvFileLines }> {
    const scan = await scanRecords(bytesSource('calls.csv', new TextEncoder().encode(text)), { delimiter: ',', headerLine: 1, headerColumns: 3 });
    return { scan, lines: { fileName: 'calls.csv', delimiter: ',', lineOfRecord: (index) => scan.recordLines[index]! } };
  }

  // DuckDB numbers records and blank lines, not quoted line breaks, so its "Line: 5" is line 7 here.
  const BEFORE = 'a,b,c\n"x\ny\nz",2,3\n\n1,2,3\n';

  test('readerError maps field count line', async () => {
    const error = duckdbError(`${BEFORE}4,5\n6,7,8\n`);
    const { scan, lines } = await scanOf(`${BEFORE}4,5,x\n6,7,8\n`);

    const mapped = readerError(lines, scan, 1, error);

    expect(error.message).toContain('CSV Error on Line: 5');
    expect(mapped.location.line).toBe(7);
    expect(mapped.message).toBe(
      'calls.csv, line 7: the line has 2 fields where the header has 3. Open the file in a text editor at that line, compare the line with the header, and put quotes around any value that contains a comma; or download the export again.',
    );
  });

  test('readerError maps broken quote line', async () => {
    const error = duckdbError(`${BEFORE}"4"x,5,6\n`);
    const { scan, lines } = await scanOf(`${BEFORE}"4",5,6\n`);

    const mapped = readerError(lines, scan, 1, error);

    expect(mapped.location.line).toBe(7);
    expect(mapped.message).toContain('calls.csv, line 7: a quoted value is not closed properly.');
  });

  test('readerError hides SQL and advice', async () => {
    const { scan, lines } = await scanOf(BEFORE);
    const error = new Error('Parser Error: something new\n* Enable ignore errors (ignore_errors=true)\n\nLINE 1: SELECT * FROM read_csv(...)');

    const mapped = readerError(lines, scan, 1, error);

    expect(mapped.message).toBe(
      'calls.csv: the file could not be read as delimited text (something new). Check that it is the export as downloaded, not edited in a spreadsheet and saved in another format.',
    );
    for (const text of ['ignore_errors', 'strict_mode', 'null_padding', 'read_csv', 'SELECT']) expect(mapped.message).not.toContain(text);
  });
});

describe('readCsvTable record check', () => {
  const TEXT = [USERS_HEADER, 'Alice Smith,101,alice@example.com,Sales,Boston,Enabled,User', 'Bob Jones,102,bob@example.com,"Sales', 'West",Denver,Enabled,User', 'Carol Diaz,103,carol@example.com,Finance,Denver,Enabled,User', ''].join('\n');

  /** Copies a scan with its records replaced by `records` (line, checksum pairs). */
  function withRecords(scan: RecordScan, records: readonly (readonly [number, number])[]): RecordScan {
    return {
      ...scan,
      recordCount: records.length,
      recordLines: Int32Array.from(records, ([line]) => line),
      recordChecksums: Int32Array.from(records, ([, checksum]) => checksum),
    };
  }

  function scanRecordsOf(scan: RecordScan): [number, number][] {
    return Array.from({ length: scan.recordCount }, (_, index) => [scan.recordLines[index]!, scan.recordChecksums[index]!]);
  }

  test('readCsvTable loads scanned records', async () => {
    const file = await sniffBytes('users.csv', TEXT);

    load(file);

    expect(scanRecordsOf(file.records!).map(([line]) => line)).toEqual([2, 3, 5]);
    expect(db.query('SELECT source_line AS line FROM users ORDER BY 1')).toEqual([{ line: 2 }, { line: 3 }, { line: 5 }]);
  });

  test('readCsvTable rejects missing DuckDB record', async () => {
    const file = await sniffBytes('users.csv', TEXT);
    const records = scanRecordsOf(file.records!);
    // The scan claims a record on line 4 that DuckDB never reads.
    file.records = withRecords(file.records!, [records[0]!, [4, 99], records[1]!, records[2]!]);

    const error = loadFileError(file);

    expect(error.location.line).toBe(4);
    expect(error.message).toBe(
      'users.csv, line 4: the records from this line on could not be read reliably: the reader found 3 records where a line-by-line check found 4. Open the file in a text editor at that line and check its quotes and those of the lines around it; or download the export again.',
    );
  });

  test('readCsvTable rejects extra DuckDB record', async () => {
    const file = await sniffBytes('users.csv', TEXT);
    const records = scanRecordsOf(file.records!);
    file.records = withRecords(file.records!, [records[0]!, records[2]!]);

    const error = loadFileError(file);

    expect(error.location.line).toBe(5);
    expect(error.message).toContain('the reader found 3 records where a line-by-line check found 2');
  });

  test('readCsvTable locates differing record bytes', async () => {
    const file = await sniffBytes('users.csv', TEXT);
    const records = scanRecordsOf(file.records!);
    const [line, checksum] = records[1]!;
    // Equal counts pass the check; the checksums only locate a difference once the counts differ.
    file.records = withRecords(file.records!, [records[0]!, [line, checksum + 1], records[2]!, [6, 1]]);

    const error = loadFileError(file);

    expect(error.location.line).toBe(3);
  });
});

describe('Source slice', () => {
  const BYTES = new TextEncoder().encode('Name,Ext\nAnn,101\nTotal: 1\n');
  const END = 'Name,Ext\nAnn,101\n'.length;

  test('bytesSource slice reads prefix', async () => {
    const slice = bytesSource('users.csv', BYTES).slice(0, END);

    expect(slice.name).toBe('users.csv');
    expect(slice.size).toBe(END);
    expect(new TextDecoder().decode(await slice.read())).toBe('Name,Ext\nAnn,101\n');
  });

  test('fileSource slice reads prefix', async () => {
    const slice = fileSource(new File([BYTES], 'users.csv'), 0).slice(0, END);

    expect(slice.name).toBe('users.csv');
    expect(slice.size).toBe(END);
    expect(new TextDecoder().decode(await slice.read(4, 9))).toBe(',Ext\n');
  });

  test('pathSource slice registers prefix', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'csv-table-'));
    try {
      const filePath = path.join(folder, 'users.csv');
      writeFileSync(filePath, BYTES);
      const slice = (await pathSource(filePath)).slice(0, END);

      const registered = slice.register(db, 'slice-test.csv');
      const rows = db.query(`SELECT * FROM ${readCsvSql(2)}`, [registered, 0, ',']);

      expect(slice.size).toBe(END);
      expect(new TextDecoder().decode(await slice.read())).toBe('Name,Ext\nAnn,101\n');
      expect(rows).toEqual([{ c0: 'Ann', c1: '101' }]);
      db.bindings.dropFile('slice-test.csv');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
