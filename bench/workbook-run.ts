import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { WorkbookTiming, WorkbookVariant } from './browser/workbook-page';
import { watchDescendantMemory, type MemoryPeak } from './process-usage';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds the Phone workbook of a made-up report with `users` User Table rows on the main thread of
 * a plain headless Chromium page, in a fresh browser, and returns the time and the browser's peak memory.
 */
export async function runWorkbookPage(users: number, variant: WorkbookVariant): Promise<{ timing: WorkbookTiming; memory: MemoryPeak }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser', 'workbook-page.js');
  const watch = watchDescendantMemory(/^chrom/);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ path: script });
    type Build = (users: number, variant: WorkbookVariant) => Promise<WorkbookTiming>;
    const timing = await page.evaluate(
      ([count, kind]) => (globalThis as unknown as { benchWorkbook: { build: Build } }).benchWorkbook.build(count, kind),
      [users, variant] as const,
    );
    return { timing, memory: watch.stop() };
  } finally {
    watch.stop();
    await browser.close();
  }
}
