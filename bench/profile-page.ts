// Records a CPU profile of the workspace page from the drop of FILES until 3 s after the KPI cards
// appear, then prints the page's long tasks and the functions with the most self time.
//
//   npx wxt build && npx vite-node bench/profile-page.ts [--out FILE.cpuprofile] FILE...
//
// Open the profile in Chromium's DevTools (Performance panel, "Load profile"). Function names are
// readable only in a build without minification, such as one with `build: { minify: false }` added
// to the Vite options in wxt.config.ts.
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension } from '../e2e/extension';

/** The profile format that CDP's `Profiler.stop` returns. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

interface PageProbes {
  dropAt: number | null;
  kpiAt: number | null;
  longTasks: Array<{ start: number; duration: number }>;
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1]! : 'page.cpuprofile';
if (args.length === 0) throw new Error('No input files given. Pass the exports to drop, for example a users list and a call log.');

const session = await launchExtension();
try {
  const page = await session.context.newPage();
  await page.goto(`${session.baseUrl}options.html`);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '', null, { timeout: 60_000 });
  await page.evaluate(installProbes);

  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.locator('#file-input').setInputFiles(args);
  await page.waitForFunction(() => document.querySelector('#kpi-cards [data-kpi-id], [role="alert"]') !== null, null, {
    timeout: 15 * 60_000,
    polling: 250,
  });
  await page.waitForTimeout(3000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await writeFile(out, JSON.stringify(profile));

  const probes = await readProbes(page);
  const drop = probes.dropAt ?? 0;
  console.log(`Wrote ${out}. KPI cards ${((probes.kpiAt ?? drop) - drop).toFixed(0)} ms after the drop.`);
  for (const task of probes.longTasks) console.log(`long task at ${(task.start - drop).toFixed(0)} ms: ${task.duration.toFixed(0)} ms`);
  console.log('self time, ms:');
  for (const [name, ms] of selfTimes(profile).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(9)}  ${name}`);
} finally {
  await session.close();
}

/** Runs in the page: records the drop, the KPI cards' arrival and every main-thread long task. */
function installProbes(): void {
  const probes: PageProbes = { dropAt: null, kpiAt: null, longTasks: [] };
  (window as unknown as { __profile: PageProbes }).__profile = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  document.querySelector('#file-input')?.addEventListener('change', () => (probes.dropAt ??= performance.now()), { capture: true });
  new MutationObserver(() => {
    if (probes.kpiAt === null && document.querySelector('#kpi-cards [data-kpi-id]') !== null) probes.kpiAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true });
}

function readProbes(page: Page): Promise<PageProbes> {
  return page.evaluate(() => (window as unknown as { __profile: PageProbes }).__profile);
}

/** Sums each function's self time over the profile, idle time left out, largest first. */
function selfTimes(profile: CpuProfile): Array<[string, number]> {
  const names = new Map(
    profile.nodes.map(({ id, callFrame }) => [
      id,
      `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop() ?? ''}:${callFrame.lineNumber + 1}`,
    ]),
  );
  const totals = new Map<string, number>();
  profile.samples.forEach((node, index) => {
    const name = names.get(node)!;
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (!name.startsWith('(idle)')) totals.set(name, (totals.get(name) ?? 0) + ms);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}
