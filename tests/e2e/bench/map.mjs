// Concept-map canvas in the browser: time to first render; while a scripted pointer drags one
// node and while it pans the canvas, the frame times (requestAnimationFrame deltas: headless
// Chromium keeps 60 Hz, so 16.7 ms means no frame was dropped) and the work of each move (one
// pointermove dispatched in a frame, then style and layout forced: script + style + layout, not
// paint); how many other nodes the drag touched; betweenness, feedback loops and the force
// layout as the app times them (`cstw-*` performance measures), and from a click to the result
// on screen. Every figure with CPU throttling x1 and x4, for generated maps of 10 to 5,000 nodes
// (2 links a node).
// Not a test: numbers vary by machine. Writes report/map.json.
// Usage: node tests/e2e/bench/map.mjs [sizes, comma-separated]   (after a release build)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ROOT, serveDist, stats } from './common.mjs';

const SIZES = (process.argv[2] ?? '10,100,1000,5000').split(',').map(Number);
const PORT = 4186;
const DRAG_MS = 3000;

/** A map like `layout::bench_map`: a rough grid, about 2 links a node to near neighbours. */
function benchMap(n) {
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed;
  };
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: i + 1, label: `Node ${i}`, x: (i % side) * 220 + (next() % 60) - 30, y: Math.floor(i / side) * 120,
  }));
  const links = [];
  const pairs = new Set();
  let id = n + 1;
  for (let tries = 0; links.length < 2 * n && tries < 20 * n && n > 1; tries++) {
    const a = next() % n;
    const b = (a + [1, side, side + 1, 2, 2 * side][next() % 5]) % n;
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    links.push({ id: id++, from: a + 1, to: b + 1, direction: 'forward', polarity: 'none' });
  }
  return {
    id: 'm-bench', title: `Map of ${n}`, focus_question: '', template: 'blank', kinds: [], nodes, links,
    view: { x: -100, y: -100, zoom: 0.5 }, next_id: id,
  };
}

function workshop(n) {
  return JSON.stringify({
    format: 'cst-workbench/workshop', version: 1, app_version: 'bench', revision: 1,
    saved_at: Date.now(), last_exported_at: null,
    workshop: { id: `w-map-${n}`, title: `Map bench ${n}`, purpose: '', date: '', facilitator: '', notes: '', roster: [], maps: [benchMap(n)], created_at: 0 },
  });
}

