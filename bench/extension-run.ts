import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension } from '../e2e/extension';
import { descendantCpuMs, watchDescendantMemory, type MemoryPeak } from './process-usage';

/** A main-thread long task of the workspace page, relative to the drop. */
export interface LongTask {
  startMs: number;
  durationMs: number;
}

/** One run of the built extension in headless Chromium, from opening the workspace to the workbook download. */
export interface ExtensionRunResult {
  /** Opening the workspace until the engine reports ready (the status line empties). */
  startMs: number;
  /** Drop (the input's change event) until a row per file is in the import summary. */
  loadMs: number;
  /** Import summary complete until the first frame with the KPI cards. */
  queryMs: number;
  /** Drop until the first frame with the KPI cards. */
  endToEndMs: number;
  /** Click on the download button until Chromium starts the download. */
  workbookMs: number;
  /**
   * CPU time of all Chromium processes from just before the files are set until the KPI cards are
   * seen, and from the click until the download. The Node side polls, so each may include up to 250 ms more.
   */
  endToEndCpuMs: number;
  workbookCpuMs: number;
  workbookBytes: number;
  /** The User Table's row count as the workspace states it. */
  userRows: number;
  kpis: Record<string, unknown>;
  /** Long tasks from the drop until the KPI cards, and while the workbook was built. */
  loadLongTasks: LongTask[];
  workbookLongTasks: LongTask[];
  memory: MemoryPeak;
}

/** Command names of Chromium's processes on Debian (browser, zygote, renderers, GPU, utilities). */
const CHROMIUM_PROCESS = /^chrom/;

/** Time allowed from the drop to the KPI cards, and for the workbook. */
const STEP_TIMEOUT_MS = 15 * 60_000;

/** Probes the page keeps in `window.__bench`: times from `performance.now()` and the long tasks seen. */
interface Probes {
  changeAt: number | null;
  summaryAt: number | null;
  kpiAt: number | null;
  longTasks: { start: number; duration: number }[];
}

/**
 * Runs the workspace in a fresh Chromium profile on `files`: drops them on `#file-input`, waits for the
 * KPI cards, then downloads the Phone workbook. Times come from the page's own clock, read by
 * observers the benchmark adds to the page; the product itself is not changed.
 */
export async function runExtension(files: readonly string[]): Promise<ExtensionRunResult> {
  const memoryWatch = watchDescendantMemory(CHROMIUM_PROCESS);
  const session = await launchExtension();
  const pageErrors: string[] = [];
  try {
    const page = await session.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const opened = performance.now();
    await page.goto(`${session.baseUrl}options.html`);
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === '', null, { timeout: 60_000, polling: 50 });
    const startMs = performance.now() - opened;

    await page.evaluate(installProbes, files.length);
    const cpuBeforeDrop = descendantCpuMs(CHROMIUM_PROCESS);
    await page.locator('#file-input').setInputFiles([...files]);
    await page.waitForFunction(
      () => (window as unknown as { __bench: Probes }).__bench.kpiAt !== null || document.querySelector('[role="alert"]') !== null,
      null,
      { timeout: STEP_TIMEOUT_MS, polling: 250 },
    );
    const endToEndCpuMs = descendantCpuMs(CHROMIUM_PROCESS) - cpuBeforeDrop;
    const alerts = await page.locator('[role="alert"]').allTextContents();
    if (alerts.length > 0) throw new Error(`The workspace shows an error: ${alerts.join(' | ')}`);
    const probes = await readProbes(page);
    const kpis = await readKpiCards(page);
    const userRows = await readUserRowCount(page);

    const workbookStart = await page.evaluate(() => performance.now());
    const cpuBeforeClick = descendantCpuMs(CHROMIUM_PROCESS);
    const clicked = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      page.click('#download-workbook'),
    ]);
    const workbookMs = performance.now() - clicked;
    const workbookCpuMs = descendantCpuMs(CHROMIUM_PROCESS) - cpuBeforeClick;
    const downloaded = await download.path();
    const workbookBytes = (await stat(downloaded)).size;
    const afterWorkbook = await readProbes(page);

    const changeAt = probes.changeAt!;
    const relative = (task: { start: number; duration: number }): LongTask => ({
      startMs: task.start - changeAt,
      durationMs: task.duration,
    });
    return {
      startMs,
      loadMs: probes.summaryAt! - changeAt,
      queryMs: probes.kpiAt! - probes.summaryAt!,
      endToEndMs: probes.kpiAt! - changeAt,
      workbookMs,
      endToEndCpuMs,
      workbookCpuMs,
      workbookBytes,
      userRows,
      kpis,
      loadLongTasks: probes.longTasks.filter((task) => task.start + task.duration >= changeAt && task.start <= probes.kpiAt!).map(relative),
      workbookLongTasks: afterWorkbook.longTasks.filter((task) => task.start + task.duration >= workbookStart).map(relative),
      memory: memoryWatch.stop(),
    };
  } catch (error) {
    if (pageErrors.length === 0 || !(error instanceof Error)) throw error;
    throw new Error(`${error.message} (page errors: ${pageErrors.slice(-3).join(' | ')})`, { cause: error });
  } finally {
    memoryWatch.stop();
    await session.close();
  }
}

/**
 * Runs in the page: records when the file input changes, when the import summary has a row per file
 * and the first animation frame after the KPI cards appear, and every main-thread long task.
 */
function installProbes(fileCount: number): void {
  const probes: Probes = { changeAt: null, summaryAt: null, kpiAt: null, longTasks: [] };
  (window as unknown as { __bench: Probes }).__bench = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.querySelector('#file-input')?.addEventListener('change', () => (probes.changeAt ??= performance.now()), { capture: true });
  let framePending = false;
  new MutationObserver(() => {
    if (probes.summaryAt === null && document.querySelectorAll('#import-summary tbody tr').length >= fileCount) {
      probes.summaryAt = performance.now();
    }
    if (probes.kpiAt === null && !framePending && document.querySelector('#kpi-cards [data-kpi-id]') !== null) {
      framePending = true;
      requestAnimationFrame(() => (probes.kpiAt = performance.now()));
    }
  }).observe(document.body, { childList: true, subtree: true });
}

async function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(() => {
    const probes = (window as unknown as { __bench: Probes }).__bench;
    return { ...probes, longTasks: [...probes.longTasks] };
  });
}

/** Reads the KPI cards' raw values, which each card carries as JSON in `data-value`. */
async function readKpiCards(page: Page): Promise<Record<string, unknown>> {
  const cards = await page
    .locator('#kpi-cards [data-kpi-id]')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-kpi-id'), element.getAttribute('data-value')]));
  return Object.fromEntries(cards.map(([id, value]) => [id, JSON.parse(value ?? 'null') as unknown]));
}

/** Reads N from the User Table's row count, "N rows" or "Showing 200 of N rows", with no filter set. */
async function readUserRowCount(page: Page): Promise<number> {
  const text = (await page.locator('#user-count').textContent()) ?? '';
  const match = /([\d,]+) rows/.exec(text);
  if (match === null) throw new Error(`The User Table's row count could not be read from "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}
