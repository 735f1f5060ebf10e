import type { Database } from '../engine/database';
import type { Channel, DataRange, ImportSummary } from '../engine/types';
import { toText } from './values';
import { assertTimeZone } from './zone-offsets';
import { loadZoneOffsets } from './zone-table';

/** Returns the first and last local dates, in `timeZone`, on which the channel has events. */
export function dataRange(db: Database, channel: Channel, timeZone: string): DataRange {
  assertTimeZone(timeZone);
  loadZoneOffsets(db, timeZone);
  const row = db.query(
    `SELECT strftime(min(local_ts), '%Y-%m-%d') AS first, strftime(max(local_ts), '%Y-%m-%d') AS last
     FROM located_events(?)`,
    [channel],
  )[0];
  return { channel, first: toText(row?.first) || null, last: toText(row?.last) || null };
}

/** Returns each file's first and last local dates with events, in `timeZone`, by file id. */
export function fileDateRanges(db: Database, timeZone: string): Map<number, { first: string; last: string }> {
  assertTimeZone(timeZone);
  loadZoneOffsets(db, timeZone);
  const rows = db.query<{ file_id: number; first: string; last: string }>(
    `SELECT file_id, strftime(min(local_ts), '%Y-%m-%d') AS first, strftime(max(local_ts), '%Y-%m-%d') AS last
     FROM located_events(NULL)
     GROUP BY file_id`,
  );
  return new Map(rows.map((row) => [row.file_id, { first: row.first, last: row.last }]));
}

/** Returns the summaries with each file's first and last dates recomputed in `timeZone`. */
export function summariesInZone(db: Database, summaries: readonly ImportSummary[], timeZone: string): ImportSummary[] {
  const ranges = fileDateRanges(db, timeZone);
  return summaries.map((summary) => {
    const range = ranges.get(summary.fileId);
    return { ...summary, firstDate: range?.first ?? null, lastDate: range?.last ?? null };
  });
}
