import ExcelJS from 'exceljs';

/** A downloaded workbook as the engine receives it in tests. */
export interface Input {
  name: string;
  bytes: Uint8Array;
}

export const SHARED = ['User Name', 'User Extension', 'User Email', 'Status', 'User Status', 'Department', 'Site', 'Endpoint', 'Version', 'Last Used', 'Usage Count'];
const PHONE_HEADER = [...SHARED, 'Number of Calls', 'Percent of Calls'];
export const VIDEO_HEADER = [...SHARED, 'Number of Meets', 'Percent of Meets', 'Host Count', 'Participant Count'];

/** exceljs reads a Date's UTC fields as the wall-clock time shown, as Excel does. */
export const wall = (iso: string) => new Date(`${iso}Z`);

export interface SheetSpec {
  name: string;
  rows: unknown[][];
}

export async function workbook(name: string, sheets: SheetSpec[]): Promise<Input> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return { name, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

export function general(from: unknown, to: unknown, timeZone?: string): SheetSpec {
  const rows: unknown[][] = [
    ['User name', 'Ada Admin'],
    ['User Extension', '100'],
    ['Download page name', 'Phone'],
    ['From time', from],
    ['To time', to],
  ];
  if (timeZone !== undefined) rows.push(['Time zone', timeZone]);
  return { name: 'General metrics', rows };
}

export const KPIS: SheetSpec = { name: 'KPIs', rows: [['KPI', 'Value', 'Unit', 'Definition'], ['Users', 2, 'users', 'People.']] };

export function phoneTable(name = 'User Table', calls = 4): SheetSpec {
  return {
    name,
    rows: [
      PHONE_HEADER,
      ['Alice Adams', '101', 'alice@example.com', 'Frequent', 'Active', 'Sales', 'Boston', 'Desk phone', '6.4.3', wall('2026-03-02T09:15:00'), 3, calls, 0.8],
      ['Alice Adams', '101', 'alice@example.com', 'Frequent', 'Active', 'Sales', 'Boston', 'RingCentral app for Windows', '24.10', wall('2026-03-03T10:00:00'), 1, calls, 0.8],
      [],
      ['Bob Brown', '007', 'bob@example.com', 'Never', 'Inactive', 'Support', 'Denver', null, null, null, 0, 0, 0],
    ],
  };
}

/** Builds a Phone download of `from` to `to` (whole days in New York) with Alice active and Bob inactive. */
export function half(name: string, from: string, to: string): Promise<Input> {
  return workbook(name, [general(wall(`${from}T00:00:00`), wall(`${to}T23:59:59`), 'America/New_York'), KPIS, phoneTable()]);
}
