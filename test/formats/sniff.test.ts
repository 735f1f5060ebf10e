import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../lib/engine/database';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { bytesSource, type Source } from '../../lib/engine/source';
import { ImportError } from '../../lib/errors';
import { dropCsvTable, readCsvTable } from '../../lib/formats/csv-table';
import type { SniffedFile } from '../../lib/formats/format';
import { dedupeColumnNames, sniff } from '../../lib/formats/sniff';
import { sniffBytes } from './helpers';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => {
  db.bindings.reset();
});

/** Reads a sniffed file the way formats do and returns its rows without `source_line`. */
function readRows(file: SniffedFile): Record<string, unknown>[] {
  const context = { db, fileId: 1, file };
  const table = readCsvTable(context);
  try {
    return db.query(`SELECT * EXCLUDE (source_line) FROM ${table} ORDER BY source_line`);
  } finally {
    dropCsvTable(context);
  }
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [low, high] = [code & 0xff, code >> 8];
    bytes.set(order === 'le' ? [low, high] : [high, low], 2 + i * 2);
  }
  return bytes;
}

/** Windows-1252 bytes of text that uses only ASCII, Latin-1 letters and the characters listed. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '“': 0x93, '”': 0x94, '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Builds a ZIP archive with one stored (uncompressed) entry, like a compliance export's files. */
function storedZip(entryName: string, content: string): Uint8Array {
  const name = new TextEncoder().encode(entryName);
  const data = new TextEncoder().encode(content);
  const crc = crc32(data);

  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint32(14, crc, true);
  local.setUint32(18, data.length, true);
  local.setUint32(22, data.length, true);
  local.setUint16(26, name.length, true);

  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint32(16, crc, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, data.length, true);
  central.setUint16(28, name.length, true);

  const centralOffset = 30 + name.length + data.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true);
  end.setUint32(16, centralOffset, true);

  const parts = [new Uint8Array(local.buffer), name, data, new Uint8Array(central.buffer), name, new Uint8Array(end.buffer)];
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    zip.set(part, offset);
    offset += part.length;
  }
  return zip;
}

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function sniffError(name: string, content: string | Uint8Array): Promise<ImportError> {
  const error: unknown = await sniffBytes(name, content).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

interface TextCase {
  name: string;
  content: string | Uint8Array;
  encoding: SniffedFile['encoding'];
  table: SniffedFile['table'];
  notes: string[];
  rows: Record<string, unknown>[];
}

const TEXT_CASES: TextCase[] = [
  {
    name: 'UTF-8',
    content: 'Name,Ext\nAnna Berg,0101\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext'], headerLine: 1, delimiter: ',' },
    notes: [],
    rows: [{ Name: 'Anna Berg', Ext: '0101' }],
  },
  {
    name: 'UTF-8 with BOM',
    content: '\uFEFFName,Ext\nRené Öz,102\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext'], headerLine: 1, delimiter: ',' },
    notes: [],
    rows: [{ Name: 'René Öz', Ext: '102' }],
  },
  {
    name: 'UTF-16 LE with BOM',
    content: utf16('Name\tExt\r\nRené Öz\t103\r\n', 'le'),
    encoding: 'utf-16le',
    table: { columns: ['Name', 'Ext'], headerLine: 1, delimiter: '\t' },
    notes: ['Decoded as UTF-16 LE because the file starts with its byte-order mark.'],
    rows: [{ Name: 'René Öz', Ext: '103' }],
  },
  {
    name: 'UTF-16 BE with BOM',
    content: utf16('Name,Ext\nJiří Novák,104\n', 'be'),
    encoding: 'utf-16be',
    table: { columns: ['Name', 'Ext'], headerLine: 1, delimiter: ',' },
    notes: ['Decoded as UTF-16 BE because the file starts with its byte-order mark.'],
    rows: [{ Name: 'Jiří Novák', Ext: '104' }],
  },
  {
    name: 'Windows-1252',
    content: windows1252('Name;Note\nRené Doré;“€ 5,50” – it’s paid\n'),
    encoding: 'windows-1252',
    table: { columns: ['Name', 'Note'], headerLine: 1, delimiter: ';' },
    notes: ['Decoded as Windows-1252 because the file is not valid UTF-8.'],
    rows: [{ Name: 'René Doré', Note: '“€ 5,50” – it’s paid' }],
  },
  {
    name: 'title lines',
    content: 'User list\nExported 3/4/2025 9:14 AM\n\nName,Ext,Email\nAnna Berg,101,anna@example.com\nBo Chen,102,bo@example.com\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext', 'Email'], headerLine: 4, delimiter: ',' },
    notes: ['Skipped 2 title lines above the header.'],
    rows: [
      { Name: 'Anna Berg', Ext: '101', Email: 'anna@example.com' },
      { Name: 'Bo Chen', Ext: '102', Email: 'bo@example.com' },
    ],
  },
  {
    name: 'title lines padded with delimiters',
    content: 'User List,,,\n,,,\nName,Ext,Email,Status\nAnna Berg,101,,Enabled\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext', 'Email', 'Status'], headerLine: 3, delimiter: ',' },
    notes: ['Skipped 1 title line above the header.'],
    rows: [{ Name: 'Anna Berg', Ext: '101', Email: null, Status: 'Enabled' }],
  },
  {
    name: 'semicolons with decimal commas',
    content: 'Name;Duration;Cost\nAnna Berg;1,5;0,20\nBo Chen;2,5;0,40\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Duration', 'Cost'], headerLine: 1, delimiter: ';' },
    notes: [],
    rows: [
      { Name: 'Anna Berg', Duration: '1,5', Cost: '0,20' },
      { Name: 'Bo Chen', Duration: '2,5', Cost: '0,40' },
    ],
  },
  {
    name: 'tabs under a title with commas',
    content: 'Report, March 2025\nName\tExt\tDepartment\nBerg, Anna\t101\tSales\nChen, Bo\t102\tSupport\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext', 'Department'], headerLine: 2, delimiter: '\t' },
    notes: ['Skipped 1 title line above the header.'],
    rows: [
      { Name: 'Berg, Anna', Ext: '101', Department: 'Sales' },
      { Name: 'Chen, Bo', Ext: '102', Department: 'Support' },
    ],
  },
  {
    name: 'quoted commas, quotes and line breaks',
    content: 'Name,Address,Ext\n"Berg, Anna","1 Main St\nSuite ""B""",101\nBo Chen,2 Side St,102\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Address', 'Ext'], headerLine: 1, delimiter: ',' },
    notes: [],
    rows: [
      { Name: 'Berg, Anna', Address: '1 Main St\nSuite "B"', Ext: '101' },
      { Name: 'Bo Chen', Address: '2 Side St', Ext: '102' },
    ],
  },
  {
    name: 'repeated and padded column names',
    content: ' Name ,name,Ext,Name_1\nAnna,Berg,101,x\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'name_1', 'Ext', 'Name_1_1'], headerLine: 1, delimiter: ',' },
    notes: [],
    rows: [{ Name: 'Anna', name_1: 'Berg', Ext: '101', Name_1_1: 'x' }],
  },
  {
    name: 'header only',
    content: 'Name,Ext,Email\n',
    encoding: 'utf-8',
    table: { columns: ['Name', 'Ext', 'Email'], headerLine: 1, delimiter: ',' },
    notes: [],
    rows: [],
  },
];

