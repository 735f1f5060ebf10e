import { EngineError } from '../errors';
import type { ChannelReport, Period } from '../engine/types';

/** Rejects a report built for another period or time zone than the workbook request names. */
export function checkReportMatches(report: ChannelReport, request: { period: Period; timeZone: string }): void {
  const { from, to } = request.period;
  if (report.period.from !== from || report.period.to !== to) {
    throw new EngineError(
      `The ${report.channel} report covers ${report.period.from} to ${report.period.to}, but the workbook request ` +
        `covers ${from} to ${to}. Build the report again for the requested period.`,
    );
  }
  if (report.timeZone !== request.timeZone) {
    throw new EngineError(
      `The ${report.channel} report uses time zone ${report.timeZone}, but the workbook request uses ` +
        `${request.timeZone}. Build the report again in the requested time zone.`,
    );
  }
}
