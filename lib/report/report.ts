import type { Database, Row } from '../engine/database';
import { EngineError } from '../errors';
import type {
  BreakdownRow,
  Channel,
  ChannelReport,
  DayRow,
  ImportSummary,
  Kpi,
  ReportBasis,
  ReportRequest,
  UnmappedEndpoint,
  UserRow,
  WeekRow,
} from '../engine/types';
import { DEFAULT_ENDPOINT_RULES, type EndpointRule } from './endpoints';
import { loadedFileDateRanges } from './data-range';
import { downloadNotes, NOT_FROM_DOWNLOADS } from './download-notes';
import { channelKpis, type KpiFile } from './kpi-files';
import { assertPeriod } from './period';
import { hasSqlFile, sqlFile } from './sql-files';
import { fillChannelEvents, runReportStep, setReportParts } from './report-parts';
import { countChannelEvents, placedSql, tablePlace } from './table-place';
import { toCount, toEpochMillis, toKpiValue, toNumber, toText } from './values';
import { assertTimeZone } from './zone-offsets';
import { loadZoneOffsets } from './zone-table';

/** Sizes at which a report changes how it builds its tables; tests lower them to reach those paths. */
export interface ReportTuning {
  /** Channel events from which the tables go to the compressed store (`COMPRESSED_FROM_EVENTS`). */
  compressedFromEvents?: number;
  /** Channel events per part of the largest tables (`PART_EVENTS`). */
  partEvents?: number;
}

/**
 * Computes a channel's report from the canonical tables. `sources` are the import summaries of the
 * loaded files; the report lists those that fed it.
 */
export function buildReport(
  db: Database,
  request: ReportRequest,
  sources: readonly ImportSummary[],
  endpointRules: readonly EndpointRule[] | undefined = DEFAULT_ENDPOINT_RULES,
  options: ReportTuning = {},
): ChannelReport {
  if (!hasChannelReport(request.channel)) {
    throw new EngineError(`There is no report for the channel "${request.channel}". Choose Message, Video or Phone.`);
  }
  assertPeriod(request.period);
  assertTimeZone(request.timeZone);
  prepare(db, request, endpointRules ?? DEFAULT_ENDPOINT_RULES, options);

  const params = db.query('SELECT has_directory, basis FROM report_params')[0];
  const basis: ReportBasis = params?.basis === 'downloads' ? 'downloads' : 'events';
  const fromDownloads = basis === 'downloads';
  // The downloads list their account's inactive users, so a report built from them can count those too.
  const hasDirectory = params?.has_directory === true || fromDownloads;
  // A table with a downloads variant (downloads/tables/) runs that one; the others read only tables
  // that both bases build.
  const table = (name: string) => {
    const variant = `downloads/tables/${name}`;
    return db.query(sqlFile(fromDownloads && hasSqlFile(variant) ? variant : `tables/${name}`));
  };
  return {
    channel: request.channel,
    period: request.period,
    timeZone: request.timeZone,
    hasDirectory,
    basis,
    notes: downloadNotes(db, request.channel, basis, request.timeZone),
    kpis: channelKpis(request.channel).map((kpi) => computeKpi(db, kpi, basis)),
    // Totals have no dates inside their period, so a report from downloads has no trend.
    weekly: fromDownloads ? [] : table('weekly').map(toWeekRow),
    daily: fromDownloads ? [] : table('daily').map(toDayRow),
    byDepartment: table('by-department').map(toBreakdownRow),
    bySite: table('by-site').map(toBreakdownRow),
    byEndpoint: table('by-endpoint').map(toBreakdownRow),
    users: table('user-table').map((row) => toUserRow(row, request.channel)),
    sources: sourcesInZone(db, sources, request),
    // A download's endpoints are kept as written, so no endpoint rule is applied to them.
    unmappedEndpoints: fromDownloads ? [] : table('unmapped-endpoints').map(toUnmappedEndpoint),
  };
}

function computeKpi(db: Database, kpi: KpiFile, basis: ReportBasis): Kpi {
  const { id, label, unit, definition } = kpi;
  if (basis === 'events') return { id, label, unit, definition, value: toKpiValue(db.query(kpi.sql)[0]?.value) };
  if (kpi.downloadsSql === null) return { id, label, unit, definition, value: null, unavailable: NOT_FROM_DOWNLOADS };
  return { id, label, unit, definition, value: toKpiValue(db.query(kpi.downloadsSql)[0]?.value) };
}

