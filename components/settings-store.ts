import { browser } from 'wxt/browser';
import type { Channel, ColumnMapping, EndpointRule, Kpi, Period, ReportAuthor, StatusThresholds } from '../lib/engine/types';
import { DEFAULT_THRESHOLDS, USAGE_FIELDS } from '../lib/engine/types';
import { isEndpoint } from './endpoint-rules';

/**
 * Storage of the options page's settings, of the column mappings saved for unrecognised files, and of
 * the last report's aggregates for the popup, in `browser.storage.local`. Per-user data (names,
 * e-mails, User Table rows) is never stored: a column mapping contains column names only.
 */

export interface Settings {
  author: ReportAuthor;
  thresholds: StatusThresholds;
  /** IANA name; null means the browser's own zone. */
  timeZone: string | null;
  /** The administrator's endpoint rules; null means the built-in ones. */
  endpointRules: EndpointRule[] | null;
}

/** The aggregates of the last report shown in the workspace. */
export interface LastReport {
  channel: Channel;
  period: Period;
  timeZone: string;
  /** When the workspace showed the report, as epoch milliseconds. */
  generatedAt: number;
  kpis: Kpi[];
}

const SETTINGS_KEY = 'settings';
const LAST_REPORT_KEY = 'lastReport';
/** The last report of each channel, for the popup's per-channel headline numbers. */
const LAST_REPORTS_KEY = 'lastReports';
/** The column mappings saved in the workspace, one per header. */
const COLUMN_MAPPINGS_KEY = 'columnMappings';

/** The part of `browser.storage.local` the column mapping functions use; tests pass a stand-in. */
export type StorageArea = Pick<typeof browser.storage.local, 'get' | 'set'>;

export type LastReports = Partial<Record<Channel, LastReport>>;

export const DEFAULT_SETTINGS: Settings = {
  author: { name: '', extension: '' },
  thresholds: DEFAULT_THRESHOLDS,
  timeZone: null,
  endpointRules: null,
};

export async function loadSettings(): Promise<Settings> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return readSettings(stored);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function loadLastReport(): Promise<LastReport | null> {
  const stored: unknown = (await browser.storage.local.get(LAST_REPORT_KEY))[LAST_REPORT_KEY];
  return isLastReport(stored) ? stored : null;
}

export async function loadLastReports(): Promise<LastReports> {
  const stored: unknown = (await browser.storage.local.get(LAST_REPORTS_KEY))[LAST_REPORTS_KEY];
  if (!isRecord(stored)) return {};
  const reports: LastReports = {};
  for (const channel of ['phone', 'video', 'message'] as const) {
    const report = stored[channel];
    if (isLastReport(report) && report.channel === channel) reports[channel] = report;
  }
  return reports;
}

/**
 * Stores only the aggregates named in `LastReport`, whatever else the caller's object carries, as the
 * last report and as its channel's entry of the last reports.
 */
export async function saveLastReport(report: LastReport): Promise<void> {
  const { channel, period, timeZone, generatedAt, kpis } = report;
  const aggregates: LastReport = {
    channel,
    period: { from: period.from, to: period.to },
    timeZone,
    generatedAt,
    kpis: kpis.map(({ id, label, value, unit, definition }) => ({ id, label, value, unit, definition })),
  };
  const reports = await loadLastReports();
  reports[channel] = aggregates;
  await browser.storage.local.set({ [LAST_REPORT_KEY]: aggregates, [LAST_REPORTS_KEY]: reports });
}

/** Returns the saved column mappings, oldest first, leaving out any stored value that is not a valid mapping. */
export async function loadColumnMappings(area: StorageArea = browser.storage.local): Promise<ColumnMapping[]> {
  const stored: unknown = (await area.get(COLUMN_MAPPINGS_KEY))[COLUMN_MAPPINGS_KEY];
  return Array.isArray(stored) ? stored.filter(isColumnMapping) : [];
}

/** Saves `mapping` for its header, replacing a mapping saved before for the same header. */
export async function saveColumnMapping(mapping: ColumnMapping, area: StorageArea = browser.storage.local): Promise<void> {
  const others = (await loadColumnMappings(area)).filter((saved) => !sameHeader(saved.header, mapping.header));
  const { header, columns, channel, savedOn } = mapping;
  const kept: ColumnMapping = { header: [...header], columns: { ...columns }, ...(channel && { channel }), ...(savedOn && { savedOn }) };
  await area.set({ [COLUMN_MAPPINGS_KEY]: [...others, kept] });
}

