import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { NOT_FROM_DOWNLOADS } from '../lib/report/download-notes';
import { half } from '../test/support/adoption-workbooks';
import { type ExtensionSession, launchExtension } from './extension';

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

function card(id: string) {
  return workspace.locator(`#kpi-cards [data-kpi-id="${id}"]`);
}

describe('workspace with two downloaded workbooks', () => {
  test('two half-years make one Phone year', async () => {
    const files: string[] = [];
    for (const [name, from, to] of [
      ['Phone_H1.xlsx', '2026-01-01', '2026-06-30'],
      ['Phone_H2.xlsx', '2026-07-01', '2026-12-31'],
    ] as const) {
      const file = path.join(session.tempDir, name);
      await writeFile(file, (await half(name, from, to)).bytes);
      files.push(file);
    }

    workspace = await session.context.newPage();
    await workspace.goto(`${session.baseUrl}options.html`);
    await workspace.locator('#file-input').setInputFiles(files);
    await card('users').waitFor({ timeout: 60_000 });

    expect(await workspace.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
    await expect.poll(() => workspace.locator('#import-summary tbody tr').count()).toBe(2);
    expect(await workspace.getAttribute('#tab-phone', 'aria-selected')).toBe('true');
    await expect.poll(() => workspace.inputValue('#period-from')).toBe('2026-01-01');
    expect(await workspace.inputValue('#period-to')).toBe('2026-12-31');

    expect(await card('users').getAttribute('data-value')).toBe('2');
    expect(await card('active_users').getAttribute('data-value')).toBe('1');
    expect(await card('calls').getAttribute('data-value')).toBe('null');
    expect(await card('calls').locator('.kpi-card__missing').textContent()).toBe(NOT_FROM_DOWNLOADS);
    expect(await workspace.locator('#report-notes').textContent()).toContain('Phone is reported from downloaded workbooks');
    await expect.poll(() => workspace.locator('#user-table tr.user-row').count()).toBe(3);
  });

  test('workbook leaves unavailable KPIs empty', async () => {
    const [download] = await Promise.all([workspace.waitForEvent('download'), workspace.click('#download-workbook')]);
    const file = path.join(session.tempDir, download.suggestedFilename());
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const kpis = workbook.getWorksheet('KPIs')!;
    const calls = kpis.getRows(1, kpis.rowCount)!.find((row) => row.getCell(1).value === 'Calls')!;
    expect(calls.getCell(2).value).toBeNull();
    expect(String(calls.getCell(4).value)).toContain(NOT_FROM_DOWNLOADS);
  });

  test('overlapping download shows an error panel', async () => {
    const file = path.join(session.tempDir, 'Phone_Q2.xlsx');
    await writeFile(file, (await half('Phone_Q2.xlsx', '2026-04-01', '2026-06-30')).bytes);
    await workspace.locator('#file-input').setInputFiles(file);
    const panel = workspace.locator('.error-panel', { hasText: 'Phone_Q2.xlsx' });
    await panel.waitFor();
    expect(await panel.locator('.error-panel__message').textContent()).toContain('overlaps Phone_H1.xlsx (2026-01-01 to 2026-06-30)');
    expect(await card('users').getAttribute('data-value')).toBe('2');
  });
});
