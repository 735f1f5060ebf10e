import type { ChannelReport, ReportRequest } from './types';

/**
 * Reports built since the data last changed, keyed by the request's report fields. The workspace
 * requests a report to show it and then a workbook of the same report. With 100,000 users, building
 * the report again took about 5 seconds. Clear the cache whenever a file is loaded or removed.
 */
export interface ReportCache {
  get(request: ReportRequest, build: () => ChannelReport): ChannelReport;
  clear(): void;
}

/** Reports kept at most: one per channel, enough for a combined workbook of every channel. */
const MAX_REPORTS = 3;

export function createReportCache(): ReportCache {
  const reports = new Map<string, ChannelReport>();
  return {
    get(request, build) {
      const key = reportKey(request);
      let report = reports.get(key);
      if (report === undefined) {
        report = build();
        // A report of 100,000 users is large, so each new period or setting replaces the oldest report.
        if (reports.size >= MAX_REPORTS) reports.delete(reports.keys().next().value!);
        reports.set(key, report);
      }
      return report;
    },
    clear() {
      reports.clear();
    },
  };
}

/** Returns the fields of `request` that decide the report as text. A workbook's author, time and charts are left out. */
function reportKey({ channel, period, timeZone, thresholds, endpointRules }: ReportRequest): string {
  return JSON.stringify([channel, period, timeZone, thresholds, endpointRules ?? null]);
}
