import type { Channel, ChannelReport, DataRange } from '../lib/engine/types';
import { periodHasNoData } from '../lib/report/empty-period';
import { ChannelCharts } from './ChannelCharts';
import type { PreviousFigures } from './comparison';
import { EmptyPeriodNotice } from './EmptyPeriodNotice';
import { CHANNEL_NAMES, formatCount, formatCountOf, formatDateRange } from './format';
import { KpiCards } from './KpiCards';
import { UserTable } from './UserTable';

const MISSING_DATA: Record<Channel, string> = {
  phone: 'Load a call log to see this channel.',
  video: 'Load a meeting history to see this channel.',
  message: 'Load a messaging export to see this channel.',
};

interface Props {
  channel: Channel;
  /** Whether any loaded file carries this channel's events or its downloaded totals. */
  hasData: boolean;
  report: ChannelReport | null;
  loading: boolean;
  error: Error | null;
  /** The previous period's KPIs when "Compare with the previous period" is on and they are computed. */
  previous: PreviousFigures | null;
  /** True after the user cancelled the report; it is computed again only on request. */
  paused: boolean;
  onResume(): void;
  /** Opens the endpoint rules in Settings. */
  onMapEndpoints(): void;
  /** The channel's loaded range of dates, named when the period contains none of its data. */
  range: DataRange | null;
  /** Switches the period to "All data". */
  onShowAllData(): void;
}

/** Renders the selected channel's KPIs, charts, unmapped client names and User Table. */
export function ChannelReportView(props: Props) {
  const { channel, hasData, report, loading, error, previous, paused } = props;
  if (!hasData) return <p class="empty-state">{MISSING_DATA[channel]}</p>;
  if (error) {
    return (
      <div class="error-panel" role="alert">
        <h3 class="error-panel__title">The {CHANNEL_NAMES[channel]} report could not be built</h3>
        <p class="error-panel__message">{error.message}</p>
      </div>
    );
  }
  if (paused && !loading) {
    return (
      <div class="empty-state">
        <p>The report was cancelled. The loaded files are kept.</p>
        <button type="button" class="button button--primary" id="compute-report" onClick={props.onResume}>
          Compute the report
        </button>
      </div>
    );
  }
  if (!report) return <p class="empty-state">{loading ? 'Computing the report…' : 'Choose a period.'}</p>;

  const unmapped = report.unmappedEndpoints ?? [];
  return (
    <div class="channel-report" aria-busy={loading}>
      <p class="report-caption">
        {CHANNEL_NAMES[channel]} report for {formatDateRange(report.period.from, report.period.to)}, times in{' '}
        {report.timeZone}
        {previous && <> · compared with {formatDateRange(previous.period.from, previous.period.to)}</>}
        {loading && <span class="hint"> (updating…)</span>}
      </p>
      {!report.hasDirectory && (
        <p class="notice">
          No users list is loaded, so users who never used this channel cannot be known: the population is the
          users found in the data.
        </p>
      )}
      {report.notes.length > 0 && (
        <div class="notice" id="report-notes">
          {report.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      {periodHasNoData(report) && (
        <EmptyPeriodNotice channel={channel} period={report.period} range={props.range} onShowAllData={props.onShowAllData} />
      )}
      {previous?.empty && (
        <p class="notice" id="empty-previous-notice">
          The previous period, {formatDateRange(previous.period.from, previous.period.to)}, has no {CHANNEL_NAMES[channel]}{' '}
          data, so there is nothing to compare the figures with.
        </p>
      )}
      <KpiCards kpis={report.kpis} hasDirectory={report.hasDirectory} previous={previous?.empty ? null : previous} />
      <ChannelCharts report={report} />
      {unmapped.length > 0 && (
        <div class="notice" id="unmapped-notice">
          <p>
            {formatCount(unmapped.length)} client {unmapped.length === 1 ? 'name matches' : 'names match'} no endpoint
            rule and {unmapped.length === 1 ? 'is' : 'are'} counted as Other:{' '}
            {unmapped
              .slice(0, 5)
              .map((item) => `${item.raw} (${formatCountOf(item.uses, 'use')})`)
              .join(', ')}
            {unmapped.length > 5 && `, and ${unmapped.length - 5} more`}.
          </p>
          <button type="button" class="button button--small" onClick={props.onMapEndpoints}>
            Map them in Settings
          </button>
        </div>
      )}
      <UserTable channel={channel} period={report.period} users={report.users} />
    </div>
  );
}
