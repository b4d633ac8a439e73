// Two builds of the app side by side on the drag compare.mjs measures (the main thread's CPU
// time a move, benchmap.mjs's tracedDrag), interleaved A, B, A, B… in one browser so both see
// the same machine: for a before/after on a loaded machine.
// Not a test. Usage: BENCH_A=<dist> BENCH_B=<dist> node tests/e2e/bench/ab-drag.mjs [nodes=1000] [rounds=6] [throttle=1]
//   (BENCH_PORT and the next port serve A and B; by default 4196, 4197)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { benchMap, nearestNode, scriptedDrag, tracedDrag, workshop } from './benchmap.mjs';
import { CHROMIUM_ARGS, mapDrawn, stats } from './common.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const [N, ROUNDS, THROTTLE] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 6), Number(process.argv[4] ?? 1)];
const PORT = Number(process.env.BENCH_PORT ?? 4196);
const builds = { A: process.env.BENCH_A, B: process.env.BENCH_B };
if (!builds.A || !builds.B) throw new Error('BENCH_A and BENCH_B name the two dist folders');
const servers = [];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
try {
  const pages = {};
  for (const [i, k] of ['A', 'B'].entries()) {
    servers.push(spawn('node', [join(here, '../serve.mjs'), String(PORT + i), builds[k]], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 400));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT + i}/`);
    await page.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(N)) });
    await page.getByRole('link', { name: `Map bench ${N}` }).waitFor();
    await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, N);
    await page.waitForFunction(mapDrawn, [N, benchMap(N).links.length], { timeout: 120_000 });
    const wrap = page.locator('.map-canvas-wrap');
    await wrap.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const target = await nearestNode(page, await wrap.boundingBox());
    pages[k] = { page, cdp: await page.context().newCDPSession(page), target, runs: [] };
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      const { page, cdp, target, runs } = pages[k];
      await page.bringToFront();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      // Each run drags the node from where the last one left it (selected, so drawn in the SVG).
      const at = runs.length === 0 ? target : await page.evaluate((id) => {
        const b = document.querySelector(`.map-canvas:not(.map-lift) [data-node="${id}"] rect`).getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }, target.id);
      const t = await tracedDrag(cdp, () => scriptedDrag(page, at.x, at.y, 3000));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      runs.push(t);
      // The drag ends wherever its path is when the time is up: the node goes back to where the
      // first run found it (not traced), so it never wanders off the canvas over the rounds.
      const end = await page.evaluate((id) => {
        const b = document.querySelector(`.map-canvas:not(.map-lift) [data-node="${id}"] rect`).getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }, target.id);
      await page.mouse.move(end.x, end.y);
      await page.mouse.down();
      await page.mouse.move(target.x, target.y, { steps: 5 });
      await page.mouse.up();
      console.log(`${k} round ${r + 1}: CPU a move mean ${t.per_move_cpu_ms.toFixed(2)} p95 ${t.move_cpu.p95.toFixed(2)} ms (${t.moves} moves)`);
    }
  }
  for (const k of ['A', 'B']) {
    const runs = pages[k].runs;
    const m = stats(runs.map((t) => t.per_move_cpu_ms));
    const p = stats(runs.map((t) => t.move_cpu.p95));
    console.log(`${k} (${builds[k]}): CPU a move, median of ${runs.length} runs: mean ${m.median.toFixed(2)} ms [${Math.min(...runs.map((t) => t.per_move_cpu_ms)).toFixed(2)}-${m.max.toFixed(2)}], p95 ${p.median.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
