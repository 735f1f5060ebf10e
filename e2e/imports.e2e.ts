import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';

/** A call export of another system: no format recognises its header. */
const OTHER_HEADER = 'Started at;Agent mail;Client app;App build;Way';
const FIRST_FILE = [
  OTHER_HEADER,
  '2025-03-04T09:14:07Z;alice@example.com;Desk phone;1.2.30;incoming',
  '2025-03-04T10:00:00Z;bob@example.com;RingCentral for Windows;24.10;outgoing',
  '2025-03-05T11:30:00Z;alice@example.com;Desk phone;1.2.30;outgoing',
].join('\n');
/** Dropped with FIRST_FILE: it waits for the same mapping. */
const SAME_HEADER_FILE = [OTHER_HEADER, '2025-03-06T08:00:00Z;dan@example.com;Web;25.1.0;incoming'].join('\n');
/** Dropped after the mapping was saved. */
const SECOND_FILE = [OTHER_HEADER, '2025-03-06T08:00:00Z;carol@example.com;Web;25.1.0;incoming'].join('\n');

let session: ExtensionSession;
let workspace: Page;

beforeAll(async () => {
  session = await launchExtension();
  workspace = await session.context.newPage();
  await workspace.goto(`${session.baseUrl}options.html`);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.foreignRequests, 'requests that left the extension').toEqual([]);
});

async function writeExport(name: string, text: string): Promise<string> {
  const file = path.join(session.tempDir, name);
  await writeFile(file, text);
  return file;
}

const summaryRows = () => workspace.locator('#import-summary tbody tr');

/** Reads the column mappings from the extension's storage, as JSON. */
async function storedMappings(): Promise<string> {
  const stored = await workspace.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('columnMappings'),
  );
  return JSON.stringify(stored);
}

describe('unrecognised CSV', () => {
  test('form maps columns and loads', async () => {
    const files = [await writeExport('other-calls.csv', FIRST_FILE), await writeExport('other-calls-b.csv', SAME_HEADER_FILE)];
    await workspace.locator('#file-input').setInputFiles(files);

    const form = workspace.locator('#column-mapping');
    await form.waitFor({ timeout: 60_000 });
    expect(await form.locator('h2').textContent()).toBe('Map the columns of other-calls.csv');
    expect(await form.locator('#mapping-samples tbody th').allTextContents()).toEqual(OTHER_HEADER.split(';'));
    expect(await form.locator('#mapping-samples tbody tr').first().locator('td').textContent()).toContain('2025-03-04T09:14:07Z');

    await form.locator('button[type="submit"]').click();
    const problems = await form.locator('#mapping-problems li').allTextContents();
    expect(problems).toContain('Choose the column that holds the time of each use.');
    expect(problems).toContain('Choose the column that holds the channel, or one channel for the whole file.');
    expect(await summaryRows().count()).toBe(0);

    await form.locator('#map-channel').selectOption('every:phone');
    await form.locator('#map-time').selectOption('Started at');
    await form.locator('#map-user_email').selectOption('Agent mail');
    await form.locator('#map-endpoint').selectOption('Client app');
    await form.locator('#map-version').selectOption('App build');
    await form.locator('#map-direction').selectOption('Way');
    await form.locator('button[type="submit"]').click();

    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 60_000 });
    // Both files had the same header, so the one mapping loaded both.
    await expect.poll(() => summaryRows().count()).toBe(2);
    expect(await form.count()).toBe(0);
    expect(await summaryRows().locator('th').allTextContents()).toEqual(['other-calls.csv', 'other-calls-b.csv']);
    expect(await summaryRows().first().locator('td').first().textContent()).toBe('Usage events (CSV), columns mapped by hand');
    expect(await workspace.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
  });

  test('same header loads without form', async () => {
    await workspace.locator('#file-input').setInputFiles(await writeExport('other-calls-2.csv', SECOND_FILE));

    await expect.poll(() => summaryRows().count(), { timeout: 60_000 }).toBe(3);
    expect(await workspace.locator('#column-mapping').count()).toBe(0);
    const notes = await summaryRows().nth(2).locator('.notes li').allTextContents();
    expect(notes.some((note) => /^Read as usage events with the column mapping saved on \d{4}-\d{2}-\d{2} for this header/.test(note))).toBe(true);
  });

  test('saved mapping is listed and forgotten', async () => {
    await workspace.click('#settings summary');
    const saved = workspace.locator('#saved-mappings li');
    expect(await saved.count()).toBe(1);
    expect(await saved.first().textContent()).toContain('Started at, Agent mail, Client app, App build, Way');

    expect(await storedMappings()).not.toContain('@example.com');

    await saved.first().locator('button').click();
    await expect.poll(() => saved.count()).toBe(0);
    await workspace.click('#settings summary');
  });
});

