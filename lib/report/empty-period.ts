import type { ChannelReport, DataRange, Period } from '../engine/types';

/**
 * Checks whether the channel has nothing at all in the report's period: no call, meeting or message
 * started in it and no active user. Such a report shows 0 and "Inactive" everywhere, which reads as
 * real figures unless the period is flagged as outside the data. A report from downloaded workbooks
 * has no weekly trend, so its User Table decides: no row with a use means no download in the period.
 */
export function periodHasNoData(report: Pick<ChannelReport, 'basis' | 'weekly' | 'users'>): boolean {
  if (report.basis === 'downloads') return report.users.every((user) => user.usageCount === 0);
  return report.weekly.every((week) => week.volume === 0 && week.activeUsers === 0);
}

/**
 * Writes the command line's warning for a period with none of the channel's data, naming the dates
 * the data covers so the user can pick a period within them.
 */
export function emptyPeriodWarning(channelName: string, period: Period, range: DataRange): string {
  const covered =
    range.first && range.last
      ? `the loaded ${channelName} data covers ${range.first} to ${range.last}`
      : `no loaded ${channelName} data has dates`;
  return (
    `Warning: no ${channelName} data from ${period.from} to ${period.to}, so no use is counted; ` +
    `${covered}. Choose --from and --to within those dates, or leave both out to report all the data.`
  );
}