/**
 * Returns the files that fed the channel, with their date ranges in the report time zone, whose
 * offsets `prepare` has registered.
 */
function sourcesInZone(db: Database, sources: readonly ImportSummary[], { channel }: ReportRequest): ImportSummary[] {
  const ranges = loadedFileDateRanges(db);
  return sources
    .filter((source) => source.channels.length === 0 || source.channels.includes(channel))
    .map((source) => {
      const range = ranges.get(source.fileId);
      return { ...source, firstDate: range?.first ?? null, lastDate: range?.last ?? null };
    });
}

/** Returns whether the channel's report is built yet. */
export function hasChannelReport(channel: Channel): boolean {
  return hasSqlFile(`${channel}/uses`);
}

/** Builds the temporary tables every report query reads, in dependency order. */
function prepare(db: Database, request: ReportRequest, endpointRules: readonly EndpointRule[], tuning: ReportTuning): void {
  const { channel, period, thresholds } = request;
  const events = countChannelEvents(db, channel);
  const place = tablePlace(events, tuning.compressedFromEvents);
  db.run(sqlFile('macros'));
  db.run(sqlFile('prepare/00-params'), [
    channel,
    period.from,
    period.to,
    thresholds.frequentPercent,
    thresholds.regularPercent,
  ]);
  loadZoneOffsets(db, request.timeZone);
  loadEndpointRules(db, endpointRules);
  const parts = setReportParts(db, events, tuning.partEvents);
  for (const step of ['prepare/10-people', 'prepare/20-channel-events', 'prepare/25-downloads', 'prepare/30-population']) {
    db.run(placedSql(sqlFile(step), place));
    if (step === 'prepare/20-channel-events') fillChannelEvents(db, tuning.partEvents);
  }
  const basis = db.query('SELECT basis FROM report_params')[0]?.basis;
  const useSteps = basis === 'downloads' ? ['downloads/uses'] : [`${channel}/uses`, 'prepare/40-report-uses'];
  for (const step of useSteps) runReportStep(db, sqlFile(step), place, parts);
}

function loadEndpointRules(db: Database, rules: readonly EndpointRule[]): void {
  db.run('CREATE OR REPLACE TEMP TABLE endpoint_rules (priority INTEGER, pattern VARCHAR, endpoint VARCHAR)');
  rules.forEach(({ pattern, endpoint }, priority) => {
    db.run('INSERT INTO endpoint_rules VALUES (?, ?, ?)', [priority, pattern, endpoint]);
  });
}

function toWeekRow(row: Row): WeekRow {
  return {
    weekStart: toText(row.weekStart),
    weekEnd: toText(row.weekEnd),
    activeUsers: toCount(row.activeUsers),
    volume: toCount(row.volume),
  };
}

function toDayRow(row: Row): DayRow {
  return { date: toText(row.date), activeUsers: toCount(row.activeUsers), volume: toCount(row.volume) };
}

function toUnmappedEndpoint(row: Row): UnmappedEndpoint {
  return { raw: toText(row.raw), uses: toCount(row.uses) };
}

function toBreakdownRow(row: Row): BreakdownRow {
  return { name: toText(row.name), activeUsers: toCount(row.activeUsers), volume: toCount(row.volume) };
}

function toUserRow(row: Row, channel: Channel): UserRow {
  const user: UserRow = {
    userName: toText(row.userName),
    userExtension: toText(row.userExtension),
    userEmail: toText(row.userEmail),
    status: toText(row.status) as UserRow['status'],
    userStatus: toText(row.userStatus) as UserRow['userStatus'],
    department: toText(row.department),
    site: toText(row.site),
    endpoint: toText(row.endpoint),
    version: toText(row.version),
    lastUsed: toEpochMillis(row.lastUsed),
    usageCount: toCount(row.usageCount),
    channelCount: toCount(row.channelCount),
    channelShare: toNumber(row.channelShare) ?? 0,
  };
  if (channel === 'video') {
    user.hostCount = toCount(row.hostCount);
    user.participantCount = toCount(row.participantCount);
  }
  return user;
}
