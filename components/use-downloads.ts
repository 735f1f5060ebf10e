import { useState } from 'preact/hooks';
import type { Channel, ChannelReport, ChartImage, Period, ReportAuthor, Workbook } from '../lib/engine/types';
import { CancelledError } from './cancellable-engine';
import { chartImages } from './chart-export';
import type { DownloadScope, DownloadState } from './download-state';
import type { EngineClient } from './engine-client';
import { CHANNEL_NAMES } from './format';
import { saveWorkbook } from './save-file';
import type { ActivityControl } from './use-activity';
import { type ShownReport, asError } from './use-report';

interface Options {
  engine: EngineClient;
  activity: ActivityControl;
  author: ReportAuthor;
  /** The report on screen, whose request the workbooks repeat; null disables the downloads. */
  screenReport: ShownReport | null;
  /** The channels of the combined workbook, in tab order. */
  channels: Channel[];
  /** The combined workbook's period, which differs from the shown one under "All data"; null disables it. */
  combinedPeriod: Period | null;
}

/**
 * Builds and saves the channel workbook and the combined workbook of every channel with data. Each
 * carries the charts of its reports as PNG images, drawn here because the worker has no DOM.
 */
export function useDownloads({ engine, activity, author, screenReport, channels, combinedPeriod }: Options) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });

  async function run(scope: DownloadScope, build: (id: number) => Promise<Workbook>) {
    const id = activity.start({ kind: 'workbook', step: 'Drawing the charts', cancellable: true });
    setState({ kind: 'building', scope });
    try {
      const workbook = await build(id);
      saveWorkbook(workbook);
      setState({ kind: 'done', scope, fileName: workbook.fileName });
    } catch (error) {
      setState(error instanceof CancelledError ? { kind: 'cancelled', scope } : { kind: 'failed', scope, error: asError(error) });
    } finally {
      activity.finish(id);
    }
  }

  async function downloadWorkbook() {
    if (!screenReport) return;
    const { request, report } = screenReport;
    await run(request.channel, async (id) => {
      const charts = await chartImages(report);
      activity.update(id, { step: `Building the ${CHANNEL_NAMES[request.channel]} workbook` });
      return engine.workbook({ ...request, author, generatedAt: Date.now(), charts });
    });
  }

  async function downloadAll() {
    if (!screenReport || !combinedPeriod) return;
    const { channel: shownChannel, period: shownPeriod, ...shownRequest } = screenReport.request;
    const request = { ...shownRequest, period: combinedPeriod };
    const samePeriod = shownPeriod.from === combinedPeriod.from && shownPeriod.to === combinedPeriod.to;
    await run('all', async (id) => {
      const charts: ChartImage[] = [];
      for (const channel of channels) {
        let report: ChannelReport = screenReport.report;
        if (channel !== shownChannel || !samePeriod) {
          activity.update(id, { step: `Computing the ${CHANNEL_NAMES[channel]} report for its charts` });
          report = await engine.report({ ...request, channel });
        }
        activity.update(id, { step: `Drawing the ${CHANNEL_NAMES[channel]} charts` });
        charts.push(...(await chartImages(report)));
      }
      activity.update(id, { step: 'Building the workbook of all channels' });
      return engine.combinedWorkbook({ ...request, channels, author, generatedAt: Date.now(), charts });
    });
  }

  return { state, setState, downloadWorkbook, downloadAll };
}
