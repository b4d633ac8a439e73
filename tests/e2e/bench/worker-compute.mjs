// How long a force layout of a 5,000-node map takes in the Web Worker (the worker's own time,
// the page's `cstw-layout` measure), three runs, and the worker's start (`cstw-worker-start`,
// new Worker to Ready, in a build that records it). For comparing builds: since the worker runs
// the app's main module with its part `worker` (issue 23), the layout's calls into code the
// page shares (`Vec::index`, `fmin`, …) cross modules by `call_indirect` (wasm-split's shims),
// which V8 cannot inline. Not a test: numbers vary by machine.
// Usage: node tests/e2e/bench/worker-compute.mjs   (after a release build; BENCH_DIST for another)
import { chromium } from '@playwright/test';
import { openBenchMap } from './benchmap.mjs';
import { CHROMIUM_ARGS, serveDist } from './common.mjs';
const N = 5000;
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const stop = await serveDist(PORT);
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('cst-workbench.tour', 'seen'));
  await openBenchMap(page, PORT, N);
  const out = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => performance.clearMeasures('cstw-layout'));
    await page.getByRole('button', { name: 'Force-directed' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('cstw-layout').length > 0, null, { timeout: 120_000 });
    out.push(Math.round(await page.evaluate(() => performance.getEntriesByName('cstw-layout')[0].duration)));
    await page.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.waitForTimeout(1000);
  }
  const start = await page.evaluate(() => performance.getEntriesByName('cstw-worker-start').map((e) => Math.round(e.duration)));
  console.log(`force layout of ${N} nodes in the worker: ${out.join(', ')} ms; worker start: ${start.join(', ') || 'not recorded'} ms`);
  await browser.close();
} finally { stop(); }
