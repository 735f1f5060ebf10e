import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkManifest } from '../scripts/package-rules.mjs';
import { EXTENSION_DIR, type ExtensionSession, launchExtension } from './extension';
import { readNetLogTraffic } from './net-log';
import { NetworkRecorder } from './network-recorder';

// The privacy promise, checked on the built Chrome extension: it requests no host permissions, runs no
// remote code, sends no request outside its own origin during a whole session, and stores no data
// about the people in the exports.

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self' blob:";

/**
 * The `browser.storage.local` keys the extension may write. Before adding one, check that what it contains
 * is settings or aggregates, never names, e-mail addresses, extensions or rows.
 */
const ALLOWED_STORAGE_KEYS = ['settings', 'lastReport', 'lastReports', 'columnMappings'];

/** The administrator saved in Settings; neither value occurs in the samples. */
const AUTHOR = { name: 'Dana Admin', extension: '0999' };

interface SamplePerson {
  name: string;
  extension: string;
  email: string;
}

let session: ExtensionSession;
/** Folder of Chromium's NetLog, outside the session's folder, which closing the session removes. */
let netLogDir: string;
let recorder: NetworkRecorder;
let workspace: Page;
/**
 * The `data:` URLs Chromium's own stylesheet requests for `<input type="date">` (its calendar icon),
 * found on a blank page; the period picker uses date inputs. Any other `data:` URL counts as foreign.
 */
let browserDataUrls: string[] = [];
/** Requests the route handler aborted because they were for another origin. */
const routedAway: string[] = [];
/** Service workers that started, whatever their origin; the extension has none. */
const serviceWorkers: string[] = [];

function isOwnUrl(url: string): boolean {
  return url.startsWith(session.baseUrl) || url.startsWith(`blob:${session.baseUrl}`) || browserDataUrls.includes(url);
}

/** Returns the `data:` URLs a blank page requests for a date input, which come from Chromium itself. */
async function findBrowserDataUrls(): Promise<string[]> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Network.requestWillBeSent', ({ request }) => urls.push(request.url));
  await cdp.send('Network.enable');
  await page.setContent('<input type="date" value="2026-01-01">');
  // The icon loads once the input is laid out; wait for it for up to five seconds.
  for (let waited = 0; urls.length === 0 && waited < 5_000; waited += 100) await page.waitForTimeout(100);
  await cdp.detach();
  await page.close();
  return urls.filter((url) => url.startsWith('data:'));
}

/** Returns every request outside the extension's origin that any listener saw, with where it was seen. */
function foreignRequests(): string[] {
  // Entries read `<target type> <kind> <url>`, and a data: URL may contain spaces.
  const recorded = recorder.requests.filter((entry) => !isOwnUrl(entry.split(' ').slice(2).join(' ')));
  return [...session.foreignRequests, ...routedAway, ...recorded, ...serviceWorkers];
}

/** Opens an extension page with the DevTools recorder attached before it loads anything. */
async function openExtensionPage(file: string): Promise<Page> {
  const page = await session.context.newPage();
  await recorder.attach(session.context, page);
  await page.goto(`${session.baseUrl}${file}`);
  return page;
}

/** The part of the extension API that `storedData` calls in the page; the project has no typings for `chrome`. */
interface ExtensionGlobal {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
}

/** Reads the extension's whole `storage.local` from one of its pages. */
async function storedData(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null));
}

/** Returns every string inside a JSON value, at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Reads the people of the sample exports from the extension list (JSON) and the users list (CSV). */
async function samplePeople(): Promise<SamplePerson[]> {
  const extensionList = JSON.parse(await readFile(path.resolve('samples/extension-list.json'), 'utf8')) as {
    records: Array<{ name: string; extensionNumber: string; contact?: { email?: string } }>;
  };
  const fromJson = extensionList.records.map((record) => ({
    name: record.name,
    extension: record.extensionNumber,
    email: record.contact?.email ?? '',
  }));
  // The users list has a title line, then the header `Name,Ext,Email,…`; no field is quoted.
  const csvLines = (await readFile(path.resolve('samples/users-list.csv'), 'utf8')).split(/\r?\n/).slice(2);
  const fromCsv = csvLines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', extension = '', email = ''] = line.split(',');
      return { name, extension, email };
    });
  return [...fromJson, ...fromCsv];
}

/** Waits until the selected channel's panel shows a finished report or the message that the channel has no data. */
async function waitForChannelPanel(page: Page): Promise<'report' | 'no data'> {
  const panel = page.locator('#channel-tabpanel');
  const readState = async (): Promise<'report' | 'no data' | 'error' | 'pending'> => {
    if ((await panel.locator('[role="alert"]').count()) > 0) return 'error';
    if ((await panel.locator('.channel-report:not([aria-busy="true"]) #kpi-cards [data-kpi-id]').count()) > 0) return 'report';
    const emptyState = (await panel.locator('.empty-state').allTextContents()).join(' ');
    return /^Load .+ to see this channel\.$/.test(emptyState) ? 'no data' : 'pending';
  };
  await expect.poll(readState, { timeout: 60_000 }).not.toBe('pending');
  const state = await readState();
  expect(state, (await panel.locator('[role="alert"]').allTextContents()).join('\n')).not.toBe('error');
  return state === 'report' ? 'report' : 'no data';
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(session.tempDir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function worksheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => sheet.name);
}

