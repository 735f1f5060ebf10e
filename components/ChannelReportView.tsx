import type { Channel, ChannelReport } from '../lib/engine/types';
import { CHANNEL_NAMES, formatDateRange } from './format';
import { KpiCards } from './KpiCards';
import { BreakdownTable, TrendTable } from './ReportTables';
import { UserTable } from './UserTable';

const MISSING_DATA: Record<Channel, string> = {
  phone: 'Load a call log to see this channel.',
  video: 'Load a meeting history to see this channel.',
  message: 'Load a messaging export to see this channel.',
};

interface Props {
  channel: Channel;
  /** Whether any loaded file carries this channel's events. */
  hasData: boolean;
  report: ChannelReport | null;
  loading: boolean;
  error: Error | null;
}

/** Renders the selected channel's KPIs, weekly trend, breakdowns and User Table. */
export function ChannelReportView({ channel, hasData, report, loading, error }: Props) {
  if (!hasData) return <p class="empty-state">{MISSING_DATA[channel]}</p>;
  if (error) {
    return (
      <div class="error-panel" role="alert">
        <h3 class="error-panel__title">The {CHANNEL_NAMES[channel]} report could not be built</h3>
        <p class="error-panel__message">{error.message}</p>
      </div>
    );
  }
  if (!report) return <p class="empty-state">{loading ? 'Computing the report…' : 'Choose a period.'}</p>;

  return (
    <div class="channel-report" aria-busy={loading}>
      <p class="report-caption">
        {CHANNEL_NAMES[channel]} report for {formatDateRange(report.period.from, report.period.to)}, times in{' '}
        {report.timeZone}
        {loading && <span class="hint"> (updating…)</span>}
      </p>
      {!report.hasDirectory && (
        <p class="notice">
          No users list is loaded, so users who never used this channel cannot be known: the population is the
          users found in the data.
        </p>
      )}
      <KpiCards kpis={report.kpis} hasDirectory={report.hasDirectory} />
      <div class="report-grid">
        <TrendTable weeks={report.weekly} channel={channel} />
        <BreakdownTable id="by-department" title="By department" nameHeader="Department" rows={report.byDepartment} channel={channel} />
        <BreakdownTable id="by-site" title="By site" nameHeader="Site" rows={report.bySite} channel={channel} />
        <BreakdownTable id="by-endpoint" title="By endpoint" nameHeader="Endpoint" rows={report.byEndpoint} channel={channel} />
      </div>
      <UserTable channel={channel} users={report.users} />
    </div>
  );
}
