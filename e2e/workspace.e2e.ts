import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';

const SAMPLE_FILES = [
  'users-list.xlsx',
  'extension-list.json',
  'call-log-detailed.json',
  'call-log-detailed.csv',
  'usage-events.csv',
  'meeting-history.json',
  'messaging-export.zip',
].map((name) => path.resolve('samples', name));
/** "Try the sample data" loads the same files as the drop above. */
const BUNDLED_SAMPLE_COUNT = SAMPLE_FILES.length;

/**
 * Expected KPI values of the sample data for each channel over its full range (KPI id → value), written
 * by test/engine/samples.test.ts. All three channels span 2026-05-04 to 2026-05-22.
 */
const expectedKpisFile = (channel: string) => path.resolve(`test/expected/sample-${channel}-kpis.json`);

const PHONE_USER_TABLE_HEADER = [
  'User Name',
  'User Extension',
  'User Email',
  'Status',
  'User Status',
  'Department',
  'Site',
  'Endpoint',
  'Version',
  'Last Used',
  'Usage Count',
  'Number of Calls',
  'Percent of Calls',
];

let session: ExtensionSession;
let workspace: Page;

beforeAll(async () => {
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.foreignRequests, 'requests that left the extension').toEqual([]);
});

/** Reads the first `count` values of a KPIs sheet's Value column, below its header row. */
function kpiSheetValues(sheet: ExcelJS.Worksheet, count: number): unknown[] {
  return Array.from({ length: count }, (_, index) => sheet.getRow(index + 2).getCell(2).value);
}

/** Reads the KPI cards' raw values, which the cards carry as JSON in `data-value`. */
async function readKpiCards(page: Page): Promise<Record<string, unknown>> {
  const cards = await page
    .locator('#kpi-cards [data-kpi-id]')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-kpi-id'), element.getAttribute('data-value')]));
  return Object.fromEntries(cards.map(([id, value]) => [id, JSON.parse(value ?? 'null')]));
}

