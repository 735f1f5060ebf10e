import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SampleFile } from '../../lib/samples/index';
import { generateSamples } from '../../lib/samples/index';
import { describeWorkbook } from '../../lib/samples/workbook-content';

const samplesDirectory = new URL('../../samples/', import.meta.url);
const TEXT_FILES = [
  'users-list.csv',
  'extension-list.json',
  'call-log-detailed.json',
  'call-log-detailed.csv',
  'usage-events.csv',
  'expected/phone-facts.md',
];

let files: SampleFile[];

beforeAll(async () => {
  files = await generateSamples();
});

function generated(name: string): Uint8Array {
  const file = files.find((candidate) => candidate.name === name);
  if (file === undefined) throw new Error(`generateSamples returned no ${name}`);
  return file.bytes;
}

/** Decodes a generated file as UTF-8; TextDecoder drops a leading byte-order mark. */
function generatedText(name: string): string {
  return new TextDecoder().decode(generated(name));
}

function committed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, samplesDirectory)));
}

/** Splits one CSV line into fields; the samples have no line breaks inside quoted fields. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const character = line.charAt(i);
    if (quoted) {
      if (character === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      fields.push(field);
      field = '';
    } else {
      field += character;
    }
  }
  fields.push(field);
  return fields;
}

/** Rows of a CSV as objects keyed by the header on `headerLine` (0-based). */
function csvObjects(text: string, lineEnd: string, headerLine: number): Record<string, string>[] {
  const lines = text.split(lineEnd);
  expect(lines.pop(), 'the file ends with a line break').toBe('');
  const header = parseCsvLine(lines[headerLine] as string);
  return lines.slice(headerLine + 1).map((line) => {
    const fields = parseCsvLine(line);
    expect(fields, line).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, index) => [name, fields[index] as string]));
  });
}

interface JsonParty {
  phoneNumber?: string;
  extensionNumber?: string;
  extensionId?: string;
  name?: string;
}

interface JsonLeg {
  startTime: string;
  legType: string;
  master?: boolean;
}

interface JsonRecord {
  id: string;
  sessionId: string;
  telephonySessionId: string;
  startTime: string;
  duration: number;
  type: string;
  direction: string;
  action: string;
  result: string;
  from: JsonParty;
  to: JsonParty;
  extension: { uri: string; id: string };
  legs: JsonLeg[];
}

