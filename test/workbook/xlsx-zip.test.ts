import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { writeGeneralSheet } from '../../lib/workbook/general-sheet';
import { writeKpiSheet } from '../../lib/workbook/kpi-sheet';
import type { DeferredRows } from '../../lib/workbook/row-xml';
import { addUserSheets } from '../../lib/workbook/user-sheet';
import { createExcelWorkbook } from '../../lib/workbook/workbook-file';
import { writeXlsx } from '../../lib/workbook/xlsx-zip';
import { solidPng } from './chart-png';
import { addUserSheetsAsCells } from './exceljs-user-sheet';
import { channelReport, GENERATED_AT, PERIOD, TIME_ZONE, workbookRequest } from './fixtures';

/**
 * Builds a channel workbook with every kind of part: five sheets, shared strings, styles and two
 * chart images. The User Table's rows are deferred to `writeXlsx`, or exceljs cells with `asCells`.
 */
function channelExcelWorkbook(options: { asCells?: boolean } = {}): { workbook: ExcelJS.Workbook; deferredRows: DeferredRows[] } {
  const report = channelReport('video');
  const workbook = createExcelWorkbook(GENERATED_AT);
  writeGeneralSheet(workbook.addWorksheet('General metrics'), {
    author: workbookRequest('video').author,
    pageName: 'Video',
    period: PERIOD,
    timeZone: TIME_ZONE,
    generatedAt: GENERATED_AT,
    productVersion: '0.1.0',
    sources: report.sources,
    hasDirectory: report.hasDirectory,
    notes: ['A note.'],
  });
  const charts = [
    { title: 'Weekly trend', png: solidPng(960, 540) },
    { title: 'Users by endpoint', png: solidPng(480, 200) },
  ];
  writeKpiSheet(workbook.addWorksheet('KPIs'), report, charts);
  if (options.asCells === true) {
    addUserSheetsAsCells(workbook, 'User Table', report, 3);
    return { workbook, deferredRows: [] };
  }
  return { workbook, deferredRows: addUserSheets(workbook, 'User Table', report, 3) };
}

/** Writes the channel workbook with writeXlsx. */
function writeChannelWorkbook(options: { level: 1; mtime: Date }): Promise<Uint8Array> {
  const { workbook, deferredRows } = channelExcelWorkbook();
  return writeXlsx(workbook, { ...options, deferredRows });
}

/** Returns the archive's files by name, without the folder entries that JSZip adds. */
function zipFiles(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/'));
  return new Map(entries.sort(([left], [right]) => left.localeCompare(right)));
}

/**
 * Reads each entry's modification date from its local header (MS-DOS date and time fields, read as
 * local time), walking the headers one after the other as fflate's zipSync writes them.
 */
function zipEntryDates(bytes: Uint8Array): Date[] {
  const data = Buffer.from(bytes);
  const dates: Date[] = [];
  for (let offset = 0; data.readUInt32LE(offset) === 0x04034b50; ) {
    const time = data.readUInt16LE(offset + 10);
    const day = data.readUInt16LE(offset + 12);
    dates.push(new Date(1980 + (day >> 9), ((day >> 5) & 0xf) - 1, day & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2));
    offset += 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28) + data.readUInt32LE(offset + 18);
  }
  return dates;
}

describe('writeXlsx', () => {
  test('writes the parts exceljs writeBuffer writes', async () => {
    // The reference contains the User Table as exceljs cells, so the deferred rows must render as exceljs renders cells.
    const expected = zipFiles(new Uint8Array(await channelExcelWorkbook({ asCells: true }).workbook.xlsx.writeBuffer()));
    const written = zipFiles(await writeChannelWorkbook({ level: 1, mtime: new Date(GENERATED_AT) }));

    expect([...written.keys()]).toEqual([...expected.keys()]);
    expect(written.has('xl/media/image1.png')).toBe(true);
    expect(written.has('xl/worksheets/sheet5.xml')).toBe(true);
    for (const [name, bytes] of expected) expect(written.get(name), name).toEqual(bytes);
  });

  test('same workbook gives same bytes', async () => {
    const options = { level: 1, mtime: new Date(GENERATED_AT) } as const;
    const first = await writeChannelWorkbook(options);
    const second = await writeChannelWorkbook(options);
    expect(second).toEqual(first);
  });

  test('dates entries before 1980 as 1980', async () => {
    const bytes = await writeChannelWorkbook({ level: 1, mtime: new Date(0) });
    const modified = zipEntryDates(bytes);
    expect(modified).toHaveLength(Object.keys(unzipSync(bytes)).length);
    for (const date of modified) expect(date).toEqual(new Date(1980, 0, 1));
  });

  test('stores an image given as base64', async () => {
    const png = solidPng(4, 2);
    const workbook = new ExcelJS.Workbook();
    const imageId = workbook.addImage({ base64: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, extension: 'png' });
    workbook.addWorksheet('Chart').addImage(imageId, 'B2:D6');

    const written = zipFiles(await writeXlsx(workbook, { level: 1, mtime: new Date(GENERATED_AT) }));
    const media = [...written].filter(([name]) => name.startsWith('xl/media/'));
    expect(media.map(([name]) => name)).toEqual(['xl/media/image1.png']);
    expect(media[0]?.[1]).toEqual(png);
  });
});
