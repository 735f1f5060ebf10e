import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';
import { FIRST_EXTENSION, generatedUser, writeCallLog, writeUsersList } from './generated-exports';

const SCREENSHOT_DIR = path.resolve('docs/screenshots');
const USER_COUNT = 100_000;
/** Calls in the cancel test's call log: about 100 MB, which loaded for several seconds on a 2-core machine. */
const LARGE_CALL_LOG_ROWS = 600_000;
/** Calls in the two-part test's call log: just over the 1,048,576 records the engine reads per part. */
const TWO_PART_CALL_LOG_ROWS = 1_100_000;
/** Table rows a page may keep in the DOM for the User Table: the window, the overscan and the header. */
const MAX_ROW_ELEMENTS = 300;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.foreignRequests, 'requests that left the extension').toEqual([]);
});

async function openPage(file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.baseUrl}${file}`);
  return page;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user would. */
async function tabTo(page: Page, selector: string, options: { backwards?: boolean; maxPresses?: number } = {}) {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let press = 0; press < (options.maxPresses ?? 250); press += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

/** Reads the KPI cards' raw values, which the cards carry as JSON in `data-value`. */
async function readKpiCards(page: Page): Promise<Record<string, unknown>> {
  const cards = await page
    .locator('#kpi-cards [data-kpi-id]')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-kpi-id'), element.getAttribute('data-value')]));
  return Object.fromEntries(cards.map(([id, value]) => [id, JSON.parse(value ?? 'null')]));
}

/** Waits until no step is running and the report's KPI cards are on screen. */
async function waitForReport(page: Page) {
  await page.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 120_000 });
  await page.locator('#progress').waitFor({ state: 'detached', timeout: 120_000 });
}

async function saveDownload(page: Page, start: () => Promise<unknown>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), start()]);
  const file = path.join(session.tempDir, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('first run', () => {
  test('guide shows before any file', async () => {
    const page = await openPage('options.html');
    await page.locator('#first-run-guide').waitFor();
    expect(await page.locator('#first-run-guide h2').textContent()).toBe('Get your exports out of RingCentral');
    expect(await page.locator('#kpi-cards').count()).toBe(0);
    expect(await page.locator('#period-from').count(), 'period inputs wait for data').toBe(0);

    const template = await saveDownload(page, () => page.click('#usage-template-link'), 'template');
    const header = (await readFile(template, 'utf8')).split('\n')[0];
    expect(header).toContain('channel,time,user_email,user_extension');
    await page.close();
  });
});

describe('workspace by keyboard', () => {
  let page: Page;

  test('keyboard loads the samples', async () => {
    page = await openPage('options.html');
    await tabTo(page, '#load-samples');
    await page.keyboard.press('Enter');
    await waitForReport(page);
    expect(await page.locator('#first-run-guide').count()).toBe(0);
    expect(await page.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
  });

  test('arrow keys switch the channel tabs', async () => {
    await tabTo(page, '#tab-phone');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-video', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-video');
    // Each channel's report is stored for the popup once it has been on screen.
    await expect.poll(() => page.locator('.report-caption').textContent(), { timeout: 60_000 }).toContain('Video report');
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-message', 'aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.report-caption').textContent(), { timeout: 60_000 }).toContain('Message report');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-phone', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-phone');
    await waitForReport(page);
  });

  test('Enter and Space sort a column', async () => {
    await tabTo(page, '#user-table thead th:nth-child(12) button');
    expect(await focusedText(page)).toContain('Number of Calls');
    const header = page.locator('#user-table thead th:nth-child(12)');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Space');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const counts = (await page.locator('#user-table tr.user-row td:nth-child(12)').allTextContents()).map((text) =>
      Number(text.replace(/,/g, '')),
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('typed search narrows the rows', async () => {
    await tabTo(page, '#user-search', { backwards: true });
    const total = await page.locator('#user-count').textContent();
    await page.keyboard.type('avery');
    await expect.poll(() => page.locator('#user-count').textContent()).toMatch(/^\d+ of [\d,]+ rows match$/);
    const names = await page.locator('#user-table tr.user-row td:nth-child(1)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.toLowerCase().includes('avery'))).toBe(true);
    expect(total).toMatch(/^\d+ rows$/);
  });

  test('keyboard downloads the view as CSV', async () => {
    await tabTo(page, '#download-csv');
    const file = await saveDownload(page, () => page.keyboard.press('Enter'), 'view');
    expect(path.basename(file)).toMatch(/^view-Phone_User_Table_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^User Name,User Extension,User Email,/);
    const matching = await page.locator('#user-count').textContent();
    expect(lines.length - 1).toBe(Number(matching?.split(' ')[0]));
    expect(lines.slice(1).every((line) => line.toLowerCase().includes('avery'))).toBe(true);
  });

  test('KPIs sheet holds the chart images', async () => {
    const charts = await page.locator('#charts figure').count();
    const titles = await page.locator('#charts .chart__title').allTextContents();
    expect(charts).toBeGreaterThanOrEqual(4);

    await tabTo(page, '#download-workbook');
    const file = await saveDownload(page, () => page.keyboard.press('Enter'), 'keyboard');
    const kpis = (await readWorkbook(file)).getWorksheet('KPIs');
    expect(kpis?.getImages()).toHaveLength(charts);
    expect(kpis?.getCell('F1').value).toBe(titles[0]);
  });

  test('charts have labels and data tables', async () => {
    const figures = page.locator('#charts figure');
    for (let index = 0; index < (await figures.count()); index += 1) {
      const label = await figures.nth(index).locator('svg').getAttribute('aria-label');
      expect(label?.length ?? 0, `chart ${index} summary`).toBeGreaterThan(20);
    }
    const trend = page.locator('figure[data-chart="trend"]');
    const toggle = trend.locator('button', { hasText: 'Show data' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await trend.locator('button').getAttribute('aria-expanded')).toBe('true');
    expect(await trend.locator('table tbody tr').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    expect(await trend.locator('table').count()).toBe(0);
  });

  test('comparison shows deltas on the cards', async () => {
    await page.fill('#user-search', '');
    await tabTo(page, '#compare-previous', { backwards: true });
    await page.keyboard.press('Space');
    // Under "All data" the previous period lies before the data, so there is nothing to compare.
    await page.locator('#empty-previous-notice').waitFor({ timeout: 60_000 });
    expect(await page.locator('#kpi-cards .kpi-card__delta').count()).toBe(0);
    await page.click('button:has-text("Last 7 days")');
    await waitForReport(page);
    await expect.poll(() => page.locator('.report-caption').textContent()).toContain('compared with');

    const calls = page.locator('#kpi-cards [data-kpi-id="calls"] .kpi-card__delta');
    await calls.waitFor();
    expect(await page.locator('#empty-previous-notice').count()).toBe(0);
    const text = await calls.textContent();
    // An arrow for sight, a word for screen readers, the amount for both: never colour alone.
    expect(text).toMatch(/^(▲ Up \d[\d,.]* \(|▼ Down \d[\d,.]* \(|= No change )/);
    expect(text).toContain('vs previous period');
  });

  test('workspace screenshots in both themes', async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#user-table-scroll').evaluate((element) => {
      element.scrollLeft = 0;
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('combined workbook holds every channel', async () => {
    await page.click('button:has-text("All data")');
    await page.uncheck('#compare-previous');
    await waitForReport(page);
    const file = await saveDownload(page, () => page.click('#download-all'), 'all');
    const workbook = await readWorkbook(file);
    const kpiSheets = workbook.worksheets.filter((sheet) => sheet.name.endsWith(' KPIs'));
    expect(kpiSheets.map((sheet) => sheet.name)).toContain('Phone KPIs');
    for (const sheet of kpiSheets) expect(sheet.getImages().length, `${sheet.name} charts`).toBeGreaterThan(0);
  });

  test('popup shows each channel headline', async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`${session.baseUrl}popup.html`);
    const phone = popup.locator('.popup__channel[data-channel="phone"]');
    await phone.waitFor();
    expect(await popup.locator('.popup__channel h2').allTextContents()).toEqual(['Phone', 'Video', 'Message']);
    expect(await phone.locator('[data-kpi-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-kpi-id')))).toEqual([
      'users',
      'active_users',
      'active_rate',
      'calls',
    ]);
    const cards = await readKpiCards(page);
    const shownUsers = await phone.locator('[data-kpi-id="users"] dd').textContent();
    expect(Number(shownUsers?.replace(/,/g, ''))).toBe(cards.users);
    await popup.locator('main').screenshot({ path: path.join(SCREENSHOT_DIR, 'popup.png') });
    await popup.close();
  });

  test('endpoint rules reach the report', async () => {
    await page.click('#settings summary');
    const rows = page.locator('#endpoint-rules .rule-row');
    const builtIn = await rows.count();
    expect(builtIn).toBeGreaterThan(0);

    await page.click('#add-rule');
    const pattern = rows.last().locator('.rule-pattern');
    // The editor moves the focus in an effect after the new row renders, so the check waits for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('rule-pattern'))).toBe(true);
    await pattern.fill('(?<=rc )app');
    await expect.poll(() => rows.last().locator('.field-error').textContent()).toContain('Lookbehind');
    expect(await page.isDisabled('#settings button[type="submit"]')).toBe(true);

    // "windows" as Room, moved to the top so that it wins over the built-in Windows rule.
    await pattern.fill('windows');
    await rows.last().locator('.rule-endpoint').selectOption('Room');
    for (let position = builtIn + 1; position > 1; position -= 1) {
      await page.click(`button[aria-label="Move rule ${position} up"]`);
    }
    expect(await rows.first().locator('.rule-pattern').inputValue()).toBe('windows');
    await page.click('#settings button[type="submit"]');
    await expect.poll(() => page.locator('#settings form > .form-actions [role="status"]').textContent()).toBe('Settings saved.');
    await expect.poll(async () => (await readKpiCards(page)).top_endpoints, { timeout: 60_000 }).toMatch(/Room/);

    const reopened = await openPage('options.html');
    await reopened.click('#settings summary');
    await expect.poll(() => reopened.locator('#endpoint-rules .rule-pattern').first().inputValue()).toBe('windows');
    await reopened.close();

    await page.click('#reset-rules');
    expect(await rows.count()).toBe(builtIn);
    await page.click('#settings button[type="submit"]');
    await expect.poll(async () => (await readKpiCards(page)).top_endpoints, { timeout: 60_000 }).not.toMatch(/Room/);
  });

  test('unmapped client names get a rule', async () => {
    const rows = page.locator('#endpoint-rules .rule-row');
    const builtIn = await rows.count();
    const patterns = await rows.locator('.rule-pattern').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const windowsRule = patterns.findIndex((pattern) => pattern.includes('windows'));
    expect(windowsRule).toBeGreaterThanOrEqual(0);
    await page.click(`button[aria-label="Delete rule ${windowsRule + 1}"]`);
    await page.click('#settings button[type="submit"]');

    const notice = page.locator('#unmapped-notice');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/counted as Other: .*windows/i);
    await page.click('#settings summary');
    await notice.locator('button', { hasText: 'Map them in Settings' }).click();
    expect(await page.getAttribute('#settings', 'open')).toBe('');

    const unmapped = page.locator('#endpoint-rules .unmapped__list li', { hasText: /windows/i }).first();
    await unmapped.locator('button').click();
    const added = rows.last();
    expect(await added.locator('.rule-pattern').inputValue()).toMatch(/windows/);
    await added.locator('.rule-endpoint').selectOption('RingCentral app for Windows');
    await page.click('#settings button[type="submit"]');
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(0);

    await page.click('#reset-rules');
    expect(await rows.count()).toBe(builtIn);
    await page.click('#settings button[type="submit"]');
    await page.close();
  });
});

describe('User Table of 100,000 users', () => {
  let page: Page;

  test('loads 100,000 users with few row elements', async () => {
    const users = path.join(session.tempDir, 'users-100k.csv');
    const calls = path.join(session.tempDir, 'calls-3-users.csv');
    await writeUsersList(users, USER_COUNT);
    await writeCallLog(calls, 30, [0, 1, 2].map((index) => String(FIRST_EXTENSION + index)));

    page = await openPage('options.html');
    await page.locator('#file-input').setInputFiles([users, calls]);
    await waitForReport(page);
    await expect.poll(() => page.locator('#user-count').textContent(), { timeout: 60_000 }).toBe('100,000 rows');
    expect(await page.locator('#user-table tr').count()).toBeLessThan(MAX_ROW_ELEMENTS);
    expect(await page.getAttribute('#user-table', 'aria-rowcount')).toBe(String(USER_COUNT + 1));
  });

  test('search finds one user', async () => {
    const user = generatedUser(54_321);
    await page.fill('#user-search', user.email);
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('1 of 100,000 rows match');
    expect(await page.locator('#user-table tr.user-row td:nth-child(1)').allTextContents()).toEqual([user.name]);
    await page.fill('#user-search', user.extension);
    await expect.poll(() => page.locator('#user-table tr.user-row td:nth-child(2)').allTextContents()).toEqual([user.extension]);
    await page.fill('#user-search', '');
  });

  test('sort puts the last extension first', async () => {
    const header = page.locator('#user-table thead th:nth-child(2)');
    await header.locator('button').click();
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const extensions = await page.locator('#user-table tr.user-row td:nth-child(2)').allTextContents();
    expect(extensions.slice(0, 3)).toEqual([USER_COUNT - 1, USER_COUNT - 2, USER_COUNT - 3].map((index) => generatedUser(index).extension));
  });

  test('filters keep the matching rows', async () => {
    await page.selectOption('#filter-department', { label: 'Finance (20,000)' });
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('20,000 of 100,000 rows match');
    // Finance is every fifth user from index 3 and Lisbon every fourth from index 2: one user in twenty.
    await page.selectOption('#filter-site', { label: 'Lisbon (25,000)' });
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('5,000 of 100,000 rows match');
    const departments = await page.locator('#user-table tr.user-row td:nth-child(6)').allTextContents();
    const sites = await page.locator('#user-table tr.user-row td:nth-child(7)').allTextContents();
    expect(new Set(departments)).toEqual(new Set(['Finance']));
    expect(new Set(sites)).toEqual(new Set(['Lisbon']));
    // Sorted by extension, descending: the largest index below 100,000 that is 3 mod 5 and 2 mod 4 is 99,998.
    expect(await page.locator('#user-table tr.user-row td:nth-child(2)').first().textContent()).toBe(generatedUser(99_998).extension);

    await page.selectOption('#filter-userStatus', { label: 'Active (3)' });
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('0 of 100,000 rows match');
    await page.click('#clear-filters');
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('100,000 rows');
  });

  test('cancelled report waits for a request', async () => {
    await page.click('button:has-text("Last 30 days")');
    const progress = page.locator('#progress');
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toContain('Computing the Phone report');
    await page.click('#cancel-activity');
    await page.locator('#compute-report').waitFor({ timeout: 60_000 });
    expect(await page.locator('.channel-report').count()).toBe(0);
    await page.locator('#progress').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.locator('#import-summary tbody tr').count(), 'files kept after the cancel').toBe(2);

    await page.click('#compute-report');
    await waitForReport(page);
    await expect.poll(() => page.locator('#user-count').textContent()).toBe('100,000 rows');
  });

  test('scrolling to the end keeps the window small', async () => {
    const scroller = page.locator('#user-table-scroll');
    await scroller.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    // The report since the cancel is in the engine's order, by user name, so the last row is the last user.
    await expect
      .poll(() => page.locator('#user-table tr.user-row td:nth-child(2)').last().textContent())
      .toBe(generatedUser(USER_COUNT - 1).extension);
    expect(await page.locator('#user-table tr').count()).toBeLessThan(MAX_ROW_ELEMENTS);
    await page.close();
  });
});

describe('cancel during a large load', () => {
  test('cancel keeps the earlier files and numbers', async () => {
    const big = path.join(session.tempDir, 'big-call-log.csv');
    await writeCallLog(big, LARGE_CALL_LOG_ROWS, ['101', '102', '103']);

    const page = await openPage('options.html');
    await page.click('#load-samples');
    await waitForReport(page);
    const fileNames = await page.locator('#import-summary tbody th').allTextContents();
    const kpis = await readKpiCards(page);

    await page.locator('#file-input').setInputFiles(big);
    const progress = page.locator('#progress');
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toContain('big-call-log.csv');
    expect(await progress.textContent()).toMatch(/elapsed/);
    await page.click('#cancel-activity');

    await expect.poll(() => page.locator('.notice--dismissable').textContent(), { timeout: 60_000 }).toContain(
      'Loading was cancelled while reading big-call-log.csv',
    );
    await waitForReport(page);
    expect(await page.locator('#import-summary tbody th').allTextContents()).toEqual(fileNames);
    expect(await readKpiCards(page)).toEqual(kpis);
    expect(await page.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
    await page.close();
  });
});

describe('call log in two parts', () => {
  test('second database reads the second part', async () => {
    const users = path.join(session.tempDir, 'two-part-users.csv');
    const calls = path.join(session.tempDir, 'two-part-call-log.csv');
    await writeUsersList(users, 3);
    await writeCallLog(calls, TWO_PART_CALL_LOG_ROWS, [0, 1, 2].map((index) => String(FIRST_EXTENSION + index)));

    const page = await openPage('options.html');
    const warnings: string[] = [];
    page.on('worker', (worker) => worker.on('console', (message) => warnings.push(`${message.type()}: ${message.text()}`)));
    await page.locator('#file-input').setInputFiles([users, calls]);
    await waitForReport(page);

    const kpis = await readKpiCards(page);
    expect(kpis.users).toBe(3);
    expect(kpis.active_users).toBe(3);
    expect(kpis.calls).toBe(TWO_PART_CALL_LOG_ROWS);
    expect(kpis.outbound_calls).toBe(TWO_PART_CALL_LOG_ROWS);
    // Every generated call lasts 0:01:38.
    expect(kpis.talk_minutes).toBeCloseTo((TWO_PART_CALL_LOG_ROWS * 98) / 60, 6);
    expect(warnings.filter((text) => text.includes('part reader')), 'part reader warnings').toEqual([]);
    expect(await page.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
    await page.close();
  });
});
