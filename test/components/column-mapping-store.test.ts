import { describe, expect, test } from 'vitest';
import { forgetColumnMapping, loadColumnMappings, saveColumnMapping } from '../../components/settings-store';
import type { ColumnMapping } from '../../lib/engine/types';
import { memoryArea } from '../support/memory-storage';

const SESSIONS: ColumnMapping = {
  header: ['Started', 'Mail', 'App'],
  columns: { time: 'Started', user_email: 'Mail', endpoint: 'App' },
  channel: 'video',
  savedOn: '2026-12-04',
};

describe('column mapping store', () => {
  test('saved mapping loads back', async () => {
    const area = memoryArea();

    await saveColumnMapping(SESSIONS, area);

    expect(await loadColumnMappings(area)).toEqual([SESSIONS]);
  });

  test('same header replaces the mapping', async () => {
    const area = memoryArea();
    await saveColumnMapping(SESSIONS, area);

    const changed = { ...SESSIONS, channel: 'phone' as const, savedOn: '2026-12-05' };
    await saveColumnMapping(changed, area);

    expect(await loadColumnMappings(area)).toEqual([changed]);
  });

  test('header order is part of the key', async () => {
    const area = memoryArea();
    const reordered = { ...SESSIONS, header: ['Mail', 'Started', 'App'] };

    await saveColumnMapping(SESSIONS, area);
    await saveColumnMapping(reordered, area);

    expect(await loadColumnMappings(area)).toEqual([SESSIONS, reordered]);
  });

  test('forget removes only that header', async () => {
    const area = memoryArea();
    const other = { ...SESSIONS, header: ['When', 'Who', 'Client'], columns: { time: 'When', user_email: 'Who', endpoint: 'Client' } };
    await saveColumnMapping(SESSIONS, area);
    await saveColumnMapping(other, area);

    await forgetColumnMapping(SESSIONS.header, area);

    expect(await loadColumnMappings(area)).toEqual([other]);
  });

  test('stores column names only', async () => {
    const area = memoryArea();
    const withExtra = { ...SESSIONS, samples: [['alice@example.com']] } as ColumnMapping;

    await saveColumnMapping(withExtra, area);

    expect(JSON.stringify(area.data)).not.toContain('alice@example.com');
    expect(Object.keys(area.data)).toEqual(['columnMappings']);
  });

  test('invalid stored values are left out', async () => {
    const area = memoryArea({
      columnMappings: [SESSIONS, { header: 'Started' }, { header: ['A'], columns: { phone_number: 'A' } }, { ...SESSIONS, channel: 'fax' }],
    });

    expect(await loadColumnMappings(area)).toEqual([SESSIONS]);
  });
});
