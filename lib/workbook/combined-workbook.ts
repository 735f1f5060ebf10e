import { EngineError } from '../errors';
import type { ChannelReport, ImportSummary, Workbook, WorkbookRequest } from '../engine/types';
import { CHANNEL_LABELS, WORKBOOK_CHANNEL_ORDER } from './channel-labels';
import { writeGeneralSheet } from './general-sheet';
import { writeKpiSheet } from './kpi-sheet';
import { checkReportMatches } from './report-checks';
import type { DeferredRows } from './row-xml';
import { addUniqueWorksheet } from './sheet-names';
import { addUserSheets, EXCEL_MAX_ROWS } from './user-sheet';
import { combinedWorkbookFileName, createExcelWorkbook, toWorkbookFile } from './workbook-file';

export const COMBINED_PAGE_NAME = 'All channels';

/**
 * Builds the workbook of several channels: one General metrics sheet listing each source file once,
 * then `<Channel> KPIs` and `<Channel> User Table` per report, in `WORKBOOK_CHANNEL_ORDER`.
 */
export async function buildCombinedWorkbook(args: {
  reports: ChannelReport[];
  request: Omit<WorkbookRequest, 'channel'>;
  productVersion: string;
  maxRowsPerSheet?: number;
}): Promise<Workbook> {
  const { request, productVersion } = args;
  const reports = [...args.reports].sort(
    (left, right) => WORKBOOK_CHANNEL_ORDER.indexOf(left.channel) - WORKBOOK_CHANNEL_ORDER.indexOf(right.channel),
  );
  const channels = reports.map((report) => report.channel);
  const repeated = channels.find((channel, index) => channels.indexOf(channel) !== index);
  if (repeated !== undefined) {
    throw new EngineError(`The ${repeated} report is given twice. Pass at most one report per channel.`);
  }
  for (const report of reports) checkReportMatches(report, request);

  const workbook = createExcelWorkbook(request.generatedAt);
  writeGeneralSheet(addUniqueWorksheet(workbook, 'General metrics'), {
    author: request.author,
    pageName: COMBINED_PAGE_NAME,
    period: request.period,
    timeZone: request.timeZone,
    generatedAt: request.generatedAt,
    productVersion,
    sources: uniqueSources(reports),
    hasDirectory: reports.every((report) => report.hasDirectory),
    notes: reports.flatMap((report) => report.notes.map((note) => `${CHANNEL_LABELS[report.channel].page}: ${note}`)),
  });
  const userRows: DeferredRows[] = [];
  for (const report of reports) {
    const page = CHANNEL_LABELS[report.channel].page;
    const charts = request.charts?.filter((chart) => chart.channel === report.channel);
    writeKpiSheet(addUniqueWorksheet(workbook, `${page} KPIs`), report, charts);
    userRows.push(...addUserSheets(workbook, `${page} User Table`, report, args.maxRowsPerSheet ?? EXCEL_MAX_ROWS));
  }

  return toWorkbookFile(workbook, combinedWorkbookFileName(request.period), userRows);
}

/** Lists each source file once, in the order the files were loaded (by file id). */
function uniqueSources(reports: readonly ChannelReport[]): ImportSummary[] {
  const byId = new Map<number, ImportSummary>();
  const userRows: DeferredRows[] = [];
  for (const report of reports) {
    for (const source of report.sources) {
      if (!byId.has(source.fileId)) byId.set(source.fileId, source);
    }
  }
  return [...byId.values()].sort((left, right) => left.fileId - right.fileId);
}
