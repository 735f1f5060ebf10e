import ExcelJS from 'exceljs';
import type { Channel, Period, Workbook } from '../engine/types';
import { CHANNEL_LABELS } from './channel-labels';
import { dayStart } from './wall-clock';

export const PRODUCT_NAME = 'Adoption Lens';

/**
 * Creates an empty exceljs workbook whose document properties carry `generatedAt` instead of the
 * current time (exceljs stamps `new Date()` otherwise), so the same request gives the same file.
 */
export function createExcelWorkbook(generatedAt: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PRODUCT_NAME;
  workbook.lastModifiedBy = PRODUCT_NAME;
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);
  return workbook;
}

/**
 * JSZip's fastest compression level. For a 100,000-row User Table it wrote the file in 4.4 s instead
 * of 6.4 s at its default level 6, and the file grew from 6.1 MB to 8.3 MB.
 */
const ZIP_OPTIONS = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

/** Serialises the workbook as `.xlsx` bytes. */
export async function toWorkbookFile(workbook: ExcelJS.Workbook, fileName: string): Promise<Workbook> {
  const buffer = await workbook.xlsx.writeBuffer({ zip: ZIP_OPTIONS });
  return { fileName, bytes: new Uint8Array(buffer) };
}

/** Returns a name such as `Phone_Adoption_and_Usage_2026-05-08_to_2026-05-14.xlsx`. */
export function channelWorkbookFileName(channel: Channel, period: Period): string {
  return `${CHANNEL_LABELS[channel].page}_${combinedWorkbookFileName(period)}`;
}

/** Returns a name such as `Adoption_and_Usage_2026-05-08_to_2026-05-14.xlsx`. */
export function combinedWorkbookFileName(period: Period): string {
  // Validating the days keeps anything but YYYY-MM-DD out of the file name.
  dayStart(period.from);
  dayStart(period.to);
  return `Adoption_and_Usage_${period.from}_to_${period.to}.xlsx`;
}