/** Removes the mapping saved for `header`, if any. */
export async function forgetColumnMapping(header: readonly string[], area: StorageArea = browser.storage.local): Promise<void> {
  const kept = (await loadColumnMappings(area)).filter((saved) => !sameHeader(saved.header, header));
  await area.set({ [COLUMN_MAPPINGS_KEY]: kept });
}

function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

function isColumnMapping(value: unknown): value is ColumnMapping {
  if (!isRecord(value) || !Array.isArray(value.header) || !value.header.every((name) => typeof name === 'string')) return false;
  if (!isRecord(value.columns)) return false;
  const fields: readonly string[] = USAGE_FIELDS;
  const columnsValid = Object.entries(value.columns).every(([field, column]) => fields.includes(field) && typeof column === 'string');
  const channelValid = value.channel === undefined || value.channel === 'phone' || value.channel === 'video' || value.channel === 'message';
  return columnsValid && channelValid && (value.savedOn === undefined || typeof value.savedOn === 'string');
}

/** Reads stored settings field by field, so a value from an older version falls back to its default. */
function readSettings(stored: unknown): Settings {
  if (!isRecord(stored)) return DEFAULT_SETTINGS;
  const author = isRecord(stored.author) ? stored.author : {};
  const thresholds = isRecord(stored.thresholds) ? stored.thresholds : {};
  return {
    author: {
      name: typeof author.name === 'string' ? author.name : '',
      extension: typeof author.extension === 'string' ? author.extension : '',
    },
    thresholds: {
      frequentPercent: isPercent(thresholds.frequentPercent)
        ? thresholds.frequentPercent
        : DEFAULT_THRESHOLDS.frequentPercent,
      regularPercent: isPercent(thresholds.regularPercent)
        ? thresholds.regularPercent
        : DEFAULT_THRESHOLDS.regularPercent,
    },
    timeZone: typeof stored.timeZone === 'string' && stored.timeZone !== '' ? stored.timeZone : null,
    endpointRules: readEndpointRules(stored.endpointRules),
  };
}

/** Keeps stored rules only when every one has a text pattern and a known endpoint. */
function readEndpointRules(stored: unknown): EndpointRule[] | null {
  if (!Array.isArray(stored)) return null;
  const valid = stored.every(
    (rule) => isRecord(rule) && typeof rule.pattern === 'string' && typeof rule.endpoint === 'string' && isEndpoint(rule.endpoint),
  );
  return valid ? stored.map((rule: EndpointRule) => ({ pattern: rule.pattern, endpoint: rule.endpoint })) : null;
}

function isLastReport(value: unknown): value is LastReport {
  return (
    isRecord(value) &&
    typeof value.channel === 'string' &&
    isRecord(value.period) &&
    typeof value.timeZone === 'string' &&
    typeof value.generatedAt === 'number' &&
    Array.isArray(value.kpis)
  );
}

function isPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Returns null when the thresholds make sense together, else a sentence saying what to change. */
export function checkThresholds({ frequentPercent, regularPercent }: StatusThresholds): string | null {
  if (!isPercent(frequentPercent)) return 'Enter a Frequent threshold between 0 and 100.';
  if (!isPercent(regularPercent) || regularPercent === 0) {
    return 'Enter a Regular threshold above 0 and at most 100 (at 0, every user would count as Regular).';
  }
  if (regularPercent > frequentPercent) return 'The Regular threshold must not be above the Frequent threshold.';
  return null;
}

/** Descriptions of the `browser.storage.local` keys, in the words the Forget everything message uses. */
const STORED_ITEM_NAMES: Readonly<Record<string, string>> = {
  [SETTINGS_KEY]: 'your settings (report author, Status thresholds, time zone, endpoint mappings)',
  [LAST_REPORT_KEY]: "the last report's KPIs kept for the popup",
  [LAST_REPORTS_KEY]: "each channel's last KPIs kept for the popup",
  [COLUMN_MAPPINGS_KEY]: 'the column mappings saved for files with other headers',
};

/**
 * Removes everything the extension stored in `browser.storage.local`, under any key, and returns a
 * description of each item removed, in key order.
 */
export async function clearStoredData(): Promise<string[]> {
  const stored = await browser.storage.local.get(null);
  await browser.storage.local.clear();
  return Object.keys(stored)
    .sort()
    .map((key) => STORED_ITEM_NAMES[key] ?? `the stored item "${key}"`);
}
