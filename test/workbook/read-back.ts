import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';

/** Loads workbook bytes with exceljs, as a user's spreadsheet program would open the file. */
export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const worksheet = workbook.getWorksheet(name);
  if (worksheet === undefined) throw new Error(`Sheet "${name}" not found; sheets: ${sheetNames(workbook).join(', ')}`);
  return worksheet;
}

export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((worksheet) => worksheet.name);
}

/** Returns the values of one row from column A to the last written cell. */
export function rowValues(worksheet: ExcelJS.Worksheet, rowNumber: number): ExcelJS.CellValue[] {
  const row = worksheet.getRow(rowNumber);
  const values: ExcelJS.CellValue[] = [];
  for (let column = 1; column <= row.cellCount; column += 1) values.push(row.getCell(column).value);
  return values;
}

/**
 * Unpacks a ZIP archive's entries as text, reading the central directory and inflating with
 * node:zlib (method 8) or copying (method 0). Enough for the archives exceljs writes.
 */
export function zipTextEntries(bytes: Uint8Array): Map<string, string> {
  const data = Buffer.from(bytes);
  const endOfDirectory = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('Not a ZIP archive: end of central directory not found.');

  const entryCount = data.readUInt16LE(endOfDirectory + 10);
  let offset = data.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, string>();
  for (let index = 0; index < entryCount; index += 1) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`No central directory entry at byte ${offset}.`);
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localHeader = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);

    const start = localHeader + 30 + data.readUInt16LE(localHeader + 26) + data.readUInt16LE(localHeader + 28);
    const stored = data.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`ZIP entry ${name} uses unsupported method ${method}.`);
    entries.set(name, (method === 8 ? inflateRawSync(stored) : stored).toString('utf8'));

    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
