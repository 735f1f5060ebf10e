import type { TrendSeries } from './chart-data';
import { CHART_WIDTH, type ChartPalette } from './chart-palette';
import { evenlySpacedIndexes, niceTicks } from './chart-scale';
import { formatCount } from './format';

const LEFT = 48;
const RIGHT = 12;
const PANEL_TITLE = 22;
const PLOT_HEIGHT = 90;
const PANEL_GAP = 14;
const AXIS_LABELS = 24;
export const TREND_CHART_HEIGHT = 2 * (PANEL_TITLE + PLOT_HEIGHT) + PANEL_GAP + AXIS_LABELS;
const MAX_AXIS_LABELS = 6;

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function formatShortDate(date: string): string {
  return shortDate.format(Date.parse(`${date}T00:00:00Z`));
}

interface Props {
  series: TrendSeries;
  /** Name of the volume series, such as "Calls". */
  volumeName: string;
  palette: ChartPalette;
  /** Accessible summary of the chart. */
  label: string;
}

/**
 * Draws the trend as two panels over one time axis: active users as a line and the channel's volume
 * as columns. Separate panels keep each series on its own honest scale, with no second y-axis.
 */
export function TrendChart({ series, volumeName, palette, label }: Props) {
  const { points } = series;
  const plotWidth = CHART_WIDTH - LEFT - RIGHT;
  const band = plotWidth / Math.max(points.length, 1);
  const center = (index: number) => LEFT + band * (index + 0.5);
  const text = { fill: palette.text, fontFamily: palette.font, fontSize: '12px' };
  const muted = { ...text, fill: palette.muted, fontSize: '11px' };

  function panel(top: number, title: string, values: number[], kind: 'line' | 'columns') {
    const ticks = niceTicks(Math.max(0, ...values));
    const max = ticks.at(-1) ?? 1;
    const plotTop = top + PANEL_TITLE;
    const y = (value: number) => plotTop + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
    const linePath = values.map((value, index) => `${index === 0 ? 'M' : 'L'}${center(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    const color = kind === 'line' ? palette.primary : palette.secondary;
    return (
      <g>
        <text x={LEFT} y={top + 14} style={{ ...text, fontWeight: 600 }}>
          {title}
        </text>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={CHART_WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} style={{ stroke: palette.grid, strokeWidth: 1 }} />
            <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end" style={muted}>
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {kind === 'columns' &&
          values.map((value, index) => (
            <rect
              key={index}
              x={center(index) - Math.min(band * 0.35, 14)}
              width={Math.min(band * 0.7, 28)}
              y={y(value)}
              height={plotTop + PLOT_HEIGHT - y(value)}
              style={{ fill: color }}
            />
          ))}
        {kind === 'line' && values.length > 1 && <path d={linePath} style={{ fill: 'none', stroke: color, strokeWidth: 2.5 }} />}
        {kind === 'line' &&
          values.length <= 31 &&
          values.map((value, index) => <circle key={index} cx={center(index)} cy={y(value)} r={3.5} style={{ fill: color }} />)}
      </g>
    );
  }

  const secondTop = PANEL_TITLE + PLOT_HEIGHT + PANEL_GAP;
  const axisY = secondTop + PANEL_TITLE + PLOT_HEIGHT + 16;
  const unit = series.granularity === 'day' ? 'per day' : 'per week';
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART_WIDTH} ${TREND_CHART_HEIGHT}`}
      width={CHART_WIDTH}
      height={TREND_CHART_HEIGHT}
      role="img"
      aria-label={label}
    >
      <rect width={CHART_WIDTH} height={TREND_CHART_HEIGHT} style={{ fill: palette.background }} />
      {panel(0, `Active users ${unit}`, points.map((point) => point.activeUsers), 'line')}
      {panel(secondTop, `${volumeName} ${unit}`, points.map((point) => point.volume), 'columns')}
      {evenlySpacedIndexes(points.length, MAX_AXIS_LABELS).map((index) => (
        <text key={index} x={center(index)} y={axisY} text-anchor="middle" style={muted}>
          {formatShortDate(points[index]?.start ?? '')}
        </text>
      ))}
    </svg>
  );
}
