import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';

// Hand-made exports whose channels cover different dates in America/New_York: meetings Mar 1-15
// (one meeting starts on Mar 2 in UTC but Mar 1 in New York), messages Mar 2-15, calls Mar 3-9.
const FIXTURES = path.resolve('e2e/fixtures/mixed-ranges');
const FILES = ['users.csv', 'extensions.json', 'meetings1.json', 'meetings2.json', 'export.zip', 'phone-events.csv'].map(
  (name) => path.join(FIXTURES, name),
);
// Screenshots for a person to look at; .output/ is not committed.
const SCREENSHOT_DIR = path.resolve('.output/e2e-screenshots');

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchExtension();
  page = await session.context.newPage();
  await page.goto(`${session.baseUrl}options.html`);
  await page.locator('#file-input').setInputFiles(FILES);
  await waitForReport();
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.foreignRequests, 'requests that left the extension').toEqual([]);
});

async function waitForReport() {
  await page.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 120_000 });
  await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
}

async function setPeriod(from: string, to: string) {
  await page.fill('#period-from', from);
  await page.locator('#period-from').dispatchEvent('change');
  await page.fill('#period-to', to);
  await page.locator('#period-to').dispatchEvent('change');
  await expect.poll(() => page.locator('.report-caption').textContent(), { timeout: 60_000 }).not.toContain('updating');
  await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
}

async function kpiSheetValue(workbook: ExcelJS.Workbook, sheet: string, label: string): Promise<unknown> {
  let value: unknown;
  workbook.getWorksheet(sheet)!.eachRow((row) => {
    if (row.getCell(1).value === label) value = row.getCell(2).value;
  });
  return value;
}