describe('sniff delimited text', () => {
  test.each(TEXT_CASES)('sniff $name', async ({ content, encoding, table, notes, rows }) => {
    const file = await sniffBytes('users.csv', content);

    expect(file.encoding).toBe(encoding);
    expect(file.container).toBe('csv');
    // Other tests check the sample rows, which the mapping form shows.
    const { samples: _samples, ...found } = file.table ?? {};
    expect(file.table && found).toEqual(table);
    expect(file.notes).toEqual(notes);
    expect(readRows(file)).toEqual(rows);
  });

  test('sniff keeps plain UTF-8 as the source itself', async () => {
    for (const text of ['Name,Ext\n1,2\n', '\uFEFFName,Ext\n1,2\n']) {
      const source = bytesSource('users.csv', new TextEncoder().encode(text));
      const file = await sniff(source);
      expect(file.utf8).toBe(source);
    }
  });

  test('sniff re-encodes other encodings as UTF-8 without BOM', async () => {
    const file = await sniffBytes('users.csv', utf16('Name,Ext\n1,2\n', 'le'));
    const bytes = await file.utf8.read();
    expect(new TextDecoder().decode(bytes)).toBe('Name,Ext\n1,2\n');
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  test('sniff finds no header in a single column', async () => {
    const file = await sniffBytes('notes.txt', 'just\nsome\nlines\n');
    expect(file.container).toBe('csv');
    expect(file.table).toBeUndefined();
    expect(file.notes).toEqual(['No header row found in the first 50 lines.']);
  });

  test('sniff ignores a header candidate of numbers', async () => {
    const file = await sniffBytes('data.csv', 'Totals\n2025,3\nName,Count\nAnna,3\nBo,4\n');
    expect(file.table).toEqual({ columns: ['Name', 'Count'], headerLine: 3, delimiter: ',', samples: [['Anna', '3'], ['Bo', '4']] });
  });

  test('sniff marks NUL bytes as binary', async () => {
    const file = await sniffBytes('image.bin', Uint8Array.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x2c]));
    expect(file.encoding).toBe('binary');
    expect(file.container).toBe('unknown');
    expect(file.table).toBeUndefined();
  });

  test('sniff reads a large UTF-8 file only in slices', async () => {
    const line = 'Anna Berg,101,anna@example.com\n';
    const bytes = new TextEncoder().encode(`Name,Ext,Email\n${line.repeat(160_000)}`);
    const inner = bytesSource('big.csv', bytes);
    const reads: number[] = [];
    const source: Source = {
      ...inner,
      async read(start = 0, end = bytes.byteLength) {
        reads.push(end - start);
        return inner.read(start, end);
      },
    };

    const file = await sniff(source);

    expect(file.table?.columns).toEqual(['Name', 'Ext', 'Email']);
    expect(file.utf8).toBe(source);
    // The record scan reads 4 MB slices, the largest read of sniffing.
    expect(Math.max(...reads)).toBeLessThanOrEqual(4 << 20);
    expect(bytes.byteLength).toBeGreaterThan(4 << 20);
  });
});

