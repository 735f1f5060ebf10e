import type { Database } from '../engine/database';
import type { Channel, DataRange, ImportSummary } from '../engine/types';
import { toText } from './values';
import { assertTimeZone } from './zone-offsets';
import { loadZoneOffsets } from './zone-table';

/**
 * Returns the first and last local dates, in `timeZone`, on which the channel has events. A channel
 * without events but with downloaded workbooks spans the union of their periods, since the report is
 * then built from those downloads.
 */
export function dataRange(db: Database, channel: Channel, timeZone: string): DataRange {
  assertTimeZone(timeZone);
  loadZoneOffsets(db, timeZone);
  const row = db.query(
    `WITH from_events AS (
       SELECT strftime(min(local_ts), '%Y-%m-%d') AS first, strftime(max(local_ts), '%Y-%m-%d') AS last
       FROM located_events(?)
     ),
     from_downloads AS (
       SELECT strftime(min(period_from), '%Y-%m-%d') AS first, strftime(max(period_to), '%Y-%m-%d') AS last
       FROM usage_totals WHERE channel = ?
     )
     SELECT CASE WHEN e.first IS NULL THEN d.first ELSE e.first END AS first,
            CASE WHEN e.first IS NULL THEN d.last ELSE e.last END AS last
     FROM from_events AS e, from_downloads AS d`,
    [channel, channel],
  )[0];
  return { channel, first: toText(row?.first) || null, last: toText(row?.last) || null };
}

/**
 * Returns each file's first and last local dates, in `timeZone`, by file id: the span of its events,
 * or for a downloaded workbook its period.
 */
export function fileDateRanges(db: Database, timeZone: string): Map<number, { first: string; last: string }> {
  assertTimeZone(timeZone);
  loadZoneOffsets(db, timeZone);
  return loadedFileDateRanges(db);
}

/** Returns `fileDateRanges` in the zone whose offsets `loadZoneOffsets` registered last, as a report has. */
export function loadedFileDateRanges(db: Database): Map<number, { first: string; last: string }> {
  const rows = db.query<{ file_id: number; first: string; last: string }>(
    `SELECT file_id, strftime(min(local_ts), '%Y-%m-%d') AS first, strftime(max(local_ts), '%Y-%m-%d') AS last
     FROM located_events(NULL)
     GROUP BY file_id
     UNION ALL
     SELECT file_id, strftime(min(period_from), '%Y-%m-%d'), strftime(max(period_to), '%Y-%m-%d')
     FROM usage_totals
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
