import { expect, test } from 'vitest';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';

// DuckDB-WASM ships without the json and icu extensions and, unless configured otherwise, downloads
// them from the internet when a query needs one. The engine turns autoloading and autoinstalling off.
test('database never downloads an extension', async () => {
  const db = await openNodeDatabase();
  expect(db.query("SELECT current_setting('autoload_known_extensions') AS autoload")).toEqual([{ autoload: false }]);
  expect(db.query("SELECT current_setting('autoinstall_known_extensions') AS autoinstall")).toEqual([{ autoinstall: false }]);
  db.bindings.registerFileText('probe.json', '[{"a": 1}]');
  // With autoloading on, this query would fetch json.duckdb_extension.wasm (and hang under Node).
  expect(() => db.query("SELECT * FROM read_json_auto('probe.json')")).toThrow(/json/i);
}, 20_000);