describe('sniff errors', () => {
  test('sniff rejects an empty file', async () => {
    const error = await sniffError('empty.csv', '');
    expect(error.message).toBe(
      'empty.csv: the file is empty. Download the export again; an empty file usually means the download did not finish.',
    );
  });

  test('sniff rejects a file of whitespace', async () => {
    const error = await sniffError('blank.csv', ' \n\r\n\t\n');
    expect(error.message).toContain('blank.csv: the file is empty.');
  });

  test('sniff rejects invalid JSON with its line', async () => {
    const error = await sniffError('extensions.json', '{\n  "records": [\n    {"id": 1} {"id": 2}\n  ]\n}\n');
    expect(error.location.file).toBe('extensions.json');
    expect(error.location.line).toBe(3);
    expect(error.message).toMatch(/^extensions\.json, line 3: the file starts like JSON but is not valid JSON \(/);
  });

  test('sniff rejects JSON cut off mid-document', async () => {
    const error = await sniffError('extensions.json', '{"records": [{"id": 1},');
    expect(error.message).toContain('extensions.json');
    expect(error.message).toContain('is not valid JSON');
  });

  test('sniff rejects a UTF-8 BOM before invalid bytes', async () => {
    const error = await sniffError('users.csv', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x2c, 0xe9, 0x0a]));
    expect(error.message).toContain('byte-order mark but contains bytes that are not valid UTF-8');
  });
});

