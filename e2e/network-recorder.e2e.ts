import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NetworkRecorder } from './network-recorder';

// The privacy test trusts the recorder to see every request, so this checks it on a plain page whose
// workers make requests. Port 9 on loopback (discard) refuses the connection; nothing else is contacted.
// The workers wait 200 ms before their requests because the recorder can miss a worker's first
// milliseconds (see NetworkRecorder); privacy.e2e.ts covers those with Chromium's NetLog.

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = 'http://127.0.0.1:9/';

const PAGE = `<script>
  const nested = 'setTimeout(() => fetch("${TARGET}nested-worker").catch(() => {}), 200);';
  const outer =
    'setTimeout(() => fetch("${TARGET}worker").catch(() => {}), 200);' +
    'new Worker(URL.createObjectURL(new Blob([' + JSON.stringify(nested) + '], { type: "text/javascript" })));';
  new Worker(URL.createObjectURL(new Blob([outer], { type: 'text/javascript' })));
  fetch('${TARGET}page').catch(() => {});
  new WebSocket('ws://127.0.0.1:9/socket');
</script>`;

let context: BrowserContext;
let profileDir: string;

beforeAll(async () => {
  profileDir = await mkdtemp(path.join(tmpdir(), 'adoption-lens-recorder-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
  await rm(profileDir, { recursive: true, force: true });
});

test('recorder sees page, worker and nested worker requests', async () => {
  const recorder = new NetworkRecorder();
  const page = await context.newPage();
  await recorder.attach(context, page);
  await page.setContent(PAGE);

  const expected = [
    `page request ${TARGET}page`,
    'page websocket ws://127.0.0.1:9/socket',
    `worker request ${TARGET}worker`,
    `worker request ${TARGET}nested-worker`,
  ];
  await expect.poll(() => expected.filter((entry) => !recorder.requests.includes(entry)), { timeout: 10_000 }).toEqual([]);
  expect(recorder.targets.filter((target) => target.startsWith('worker blob:'))).toHaveLength(2);
  expect(recorder.errors).toEqual([]);
});
