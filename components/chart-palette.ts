/** Colours and font of a chart, as CSS values, so one chart component draws for screen and for export. */
export interface ChartPalette {
  /** Bars and the first series. */
  primary: string;
  /** The second series of the trend. */
  secondary: string;
  /** Inactive users in the active/inactive bar. */
  tertiary: string;
  text: string;
  muted: string;
  grid: string;
  /** Fill behind the chart; the exported PNG has no page behind it. */
  background: string;
  font: string;
}

/** Follows the page's light or dark theme through the CSS variables of workspace.css. */
export const SCREEN_PALETTE: ChartPalette = {
  primary: 'var(--chart-1)',
  secondary: 'var(--chart-2)',
  tertiary: 'var(--chart-3)',
  text: 'var(--text)',
  muted: 'var(--muted)',
  grid: 'var(--chart-grid)',
  background: 'transparent',
  font: 'inherit',
};

/**
 * The light theme's colours written out, because an SVG drawn on its own as an image has no access
 * to the page's stylesheet. Workbooks are read on white sheets, so the export is always light.
 */
export const EXPORT_PALETTE: ChartPalette = {
  primary: '#0b5cad',
  secondary: '#a44f00',
  tertiary: '#66707a',
  text: '#1b1f24',
  muted: '#4f5963',
  grid: '#d5dbe1',
  background: '#ffffff',
  font: "system-ui, 'Segoe UI', Roboto, Arial, sans-serif",
};

/** Width of every chart's drawing, in SVG units (pixels when exported). */
export const CHART_WIDTH = 560;
