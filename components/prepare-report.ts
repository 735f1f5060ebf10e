import type { ChannelReport } from '../lib/engine/types';
import { reportCharts } from './channel-charts';
import { nextTask } from './next-task';
import { userFilterOptions } from './user-table-model';

/**
 * Builds the charts and the filter options, which read every User Table row, one task each. The render
 * that shows the report then finds them cached. Resolves in the task after the last one.
 */
export async function prepareReportView(report: ChannelReport): Promise<void> {
  await nextTask();
  reportCharts(report);
  await nextTask();
  userFilterOptions(report.users);
  await nextTask();
}
