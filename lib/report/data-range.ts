import type { Database } from '../engine/database';
import type { Channel, DataRange } from '../engine/types';
import { toText } from './values';
import { assertTimeZone } from './zone-offsets';
import { loadZoneOffsets } from './zone-table';

/** Returns the first and last local dates, in `timeZone`, on which the channel has events. */
export function dataRange(db: Database, channel: Channel, timeZone: string): DataRange {
  assertTimeZone(timeZone);
  loadZoneOffsets(db, channel, timeZone);
  const row = db.query(
    `SELECT strftime(min(local_ts), '%Y-%m-%d') AS first, strftime(max(local_ts), '%Y-%m-%d') AS last
     FROM located_events(?)`,
    [channel],
  )[0];
  return { channel, first: toText(row?.first) || null, last: toText(row?.last) || null };
}
