import type { VNode } from 'preact';
import type { BreakdownRow, ChannelReport } from '../lib/engine/types';
import { type Bar, BarChart } from './BarChart';
import { activeSplit, rankBreakdown, trendSeries, versionsByEndpoint } from './chart-data';
import type { ChartPalette } from './chart-palette';
import { VOLUME_NAMES, formatCount, formatCountOf, formatDateRange, formatFraction } from './format';
import { ProportionBar } from './ProportionBar';
import { formatShortDate, TrendChart } from './TrendChart';

/** Bars shown in a department or site chart; the data table lists every row. */
export const MAX_BREAKDOWN_BARS = 12;
/** Versions shown per endpoint; the rest are summed into one "Other versions" bar. */
export const MAX_VERSIONS_PER_ENDPOINT = 4;

/** The data behind a chart, shown as a table under it on request. */
export interface ChartTable {
  headers: string[];
  rows: Array<Array<string | number>>;
}

/** One chart of a channel report: drawn on screen and exported to the workbook the same way. */
export interface ChartDefinition {
  id: string;
  title: string;
  /** One or two sentences a screen reader reads in place of the picture. */
  summary: string;
  draw(palette: ChartPalette): VNode;
  table: ChartTable;
}

const chartsByReport = new WeakMap<ChannelReport, ChartDefinition[]>();

/**
 * Returns `channelCharts(report)`, built once per report object. The versions chart reads every User
 * Table row, so the workspace builds the charts in a task of their own before it renders the report.
 */
export function reportCharts(report: ChannelReport): ChartDefinition[] {
  let charts = chartsByReport.get(report);
  if (charts === undefined) {
    charts = channelCharts(report);
    chartsByReport.set(report, charts);
  }
  return charts;
}

/** Builds the charts of a report, leaving out those that have no data in the period. */
export function channelCharts(report: ChannelReport): ChartDefinition[] {
  const volume = VOLUME_NAMES[report.channel];
  const charts = [
    trendChart(report, volume),
    activeSplitChart(report),
    breakdownChart('endpoints', 'Active users by endpoint', 'Endpoint', report.byEndpoint, volume, Infinity),
    versionsChart(report),
    breakdownChart('departments', 'Active users by department', 'Department', report.byDepartment, volume, MAX_BREAKDOWN_BARS),
    breakdownChart('sites', 'Active users by site', 'Site', report.bySite, volume, MAX_BREAKDOWN_BARS),
  ];
  return charts.filter((chart): chart is ChartDefinition => chart !== null);
}

function trendChart(report: ChannelReport, volume: string): ChartDefinition | null {
  const series = trendSeries(report);
  if (series.points.length === 0) return null;
  const unit = series.granularity === 'day' ? 'day' : 'week';
  const active = series.points.map((point) => point.activeUsers);
  const counts = series.points.map((point) => point.volume);
  const title = series.granularity === 'day' ? 'Daily trend' : 'Weekly trend';
  const summary =
    `${title} over ${formatCountOf(series.points.length, unit)}: active users per ${unit} from ${range(active)}, ` +
    `${volume.toLowerCase()} per ${unit} from ${range(counts)}.`;
  return {
    id: 'trend',
    title,
    summary,
    draw: (palette) => <TrendChart series={series} volumeName={volume} palette={palette} label={summary} />,
    table: {
      headers: [series.granularity === 'day' ? 'Day' : 'Week', 'Active users', volume],
      rows: series.points.map((point) => [
        point.start === point.end ? formatShortDate(point.start) : formatDateRange(point.start, point.end),
        point.activeUsers,
        point.volume,
      ]),
    },
  };
}

function activeSplitChart(report: ChannelReport): ChartDefinition | null {
  const split = activeSplit(report.kpis);
  if (split === null) return null;
  const total = split.active + split.inactive;
  const share = total === 0 ? '' : ` (${formatFraction(split.active / total)})`;
  const summary = `${formatCount(split.active)} of ${formatCountOf(total, 'user')} active${share}, ${formatCount(split.inactive)} inactive.`;
  return {
    id: 'active-split',
    title: 'Active and inactive users',
    summary,
    draw: (palette) => <ProportionBar split={split} palette={palette} label={summary} />,
    table: {
      headers: ['User Status', 'Users', 'Share'],
      rows: [
        ['Active', split.active, total === 0 ? '' : formatFraction(split.active / total)],
        ['Inactive', split.inactive, total === 0 ? '' : formatFraction(split.inactive / total)],
      ],
    },
  };
}

function breakdownChart(
  id: string,
  title: string,
  nameHeader: string,
  rows: BreakdownRow[],
  volume: string,
  maxBars: number,
): ChartDefinition | null {
  if (rows.length === 0) return null;
  const ranked = rankBreakdown(rows);
  const bars: Bar[] = ranked.slice(0, maxBars).map((row) => ({ label: row.name || '(none)', value: row.activeUsers }));
  const hidden = ranked.length - bars.length;
  const summary = `${title}: ${listBars(bars, 3)}${ranked.length > 3 ? `, and ${ranked.length - 3} more` : ''}.`;
  const shownTitle = hidden > 0 ? `${title} (top ${bars.length} of ${ranked.length})` : title;
  return {
    id,
    title: shownTitle,
    summary,
    draw: (palette) => <BarChart bars={bars} palette={palette} label={summary} />,
    table: {
      headers: [nameHeader, 'Active users', volume],
      rows: ranked.map((row) => [row.name || '(none)', row.activeUsers, row.volume]),
    },
  };
}

function versionsChart(report: ChannelReport): ChartDefinition | null {
  const endpoints = versionsByEndpoint(report.users);
  if (endpoints.length === 0) return null;
  const bars: Bar[] = endpoints.flatMap(({ endpoint, versions }) => {
    const listed = versions.slice(0, MAX_VERSIONS_PER_ENDPOINT);
    const rest = versions.slice(MAX_VERSIONS_PER_ENDPOINT);
    const restUsers = rest.reduce((sum, version) => sum + version.users, 0);
    const restBar = rest.length > 0 ? [{ label: `${formatCountOf(rest.length, 'other version')}`, value: restUsers, group: endpoint }] : [];
    return [...listed.map((version) => ({ label: version.version, value: version.users, group: endpoint })), ...restBar];
  });
  const summary =
    'Users by the version of their latest use: ' +
    endpoints
      .slice(0, 3)
      .map(({ endpoint, versions }) => `${endpoint}, mostly ${versions[0]?.version} (${formatCountOf(versions[0]?.users ?? 0, 'user')})`)
      .join('; ') +
    (endpoints.length > 3 ? `; and ${endpoints.length - 3} more endpoints.` : '.');
  return {
    id: 'versions',
    title: 'Versions per endpoint',
    summary,
    draw: (palette) => <BarChart bars={bars} palette={palette} label={summary} />,
    table: {
      headers: ['Endpoint', 'Version', 'Users'],
      rows: endpoints.flatMap(({ endpoint, versions }) => versions.map((version) => [endpoint, version.version, version.users])),
    },
  };
}

function listBars(bars: readonly Bar[], count: number): string {
  return bars
    .slice(0, count)
    .map((bar) => `${bar.label} ${formatCount(bar.value)}`)
    .join(', ');
}

function range(values: readonly number[]): string {
  return `${formatCount(Math.min(...values))} to ${formatCount(Math.max(...values))}`;
}
