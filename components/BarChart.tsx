import { CHART_WIDTH, type ChartPalette } from './chart-palette';
import { truncateLabel } from './chart-scale';
import { formatCount } from './format';

export interface Bar {
  label: string;
  value: number;
  /** Bars with the same group are drawn under one group heading, in the order given. */
  group?: string;
}

const LABEL_WIDTH = 200;
const VALUE_WIDTH = 56;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 15;
const GROUP_HEIGHT = 24;
const PADDING = 6;
/** Characters of a label that fit in LABEL_WIDTH at 12 px; longer ones end with "…" and keep a tooltip. */
const MAX_LABEL_CHARS = 30;

/** Returns the drawing's height for these bars. */
export function barChartHeight(bars: readonly Bar[]): number {
  return 2 * PADDING + bars.length * ROW_HEIGHT + groupCount(bars) * GROUP_HEIGHT;
}

function groupCount(bars: readonly Bar[]): number {
  return bars.filter((bar, index) => bar.group !== undefined && bar.group !== bars[index - 1]?.group).length;
}

interface Props {
  bars: Bar[];
  palette: ChartPalette;
  label: string;
}

/** Draws labelled horizontal bars, each with its value at its end, scaled to the largest value. */
export function BarChart({ bars, palette, label }: Props) {
  const height = barChartHeight(bars);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barArea = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const text = { fill: palette.text, fontFamily: palette.font, fontSize: '12px' };

  let y = PADDING;
  const rows = bars.map((bar, index) => {
    const parts = [];
    if (bar.group !== undefined && bar.group !== bars[index - 1]?.group) {
      parts.push(
        <text key={`group-${index}`} x={0} y={y + 16} style={{ ...text, fontWeight: 600 }}>
          {truncateLabel(bar.group, MAX_LABEL_CHARS + 20)}
        </text>,
      );
      y += GROUP_HEIGHT;
    }
    const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barArea);
    const indent = bar.group === undefined ? 0 : 12;
    parts.push(
      <g key={index}>
        <text x={LABEL_WIDTH - 8} y={y + 16} text-anchor="end" style={text}>
          {bar.label.length > MAX_LABEL_CHARS - indent / 6 && <title>{bar.label}</title>}
          {truncateLabel(bar.label || '(none)', MAX_LABEL_CHARS - Math.round(indent / 6))}
        </text>
        <rect x={LABEL_WIDTH} y={y + (ROW_HEIGHT - BAR_HEIGHT) / 2} width={width} height={BAR_HEIGHT} style={{ fill: palette.primary }} />
        <text x={LABEL_WIDTH + width + 6} y={y + 16} style={text}>
          {formatCount(bar.value)}
        </text>
      </g>,
    );
    y += ROW_HEIGHT;
    return parts;
  });

  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${CHART_WIDTH} ${height}`} width={CHART_WIDTH} height={height} role="img" aria-label={label}>
      <rect width={CHART_WIDTH} height={height} style={{ fill: palette.background }} />
      {rows}
    </svg>
  );
}
