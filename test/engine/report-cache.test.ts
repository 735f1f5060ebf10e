import { describe, expect, test } from 'vitest';
import { createReportCache } from '../../lib/engine/report-cache';
import { DEFAULT_THRESHOLDS, type ChannelReport, type ReportRequest } from '../../lib/engine/types';

const request = (from: string): ReportRequest => ({
  channel: 'phone',
  period: { from, to: '2026-05-24' },
  timeZone: 'America/New_York',
  thresholds: DEFAULT_THRESHOLDS,
});

describe('createReportCache', () => {
  test('builds a report once per request until cleared', () => {
    const cache = createReportCache();
    let builds = 0;
    const build = () => {
      builds += 1;
      return { channel: 'phone' } as ChannelReport;
    };

    const first = cache.get(request('2026-05-04'), build);
    const again = cache.get({ ...request('2026-05-04'), author: { name: 'A', extension: '1' } } as ReportRequest, build);
    expect(again).toBe(first);
    expect(builds).toBe(1);

    cache.clear();
    cache.get(request('2026-05-04'), build);
    expect(builds).toBe(2);
  });

  test('keeps the three latest reports', () => {
    const cache = createReportCache();
    let builds = 0;
    const build = () => {
      builds += 1;
      return { channel: 'phone' } as ChannelReport;
    };

    for (const from of ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']) cache.get(request(from), build);
    cache.get(request('2026-05-04'), build);
    cache.get(request('2026-05-02'), build);
    expect(builds).toBe(4);

    cache.get(request('2026-05-01'), build);
    expect(builds).toBe(5);
  });
});
