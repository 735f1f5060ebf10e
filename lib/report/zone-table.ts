import type { Database } from '../engine/database';
import { toEpochMillis } from './values';
import { offsetIntervals, type OffsetInterval } from './zone-offsets';

const DAY = 86_400_000;

/**
 * Registers the zone's UTC offsets over the span of all loaded times as table `tz_offsets`, and its
 * daylight-saving changes as table `tz_wall_changes`. Registers the table macro
 * `located_events(channel)` too: the channel's events (every event when `channel` is NULL) with
 * `local_ts`, their wall-clock start in the zone. Instants get the offset in force at that instant through an ASOF join. Zone-less times are
 * wall-clock already, except that a time in a gap (a wall-clock time the zone skips) moves forward by
 * the gap's length, and a time in an overlap (one that happens twice) is the first of the two. These
 * are the readings of Temporal's `compatible` disambiguation.
 */
export function loadZoneOffsets(db: Database, timeZone: string): void {
  const span = db.query('SELECT min(start_utc) AS first, max(start_utc) AS last, min(start_wall) AS first_wall, max(start_wall) AS last_wall FROM events')[0];
  // A wall-clock time is within a day of its instant, whatever the zone.
  const starts = [toEpochMillis(span?.first), shifted(toEpochMillis(span?.first_wall), -DAY)].filter((value) => value !== null);
  const ends = [toEpochMillis(span?.last), shifted(toEpochMillis(span?.last_wall), DAY)].filter((value) => value !== null);
  const intervals = offsetIntervals(timeZone, starts.length > 0 ? Math.min(...starts) : 0, ends.length > 0 ? Math.max(...ends) : 0);

  db.run('CREATE OR REPLACE TEMP TABLE tz_offsets (utc_start TIMESTAMP, offset_s INTEGER)');
  for (const { utcStart, offsetSeconds } of intervals) {
    db.run('INSERT INTO tz_offsets VALUES (make_timestamp(?::BIGINT * 1000), ?)', [utcStart, offsetSeconds]);
  }
  db.run('CREATE OR REPLACE TEMP TABLE tz_wall_changes (kind VARCHAR, wall_start TIMESTAMP, wall_end TIMESTAMP, shift_s INTEGER)');
  for (const change of wallChanges(intervals)) {
    db.run('INSERT INTO tz_wall_changes VALUES (?, make_timestamp(?::BIGINT * 1000), make_timestamp(?::BIGINT * 1000), ?)', [
      change.kind,
      change.wallStart,
      change.wallEnd,
      change.shiftSeconds,
    ]);
  }
  db.run(`CREATE OR REPLACE TEMP MACRO located_events(report_channel) AS TABLE
          SELECT e.*,
                 coalesce(e.start_wall + to_seconds(coalesce(g.shift_s, 0)), e.start_utc + to_seconds(z.offset_s)) AS local_ts
          FROM (SELECT * FROM events WHERE report_channel IS NULL OR channel = report_channel) AS e
          ASOF LEFT JOIN tz_offsets AS z ON e.start_utc >= z.utc_start
          LEFT JOIN tz_wall_changes AS g
            ON g.kind = 'gap' AND e.start_wall >= g.wall_start AND e.start_wall < g.wall_end`);
}

function shifted(value: number | null, milliseconds: number): number | null {
  return value === null ? null : value + milliseconds;
}

interface WallChange {
  kind: 'gap' | 'overlap';
  /** Wall-clock range, as epoch milliseconds read as UTC, that the zone skips or repeats. */
  wallStart: number;
  wallEnd: number;
  shiftSeconds: number;
}

/** Returns the wall-clock ranges that each offset change skips (a gap) or repeats (an overlap). */
function wallChanges(intervals: readonly OffsetInterval[]): WallChange[] {
  const changes: WallChange[] = [];
  for (let index = 1; index < intervals.length; index++) {
    const before = intervals[index - 1]!.offsetSeconds * 1000;
    const after = intervals[index]!.offsetSeconds * 1000;
    const at = intervals[index]!.utcStart;
    if (after > before) changes.push({ kind: 'gap', wallStart: at + before, wallEnd: at + after, shiftSeconds: (after - before) / 1000 });
    if (after < before) changes.push({ kind: 'overlap', wallStart: at + after, wallEnd: at + before, shiftSeconds: 0 });
  }
  return changes;
}
