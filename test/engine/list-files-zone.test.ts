import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { pathSource } from '../../lib/engine/source-node';

// meetings1.json's first meeting starts at 2026-03-02T04:00Z, which is 23:00 on Mar 1 in New York.
const MEETINGS = path.resolve('e2e/fixtures/mixed-ranges/meetings1.json');

describe('listFiles with a time zone', () => {
  test('dates follow the requested zone', async () => {
    const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
    const [outcome] = await engine.loadFiles({ files: [MEETINGS] });
    expect(outcome?.ok).toBe(true);

    const [utc] = await engine.listFiles();
    expect([utc?.firstDate, utc?.lastDate]).toEqual(['2026-03-02', '2026-03-09']);
    const [newYork] = await engine.listFiles({ timeZone: 'America/New_York' });
    expect([newYork?.firstDate, newYork?.lastDate]).toEqual(['2026-03-01', '2026-03-09']);
    const [tokyo] = await engine.listFiles({ timeZone: 'Asia/Tokyo' });
    expect(tokyo?.firstDate).toBe('2026-03-02');
  });
});
