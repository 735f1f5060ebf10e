import type { ChannelReport } from '../lib/engine/types';
import { reportCharts } from './channel-charts';
import { ChartFrame } from './ChartFrame';

/** Renders the report's charts in a grid, each with its data table on request. */
export function ChannelCharts({ report }: { report: ChannelReport }) {
  const charts = reportCharts(report);
  if (charts.length === 0) return <p class="hint">No data in this period to chart.</p>;
  return (
    <div class="chart-grid" id="charts">
      {charts.map((chart) => (
        <ChartFrame key={chart.id} chart={chart} />
      ))}
    </div>
  );
}
