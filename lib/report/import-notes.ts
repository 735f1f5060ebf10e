import type { Database } from '../engine/database';
import { sqlFile } from './sql-files';

/** Returns the import-summary notes the report's rules give about one loaded file. */
export function reportNotes(db: Database, fileId: number): string[] {
  db.run(sqlFile('macros'));
  const words = db.query<{ result: string; records: number }>(sqlFile('import-notes'), [fileId]);
  if (words.length === 0) return [];
  const listed = words.map(({ result, records }) => `"${result}" (${records})`).join(', ');
  return [`Counted as Other results, since the report does not know these result words: ${listed}.`];
}
