import { describe, expect, it } from 'vitest';
import type { Channel, ChartImage, WorkbookRequest } from '../../lib/engine/types';
import { buildChannelWorkbook } from '../../lib/workbook/channel-workbook';
import { CHART_WIDTH_PX } from '../../lib/workbook/chart-images';
import { buildCombinedWorkbook } from '../../lib/workbook/combined-workbook';
import { solidPng } from './chart-png';
import { channelReport, workbookRequest } from './fixtures';
import { readBack, sheet } from './read-back';

function chartsFor(channel?: Channel): ChartImage[] {
  return [
    { title: 'Weekly trend', png: solidPng(960, 540), channel },
    { title: 'Users by endpoint', png: solidPng(480, 200), channel },
  ];
}

async function channelWorkbookWith(charts: ChartImage[] | undefined) {
  const request: WorkbookRequest = { ...workbookRequest('phone'), charts };
  const built = await buildChannelWorkbook({ report: channelReport('phone'), request, productVersion: '0.1.0' });
  return readBack(built.bytes);
}

describe('KPIs sheet charts', () => {
  it('places each chart right of the tables', async () => {
    const workbook = await channelWorkbookWith(chartsFor());
    const images = sheet(workbook, 'KPIs').getImages();

    expect(images).toHaveLength(2);
    // Column F (0-based 5), one empty column after the four KPI columns; each image under its title row.
    expect(images.map((image) => image.range.tl.nativeCol)).toEqual([5, 5]);
    expect(images[0]?.range.tl.nativeRow).toBe(1);
    // 960×540 shown 480 px wide is 270 px high: 14 rows of 20 px, then a blank row and the next title.
    expect(images[1]?.range.tl.nativeRow).toBe(1 + 14 + 1 + 1);
  });

  it('writes each title above its chart', async () => {
    const kpis = sheet(await channelWorkbookWith(chartsFor()), 'KPIs');
    expect(kpis.getCell('F1').value).toBe('Weekly trend');
    expect(kpis.getCell('F1').font?.bold).toBe(true);
    expect(kpis.getCell('F17').value).toBe('Users by endpoint');
  });

  it('keeps the PNG bytes and the aspect ratio', async () => {
    const charts = chartsFor();
    const workbook = await channelWorkbookWith(charts);
    const [first] = sheet(workbook, 'KPIs').getImages();
    const media = workbook.getImage(Number(first?.imageId));
    expect(media.extension).toBe('png');
    expect(new Uint8Array(media.buffer as unknown as Uint8Array)).toEqual(charts[0]?.png);

    const extent = (first as unknown as { range: { ext?: { width: number; height: number } } }).range.ext;
    expect(extent).toEqual({ width: CHART_WIDTH_PX, height: 270 });
  });

  it('leaves the sheet without images when no charts are sent', async () => {
    expect(sheet(await channelWorkbookWith(undefined), 'KPIs').getImages()).toEqual([]);
    expect(sheet(await channelWorkbookWith([]), 'KPIs').getImages()).toEqual([]);
  });

  it('rejects bytes that are not a PNG', async () => {
    const charts = [{ title: 'Broken chart', png: new TextEncoder().encode('<svg></svg> not a png image') }];
    await expect(channelWorkbookWith(charts)).rejects.toThrow('The chart "Broken chart" is not a PNG image');
  });

  it('puts each channel chart on its own KPIs sheet', async () => {
    const { channel: _channel, ...request } = workbookRequest('phone');
    const built = await buildCombinedWorkbook({
      reports: [channelReport('phone'), channelReport('video')],
      request: { ...request, charts: [...chartsFor('phone'), chartsFor('video')[0]!] },
      productVersion: '0.1.0',
    });
    const workbook = await readBack(built.bytes);
    expect(sheet(workbook, 'Phone KPIs').getImages()).toHaveLength(2);
    expect(sheet(workbook, 'Video KPIs').getImages()).toHaveLength(1);
    expect(sheet(workbook, 'Video KPIs').getCell('F1').value).toBe('Weekly trend');
  });
});
