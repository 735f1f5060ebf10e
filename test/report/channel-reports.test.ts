import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, type Channel } from '../../lib/engine/types';
import { buildReport } from '../../lib/report/report';
import { openTestDatabase } from '../support/database';
import { renderReport } from '../support/golden';

// Each case's expected.txt was worked out by hand from the report rules (see the comments in its
// input.sql), not produced by the code under test.
const cases: [Channel, string][] = [
  ['video', 'video-basic'],
  ['message', 'message-basic'],
];

describe.each(cases)('%s report', (channel, folder) => {
  const fixture = (name: string) => readFileSync(new URL(`./${folder}/${name}`, import.meta.url), 'utf8');

  test('matches the expected file in New York', async () => {
    const db = await openTestDatabase();
    db.run(fixture('input.sql'));
    const report = buildReport(
      db,
      { channel, period: { from: '2026-05-04', to: '2026-05-10' }, timeZone: 'America/New_York', thresholds: DEFAULT_THRESHOLDS },
      [],
    );
    expect(renderReport(report)).toBe(fixture('expected.txt'));
  });
});
