import type { ChannelReport, Kpi, Period } from '../lib/engine/types';
import { periodHasNoData } from '../lib/report/empty-period';

/** The previous period's figures as the KPI cards compare them. */
export interface PreviousFigures {
  period: Period;
  kpis: Kpi[];
  /** True when the channel has no data at all in that period, so a change against it means nothing. */
  empty: boolean;
}

/** Builds the figures of the previous period from its report. */
export function previousFigures(period: Period, report: Pick<ChannelReport, 'kpis' | 'basis' | 'weekly' | 'users'>): PreviousFigures {
  return { period, kpis: report.kpis, empty: periodHasNoData(report) };
}
