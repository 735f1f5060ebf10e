import type { ChannelReport, Kpi, UserRow, WorkbookRequest } from '../../lib/engine/types';
import { buildChannelWorkbook } from '../../lib/workbook/channel-workbook';
import { userColumns } from '../../lib/workbook/user-columns';
import { createExcelWorkbook } from '../../lib/workbook/workbook-file';

// Bundled for a plain Chromium page: times the product's Phone workbook code on a made-up report
// with a User Table of any size, apart from DuckDB and the extension.

/** The User Table writer under test: the product's code, or number formats set once per column. */
export type WorkbookVariant = 'product' | 'column-formats';

export interface WorkbookTiming {
  variant: WorkbookVariant;
  users: number;
  /** Building the workbook and writing its xlsx bytes, in milliseconds. */
  ms: number;
  bytes: number;
  /** Column-formats variant: the part of `ms` spent in exceljs's `writeBuffer` (XML and zip). */
  writeMs?: number;
  /** Column-formats variant: `writeBuffer` of the same workbook again, with zip compression level 1 instead of the default. */
  fastZipWriteMs?: number;
  fastZipBytes?: number;
}

const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const TIME_ZONE = 'America/New_York';
const DEPARTMENTS = ['Sales', 'Support', 'Finance', 'Marketing', 'Operations', 'Engineering'];
const SITES = ['Boston', 'Denver', 'Austin', 'Seattle'];
const STATUSES: UserRow['status'][] = ['Frequent', 'Regular', 'Occasional', 'Never'];

/** Builds the Phone workbook of a report with `users` User Table rows and returns how long it took. */
async function build(users: number, variant: WorkbookVariant = 'product'): Promise<WorkbookTiming> {
  const report = syntheticReport(users);
  if (variant === 'column-formats') return buildWithColumnFormats(report);
  const request: WorkbookRequest = {
    channel: 'phone',
    period: PERIOD,
    timeZone: TIME_ZONE,
    thresholds: { frequentPercent: 60, regularPercent: 20 },
    author: { name: 'Benchmark', extension: '101' },
    generatedAt: Date.UTC(2026, 0, 1),
  };
  const started = performance.now();
  const workbook = await buildChannelWorkbook({ report, request, productVersion: 'benchmark' });
  return { variant, users, ms: performance.now() - started, bytes: workbook.bytes.byteLength };
}

/**
 * Writes only the User Table, with the product's cell values but each number format set once on its
 * column instead of on every cell, and without column widths or the filter: what a workbook without
 * per-cell styles would cost. Then writes the same workbook again with faster zip compression.
 */
async function buildWithColumnFormats(report: ChannelReport): Promise<WorkbookTiming> {
  const started = performance.now();
  const columns = userColumns(report.channel);
  const workbook = createExcelWorkbook(Date.UTC(2026, 0, 1));
  const worksheet = workbook.addWorksheet('User Table');
  worksheet.columns = columns.map((column) => {
    const formats = report.users.slice(0, 100).map((user) => column.cell(user).numFmt);
    const numFmt = formats.find((format) => format !== undefined);
    return { header: column.header, style: numFmt === undefined ? {} : { numFmt } };
  });
  worksheet.addRows(report.users.map((user) => columns.map((column) => column.cell(user).value)));

  const writeStarted = performance.now();
  const bytes = await workbook.xlsx.writeBuffer();
  const finished = performance.now();
  // exceljs hands `zip` to JSZip's generateAsync, whose DEFLATE level defaults to 6.
  const fastZip = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as object);
  return {
    variant: 'column-formats',
    users: report.users.length,
    ms: finished - started,
    bytes: bytes.byteLength,
    writeMs: finished - writeStarted,
    fastZipWriteMs: performance.now() - finished,
    fastZipBytes: fastZip.byteLength,
  };
}

function syntheticReport(count: number): ChannelReport {
  const users: UserRow[] = [];
  for (let index = 0; index < count; index++) {
    const status = STATUSES[index % STATUSES.length]!;
    const used = status !== 'Never';
    users.push({
      userName: `User ${index}`,
      userExtension: String(10000 + index),
      userEmail: `user.${index}@example.com`,
      status,
      userStatus: used ? 'Active' : 'Inactive',
      department: DEPARTMENTS[index % DEPARTMENTS.length]!,
      site: SITES[index % SITES.length]!,
      endpoint: used ? 'Unknown' : '',
      version: '',
      lastUsed: used ? Date.UTC(2025, 11, 1 + (index % 30), 9, index % 60) : null,
      usageCount: used ? 1 + (index % 97) : 0,
      channelCount: used ? 1 + (index % 97) : 0,
      channelShare: used ? (1 + (index % 97)) / (count * 49) : 0,
    });
  }
  const kpis: Kpi[] = Array.from({ length: 19 }, (_, index) => ({
    id: `kpi_${index}`,
    label: `KPI ${index}`,
    value: index * 1.5,
    unit: 'calls',
    definition: 'A made-up KPI of the benchmark.',
  }));
  return {
    channel: 'phone',
    period: PERIOD,
    timeZone: TIME_ZONE,
    hasDirectory: true,
    basis: 'events',
    notes: [],
    kpis,
    weekly: Array.from({ length: 52 }, (_, week) => ({
      weekStart: new Date(Date.UTC(2024, 11, 30) + week * 7 * 86_400_000).toISOString().slice(0, 10),
      weekEnd: new Date(Date.UTC(2025, 0, 5) + week * 7 * 86_400_000).toISOString().slice(0, 10),
      activeUsers: count,
      volume: count * 3,
    })),
    byDepartment: DEPARTMENTS.map((name) => ({ name, activeUsers: count / 6, volume: count / 2 })),
    bySite: SITES.map((name) => ({ name, activeUsers: count / 4, volume: count })),
    byEndpoint: [{ name: 'Unknown', activeUsers: count, volume: count * 3 }],
    users,
    sources: [],
  };
}

(globalThis as unknown as { benchWorkbook: { build: typeof build } }).benchWorkbook = { build };