beforeAll(async () => {
  netLogDir = await mkdtemp(path.join(tmpdir(), 'adoption-lens-net-log-'));
  session = await launchExtension({
    extraArgs: [`--log-net-log=${path.join(netLogDir, 'net-log.json')}`, '--net-log-capture-mode=Default'],
  });
  browserDataUrls = await findBrowserDataUrls();
  recorder = new NetworkRecorder();
  // Pages' requests to another origin are aborted, so that a leak fails here rather than reaching the network.
  await session.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isOwnUrl(url)) {
      await route.continue();
    } else {
      routedAway.push(`route ${url}`);
      await route.abort('blockedbyclient');
    }
  });
  session.context.on('serviceworker', (worker) => serviceWorkers.push(`service worker ${worker.url()}`));
});

afterAll(async () => {
  await session?.close();
  if (netLogDir) await rm(netLogDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(foreignRequests(), 'requests that left the extension').toEqual([]);
  expect(recorder.errors, 'DevTools commands that failed, leaving a target unrecorded').toEqual([]);
});

describe('built manifest', () => {
  test('manifest asks for storage only', async () => {
    const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(checkManifest(manifest)).toEqual([]);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.content_security_policy).toEqual({ extension_pages: EXPECTED_CSP });
  });
});

describe('a whole session stays inside the extension', () => {
  test('sample data shows the Phone report', async () => {
    workspace = await openExtensionPage('options.html');
    await workspace.click('#load-samples');
    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 60_000 });
    expect(await workspace.getAttribute('#tab-phone', 'aria-selected')).toBe('true');
    expect(await waitForChannelPanel(workspace)).toBe('report');
  });

  test('recorder sees the engine worker', () => {
    // DuckDB fetches its wasm from the engine worker: seeing that request shows that worker traffic is recorded.
    expect(recorder.targets.some((target) => /^worker .*engine\.worker-[^/]+\.js$/.test(target)), recorder.targets.join('\n')).toBe(true);
    expect(recorder.requests.some((entry) => /^worker request .*\/duckdb-eh-[^/]+\.wasm$/.test(entry))).toBe(true);
  });

  test('every channel tab shows its panel', async () => {
    const tabs = workspace.locator('[role="tab"]');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const tab = tabs.nth(index);
      await tab.click();
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      await waitForChannelPanel(workspace);
    }
    await workspace.click('#tab-phone');
    expect(await waitForChannelPanel(workspace)).toBe('report');
  });

  test('Phone workbook downloads', async () => {
    const file = await saveDownload(workspace, () => workspace.click('#download-workbook'));
    expect(path.basename(file)).toMatch(/^Phone_Adoption_and_Usage_.+\.xlsx$/);
    expect(await worksheetNames(file)).toContain('User Table');
  });

  test('combined workbook downloads when offered', async (context) => {
    const button = workspace.getByRole('button', { name: /combined|all channels/i });
    if ((await button.count()) === 0) context.skip();
    await expect.poll(() => button.first().isEnabled(), { timeout: 60_000 }).toBe(true);
    const file = await saveDownload(workspace, () => button.first().click());
    expect(path.basename(file)).toMatch(/\.xlsx$/);
    expect((await worksheetNames(file)).length).toBeGreaterThan(0);
  });

  test('popup shows the last report', async () => {
    const popup = await openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('.popup__kpi').count()).toBeGreaterThan(0);
    await popup.close();
  });
});

