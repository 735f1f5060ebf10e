import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineApi } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import { pathSource } from '../../lib/engine/source-node';
import { DEFAULT_THRESHOLDS, type Channel, type ChannelReport, type ReportRequest } from '../../lib/engine/types';
import { channelKpis } from '../../lib/report/kpi-files';
import { sampleFilePaths } from '../support/samples';

interface Download {
  name: string;
  bytes: Uint8Array;
}

const CHANNELS: Channel[] = ['phone', 'video', 'message'];
const PERIOD = { from: '2026-05-04', to: '2026-05-24' };
const TIME_ZONE = 'America/New_York';

async function sampleReports(): Promise<{ reports: ChannelReport[]; download: Download; combined: Download }> {
  const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
  const outcomes = await engine.loadFiles({ files: sampleFilePaths() });
  expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  const request = { period: PERIOD, timeZone: TIME_ZONE, thresholds: DEFAULT_THRESHOLDS, author: { name: '', extension: '' }, generatedAt: 0 };
  const reports = await Promise.all(CHANNELS.map((channel) => engine.report({ ...request, channel })));
  const phone = await engine.workbook({ ...request, channel: 'phone' });
  const combined = await engine.combinedWorkbook({ ...request, channels: CHANNELS });
  return {
    reports,
    download: { name: phone.fileName, bytes: phone.bytes },
    combined: { name: combined.fileName, bytes: combined.bytes },
  };
}

async function reloaded(download: Download): Promise<EngineApi<Download>> {
  const engine = createEngine<Download>({
    database: openNodeDatabase(),
    toSource: (input) => bytesSource(input.name, input.bytes),
    productVersion: 'test',
  });
  const outcomes = await engine.loadFiles({ files: [download] });
  expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  return engine;
}

/** Picks the values of the KPIs a download can feed, by identifier. */
function fedKpis(report: ChannelReport): Record<string, unknown> {
  const fed = new Set(channelKpis(report.channel).filter((kpi) => kpi.downloadsSql !== null).map((kpi) => kpi.id));
  return Object.fromEntries(report.kpis.filter((kpi) => fed.has(kpi.id)).map((kpi) => [kpi.id, kpi.value]));
}

/** Sums Number of Calls, Meets or Messages over the report's distinct users. */
function populationTotal(report: ChannelReport): number {
  const byUser = new Map(report.users.map((user) => [`${user.userEmail}|${user.userExtension}|${user.userName}`, user.channelCount]));
  return [...byUser.values()].reduce((sum, count) => sum + count, 0);
}

describe('sample workbook loaded back', () => {
  let samples: Awaited<ReturnType<typeof sampleReports>>;
  beforeAll(async () => {
    samples = await sampleReports();
  });

  test('phone workbook gives the same rows and KPIs', async () => {
    const { reports, download } = samples;
    const original = reports[0]!;
    const request: ReportRequest = { channel: 'phone', period: PERIOD, timeZone: TIME_ZONE, thresholds: DEFAULT_THRESHOLDS };
    const report = await (await reloaded(download)).report(request);

    expect(report.basis).toBe('downloads');
    expect(report.users).toEqual(original.users);
    expect(fedKpis(report)).toEqual(fedKpis(original));
    expect(Object.keys(fedKpis(report))).toContain('calls_per_active_user_per_week');
    expect(report.byDepartment).toEqual(original.byDepartment);
    expect(report.bySite).toEqual(original.bySite);
    expect(report.byEndpoint).toEqual(original.byEndpoint);
  });

  test('combined workbook gives each channel back', async () => {
    const { reports, combined } = samples;
    const engine = await reloaded(combined);
    for (const original of reports) {
      const report = await engine.report({ channel: original.channel, period: PERIOD, timeZone: TIME_ZONE, thresholds: DEFAULT_THRESHOLDS });
      expect(report.users, original.channel).toEqual(original.users);
      const { messages_sent: sent, ...others } = fedKpis(report);
      const { messages_sent: originalSent, ...originalOthers } = fedKpis(original);
      expect(others, original.channel).toEqual(originalOthers);
      if (original.channel === 'message') {
        // The User Table lists the population only, so messages of other senders (such as disabled
        // users) are not in the download.
        expect(originalSent).toBe(593);
        expect(sent).toBe(populationTotal(original));
      }
    }
  });
});

describe('workbook of few files loaded back', () => {
  test('phone workbook of two files loads', async () => {
    // Its General metrics sheet lists two source files, so its label/value rows outnumber the
    // source table's wider rows: the sheet must not be taken for the data.
    const engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
    const files = sampleFilePaths().filter((file) => /users-list\.csv$|call-log-detailed\.json$/.test(file));
    expect(files).toHaveLength(2);
    expect((await engine.loadFiles({ files })).filter((outcome) => !outcome.ok)).toEqual([]);
    const request = { channel: 'phone' as const, period: PERIOD, timeZone: TIME_ZONE, thresholds: DEFAULT_THRESHOLDS };
    const original = await engine.report(request);
    const workbook = await engine.workbook({ ...request, author: { name: '', extension: '' }, generatedAt: 0 });

    const report = await (await reloaded({ name: workbook.fileName, bytes: workbook.bytes })).report(request);
    expect(report.basis).toBe('downloads');
    expect(report.users).toEqual(original.users);
  });
});
