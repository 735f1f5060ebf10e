import type { ChannelReport } from '../lib/engine/types';
import { reportCharts } from './channel-charts';
import { nextTask } from './next-task';
import { userFilterOptions } from './user-table-model';

/**
 * Builds what the report view derives from every User Table row, one task each, so that the render
 * that shows the report finds them cached and no task of the page does all of it. Resolves in the
 * task after the last one.
 */
export async function prepareReportView(report: ChannelReport): Promise<void> {
  await nextTask();
  reportCharts(report);
  await nextTask();
  userFilterOptions(report.users);
  await nextTask();
}
