import { render, type VNode } from 'preact';
import type { ChannelReport, ChartImage } from '../lib/engine/types';
import { reportCharts } from './channel-charts';
import { EXPORT_PALETTE } from './chart-palette';

/** Pixels per SVG unit in the PNG, so the picture stays sharp when Excel or a screen enlarges it. */
const PNG_SCALE = 2;

/** Draws the report's charts in the light palette and encodes each as PNG for the workbook's KPIs sheet. */
export async function chartImages(report: ChannelReport): Promise<ChartImage[]> {
  const images: ChartImage[] = [];
  for (const chart of reportCharts(report)) {
    const png = await svgToPng(svgMarkup(chart.draw(EXPORT_PALETTE)));
    images.push({ title: chart.title, png, channel: report.channel });
  }
  return images;
}

/** Renders a chart's SVG element outside the page and returns its markup. */
function svgMarkup(drawing: VNode): string {
  const host = document.createElement('div');
  render(drawing, host);
  const svg = host.querySelector('svg');
  if (svg === null) throw new Error('The chart drew no SVG element.');
  const markup = new XMLSerializer().serializeToString(svg);
  render(null, host);
  return markup;
}

/**
 * Draws SVG markup on a canvas and encodes it as PNG. The image loads from a blob URL of the page's
 * own origin, which the extension's content security policy allows and which leaves the canvas
 * readable (not tainted).
 */
export async function svgToPng(markup: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * PNG_SCALE);
    canvas.height = Math.round(image.naturalHeight * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('The browser gave no 2D canvas to draw the chart on.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('The browser could not encode the chart as PNG.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
