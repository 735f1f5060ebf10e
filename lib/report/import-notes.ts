import type { Database } from '../engine/database';
import { sqlFile } from './sql-files';

/** Lines listed in full in a note; the rest are counted. */
const LISTED_LINES = 5;

/**
 * Returns the import-summary notes the report's rules give about one loaded file. The daylight-saving
 * notes need the `tz_wall_changes` table of the load's time zone (see `loadZoneOffsets`).
 */
export function reportNotes(db: Database, fileId: number): string[] {
  db.run(sqlFile('macros'));
  const notes: string[] = [];
  const words = db.query<{ result: string; records: number }>(sqlFile('import-notes'), [fileId]);
  if (words.length > 0) {
    const listed = words.map(({ result, records }) => `"${result}" (${records})`).join(', ');
    notes.push(`Counted as Other results, since the report does not know these result words: ${listed}.`);
  }
  notes.push(...daylightSavingNotes(db, fileId));
  return notes;
}

function daylightSavingNotes(db: Database, fileId: number): string[] {
  const [table] = db.query<{ found: boolean }>(
    `SELECT count(*) > 0 AS found FROM duckdb_tables() WHERE table_name = 'tz_wall_changes' AND temporary`,
  );
  if (table?.found !== true) return [];

  const rows = db.query<{ kind: 'gap' | 'overlap'; line: number }>(
    `SELECT g.kind, e.source_line AS line
     FROM events AS e
     JOIN tz_wall_changes AS g ON e.start_wall >= g.wall_start AND e.start_wall < g.wall_end
     WHERE e.file_id = ?
     ORDER BY e.source_line`,
    [fileId],
  );
  const linesOf = (kind: string) => [...new Set(rows.filter((row) => row.kind === kind).map((row) => row.line))];
  const gaps = linesOf('gap');
  const overlaps = linesOf('overlap');

  const notes: string[] = [];
  if (gaps.length > 0) {
    notes.push(
      `Read the times of ${lineList(gaps)} as the clock read after the daylight-saving change, because the report time zone ` +
        'skips them (2:30 on the night the clocks go forward from 2:00 to 3:00 reads as 3:30).',
    );
  }
  if (overlaps.length > 0) {
    notes.push(
      `Read the times of ${lineList(overlaps)} as the first of the two times they name, because the report time zone ` +
        'repeats them when the clocks go back (1:30 is taken before the change).',
    );
  }
  return notes;
}

function lineList(lines: readonly number[]): string {
  const listed = lines.slice(0, LISTED_LINES).join(', ');
  const more = lines.length > LISTED_LINES ? ` and ${lines.length - LISTED_LINES} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${listed}${more}`;
}