/** Records rAF deltas in the page until `stop` is called; returns them. */
async function frames(page, during) {
  await page.evaluate(() => {
    window.__deltas = [];
    let last = performance.now();
    window.__run = true;
    const tick = (t) => { window.__deltas.push(t - last); last = t; if (window.__run) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await during();
  return page.evaluate(() => { window.__run = false; return window.__deltas.slice(2); });
}

const stop = await serveDist(PORT);
const results = [];
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  for (const n of SIZES) {
    for (const throttle of [1, 4]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(n)) });
      await page.getByRole('link', { name: `Map bench ${n}` }).waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const t0 = Date.now();
      await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, n);
      await page.waitForFunction((n) => document.querySelectorAll('.map-canvas .node').length === n, n, { timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const firstRender = Date.now() - t0;
      const wrap = page.locator('.map-canvas-wrap');
      await wrap.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      const box = await wrap.boundingBox();
      // The node nearest the middle of the canvas.
      const target = await page.evaluate(({ x, y }) => {
        let best = null;
        for (const g of document.querySelectorAll('.map-canvas .node')) {
          const r = g.querySelector('rect').getBoundingClientRect();
          const d = Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y);
          if (!best || d < best.d) best = { d, x: r.x + r.width / 2, y: r.y + r.height / 2, id: g.dataset.node };
        }
        return best;
      }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      // Count the nodes the drag changes in the DOM: only the dragged one should change.
      await page.evaluate((id) => {
        window.__touched = new Set();
        window.__obs = new MutationObserver((ms) => {
          for (const m of ms) {
            const g = (m.target.nodeType === 1 ? m.target : m.target.parentElement)?.closest('[data-node]');
            if (g) window.__touched.add(g.dataset.node);
          }
        });
        window.__obs.observe(document.querySelector('.map-canvas .nodes'), { subtree: true, attributes: true, childList: true, characterData: true });
      }, target.id);
      const drag = await frames(page, async () => {
        await page.mouse.move(target.x, target.y);
        await page.mouse.down();
        const start = Date.now();
        let i = 0;
        while (Date.now() - start < DRAG_MS) {
          i++;
          await page.mouse.move(target.x + 120 * Math.sin(i / 20), target.y + 80 * Math.cos(i / 25));
        }
        await page.mouse.up();
      });
      const touched = await page.evaluate(() => { window.__obs.disconnect(); return [...window.__touched]; });
      // The work of one move: a pointermove dispatched at the start of a frame, then style and
      // layout forced by reading the node's box.
      const work = await page.evaluate(async ({ id, x, y }) => {
        const wrap = document.querySelector('.map-canvas-wrap');
        const node = document.querySelector(`.map-canvas [data-node="${id}"]`);
        const rect = node.querySelector('rect');
        const ev = (type, target, cx, cy) => target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, isPrimary: true, button: 0, buttons: 1, clientX: cx, clientY: cy, pointerType: 'mouse' }));
        ev('pointerdown', rect, x, y);
        const out = [];
        for (let i = 1; i <= 200; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          const t = performance.now();
          ev('pointermove', wrap, x + 100 * Math.sin(i / 15), y + 60 * Math.cos(i / 20));
          node.getBoundingClientRect();
          out.push(performance.now() - t);
        }
        ev('pointerup', wrap, x, y);
        return out;
      }, target);
      // Pan: drag the background (a corner of the canvas) for the same time.
      const pan = await frames(page, async () => {
        await page.mouse.move(box.x + 8, box.y + 8);
        await page.mouse.down();
        const start = Date.now();
        let i = 0;
        while (Date.now() - start < DRAG_MS) {
          i++;
          await page.mouse.move(box.x + 8 + 150 * Math.sin(i / 30), box.y + 8 + 100 * Math.sin(i / 40) + 100);
        }
        await page.mouse.up();
      });
      // Analysis and force layout, from the click to the result on screen.
      let t = Date.now();
      await page.getByRole('button', { name: 'Analyse the map' }).click();
      await page.getByRole('heading', { name: 'Feedback loops' }).waitFor({ timeout: 120_000 });
      const analyse = Date.now() - t;
      const before = await page.locator('.map-canvas .node').first().getAttribute('transform');
      t = Date.now();
      await page.getByRole('button', { name: 'Force-directed' }).click();
      await page.waitForFunction((b) => document.querySelector('.map-canvas .node').getAttribute('transform') !== b, before, { timeout: 120_000 });
      const layoutStart = Date.now() - t;
      const measures = await page.evaluate(() => Object.fromEntries(['cstw-betweenness', 'cstw-loops', 'cstw-layout', 'cstw-layout-first-frame'].map((m) => [m, performance.getEntriesByName(m).at(-1)?.duration])));
      const row = {
        nodes: n, throttle, first_render_ms: firstRender,
        drag: stats(drag), drag_frames: drag.length, nodes_changed_by_drag: touched.length, move_work: stats(work),
        betweenness_ms: measures['cstw-betweenness'], loops_ms: measures['cstw-loops'], force_layout_ms: measures['cstw-layout'], layout_first_frame_ms: measures['cstw-layout-first-frame'],
        pan: stats(pan), pan_frames: pan.length,
        analyse_click_to_result_ms: analyse, force_click_to_first_move_ms: layoutStart,
      };
      results.push(row);
      const f = (s) => `${s.median.toFixed(1)}/${s.p95.toFixed(1)}/${s.max.toFixed(1)}`;
      const r1 = (v) => (v === undefined ? '-' : v.toFixed(1));
      console.log(`${String(n).padStart(5)} nodes x${throttle}: first render ${firstRender} ms | drag: frames p50/p95/max ${f(row.drag)} ms (${drag.length}), work per move ${f(row.move_work)} ms, other nodes changed ${touched.length - 1} | pan frames ${f(row.pan)} ms | betweenness ${r1(row.betweenness_ms)} ms, loops ${r1(row.loops_ms)} ms (click to result ${analyse} ms) | force layout ${r1(row.force_layout_ms)} ms (click to first moved frame ${r1(row.layout_first_frame_ms)} ms in the app, ${layoutStart} ms seen by the test)`);
      await page.close();
    }
  }
  await browser.close();
} finally {
  stop();
}
mkdirSync(join(ROOT, 'report'), { recursive: true });
writeFileSync(join(ROOT, 'report/map.json'), JSON.stringify(results, null, 2));
console.log('Written: report/map.json');
