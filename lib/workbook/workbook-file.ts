import ExcelJS from 'exceljs';
import type { Channel, Period, Workbook } from '../engine/types';
import { CHANNEL_LABELS } from './channel-labels';
import type { DeferredRows } from './row-xml';
import { dayStart } from './wall-clock';
import { writeXlsx } from './xlsx-zip';

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
 * Serialises the workbook as `.xlsx` bytes, with `deferredRows` in their sheets, zipped at DEFLATE
 * level 1 with the entries dated `modified`.
 */
export async function toWorkbookFile(
  workbook: ExcelJS.Workbook,
  fileName: string,
  deferredRows: readonly DeferredRows[] = [],
): Promise<Workbook> {
  // Level 1 instead of the usual 6 trades size for time. fflate 0.8.3 under Node 20 on a 2-core AMD EPYC
  // packed the 46.5 MB sheet of a 100,000-row User Table in 1.0 s instead of 2.6 s, into 7.3 MB instead of 5.3 MB.
  const bytes = await writeXlsx(workbook, { level: 1, mtime: workbook.modified, deferredRows });
  return { fileName, bytes };
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
