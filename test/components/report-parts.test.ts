import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineApi } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { pathSource } from '../../lib/engine/source-node';
import { DEFAULT_THRESHOLDS, type ChannelReport, type ReportRequest } from '../../lib/engine/types';
import { EngineError } from '../../lib/errors';
import { fetchReport } from '../../components/report-parts';
import { sampleFilePaths } from '../support/samples';

const request: ReportRequest = {
  channel: 'phone',
  period: { from: '2026-05-04', to: '2026-05-24' },
  timeZone: 'America/New_York',
  thresholds: DEFAULT_THRESHOLDS,
};

describe('fetchReport', () => {
  let engine: EngineApi<string>;
  let whole: ChannelReport;

  beforeAll(async () => {
    engine = createEngine({ database: openNodeDatabase(), toSource: pathSource, productVersion: 'test' });
    await engine.loadFiles({ files: sampleFilePaths() });
    whole = await engine.report(request);
  });

  test('assembles the report from parts', async () => {
    expect(whole.users.length).toBeGreaterThan(7);
    const calls: number[] = [];
    const counting = {
      reportPart: (args: Parameters<EngineApi<string>['reportPart']>[0]) => {
        calls.push(args.userOffset);
        return engine.reportPart(args);
      },
    };

    const assembled = await fetchReport(counting, request, 7);

    expect(assembled).toEqual(whole);
    expect(calls).toEqual(Array.from({ length: Math.ceil(whole.users.length / 7) }, (_, index) => index * 7));
  });

  test('fails when the table shrinks between parts', async () => {
    const shrinking = {
      reportPart: async (args: Parameters<EngineApi<string>['reportPart']>[0]) => {
        const part = await engine.reportPart(args);
        return args.userOffset === 0 ? part : { ...part, report: { ...part.report, users: [] } };
      },
    };

    await expect(fetchReport(shrinking, request, 7)).rejects.toThrow(EngineError);
  });
});