describe('sniff JSON', () => {
  test.each([
    { name: 'object', text: '{"records": [{"id": "1"}]}', json: { records: [{ id: '1' }] } },
    { name: 'array after whitespace', text: '\n  [{"records": []}]', json: [{ records: [] }] },
    { name: 'object after a BOM', text: '\uFEFF{"a": 1}', json: { a: 1 } },
  ])('sniff parses JSON $name', async ({ text, json }) => {
    const file = await sniffBytes('extensions.json', text);
    expect(file.container).toBe('json');
    expect(file.encoding).toBe('utf-8');
    expect(file.json).toEqual(json);
    expect(file.table).toBeUndefined();
  });

  test('sniff parses Windows-1252 JSON', async () => {
    const file = await sniffBytes('extensions.json', windows1252('{"name": "René – €"}'));
    expect(file.container).toBe('json');
    expect(file.encoding).toBe('windows-1252');
    expect(file.json).toEqual({ name: 'René – €' });
  });
});

describe('sniff ZIP and XLSX', () => {
  test('sniff reads a worksheet below title rows as CSV', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Users');
      sheet.addRow(['User list']);
      sheet.mergeCells('A1:D1');
      sheet.addRow([]);
      sheet.addRow(['Name', ' Ext ', 'Email', 'Created']);
      sheet.addRow(['Berg, Anna', '0101', { text: 'anna@example.com', hyperlink: 'mailto:anna@example.com' }, new Date(Date.UTC(2025, 2, 4, 9, 14, 7))]);
      sheet.addRow([]);
      sheet.addRow(['Bo "B" Chen', 102, 'bo@example.com']);
    });

    const file = await sniffBytes('users.xlsx', bytes);

    expect(file.container).toBe('xlsx');
    expect(file.encoding).toBe('binary');
    expect(file.table).toEqual({
      columns: ['Name', 'Ext', 'Email', 'Created'],
      headerLine: 3,
      delimiter: ',',
      samples: [
        ['Berg, Anna', '0101', 'anna@example.com', '2025-03-04T09:14:07'],
        ['Bo "B" Chen', '102', 'bo@example.com'],
      ],
    });
    expect(file.notes).toEqual(['Read worksheet "Users".']);
    expect(new TextDecoder().decode(await file.utf8.read())).toBe(
      '\n\nName,Ext,Email,Created\n"Berg, Anna",0101,anna@example.com,2025-03-04T09:14:07\n,,,\n"Bo ""B"" Chen",102,bo@example.com,\n',
    );
    expect(readRows(file)).toEqual([
      { Name: 'Berg, Anna', Ext: '0101', Email: 'anna@example.com', Created: '2025-03-04T09:14:07' },
      { Name: null, Ext: null, Email: null, Created: null },
      { Name: 'Bo "B" Chen', Ext: '102', Email: 'bo@example.com', Created: null },
    ]);
  });

  test('sniff pads extensions formatted with zeros', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Users');
      sheet.addRow(['Name', 'Ext']);
      sheet.addRow(['Anna', 7]).getCell(2).numFmt = '000';
      sheet.addRow(['Bo', 1234]).getCell(2).numFmt = '000';
      sheet.addRow(['Cy', 8]);
    });
    const file = await sniffBytes('users.xlsx', bytes);
    expect(new TextDecoder().decode(await file.utf8.read())).toBe('Name,Ext\nAnna,007\nBo,1234\nCy,8\n');
  });

  test('sniff keeps worksheet row numbers as source lines', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Users');
      sheet.addRow(['User list']);
      sheet.addRow(['Name', 'Ext']);
      sheet.addRow(['Anna', '101']);
      sheet.addRow(['Bo', '102']);
    });
    const file = await sniffBytes('users.xlsx', bytes);
    const context = { db, fileId: 2, file };
    const table = readCsvTable(context);
    const lines = db.query(`SELECT source_line, Name FROM ${table} ORDER BY source_line`);
    dropCsvTable(context);
    expect(lines).toEqual([
      { source_line: 3, Name: 'Anna' },
      { source_line: 4, Name: 'Bo' },
    ]);
  });

  test('sniff skips worksheets without a header row', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Summary').addRow(['Total users', 2]);
      const sheet = workbook.addWorksheet('Details');
      sheet.addRow(['Name', 'Ext']);
      sheet.addRow(['Anna', '101']);
    });
    const file = await sniffBytes('users.xlsx', bytes);
    expect(file.table?.columns).toEqual(['Name', 'Ext']);
    expect(file.notes).toEqual(['Read worksheet "Details".']);
  });

  test('sniff reports a workbook without a header row', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Summary').addRow(['Total users', 2]);
    });
    const file = await sniffBytes('users.xlsx', bytes);
    expect(file.container).toBe('xlsx');
    expect(file.table).toBeUndefined();
    expect(file.notes).toEqual(['No worksheet has a header row.']);
  });

  test('sniff rejects a worksheet value right of the header', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Users');
      sheet.addRow(['Name', 'Ext']);
      sheet.addRow(['Anna', '101']);
      sheet.addRow(['Bo', '102']);
      sheet.addRow(['Cy', '103', 'left here']);
    });
    const error = await sniffError('users.xlsx', bytes);
    expect(error.location).toEqual({ file: 'users.xlsx', line: 4, value: 'left here' });
    expect(error.message).toContain('worksheet "Users" has a value right of the last header column "Ext"');
  });

  test('sniff passes over a sheet that does not fit its header', async () => {
    // Label/value rows above a wider table, as on a General metrics sheet that lists one source file.
    const bytes = await workbookBytes((workbook) => {
      const general = workbook.addWorksheet('General metrics');
      general.addRow(['Download page name', 'Phone']);
      general.addRow(['From time', '2026-05-04']);
      general.addRow(['To time', '2026-05-17']);
      general.addRow(['File', 'Format', 'Rows read']);
      const users = workbook.addWorksheet('Users');
      users.addRow(['Name', 'Ext']);
      users.addRow(['Anna', '101']);
    });
    const file = await sniffBytes('download.xlsx', bytes);
    expect(file.table?.columns).toEqual(['Name', 'Ext']);
    expect(file.notes).toHaveLength(2);
    expect(file.notes[0]).toContain('Skipped worksheet "General metrics": download.xlsx, line 4');
    expect(file.notes[1]).toBe('Read worksheet "Users".');
  });

  test('sniff drops formatted empty rows below the data', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Users');
      sheet.addRow(['Name', 'Ext']);
      sheet.addRow(['Anna', '101']);
      sheet.getCell('A500').font = { bold: true };
    });
    const file = await sniffBytes('users.xlsx', bytes);
    expect(new TextDecoder().decode(await file.utf8.read())).toBe('Name,Ext\nAnna,101\n');
  });

  test('sniff reports a broken workbook as a ZIP', async () => {
    const file = await sniffBytes('users.xlsx', storedZip('xl/workbook.xml', 'not a workbook'));
    expect(file.container).toBe('zip');
  });

  test('sniff reports a ZIP that is not a workbook', async () => {
    const file = await sniffBytes('export.zip', storedZip('posts/posts_1.json', '{"records": []}'));
    expect(file.container).toBe('zip');
    expect(file.encoding).toBe('binary');
    expect(file.table).toBeUndefined();
  });
});

describe('dedupeColumnNames', () => {
  test.each([
    { names: ['a', 'b'], expected: ['a', 'b'] },
    { names: ['Name', 'name', 'Name', 'NAME', 'Name_1'], expected: ['Name', 'name_1', 'Name_2', 'NAME_3', 'Name_1_1'] },
    { names: ['a', 'a_1', 'a', 'a'], expected: ['a', 'a_1', 'a_1_1', 'a_2'] },
    { names: ['a', 'a', 'a_1', 'A_1'], expected: ['a', 'a_1', 'a_1_1', 'A_1_2'] },
  ])('dedupeColumnNames $names', ({ names, expected }) => {
    expect(dedupeColumnNames(names)).toEqual(expected);
  });

  test('dedupeColumnNames matches DuckDB read_csv', async () => {
    const header = 'x,X,x_1,x_1_1,x,a,a_1,a,a';
    const file = await sniffBytes('dup.csv', `${header}\n1,2,3,4,5,6,7,8,9\n`);
    const context = { db, fileId: 3, file };
    const table = readCsvTable(context);
    const names = db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${table})`).map((row) => row.column_name);
    dropCsvTable(context);
    expect(file.table?.columns).toEqual(names.slice(1));
  });
});