async function openPage(file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.baseUrl}${file}`);
  return page;
}

describe('popup before any report', () => {
  test('popup says no report yet', async () => {
    const popup = await openPage('popup.html');
    await expect.poll(() => popup.locator('.popup__empty').textContent()).toBe('No report yet.');
    await popup.click('#download-last');
    await expect
      .poll(() => popup.locator('.popup__status').textContent())
      .toBe('Open the workspace and load your exports first.');
    await popup.close();
  });
});

describe('workspace with the sample exports', () => {
  test('sample files show a Phone report', async () => {
    workspace = await openPage('options.html');
    await workspace.locator('#file-input').setInputFiles(SAMPLE_FILES);
    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 60_000 });

    expect(await workspace.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
    await expect.poll(() => workspace.locator('#import-summary tbody tr').count()).toBe(SAMPLE_FILES.length);
    expect(await workspace.getAttribute('#tab-phone', 'aria-selected')).toBe('true');
    expect(await workspace.inputValue('#period-from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await workspace.locator('button[aria-pressed="true"]').textContent()).toBe('All data');

    const headers = await workspace.locator('#user-table thead th').allTextContents();
    expect(headers.map((header) => header.replace(/[▲▼]/g, '').trim())).toEqual(PHONE_USER_TABLE_HEADER);
    expect(await workspace.locator('#user-table tr.user-row').count()).toBeGreaterThan(0);
  });

  test.each(['video', 'message', 'phone'])('%s KPI cards match the expected values', async (channel) => {
    const expected = JSON.parse(await readFile(expectedKpisFile(channel), 'utf8')) as Record<string, unknown>;
    await workspace.click(`#tab-${channel}`);
    // Each channel has its own set of KPIs, so the cards' identifiers show which report is on screen.
    await expect.poll(async () => Object.keys(await readKpiCards(workspace)), { timeout: 60_000 }).toEqual(Object.keys(expected));
    const cardValues = await readKpiCards(workspace);
    for (const [id, value] of Object.entries(expected)) {
      if (typeof value === 'number') expect(cardValues[id], `KPI ${id}`).toBeCloseTo(value, 9);
      else expect(cardValues[id], `KPI ${id}`).toEqual(value);
    }
  });

  test('combined workbook holds every channel as shown', async () => {
    const [download] = await Promise.all([workspace.waitForEvent('download'), workspace.click('#download-all')]);
    expect(download.suggestedFilename()).toBe('Adoption_and_Usage_2026-05-04_to_2026-05-22.xlsx');
    const file = path.join(session.tempDir, download.suggestedFilename());
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'General metrics',
      'Message KPIs',
      'Message User Table',
      'Video KPIs',
      'Video User Table',
      'Phone KPIs',
      'Phone User Table',
    ]);
    for (const channel of ['message', 'video', 'phone']) {
      const title = channel[0]!.toUpperCase() + channel.slice(1);
      const expected = JSON.parse(await readFile(expectedKpisFile(channel), 'utf8')) as Record<string, unknown>;
      // The sheet names KPIs by label, in the order of the expected file.
      const values = kpiSheetValues(workbook.getWorksheet(`${title} KPIs`)!, Object.keys(expected).length);
      expect(values, `${title} KPIs`).toEqual(Object.values(expected));
      const header = workbook.getWorksheet(`${title} User Table`)!.getRow(1).values as unknown[];
      expect(header.slice(1, 12), `${title} User Table header`).toEqual(PHONE_USER_TABLE_HEADER.slice(0, 11));
    }
  });

  test('workbook download has the three sheets', async () => {
    const [download] = await Promise.all([workspace.waitForEvent('download'), workspace.click('#download-workbook')]);
    expect(download.suggestedFilename()).toMatch(/^Phone_Adoption_and_Usage_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(session.tempDir, download.suggestedFilename());
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['General metrics', 'KPIs', 'User Table']);
    const header = workbook.getWorksheet('User Table')?.getRow(1).values;
    // exceljs row values are 1-based: index 0 is always empty.
    expect(Array.isArray(header) ? header.slice(1) : header).toEqual(PHONE_USER_TABLE_HEADER);
  });

  test('saved author reaches the workbook', async () => {
    await workspace.click('#settings summary');
    await workspace.fill('#author-name', 'Dana Admin');
    await workspace.fill('#author-extension', '0101');
    await workspace.click('button:has-text("Save settings")');
    await expect.poll(() => workspace.locator('#settings form > .form-actions [role="status"]').textContent()).toBe('Settings saved.');

    const [download] = await Promise.all([workspace.waitForEvent('download'), workspace.click('#download-workbook')]);
    const file = path.join(session.tempDir, `author-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const general = workbook.getWorksheet('General metrics');
    const valueOf = (label: string) => {
      const row = general?.getRows(1, general.rowCount)?.find((candidate) => candidate.getCell(1).value === label);
      return row?.getCell(2).value;
    };
    expect(valueOf('User name')).toBe('Dana Admin');
    expect(valueOf('User Extension')).toBe('0101');

    const reopened = await openPage('options.html');
    await reopened.click('#settings summary');
    await expect.poll(() => reopened.inputValue('#author-name')).toBe('Dana Admin');
    await reopened.close();
  });

  test('user search filters by name, e-mail or extension', async () => {
    // The table renders only the rows in its scroll window, so these counts are of rows in the DOM.
    const rows = workspace.locator('#user-table tr.user-row');
    const total = await rows.count();
    const firstExtension = await workspace.locator('#user-table tr.user-row td:nth-child(2)').first().textContent();
    await workspace.fill('#user-search', firstExtension ?? '');
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(total);
    const extensions = await workspace.locator('#user-table tr.user-row td:nth-child(2)').allTextContents();
    expect(extensions.every((extension) => extension.includes(firstExtension ?? ''))).toBe(true);
    await workspace.fill('#user-search', 'no such user anywhere');
    await expect.poll(() => rows.count()).toBe(0);
    await workspace.fill('#user-search', '');
    await expect.poll(() => rows.count()).toBe(total);
  });

  test('user table sorts by a clicked header', async () => {
    const header = workspace.locator('#user-table thead th', { hasText: 'Number of Calls' });
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const counts = (await workspace.locator('#user-table tr.user-row td:nth-child(12)').allTextContents()).map((text) =>
      Number(text.replace(/,/g, '')),
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('period preset narrows the period', async () => {
    const allTo = await workspace.inputValue('#period-to');
    await workspace.click('button:has-text("Last 7 days")');
    await expect.poll(() => workspace.inputValue('#period-to')).toBe(allTo);
    const from = await workspace.inputValue('#period-from');
    const days = (Date.parse(allTo) - Date.parse(from)) / 86_400_000;
    expect(days).toBe(6);
    await expect.poll(() => workspace.locator('.report-caption').textContent()).toContain('times in');
    await workspace.click('button:has-text("All data")');
  });

  test('popup forwards download to workspace', async () => {
    const popup = await openPage('popup.html');
    await expect.poll(() => popup.locator('.popup__kpi').count()).toBeGreaterThan(0);
    expect(await popup.locator('#last-phone-heading').textContent()).toBe('Phone');
    const [download] = await Promise.all([workspace.waitForEvent('download'), popup.click('#download-last')]);
    expect(download.suggestedFilename()).toMatch(/^Phone_Adoption_and_Usage_.*\.xlsx$/);
  });

  test('unreadable file shows an error panel', async () => {
    const bad = path.join(session.tempDir, 'not-an-export.csv');
    await writeFile(bad, 'colour,flavour\nblue,mint\n');
    await workspace.locator('#file-input').setInputFiles(bad);
    // No format recognises it, so the column mapping form opens first.
    await workspace.locator('#column-mapping button', { hasText: 'Skip this file' }).click();
    const panel = workspace.locator('.error-panel', { hasText: 'not-an-export.csv' });
    await panel.waitFor();
    expect(await panel.locator('.error-panel__message').textContent()).toContain('not-an-export.csv');
    await panel.locator('button', { hasText: 'Dismiss' }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  test('Remove drops a file from the summary', async () => {
    const rows = workspace.locator('#import-summary tbody tr');
    const before = await rows.count();
    await workspace.click('#import-summary tbody tr:last-child button:has-text("Remove")');
    await expect.poll(() => rows.count()).toBe(before - 1);
  });

  test('sample button replaces the loaded files', async () => {
    await workspace.click('#load-samples');
    await expect.poll(() => workspace.locator('#import-summary tbody tr').count(), { timeout: 60_000 }).toBe(
      BUNDLED_SAMPLE_COUNT,
    );
    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor();
  });
});