describe('content security policy in force', () => {
  test('page fetch to another origin is blocked', async () => {
    const outcome = await workspace.evaluate(async () => {
      const violations: string[] = [];
      const listener = (event: SecurityPolicyViolationEvent) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
      document.addEventListener('securitypolicyviolation', listener);
      let error = '';
      try {
        await fetch('https://example.com/');
      } catch (caught) {
        error = String(caught);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      document.removeEventListener('securitypolicyviolation', listener);
      return { error, violations };
    });
    expect(outcome.error).toMatch(/TypeError/);
    // The violation shows that the CSP, not the missing network, stopped the request.
    expect(outcome.violations).toContain('connect-src https://example.com/');
  });

  test('engine worker fetch to another origin is blocked', async () => {
    const [worker] = workspace.workers().filter((candidate) => /engine\.worker-[^/]+\.js$/.test(candidate.url()));
    expect(worker, 'the engine worker is running').toBeDefined();
    const outcome = await worker!.evaluate(async () => {
      const violations: string[] = [];
      self.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${(event as SecurityPolicyViolationEvent).effectiveDirective} ${(event as SecurityPolicyViolationEvent).blockedURI}`),
      );
      let error = '';
      try {
        await fetch('https://extensions.duckdb.org/v1.4.3/wasm_eh/json.duckdb_extension.wasm');
      } catch (caught) {
        error = String(caught);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { error, violations };
    });
    expect(outcome.error).toMatch(/TypeError/);
    expect(outcome.violations).toContain('connect-src https://extensions.duckdb.org/v1.4.3/wasm_eh/json.duckdb_extension.wasm');
  });

  test('worker from a data URL is blocked', async () => {
    const outcome = await workspace.evaluate(async () => {
      const violations: string[] = [];
      const listener = (event: SecurityPolicyViolationEvent) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
      document.addEventListener('securitypolicyviolation', listener);
      const result = await new Promise<string>((resolve) => {
        try {
          const worker = new Worker('data:text/javascript,postMessage("ran")');
          worker.onmessage = () => resolve('ran');
          worker.onerror = () => resolve('error event');
          setTimeout(() => resolve('no answer'), 3_000);
        } catch (caught) {
          resolve(`threw ${String(caught)}`);
        }
      });
      document.removeEventListener('securitypolicyviolation', listener);
      return { result, violations };
    });
    expect(outcome.result).not.toBe('ran');
    expect(outcome.violations).toContain('worker-src data');
  });
});

describe('stored data', () => {
  test('storage holds no per-user data', async () => {
    await workspace.click('#settings summary');
    await workspace.fill('#author-name', AUTHOR.name);
    await workspace.fill('#author-extension', AUTHOR.extension);
    await workspace.click('button:has-text("Save settings")');
    await expect.poll(() => workspace.locator('#settings [role="status"]').first().textContent()).toBe('Settings saved.');

    const stored = await storedData(workspace);
    const json = JSON.stringify(stored);
    expect(Object.keys(stored).sort()).toEqual(expect.arrayContaining(['lastReport', 'settings']));
    for (const key of Object.keys(stored)) expect(ALLOWED_STORAGE_KEYS, `storage key ${key}`).toContain(key);
    expect(json).toContain(AUTHOR.name);
    expect(json).not.toContain('@example.com');

    const strings = stringsIn(stored);
    const people = await samplePeople();
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      expect(strings.filter((text) => text.includes(person.name)), `name ${person.name}`).toEqual([]);
      expect(strings.filter((text) => text === person.extension), `extension ${person.extension}`).toEqual([]);
      expect(json, `e-mail ${person.email}`).not.toContain(person.email);
    }
  });

  test('no other browser storage is used', async () => {
    const used = await workspace.evaluate(async () => {
      const opfs = await navigator.storage.getDirectory();
      const opfsEntries: string[] = [];
      for await (const name of (opfs as unknown as { keys(): AsyncIterable<string> }).keys()) opfsEntries.push(name);
      return {
        cookies: document.cookie,
        localStorage: localStorage.length,
        sessionStorage: sessionStorage.length,
        indexedDB: (await indexedDB.databases()).map((database) => database.name),
        cacheStorage: await caches.keys(),
        opfs: opfsEntries,
      };
    });
    expect(used).toEqual({ cookies: '', localStorage: 0, sessionStorage: 0, indexedDB: [], cacheStorage: [], opfs: [] });
  });

  test('Forget everything clears storage and screen', async () => {
    const fileCount = await workspace.locator('#import-summary tbody tr').count();
    expect(fileCount).toBeGreaterThan(0);

    await workspace.click('#forget-everything');
    await workspace.click('#forget-confirm');
    const status = workspace.locator('#forget-status');
    await expect.poll(() => status.textContent()).toMatch(/^Forgotten: /);
    const message = (await status.textContent()) ?? '';
    expect(message).toContain(`${fileCount} loaded files and their reports`);
    expect(message).toContain('your settings');
    expect(message).toContain("the last report's KPIs");

    expect(await storedData(workspace)).toEqual({});
    expect(await workspace.locator('#import-summary').count()).toBe(0);
    expect(await workspace.locator('#kpi-cards [data-kpi-id]').count()).toBe(0);
    expect(await workspace.inputValue('#author-name')).toBe('');
    expect(await workspace.locator('.channel-report').count()).toBe(0);

    const popup = await openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('.popup__empty').textContent()).toBe('No report yet.');
    await popup.close();
    // Nothing written back once the page settled, for example by a report still being computed.
    expect(await storedData(workspace)).toEqual({});
  });

  test('samples load again after forgetting', async () => {
    await workspace.click('#load-samples');
    await workspace.locator('#kpi-cards [data-kpi-id]').first().waitFor({ timeout: 60_000 });
    expect(await waitForChannelPanel(workspace)).toBe('report');
  });
});

describe('network stack', () => {
  test('NetLog shows no traffic at all', async () => {
    // Chromium completes the NetLog when it closes, so this test ends the session.
    await session.close();
    const traffic = readNetLogTraffic(await readFile(path.join(netLogDir, 'net-log.json'), 'utf8'));

    // Chromium's own background requests have the initiator "not an origin", and the harness makes
    // their host-name lookups fail locally. Any other initiator is a page or worker of the session.
    expect(traffic.urlRequests.filter((request) => !request.startsWith('not an origin '))).toEqual([]);
    expect(traffic.dnsLookups).toEqual([]);
    expect(traffic.socketSends).toEqual([]);
  });
});
