import type { Buffer as ExcelBuffer, Worksheet } from 'exceljs';
import type { ChartImage } from '../engine/types';
import { EngineError } from '../errors';
import { cleanText } from './cells';

/** Width of a chart on the sheet, in pixels. Its height keeps the PNG's aspect ratio. */
export const CHART_WIDTH_PX = 480;
/** Excel's default row height, 15 points, is 20 pixels at 96 dpi. */
const ROW_HEIGHT_PX = 20;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Places the charts one below the other from the top of `column` (0-based), each under a bold title
 * row and followed by a blank row, floating over the cells so that they never change the tables.
 */
export function addChartImages(worksheet: Worksheet, charts: readonly ChartImage[], column: number): void {
  let row = 0;
  for (const chart of charts) {
    const { width, height } = pngSize(chart);
    const shownHeight = Math.round((height * CHART_WIDTH_PX) / width);

    const title = worksheet.getCell(row + 1, column + 1);
    title.value = cleanText(chart.title);
    title.font = { bold: true };

    // exceljs types the image as a Node Buffer; its zip writer takes any Uint8Array.
    const imageId = worksheet.workbook.addImage({ buffer: chart.png as unknown as ExcelBuffer, extension: 'png' });
    worksheet.addImage(imageId, {
      tl: { col: column, row: row + 1 },
      ext: { width: CHART_WIDTH_PX, height: shownHeight },
      editAs: 'oneCell',
    });
    row += 1 + Math.ceil(shownHeight / ROW_HEIGHT_PX) + 1;
  }
}

/** Reads width and height from the PNG's IHDR chunk, which always comes first. */
function pngSize(chart: ChartImage): { width: number; height: number } {
  const { png, title } = chart;
  const isPng = png.length >= 24 && PNG_SIGNATURE.every((byte, index) => png[index] === byte);
  if (!isPng) {
    throw new EngineError(`The chart "${title}" is not a PNG image. Send charts as PNG bytes (canvas.toBlob with image/png).`);
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) throw new EngineError(`The chart "${title}" is an empty PNG image (${width}×${height} pixels).`);
  return { width, height };
}
