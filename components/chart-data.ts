import type { BreakdownRow, ChannelReport, Kpi, UserRow } from '../lib/engine/types';
import { periodDays } from './period';

/** Periods of this many days or fewer show a daily trend, longer ones a weekly trend. */
export const DAILY_TREND_MAX_DAYS = 14;

export interface TrendPoint {
  /** First and last day the point covers, `YYYY-MM-DD` (the same day for a daily point). */
  start: string;
  end: string;
  activeUsers: number;
  volume: number;
}

export interface TrendSeries {
  granularity: 'day' | 'week';
  points: TrendPoint[];
}

/** Chooses the daily rows for short periods when the report has them, else the weekly rows. */
export function trendSeries(report: Pick<ChannelReport, 'period' | 'weekly' | 'daily'>): TrendSeries {
  if (report.daily && periodDays(report.period) <= DAILY_TREND_MAX_DAYS) {
    return {
      granularity: 'day',
      points: report.daily.map((day) => ({ start: day.date, end: day.date, activeUsers: day.activeUsers, volume: day.volume })),
    };
  }
  return {
    granularity: 'week',
    points: report.weekly.map((week) => ({
      start: week.weekStart,
      end: week.weekEnd,
      activeUsers: week.activeUsers,
      volume: week.volume,
    })),
  };
}

/** Breakdown rows with the most active users first (then the most volume, then by name). */
export function rankBreakdown(rows: readonly BreakdownRow[]): BreakdownRow[] {
  return [...rows].sort((a, b) => b.activeUsers - a.activeUsers || b.volume - a.volume || a.name.localeCompare(b.name));
}

export interface VersionCount {
  version: string;
  users: number;
}

export interface EndpointVersions {
  endpoint: string;
  users: number;
  versions: VersionCount[];
}

export const NO_VERSION = '(no version)';

/**
 * Counts the users of each endpoint by the version of their latest use, from the User Table rows
 * (one row per user and endpoint). Rows without an endpoint (inactive users) are left out. A user is
 * identified by e-mail, else extension, else name, as the rows carry no id.
 */
export function versionsByEndpoint(users: readonly UserRow[]): EndpointVersions[] {
  const byEndpoint = new Map<string, Map<string, Set<string>>>();
  for (const row of users) {
    if (row.endpoint === '') continue;
    const versions = byEndpoint.get(row.endpoint) ?? new Map<string, Set<string>>();
    byEndpoint.set(row.endpoint, versions);
    const version = row.version === '' ? NO_VERSION : row.version;
    const people = versions.get(version) ?? new Set<string>();
    versions.set(version, people);
    people.add(row.userEmail.toLowerCase() || row.userExtension || row.userName);
  }

  const result = [...byEndpoint].map(([endpoint, versions]) => {
    const counts = [...versions]
      .map(([version, people]) => ({ version, users: people.size }))
      .sort((a, b) => b.users - a.users || compareVersions(a.version, b.version));
    return { endpoint, users: counts.reduce((sum, count) => sum + count.users, 0), versions: counts };
  });
  return result.sort((a, b) => b.users - a.users || a.endpoint.localeCompare(b.endpoint));
}

/** Orders versions as numbers part by part (24.9 before 24.10), with "(no version)" last. */
function compareVersions(a: string, b: string): number {
  if (a === NO_VERSION || b === NO_VERSION) return Number(a === NO_VERSION) - Number(b === NO_VERSION);
  return a.localeCompare(b, undefined, { numeric: true });
}

export interface ActiveSplit {
  active: number;
  inactive: number;
}

/** Reads Active users and Inactive users from the KPIs; null when either is unknown (no users list). */
export function activeSplit(kpis: readonly Kpi[]): ActiveSplit | null {
  const value = (id: string) => kpis.find((kpi) => kpi.id === id)?.value;
  const active = value('active_users');
  const inactive = value('inactive_users');
  if (typeof active !== 'number' || typeof inactive !== 'number') return null;
  return { active, inactive };
}
