import type { BreakdownRow, ChannelReport } from '../../lib/engine/types';

/**
 * Renders a report as readable text for expected-result files: KPIs as `id: value`, tables as
 * `|`-separated rows, ratios to 6 decimals and wall-clock times as `YYYY-MM-DD HH:MM:SS`, then the
 * report's notes when it has any.
 */
export function renderReport(report: ChannelReport): string {
  const lines = ['# kpis', ...report.kpis.map((kpi) => `${kpi.id}: ${formatValue(kpi.value)}`)];
  lines.push('# weekly', ...report.weekly.map((week) => row(week.weekStart, week.weekEnd, week.activeUsers, week.volume)));
  lines.push('# by department', ...report.byDepartment.map(breakdown));
  lines.push('# by site', ...report.bySite.map(breakdown));
  lines.push('# by endpoint', ...report.byEndpoint.map(breakdown));
  lines.push(
    '# users',
    ...report.users.map((user) =>
      row(
        user.userName,
        user.userExtension,
        user.userEmail,
        user.status,
        user.userStatus,
        user.department,
        user.site,
        user.endpoint,
        user.version,
        user.lastUsed === null ? '' : new Date(user.lastUsed).toISOString().slice(0, 19).replace('T', ' '),
        user.usageCount,
        user.channelCount,
        formatValue(user.channelShare),
        ...(user.hostCount === undefined ? [] : [user.hostCount, user.participantCount ?? '']),
      ),
    ),
  );
  if (report.notes.length > 0) lines.push('# notes', ...report.notes);
  return `${lines.join('\n')}\n`;
}

function breakdown(item: BreakdownRow): string {
  return row(item.name, item.activeUsers, item.volume);
}

function row(...cells: (string | number)[]): string {
  return cells.join(' | ');
}

function formatValue(value: number | string | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return String(Number(value.toFixed(6)));
}