describe('engine worker lost', () => {
  test('closed worker is replaced and files reloaded', async () => {
    const engineWorker = workspace.workers().find((worker) => worker.url().includes('engine.worker'));
    expect(engineWorker, 'the engine worker').toBeDefined();

    // The worker closes itself after the evaluation returns, as if it had crashed.
    await engineWorker!.evaluate(() => {
      setTimeout(() => (self as unknown as { close(): void }).close(), 0);
    });

    const notice = workspace.locator('.notice[role="status"] p');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/^The report engine stopped unexpectedly/);
    expect(await notice.textContent()).toContain('the 3 files loaded before are being loaded again');
    await expect.poll(() => workspace.locator('.progress-panel').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => summaryRows().count()).toBe(3);
    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 60_000 });
    expect(await workspace.locator('[role="alert"]').allTextContents(), 'error panels').toEqual([]);
  });
});

/** Builds an app-usage export of another meeting client, whose header no format recognises. The first row's time is `time`. */
function appUsage(time: string): string {
  return [
    'Person,When,Client,Build,Kind',
    `avery.stone@example.com,${time},Zoomy Desktop,6.1.2,video`,
    'blake.ortiz@example.com,2026-05-05 09:10,Zoomy Mobile,6.0.9,video',
    'casey.lin@example.com,2026-05-05 09:10,Zoomy Web,6.1.0,video',
    'drew.park@example.com,2026-05-05 09:10,Zoomy Desktop,6.1.2,video',
  ].join('\n');
}

describe('wrong column mapping', () => {
  const form = () => workspace.locator('#column-mapping');
  const failurePanel = (fileName: string) => workspace.locator('.error-panel', { hasText: `${fileName} was not loaded` });

  test('failed mapping is not saved', async () => {
    await workspace.locator('#file-input').setInputFiles(await writeExport('app-usage-1.csv', appUsage('2026-05-05 09:10')));
    await form().waitFor({ timeout: 60_000 });
    await form().locator('#map-channel').selectOption('every:video');
    await form().locator('#map-time').selectOption('Person');
    await form().locator('#map-user_email').selectOption('Person');
    await form().locator('#map-endpoint').selectOption('Client');
    await form().locator('button[type="submit"]').click();

    const panel = failurePanel('app-usage-1.csv');
    await panel.waitFor({ timeout: 60_000 });
    const message = await panel.locator('.error-panel__message').textContent();
    expect(message).toMatch(/^app-usage-1\.csv, line 2, column "Person": the time could not be read \(value "avery\.stone@example\.com"\)\./);
    expect(message).toContain('It reads time and user_email from the column "Person".');
    expect(await form().count()).toBe(0);
    expect(await storedMappings()).not.toContain('Person');
  });

  test('correct button reopens the form', async () => {
    await failurePanel('app-usage-1.csv').getByRole('button', { name: 'Correct the column mapping' }).click();

    await form().waitFor();
    expect(await form().locator('#map-channel').inputValue()).toBe('every:video');
    expect(await form().locator('#map-time').inputValue()).toBe('Person');
    expect(await form().locator('#map-endpoint').inputValue()).toBe('Client');
    expect(await form().locator('#mapping-failure').textContent()).toContain('The column "Person" is chosen for: Time of use (required); User e-mail');
    expect(await failurePanel('app-usage-1.csv').count()).toBe(0);

    await form().getByRole('button', { name: 'Skip this file' }).click();
    await failurePanel('app-usage-1.csv').getByRole('button', { name: 'Dismiss' }).click();
  });

  test('next drop opens the form and saves', async () => {
    const loadedBefore = await summaryRows().count();
    await workspace.locator('#file-input').setInputFiles(await writeExport('app-usage-1.csv', appUsage('2026-05-05 09:10')));

    await form().waitFor({ timeout: 60_000 });
    expect(await form().locator('h2').textContent()).toBe('Map the columns of app-usage-1.csv');
    await form().locator('#map-channel').selectOption('Kind');
    await form().locator('#map-time').selectOption('When');
    await form().locator('#map-user_email').selectOption('Person');
    await form().locator('#map-endpoint').selectOption('Client');
    await form().locator('button[type="submit"]').click();

    await expect.poll(() => summaryRows().count(), { timeout: 60_000 }).toBe(loadedBefore + 1);
    await expect.poll(() => storedMappings()).toContain('"header":["Person","When","Client","Build","Kind"]');
    expect(await workspace.locator('.error-panel').count()).toBe(0);
  });

  test('saved mapping failure names it', async () => {
    await workspace.locator('#file-input').setInputFiles(await writeExport('app-usage-2.csv', appUsage('soon')));

    const panel = failurePanel('app-usage-2.csv');
    await panel.waitFor({ timeout: 60_000 });
    const message = await panel.locator('.error-panel__message').textContent();
    expect(message).toMatch(/^app-usage-2\.csv, line 2, column "When": the time could not be read \(value "soon"\)\./);
    expect(message).toMatch(/the column mapping saved on \d{4}-\d{2}-\d{2} for the columns Person, When, Client, Build, Kind\./);
    expect(message).toContain('forget it in Settings → Saved column mappings.');

    await panel.getByRole('button', { name: 'Correct the column mapping' }).click();
    await form().waitFor();
    expect(await form().locator('#map-time').inputValue()).toBe('When');
    expect(await form().locator('#map-channel').inputValue()).toBe('Kind');
  });
});
