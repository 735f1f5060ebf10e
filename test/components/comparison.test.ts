import { describe, expect, test } from 'vitest';
import { previousFigures } from '../../components/comparison';
import type { Kpi, WeekRow } from '../../lib/engine/types';

const period = { from: '2026-02-23', to: '2026-03-01' };
const kpis: Kpi[] = [{ id: 'active_users', label: 'Active users', value: 0, unit: 'users', definition: '' }];
const week = (activeUsers: number, volume: number): WeekRow => ({ weekStart: '2026-02-23', weekEnd: '2026-03-01', activeUsers, volume });

describe('previousFigures', () => {
  test('marks a period without data as empty', () => {
    expect(previousFigures(period, { kpis, basis: 'events', users: [], weekly: [week(0, 0)] })).toEqual({ period, kpis, empty: true });
  });

  test('keeps a period with uses for deltas', () => {
    expect(previousFigures(period, { kpis, basis: 'events', users: [], weekly: [week(0, 0), week(2, 5)] }).empty).toBe(false);
  });

  test('counts volume without active users as data', () => {
    // Missed calls of people outside the population still count as the account's calls.
    expect(previousFigures(period, { kpis, basis: 'events', users: [], weekly: [week(0, 3)] }).empty).toBe(false);
  });
});
