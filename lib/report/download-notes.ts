import type { Database } from '../engine/database';
import type { Channel, ReportBasis } from '../engine/types';

/** The reason a KPI has no value in a report built from downloaded workbooks. */
export const NOT_FROM_DOWNLOADS =
  'Not available from downloaded workbooks: they hold totals per user and endpoint, not single uses.';

const CHANNEL_NAMES: Record<Channel, string> = { phone: 'Phone', video: 'Video', message: 'Message' };

type DownloadRow = {
  fileName: string;
  from: string;
  to: string;
  timeZone: string | null;
  included: boolean;
  cut: boolean;
};

/**
 * Returns the report's notes about the channel's downloaded workbooks. They name the downloads that
 * were summed, those the period cuts (with the period that would include them) and those that show
 * times in a zone other than `timeZone`. When the channel has events, a note states that the
 * downloads were not used. Reads `channel_downloads`, so it runs after the report's prepare steps.
 */
export function downloadNotes(db: Database, channel: Channel, basis: ReportBasis, timeZone: string): string[] {
  const downloads = db.query<DownloadRow>(
    `SELECT file_name AS "fileName", strftime(period_from, '%Y-%m-%d') AS "from", strftime(period_to, '%Y-%m-%d') AS "to",
            time_zone AS "timeZone", included, cut
     FROM channel_downloads
     ORDER BY period_from, file_name`,
  );
  if (downloads.length === 0) return [];
  const page = CHANNEL_NAMES[channel];

  if (basis === 'events') {
    const names = downloads.map((download) => download.fileName).join(', ');
    return [
      `Downloaded workbooks not used for ${page}: ${names}. The channel has events from other exports, ` +
        'and adding the workbooks\' totals to them would count uses twice. Remove those exports to report from the workbooks.',
    ];
  }

  const notes: string[] = [];
  const included = downloads.filter((download) => download.included);
  if (included.length > 0) {
    notes.push(
      `${page} is reported from downloaded workbooks (totals per user and endpoint): ${included.map(describe).join(', ')}. ` +
        'KPIs that need single uses are not available.',
    );
    notes.push(
      included.length === 1
        ? 'Status is the downloaded workbook\'s own, since one workbook covers the period.'
        : 'Status is empty for active users: it needs active days, which summed workbooks do not have.',
    );
  }
  for (const download of downloads.filter((candidate) => candidate.cut)) {
    notes.push(
      `${describe(download)} is left out: the period cuts it, and its totals cannot be split by day. ` +
        `Choose a period that contains ${download.from} to ${download.to} to include it.`,
    );
  }
  for (const download of included.filter((candidate) => candidate.timeZone !== null && candidate.timeZone !== timeZone)) {
    notes.push(`${download.fileName} shows its Last Used times in ${download.timeZone}, not ${timeZone}, and they are kept as written.`);
  }
  return notes;
}

function describe(download: DownloadRow): string {
  return `${download.fileName} (${download.from} to ${download.to})`;
}
