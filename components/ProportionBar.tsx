import type { ActiveSplit } from './chart-data';
import { CHART_WIDTH, type ChartPalette } from './chart-palette';
import { formatCount, formatFraction } from './format';

export const PROPORTION_BAR_HEIGHT = 72;
const BAR_TOP = 8;
const BAR_HEIGHT = 28;

interface Props {
  split: ActiveSplit;
  palette: ChartPalette;
  label: string;
}

/** Draws the population as one bar split into active and inactive users, each part labelled. */
export function ProportionBar({ split, palette, label }: Props) {
  const total = split.active + split.inactive;
  const activeWidth = total === 0 ? 0 : (split.active / total) * CHART_WIDTH;
  const share = (count: number) => (total === 0 ? '' : ` (${formatFraction(count / total)})`);
  const text = { fill: palette.text, fontFamily: palette.font, fontSize: '13px' };
  const labelY = BAR_TOP + BAR_HEIGHT + 24;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART_WIDTH} ${PROPORTION_BAR_HEIGHT}`}
      width={CHART_WIDTH}
      height={PROPORTION_BAR_HEIGHT}
      role="img"
      aria-label={label}
    >
      <rect width={CHART_WIDTH} height={PROPORTION_BAR_HEIGHT} style={{ fill: palette.background }} />
      <rect x={0} y={BAR_TOP} width={activeWidth} height={BAR_HEIGHT} style={{ fill: palette.primary }} />
      <rect x={activeWidth} y={BAR_TOP} width={CHART_WIDTH - activeWidth} height={BAR_HEIGHT} style={{ fill: palette.tertiary }} />
      <rect x={0} y={labelY - 10} width={10} height={10} style={{ fill: palette.primary }} />
      <text x={16} y={labelY} style={text}>
        Active {formatCount(split.active)}
        {share(split.active)}
      </text>
      <rect x={CHART_WIDTH / 2} y={labelY - 10} width={10} height={10} style={{ fill: palette.tertiary }} />
      <text x={CHART_WIDTH / 2 + 16} y={labelY} style={text}>
        Inactive {formatCount(split.inactive)}
        {share(split.inactive)}
      </text>
    </svg>
  );
}