function callLogRecords(): JsonRecord[] {
  return (JSON.parse(generatedText('call-log-detailed.json')) as { records: JsonRecord[] }).records;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const ANSWERED = ['accepted', 'call accepted', 'call connected'];

describe('generateSamples', () => {
  test.each(TEXT_FILES)('%s equals the committed file byte for byte', (name) => {
    expect(Buffer.compare(generated(name), committed(name)), `run npm run samples and commit samples/${name}`).toBe(0);
  });

  test('users-list.xlsx equals the committed workbook cell for cell', async () => {
    // exceljs 4.4.0 stamps each zip entry with the current time, so the bytes differ between runs.
    expect(await describeWorkbook(generated('users-list.xlsx'))).toBe(await describeWorkbook(committed('users-list.xlsx')));
  });

  test('second run gives the same text files', async () => {
    const again = await generateSamples();
    expect(again.map((file) => file.name)).toEqual(files.map((file) => file.name));
    for (const name of TEXT_FILES) {
      const bytes = again.find((file) => file.name === name)?.bytes ?? new Uint8Array();
      expect(Buffer.compare(bytes, generated(name)), name).toBe(0);
    }
  });
});

describe('users list samples', () => {
  test('xlsx has a title row above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(generated('users-list.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('User List - Northwind Outfitters');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Name', 'Ext', 'Email', 'Department', 'Site', 'Status', 'Type']);
    expect(sheet?.rowCount).toBe(42);
  });

  test('xlsx keeps leading zeros as text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(generated('users-list.xlsx')) as unknown as ExcelJS.Buffer);
    const extensions = workbook.worksheets[0]?.getColumn(2).values.slice(3) ?? [];
    expect(extensions).toContain('007');
    expect(extensions).toContain('012');
    expect(extensions.every((value) => typeof value === 'string' && /^\d{3}$/.test(value))).toBe(true);
  });

  test('csv starts with a byte-order mark and a padded title line', () => {
    const bytes = generated('users-list.csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = generatedText('users-list.csv').split('\r\n');
    expect(lines[0]).toBe('User List - Northwind Outfitters,,,,,,');
    expect(lines[1]).toBe('Name,Ext,Email,Department,Site,Status,Type');
  });

  test('csv writes portal status words', () => {
    const rows = csvObjects(generatedText('users-list.csv'), '\r\n', 1);
    const statuses = rows.map((row) => row.Status);
    expect(rows).toHaveLength(40);
    expect(statuses.filter((status) => status === 'Not Activated')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'Disabled')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'Frozen')).toHaveLength(1);
    expect(new Set(rows.map((row) => row.Type))).toEqual(new Set(['User', 'Department', 'Room', 'Limited']));
  });

  test('extension list JSON describes the same directory', () => {
    const document = JSON.parse(generatedText('extension-list.json')) as {
      records: { id: string; extensionNumber: string; status: string; type: string; contact: { email: string } }[];
    };
    const csvRows = csvObjects(generatedText('users-list.csv'), '\r\n', 1);
    expect(document.records.map((record) => record.extensionNumber)).toEqual(csvRows.map((row) => row.Ext));
    expect(document.records.map((record) => record.contact.email)).toEqual(csvRows.map((row) => row.Email));
    expect(document.records.filter((record) => record.status === 'NotActivated')).toHaveLength(2);
    expect(document.records.every((record) => /^\d{8}$/.test(record.id))).toBe(true);
  });
});

