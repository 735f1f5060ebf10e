import { EngineError } from '../errors';
import type { ChannelReport, Workbook, WorkbookRequest } from '../engine/types';
import { CHANNEL_LABELS } from './channel-labels';
import { writeGeneralSheet } from './general-sheet';
import { writeKpiSheet } from './kpi-sheet';
import { checkReportMatches } from './report-checks';
import { addUniqueWorksheet } from './sheet-names';
import { addUserSheets, EXCEL_MAX_ROWS } from './user-sheet';
import { channelWorkbookFileName, createExcelWorkbook, toWorkbookFile } from './workbook-file';

/**
 * Builds one channel's workbook: General metrics, KPIs and User Table, in that order, with the
 * User Table continued on `User Table (2)`... past `maxRowsPerSheet` rows (Excel's limit by default).
 */
export async function buildChannelWorkbook(args: {
  report: ChannelReport;
  request: WorkbookRequest;
  productVersion: string;
  maxRowsPerSheet?: number;
}): Promise<Workbook> {
  const { report, request, productVersion } = args;
  if (report.channel !== request.channel) {
    throw new EngineError(
      `The report is for the ${report.channel} channel, but the workbook request is for ${request.channel}. ` +
        'Build the report for the requested channel.',
    );
  }
  checkReportMatches(report, request);

  const workbook = createExcelWorkbook(request.generatedAt);
  writeGeneralSheet(addUniqueWorksheet(workbook, 'General metrics'), {
    author: request.author,
    pageName: CHANNEL_LABELS[report.channel].page,
    period: request.period,
    timeZone: request.timeZone,
    generatedAt: request.generatedAt,
    productVersion,
    sources: report.sources,
    hasDirectory: report.hasDirectory,
    notes: report.notes,
  });
  writeKpiSheet(addUniqueWorksheet(workbook, 'KPIs'), report, request.charts);
  const userRows = addUserSheets(workbook, 'User Table', report, args.maxRowsPerSheet ?? EXCEL_MAX_ROWS);

  return toWorkbookFile(workbook, channelWorkbookFileName(report.channel, request.period), userRows);
}
