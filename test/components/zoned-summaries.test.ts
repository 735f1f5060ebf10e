import { describe, expect, test } from 'vitest';
import { withZonedDates } from '../../components/use-zoned-summaries';
import type { ImportSummary } from '../../lib/engine/types';

function summary(fileId: number, firstDate: string | null, lastDate: string | null): ImportSummary {
  return {
    fileId,
    fileName: `file-${fileId}.json`,
    formatId: 'ringcentral-meeting-history-json',
    formatLabel: 'RingCentral Video meeting history (JSON)',
    channels: ['video'],
    rowsRead: 3,
    rowsUsed: 3,
    firstDate,
    lastDate,
    notes: [],
  };
}

const loaded = [summary(1, '2026-03-02', '2026-03-09'), summary(2, '2026-03-10', '2026-03-15')];

describe('withZonedDates', () => {
  test('takes the dates of the same zone', () => {
    const zoned = { timeZone: 'America/New_York', summaries: [summary(1, '2026-03-01', '2026-03-09')] };
    const [first, second] = withZonedDates(loaded, zoned, 'America/New_York');
    expect([first?.firstDate, first?.lastDate]).toEqual(['2026-03-01', '2026-03-09']);
    // A file loaded after the zoned list was fetched has no dates until the next fetch.
    expect([second?.firstDate, second?.lastDate]).toEqual([null, null]);
  });

  test('hides dates of another zone', () => {
    const zoned = { timeZone: 'UTC', summaries: loaded };
    const shown = withZonedDates(loaded, zoned, 'America/New_York');
    expect(shown.map((item) => item.firstDate)).toEqual([null, null]);
  });

  test('keeps the loaded files and their order', () => {
    const zoned = { timeZone: 'UTC', summaries: [...loaded].reverse() };
    const shown = withZonedDates(loaded.slice(1), zoned, 'UTC');
    expect(shown.map((item) => [item.fileId, item.firstDate])).toEqual([[2, '2026-03-10']]);
  });
});
