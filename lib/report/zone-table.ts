import type { Database } from '../engine/database';
import { toEpochMillis } from './values';
import { offsetIntervals, type OffsetInterval } from './zone-offsets';

const DAY = 86_400_000;

/**
 * Registers the zone's UTC offsets over the span of all loaded times as table `tz_offsets`, and its
 * daylight-saving changes as table `tz_wall_changes`. Registers the table macro
 * `located_events(channel)` too: the channel's events (every event when `channel` is NULL) with
 * `event_row`, their row number in `events`, and `local_ts`, their wall-clock start in the zone. Instants get the offset in force at that instant. Zone-less times are
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
          SELECT e.*, e.rowid AS event_row,
                 coalesce(e.start_wall + to_seconds(${gapShiftSql(intervals)}), e.start_utc + to_seconds(${offsetSql(intervals)})) AS local_ts
          FROM events AS e
          WHERE report_channel IS NULL OR e.channel = report_channel`);
}

/**
 * Returns SQL for the offset in force at `e.start_utc`, in seconds: that of the latest interval that
 * starts at or before it, NULL before the first. A CASE over a few intervals replaces an ASOF join,
 * which sorted every event: for 5,000,000 calls that join took most of the report's memory. The
 * values are numbers computed here, never text from a file.
 */
function offsetSql(intervals: readonly OffsetInterval[]): string {
  const branches = [...intervals]
    .reverse()
    .map(({ utcStart, offsetSeconds }) => `WHEN e.start_utc >= ${timestampSql(utcStart)} THEN ${offsetSeconds}`);
  return branches.length === 0 ? 'NULL::INTEGER' : `CASE ${branches.join(' ')} END`;
}

/** Returns SQL for the seconds a zone-less `e.start_wall` moves forward: a gap's length inside a gap, else 0. */
function gapShiftSql(intervals: readonly OffsetInterval[]): string {
  const branches = wallChanges(intervals)
    .filter((change) => change.kind === 'gap')
    .map(({ wallStart, wallEnd, shiftSeconds }) => {
      const inGap = `e.start_wall >= ${timestampSql(wallStart)} AND e.start_wall < ${timestampSql(wallEnd)}`;
      return `WHEN ${inGap} THEN ${shiftSeconds}`;
    });
  return branches.length === 0 ? '0' : `CASE ${branches.join(' ')} ELSE 0 END`;
}

function timestampSql(epochMillis: number): string {
  if (!Number.isSafeInteger(epochMillis)) throw new Error(`Invalid zone offset boundary ${epochMillis}`);
  return `epoch_ms(${epochMillis})`;
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
