/**
 * The engine's contract: what crosses the worker boundary between the UI and the engine, and what the
 * CLI calls directly. Everything here is structured-clone safe (no classes, no bigint).
 */

export type Channel = 'phone' | 'video' | 'message';

/** A whole-day period in the report time zone, both ends inclusive, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

/** Status thresholds, in percent of the period's working days with a use. */
export interface StatusThresholds {
  frequentPercent: number;
  regularPercent: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { frequentPercent: 60, regularPercent: 20 };

/** The administrator who builds the report, written to the General metrics sheet. */
export interface ReportAuthor {
  name: string;
  extension: string;
}

/**
 * A rule of endpoint normalisation: a regular expression (RE2 syntax) tested against the lower-cased raw
 * client name, and the endpoint of the short list it stands for. The first matching rule wins.
 */
export interface EndpointRule {
  pattern: string;
  endpoint: string;
}

export interface ReportRequest {
  channel: Channel;
  period: Period;
  /** IANA time zone name, such as `Europe/Berlin`. */
  timeZone: string;
  thresholds: StatusThresholds;
  /** The administrator's endpoint rules; the built-in ones when absent. */
  endpointRules?: EndpointRule[];
}

/** A chart drawn by the workspace, as PNG bytes, for the KPIs sheet. */
export interface ChartImage {
  title: string;
  png: Uint8Array;
  /** The channel whose KPIs sheet shows it in a combined workbook; a channel workbook shows every chart. */
  channel?: Channel;
}

export interface WorkbookRequest extends ReportRequest {
  author: ReportAuthor;
  /** The instant the workbook is built, as epoch milliseconds (passed in so tests are repeatable). */
  generatedAt: number;
  /** Images placed to the right of the KPIs sheet's tables, top to bottom. */
  charts?: ChartImage[];
}

/** A workbook of several channels: one General metrics sheet, then each channel's KPIs and User Table. */
export interface CombinedWorkbookRequest extends Omit<WorkbookRequest, 'channel'> {
  channels: Channel[];
}

/**
 * The columns of the usage-events format (docs/usage-events.md), in the order its documentation lists
 * them. A column mapping fills these from a file whose header no format recognises.
 */
export const USAGE_FIELDS = [
  'channel',
  'time',
  'user_email',
  'user_extension',
  'user_name',
  'endpoint',
  'version',
  'role',
  'direction',
  'result',
  'duration_seconds',
  'session_id',
  'meeting_id',
] as const;

export type UsageField = (typeof USAGE_FIELDS)[number];

/**
 * A column mapping: which column of a delimited file or worksheet that no format recognises contains
 * each usage-events field. It applies only to a file whose header is exactly `header`.
 */
export interface ColumnMapping {
  /** The file's column names in order, as sniffing found them (repeated names made unique). */
  header: string[];
  /** Usage-events field to the file's column that contains it. A field left out is blank on every row. */
  columns: Partial<Record<UsageField, string>>;
  /** The channel of every row, for a file without a channel column; ignored when `columns.channel` is set. */
  channel?: Channel;
  /** The day the workspace saved the mapping, as `YYYY-MM-DD`; absent for a mapping given for one load. */
  savedOn?: string;
}

/** Per file, what the import found. */
export interface ImportSummary {
  fileId: number;
  fileName: string;
  /** The recognised format's identifier, such as `ringcentral-call-log-json`. */
  formatId: string;
  formatLabel: string;
  channels: Channel[];
  rowsRead: number;
  rowsUsed: number;
  /** Earliest and latest event start, as `YYYY-MM-DD` in the zone the call names (default UTC); null without events. */
  firstDate: string | null;
  lastDate: string | null;
  /** Plain sentences: skipped lines, encodings, zone-less times, values counted as Other. */
  notes: string[];
}

export interface Kpi {
  /** Identifier shared by the KPI's SQL file, tests, workbook row and docs entry. */
  id: string;
  label: string;
  /** A number, or text for ranked lists such as the top endpoints; null when it cannot be known. */
  value: number | string | null;
  unit: string;
  definition: string;
  /** The reason the value is null, when the report has one (such as a report built from downloaded workbooks). */
  unavailable?: string;
}

export interface WeekRow {
  /** Monday of the week, or the period's first day when the period starts mid-week. */
  weekStart: string;
  weekEnd: string;
  activeUsers: number;
  volume: number;
}

/** One day of the period: active users and volume, like `WeekRow`. */
export interface DayRow {
  date: string;
  activeUsers: number;
  volume: number;
}

export interface BreakdownRow {
  name: string;
  activeUsers: number;
  volume: number;
}

export type UserStatus = 'Active' | 'Inactive';
/** Empty when the report cannot know it (several downloaded workbooks summed, which lack active days). */
export type UsageStatus = 'Frequent' | 'Regular' | 'Occasional' | 'Never' | '';

/** One User Table row: one user on one endpoint (or one empty-endpoint row for an inactive user). */
export interface UserRow {
  userName: string;
  userExtension: string;
  userEmail: string;
  status: UsageStatus;
  userStatus: UserStatus;
  department: string;
  site: string;
  endpoint: string;
  version: string;
  /** Wall-clock time in the report time zone, as epoch milliseconds read as UTC; null when unused. */
  lastUsed: number | null;
  usageCount: number;
  /** Number of Calls, Meets or Messages over all the user's endpoints. */
  channelCount: number;
  /** `channelCount` as a fraction of the population's total (0..1). */
  channelShare: number;
  /** Video only. */
  hostCount?: number;
  participantCount?: number;
}

export interface ChannelReport {
  channel: Channel;
  period: Period;
  timeZone: string;
  /**
   * False when inactive users cannot be known, because no users list is loaded and the report is built
   * from events. A report built from downloaded workbooks finds them in the downloads' Inactive rows.
   */
  hasDirectory: boolean;
  /**
   * The report's source: `events` when it counts single uses, or `downloads` when the channel has no
   * events, so the report sums the totals of downloaded Adoption and Usage workbooks.
   */
  basis: ReportBasis;
  /** Plain sentences about what fed the report: downloads left out or not used, and why. */
  notes: string[];
  kpis: Kpi[];
  weekly: WeekRow[];
  /** One row per day of the period. */
  daily?: DayRow[];
  byDepartment: BreakdownRow[];
  bySite: BreakdownRow[];
  byEndpoint: BreakdownRow[];
  users: UserRow[];
  sources: ImportSummary[];
  /** Raw client names that no endpoint rule matched (counted as `Other`), most used first. */
  unmappedEndpoints?: UnmappedEndpoint[];
}

export type ReportBasis = 'events' | 'downloads';

export interface UnmappedEndpoint {
  raw: string;
  /** Uses in the period from that client. */
  uses: number;
}

/**
 * The span of event dates loaded for a channel, or of its downloads' periods when it has no events,
 * used for the "All data" preset.
 */
export interface DataRange {
  channel: Channel;
  first: string | null;
  last: string | null;
}

export interface Workbook {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}
