import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, ChannelReport, DataRange, EndpointRule, Period, ReportRequest, StatusThresholds } from '../lib/engine/types';
import { CancelledError } from './cancellable-engine';
import type { EngineClient } from './engine-client';
import { nextTask } from './next-task';

/** A channel's span of dates as computed in one time zone. */
export interface ZonedRange extends DataRange {
  timeZone: string;
}

export interface AsyncState<T> {
  value: T | null;
  loading: boolean;
  error: Error | null;
}

/**
 * Fetches the channel's span of dates whenever the loaded files (`dataVersion`), the channel or the time
 * zone change. Each fetch returns a new object, which is what tells `useReport` to recompute.
 */
export function useDataRange(
  engine: EngineClient,
  channel: Channel,
  timeZone: string,
  dataVersion: number,
  hasData: boolean,
): AsyncState<ZonedRange> {
  const [state, setState] = useState<AsyncState<ZonedRange>>({ value: null, loading: false, error: null });

  useEffect(() => {
    if (!hasData) {
      setState({ value: null, loading: false, error: null });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    engine.dataRange({ channel, timeZone }).then(
      (range) => current && setState({ value: { ...range, timeZone }, loading: false, error: null }),
      (error: unknown) =>
        current && setState({ value: null, loading: false, error: error instanceof CancelledError ? null : asError(error) }),
    );
    return () => {
      current = false;
    };
  }, [engine, channel, timeZone, dataVersion, hasData]);

  return state;
}

/** The request behind the report on screen, so a download builds exactly what is shown. */
export interface ShownReport {
  request: ReportRequest;
  report: ChannelReport;
}

/**
 * Computes the report for the range's channel and zone whenever the range, period, thresholds or
 * endpoint rules change. A cancelled computation leaves no report and no error. `prepare` runs on each
 * new report before it is set, and resolves in a later task than the one that read the report.
 */
export function useReport(
  engine: EngineClient,
  range: ZonedRange | null,
  period: Period | null,
  thresholds: StatusThresholds,
  endpointRules: EndpointRule[] | null,
  onShown: (shown: ShownReport) => void,
  prepare: (report: ChannelReport) => Promise<void> = nextTask,
): AsyncState<ShownReport> {
  const [state, setState] = useState<AsyncState<ShownReport>>({ value: null, loading: false, error: null });
  const { frequentPercent, regularPercent } = thresholds;
  const onShownRef = useRef(onShown);
  onShownRef.current = onShown;
  const rulesKey = endpointRules === null ? null : JSON.stringify(endpointRules);

  useEffect(() => {
    if (!range || !period) {
      setState({ value: null, loading: false, error: null });
      return;
    }
    const request: ReportRequest = {
      channel: range.channel,
      period,
      timeZone: range.timeZone,
      thresholds: { frequentPercent, regularPercent },
      ...(rulesKey === null ? {} : { endpointRules: JSON.parse(rulesKey) as EndpointRule[] }),
    };
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    engine
      .report(request)
      .then(async (report) => {
        // Reading the report's message and rendering it happen in different tasks of the page, so
        // that the main thread is never held for both at once.
        await prepare(report);
        return report;
      })
      .then(
        (report) => {
          if (!current) return;
          const result = { request, report };
          setState({ value: result, loading: false, error: null });
          onShownRef.current(result);
        },
        (error: unknown) => {
          if (!current) return;
          const cancelled = error instanceof CancelledError;
          setState({ value: null, loading: false, error: cancelled ? null : asError(error) });
        },
      );
    return () => {
      current = false;
    };
    // Period, thresholds and rules are compared by value, because callers build new objects on every render.
  }, [engine, range, period?.from, period?.to, frequentPercent, regularPercent, rulesKey]);

  return state;
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