describe('channels with different ranges of dates', () => {
  test('All data combined workbook covers every channel', async () => {
    expect(await page.getAttribute('#tab-phone', 'aria-selected')).toBe('true');
    expect(await page.inputValue('#period-from')).toBe('2026-03-03');
    await expect.poll(() => page.locator('#combined-period').textContent()).toContain('Mar 1 – 15, 2026');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#download-all')]);
    expect(download.suggestedFilename()).toBe('Adoption_and_Usage_2026-03-01_to_2026-03-15.xlsx');
    const file = path.join(session.tempDir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // Each channel's sheet contains what its own tab shows under "All data".
    for (const [channel, title, kpiId, label] of [
      ['message', 'Message', 'messages_sent', 'Messages sent'],
      ['video', 'Video', 'meetings', 'Meetings'],
    ] as const) {
      await page.click(`#tab-${channel}`);
      await expect.poll(() => page.locator(`[data-kpi-id="${kpiId}"]`).count(), { timeout: 60_000 }).toBe(1);
      const shown = JSON.parse((await page.getAttribute(`[data-kpi-id="${kpiId}"]`, 'data-value')) ?? 'null');
      expect(await kpiSheetValue(workbook, `${title} KPIs`, label), `${title} ${label}`).toBe(shown);
    }
    // The command line's combined workbook of the same files counts 9 messages.
    expect(await kpiSheetValue(workbook, 'Message KPIs', 'Messages sent')).toBe(9);
    await page.click('#tab-phone');
    await expect.poll(() => page.locator('[data-kpi-id="calls"]').count(), { timeout: 60_000 }).toBe(1);
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('section[aria-labelledby="download-heading"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'download-all-data.png') });
  });

  test('period without data shows a notice', async () => {
    await setPeriod('2020-01-01', '2020-01-07');
    const notice = page.locator('#empty-period-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('No Phone data in Jan 1 – 7, 2020.');
    expect(await notice.textContent()).toContain('which covers Mar 3 – 9, 2026');
    await page.locator('.channel-report').screenshot({ path: path.join(SCREENSHOT_DIR, 'empty-period.png') });

    await page.click('#show-all-data');
    await expect.poll(() => page.inputValue('#period-from'), { timeout: 60_000 }).toBe('2026-03-03');
    expect(await page.locator('button[aria-pressed="true"]').textContent()).toBe('All data');
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(0);
  });

  test('import summary dates follow the time zone', async () => {
    const meetingsRow = page.locator('#import-summary tbody tr', { hasText: 'meetings1.json' });
    // Its first meeting starts at 2026-03-02T04:00Z: 23:00 on Mar 1 in New York.
    await expect.poll(() => meetingsRow.locator('td.nowrap').textContent()).toBe('Mar 1 – 9, 2026');
    await page.locator('#import-summary').screenshot({ path: path.join(SCREENSHOT_DIR, 'import-summary.png') });

    await page.selectOption('#time-zone', 'Asia/Tokyo');
    await expect.poll(() => meetingsRow.locator('td.nowrap').textContent(), { timeout: 60_000 }).toBe('Mar 2 – 9, 2026');
    await page.selectOption('#time-zone', 'America/New_York');
    await expect.poll(() => meetingsRow.locator('td.nowrap').textContent(), { timeout: 60_000 }).toBe('Mar 1 – 9, 2026');
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
  });

  test('one of a unit reads singular', async () => {
    // Mar 9 has one call, by Frank Fox.
    await setPeriod('2026-03-09', '2026-03-09');
    await expect.poll(() => page.getAttribute('[data-kpi-id="calls"]', 'data-value'), { timeout: 60_000 }).toBe('1');
    expect(await page.locator('[data-kpi-id="calls"] .kpi-card__unit').textContent()).toBe(' call');
    expect(await page.locator('[data-kpi-id="active_users"] .kpi-card__unit').textContent()).toBe(' user');
    expect(await page.locator('[data-kpi-id="active_days_per_active_user"] .kpi-card__unit').textContent()).toBe(' day');
    await page.locator('#kpi-cards').screenshot({ path: path.join(SCREENSHOT_DIR, 'singular-units.png') });
  });

  test('comparison with an empty previous period says so', async () => {
    // Mar 3-9 is Phone's "All data"; the seven days before it have no calls.
    await setPeriod('2026-03-03', '2026-03-09');
    await page.check('#compare-previous');
    const notice = page.locator('#empty-previous-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('The previous period, Feb 24 – Mar 2, 2026, has no Phone data');
    expect(await page.locator('#kpi-cards .kpi-card__delta').count()).toBe(0);
    await page.locator('.channel-report').screenshot({ path: path.join(SCREENSHOT_DIR, 'empty-previous.png') });

    // Mar 9 compared with Mar 8, which has one call: the deltas come back.
    await setPeriod('2026-03-09', '2026-03-09');
    await expect.poll(() => page.locator('#kpi-cards .kpi-card__delta').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await notice.count()).toBe(0);
    await page.uncheck('#compare-previous');
  });

  test('custom period combined workbook keeps it', async () => {
    await setPeriod('2026-03-04', '2026-03-06');
    await expect.poll(() => page.locator('#combined-period').textContent()).toContain('Mar 4 – 6, 2026');
  });
});

describe('layout at 1280 px', () => {
  beforeAll(async () => {
    await page.click('button:has-text("All data")');
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
  });

  test('file names stay whole', async () => {
    // Open notes widen their column the most, which squeezed the names before.
    await page.locator('#import-summary details.notes-toggle').evaluateAll((toggles) => {
      for (const toggle of toggles) (toggle as HTMLDetailsElement).open = true;
    });
    const lineCounts = await page.locator('#import-summary tbody th.file-name').evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        return [cell.textContent, lines.size];
      }),
    );
    expect(lineCounts).toEqual(FILES.map((file) => [path.basename(file), 1]));
    await page.locator('#import-summary').screenshot({ path: path.join(SCREENSHOT_DIR, 'import-summary-notes.png') });
  });

  test('Video User Table fits its frame', async () => {
    await page.click('#tab-video');
    await page.locator('#user-table tr.user-row').first().waitFor({ timeout: 60_000 });
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
    const frame = await page.locator('#user-table-scroll').evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
    const headers = await page.locator('#user-table thead th').allTextContents();
    expect(headers.at(-1)?.trim()).toBe('Participant Count');
    // Sorted, the header's arrow must not widen its column.
    await page.click('#user-table thead th:last-child .sort-button');
    const sorted = await page.locator('#user-table-scroll').evaluate((element) => element.scrollWidth);
    expect(sorted).toBeLessThanOrEqual(frame.clientWidth);
    await page.locator('#user-table-scroll').screenshot({ path: path.join(SCREENSHOT_DIR, 'video-user-table.png') });
  });

  test('daily trend labels are evenly spaced', async () => {
    // Phone's "All data" is Mar 3-9: seven days, so a label every second day.
    await page.click('#tab-phone');
    await page.locator('[data-kpi-id="calls"]').waitFor({ timeout: 60_000 });
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
    const labels = await page.locator('[data-chart="trend"] svg text').allTextContents();
    const days = labels.filter((label) => /^Mar \d+$/.test(label)).map((label) => Number(label.slice(4)));
    expect(days).toEqual([3, 5, 7, 9]);
    await page.locator('[data-chart="trend"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-trend.png') });
  });

  test('saved status stays with its channel', async () => {
    await page.click('#tab-message');
    await page.locator('[data-kpi-id="messages_sent"]').waitFor({ timeout: 60_000 });
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
    const status = page.locator('section[aria-labelledby="download-heading"] [role="status"]');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#download-workbook')]);
    await expect.poll(() => status.textContent()).toBe(`Saved ${download.suggestedFilename()} to your downloads.`);

    await page.click('#tab-video');
    await page.locator('[data-kpi-id="meetings"]').waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toBe('');
    await page.click('#tab-message');
    await expect.poll(() => status.textContent()).toContain('Saved Message_');
  });
});
