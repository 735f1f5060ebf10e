import type { Channel, DataRange, Period } from '../lib/engine/types';
import { CHANNEL_NAMES, formatDateRange } from './format';

interface Props {
  channel: Channel;
  period: Period;
  /** The channel's loaded range of dates in the report time zone; null while it is fetched. */
  range: DataRange | null;
  onShowAllData(): void;
}

/** Warns, above the KPI cards, that the period contains none of the channel's data, and offers "All data". */
export function EmptyPeriodNotice({ channel, period, range, onShowAllData }: Props) {
  const name = CHANNEL_NAMES[channel];
  const covered = range?.first && range.last ? formatDateRange(range.first, range.last) : null;
  return (
    <div class="notice notice--warning" id="empty-period-notice" role="status">
      <p>
        <strong>
          No {name} data in {formatDateRange(period.from, period.to)}.
        </strong>{' '}
        No use is counted because the period lies outside the loaded data
        {covered && <>, which covers {covered}</>}. Pick a period within it, or show all data.
      </p>
      <button type="button" class="button button--small" id="show-all-data" onClick={onShowAllData}>
        Show all data
      </button>
    </div>
  );
}
