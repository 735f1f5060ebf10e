import type { Database } from '../engine/database';
import { toEpochMillis } from './values';
import { offsetIntervals } from './zone-offsets';

/**
 * Registers the zone's UTC offsets over the span of all loaded instants as table `tz_offsets`, and the
 * table macro `located_events(channel)`: the channel's events (every event when `channel` is NULL)
 * with `local_ts`, their wall-clock start in the zone. Zone-less times are wall-clock already;
 * instants get the offset in force at that instant through an ASOF join.
 */
export function loadZoneOffsets(db: Database, timeZone: string): void {
  const span = db.query('SELECT min(start_utc) AS first, max(start_utc) AS last FROM events')[0];
  const first = toEpochMillis(span?.first) ?? 0;
  const last = toEpochMillis(span?.last) ?? 0;
  db.run('CREATE OR REPLACE TEMP TABLE tz_offsets (utc_start TIMESTAMP, offset_s INTEGER)');
  for (const { utcStart, offsetSeconds } of offsetIntervals(timeZone, first, last)) {
    db.run('INSERT INTO tz_offsets VALUES (make_timestamp(?::BIGINT * 1000), ?)', [utcStart, offsetSeconds]);
  }
  db.run(`CREATE OR REPLACE TEMP MACRO located_events(report_channel) AS TABLE
          SELECT e.*, coalesce(e.start_wall, e.start_utc + to_seconds(z.offset_s)) AS local_ts
          FROM (SELECT * FROM events WHERE report_channel IS NULL OR channel = report_channel) AS e
          ASOF LEFT JOIN tz_offsets AS z ON e.start_utc >= z.utc_start`);
}