describe('call log JSON sample', () => {
  test('record count is within 500 to 700', () => {
    const count = callLogRecords().length;
    expect(count).toBeGreaterThanOrEqual(500);
    expect(count).toBeLessThanOrEqual(700);
  });

  test('internal calls come as Outbound and Inbound record pairs', () => {
    const sessions = groupBy(callLogRecords(), (record) => record.sessionId);
    const internal = [...sessions.values()].filter((records) =>
      records.every((record) => record.from.extensionNumber !== undefined && record.to.extensionNumber !== undefined),
    );
    expect(internal.length).toBeGreaterThan(50);
    for (const records of internal) {
      const distinct = [...new Map(records.map((record) => [record.id, record])).values()];
      expect(distinct.map((record) => record.direction).sort()).toEqual(['Inbound', 'Outbound']);
      const outbound = distinct.find((record) => record.direction === 'Outbound');
      const inbound = distinct.find((record) => record.direction === 'Inbound');
      expect(outbound?.extension.id).toBe(outbound?.from.extensionId);
      expect(inbound?.extension.id).toBe(inbound?.to.extensionId);
    }
  });

  test('duplicate records repeat the same content', () => {
    const byId = groupBy(callLogRecords(), (record) => record.id);
    const repeated = [...byId.values()].filter((records) => records.length > 1);
    expect(repeated).toHaveLength(5);
    for (const [first, second] of repeated) expect(second).toEqual(first);
  });

  test('fax records are present', () => {
    const fax = callLogRecords().filter((record) => record.type === 'Fax');
    expect(fax).toHaveLength(3);
  });

  test('unusual result words are present', () => {
    const results = callLogRecords().map((record) => record.result);
    expect(results).toContain('call CONNECTED');
    expect(results).toContain('Reserved');
    for (const result of ['Accepted', 'Call connected', 'Missed', 'Voicemail', 'Abandoned', 'No Answer', 'Busy']) {
      expect(results, result).toContain(result);
    }
  });

  test('start times are UTC with milliseconds, mostly in office hours', () => {
    const records = callLogRecords();
    for (const record of records) expect(record.startTime).toMatch(/^2026-05-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const first = records.map((record) => record.startTime).sort()[0];
    const last = records.map((record) => record.startTime).sort().at(-1);
    expect(first! >= '2026-05-04T04:00:00.000Z').toBe(true);
    expect(last! < '2026-05-18T04:00:00.000Z').toBe(true);
    const inOfficeHours = records.filter((record) => {
      const hour = new Date(record.startTime).getUTCHours();
      return hour >= 13 && hour < 22;
    });
    expect(inOfficeHours.length / records.length).toBeGreaterThan(0.85);
    // New York is at UTC-4 all through May 2026.
    const weekend = records.filter((record) => [0, 6].includes(new Date(Date.parse(record.startTime) - 4 * 3_600_000).getUTCDay()));
    expect(weekend.length).toBeGreaterThan(0);
  });

  test('every record has exactly one master leg', () => {
    for (const record of callLogRecords()) {
      expect(record.legs.filter((leg) => leg.master === true), record.id).toHaveLength(1);
      for (const leg of record.legs) expect(leg.legType, record.id).toMatch(/^[A-Za-z]+$/);
    }
  });

  test('transferred call has several legs', () => {
    const transferred = callLogRecords().filter((record) => record.legs.length >= 4);
    expect(transferred.length).toBeGreaterThanOrEqual(1);
  });

  test('queue calls are owned by the queue extension', () => {
    const queueRecords = callLogRecords().filter((record) => ['500', '501'].includes(record.to.extensionNumber ?? ''));
    expect(queueRecords.length).toBeGreaterThanOrEqual(3);
    expect(queueRecords.map((record) => record.result)).toContain('Abandoned');
  });
});

describe('call log CSV sample', () => {
  const HEADER =
    'Type,CallId,SessionId,Leg,Direction,From,To,Extension,Forwarded To,Name,Date,Time,Action,Action Result,Result Description,Duration,Included,Purchased,Site';

  test('title line sits above the header', () => {
    const lines = generatedText('call-log-detailed.csv').split('\r\n');
    expect(lines[0]).toBe('Call Log - Northwind Outfitters - 05/18/2026 to 05/24/2026');
    expect(lines[1]).toBe(HEADER);
  });

  test('leg rows leave the call-level columns blank', () => {
    const rows = csvObjects(generatedText('call-log-detailed.csv'), '\r\n', 1);
    const legRows = rows.filter((row) => row.Leg !== '');
    expect(legRows.length).toBeGreaterThan(100);
    for (const row of legRows) {
      for (const column of ['Type', 'CallId', 'SessionId', 'Direction', 'Date', 'Time', 'Action', 'Action Result', 'Duration']) {
        expect(row[column], `${column} of a leg row`).toBe('');
      }
    }
  });

  test('master rows use portal date, time and duration forms', () => {
    const masters = csvObjects(generatedText('call-log-detailed.csv'), '\r\n', 1).filter((row) => row.Leg === '');
    expect(masters.length).toBeGreaterThan(120);
    for (const row of masters) {
      expect(row.Date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 5\/(1[89]|2[0-4])\/2026$/);
      expect(row.Time).toMatch(/^(1[0-2]|[1-9]):[0-5]\d:[0-5]\d (AM|PM)$/);
      expect(row.Duration).toMatch(/^\d+:[0-5]\d:[0-5]\d$/);
      expect(['Incoming', 'Outgoing']).toContain(row.Direction);
      expect(row.Extension).toMatch(/^\d{3}$/);
    }
    expect(masters.map((row) => row.Extension)).toContain('007');
    expect(masters.map((row) => row.Duration)).toContain('1:02:09');
  });

  test('internal calls show bare extensions on two master rows', () => {
    const masters = csvObjects(generatedText('call-log-detailed.csv'), '\r\n', 1).filter((row) => row.Leg === '');
    const internal = masters.filter((row) => /^\d{3}$/.test(row.From ?? '') && /^\d{3}$/.test(row.To ?? ''));
    expect(internal.length).toBeGreaterThan(20);
    for (const rows of groupBy(internal, (row) => row.SessionId ?? '').values()) {
      expect(rows.map((row) => row.Direction).sort()).toEqual(['Incoming', 'Outgoing']);
    }
    expect(internal.some((row) => row.From === '007' && row.To === '012')).toBe(true);
  });
});

describe('usage events sample', () => {
  function usageRows(): Record<string, string>[] {
    return csvObjects(generatedText('usage-events.csv'), '\n', 0);
  }

  test('header is the open format', () => {
    expect(generatedText('usage-events.csv').split('\n')[0]).toBe(
      'channel,time,user_email,user_extension,user_name,endpoint,version,role,direction,result,duration_seconds,session_id,meeting_id',
    );
  });

  test('rows naming a call-log session name a use of that user', () => {
    const sessions = groupBy(callLogRecords(), (record) => record.sessionId);
    const matched = usageRows().filter((row) => sessions.has(row.session_id ?? ''));
    expect(matched.length).toBeGreaterThan(200);
    for (const row of matched) {
      const own = (sessions.get(row.session_id ?? '') ?? []).filter((record) => {
        const party = record.direction === 'Outbound' ? record.from : record.to;
        return party.extensionNumber === row.user_extension;
      });
      const isUse = own.some(
        (record) => record.direction === 'Outbound' || ANSWERED.includes(record.result.toLowerCase()),
      );
      expect(isUse, `session ${row.session_id} for ${row.user_extension}`).toBe(true);
    }
  });

  test('twenty rows name sessions in no call log', () => {
    const jsonSessions = new Set(callLogRecords().map((record) => record.sessionId));
    const csvSessions = new Set(
      csvObjects(generatedText('call-log-detailed.csv'), '\r\n', 1).map((row) => row.SessionId).filter((id) => id !== ''),
    );
    const own = usageRows().filter((row) => !jsonSessions.has(row.session_id ?? ''));
    expect(own).toHaveLength(20);
    for (const row of own) expect(csvSessions.has(row.session_id ?? '')).toBe(false);
  });

  test('times carry the New York summer offset', () => {
    for (const row of usageRows()) expect(row.time).toMatch(/^2026-05-\d{2}T\d{2}:\d{2}:\d{2}-04:00$/);
  });

  test('versions stay as written', () => {
    const versions = new Set(usageRows().map((row) => row.version));
    expect(versions).toContain('24.10');
    expect(versions).toContain('24.3.20');
    expect(versions).toContain('25.1.10');
  });

  test('extension-only rows keep the leading zero', () => {
    const extensionOnly = usageRows().filter((row) => row.user_email === '');
    expect(extensionOnly.length).toBeGreaterThan(0);
    for (const row of extensionOnly) expect(row.user_extension).toBe('012');
  });
});

describe('phone facts file', () => {
  test('record and session counts match the JSON', () => {
    const facts = generatedText('expected/phone-facts.md');
    const records = callLogRecords();
    const distinctIds = new Set(records.map((record) => record.id)).size;
    const sessions = new Set(records.map((record) => record.sessionId)).size;
    expect(facts).toContain(`- Records in the file: ${records.length} (${distinctIds} distinct ids; 5 records listed twice).`);
    expect(facts).toContain(`- Distinct session ids: ${sessions}: ${sessions - 3} calls (Voice) and 3 fax.`);
  });

  test('usage-events counts match the CSV', () => {
    const facts = generatedText('expected/phone-facts.md');
    const rows = csvObjects(generatedText('usage-events.csv'), '\n', 0);
    expect(facts).toContain(`- Rows: ${rows.length}, all channel phone.`);
    expect(facts).toContain('- Rows naming a session in no sample file (uses of their own): 20: ');
  });

  test('people who never call are listed', () => {
    const facts = generatedText('expected/phone-facts.md');
    expect(facts).toMatch(/Never place or answer a call in any sample file: .*Chiara Benedetti \(304, Enabled\)/);
    expect(facts).toMatch(/Never place or answer a call in any sample file: .*Olumide Bakare \(034, Enabled\)/);
  });
});
