import type { Database } from '../engine/database';
import macrosSql from './macros.sql?raw';

/**
 * Creates the time and duration macros of macros.sql (`parse_time_utc`, `parse_time_wall`,
 * `is_readable_time`, `parse_duration_seconds`) on the connection. They are temporary, so each
 * connection needs this once; running it again replaces them.
 */
export function installTimeMacros(db: Database): void {
  db.run(macrosSql);
}
