import { beforeAll, describe, expect, test } from 'vitest';
import { checkPattern } from '../../components/endpoint-rules';
import type { Database } from '../../lib/engine/database';
import { DEFAULT_ENDPOINT_RULES } from '../../lib/report/endpoints';
import { openTestDatabase } from '../support/database';

// The report matches endpoint rules with DuckDB's regexp_matches (RE2), so the page's check must
// accept what DuckDB accepts and reject what it rejects.
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

function duckdbAccepts(pattern: string): boolean {
  try {
    db.query('SELECT regexp_matches(?, ?) AS matched', ['ringcentral for windows', pattern]);
    return true;
  } catch {
    return false;
  }
}

describe('checkPattern against DuckDB', () => {
  test.each([
    'zoiper',
    '\\bsoft ?phone\\b',
    '^rc(app)?$',
    '[(]beta[)]',
    'v\\d+\\.\\d+',
    ...DEFAULT_ENDPOINT_RULES.map((rule) => rule.pattern),
  ])('DuckDB runs accepted %j', (pattern) => {
    expect(checkPattern(pattern)).toBeNull();
    expect(duckdbAccepts(pattern)).toBe(true);
  });

  test.each(['(?<=rc )app', '(?<!web)phone', 'phone(?=s)', 'phone(?!s)', '(a)\\1', 'a\\k<n>', '(?<n>a)', '(unclosed'])(
    'DuckDB rejects rejected %j',
    (pattern) => {
      expect(checkPattern(pattern)).not.toBeNull();
      expect(duckdbAccepts(pattern)).toBe(false);
    },
  );
});
