// Rich-picture board in the browser: time to first render of a picture of N hand-drawn strokes
// (the picture of tests/native/pictures.rs `big_picture`: `hand_stroke` points, simplified and
// stored as the app does); while a scripted pointer draws a new stroke with the Pen for 3 s (one
// move per animation frame, a wavy line across the canvas), the frame times (rAF deltas) and the
// work of each move (one pointermove dispatched in a frame, then, once the live stroke's `d` has
// changed, style and layout forced: script + style + layout, not paint); how many finished
// strokes the drawing touched in the DOM (should be none); and from pointerup to the new stroke
// in the DOM and on screen. Every figure with CPU throttling x1 and x4.
// Not a test: numbers vary by machine. Writes report/picture.json.
// Usage: node tests/e2e/bench/picture.mjs [sizes, comma-separated]   (after a release build)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ROOT, serveDist, stats } from './common.mjs';

const SIZES = (process.argv[2] ?? '0,500,2000').split(',').map(Number);
const PORT = 4187;
const DRAW_MS = 3000;
const WORK_MOVES = 200;
const SIMPLIFY_TOLERANCE = 0.8; // src/model/picture.rs

// ---- src/analysis/ink.rs, ported ----

function toSegment(p, a, b) {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** `ink::simplify`: iterative Ramer–Douglas–Peucker, the ends always kept. */
function simplify(line, tolerance) {
  if (line.length < 3) return line.slice();
  const keep = new Array(line.length).fill(false);
  keep[0] = true;
  keep[line.length - 1] = true;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    if (b <= a + 1) continue;
    let far = 0, at = a;
    for (let i = a + 1; i < b; i++) {
      const d = toSegment(line[i], line[a], line[b]);
      if (d > far) { far = d; at = i; }
    }
    if (far > tolerance) {
      keep[at] = true;
      stack.push([a, at]);
      stack.push([at, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Rust's `f64::round`: halves away from zero (JS's Math.round takes them up). */
const roundRs = (v) => Math.sign(v) * Math.round(Math.abs(v)) + 0;

/** `ink::encode`: `x,y:` then zigzag varints of each step, 5 bits a digit, bit 6 = more. */
function encode(points) {
  if (!points.length) return '';
  let px = roundRs(points[0].x), py = roundRs(points[0].y);
  let out = `${px},${py}:`;
  for (const p of points.slice(1)) {
    const x = roundRs(p.x), y = roundRs(p.y);
    for (const d of [x - px, y - py]) {
      let z = d >= 0 ? 2 * d : -2 * d - 1; // (d << 1) ^ (d >> 63)
      for (;;) {
        const part = z % 32;
        z = Math.floor(z / 32);
        if (z === 0) { out += DIGITS[part]; break; }
        out += DIGITS[part | 32];
      }
    }
    px = x; py = y;
  }
  return out;
}

// ---- tests/native/pictures.rs, ported ----

const MASK = (1n << 64n) - 1n;
/** `hand_stroke`: a wandering line of 30 to 89 points, 3 units a step, with a little jitter. */
function handStroke(state) {
  const next = () => {
    let s = state.seed;
    s ^= (s << 13n) & MASK;
    s ^= s >> 7n;
    s ^= (s << 17n) & MASK;
    state.seed = s;
    return Number(s % 10000n) / 10000;
  };
  let x = next() * 1600, y = next() * 1000;
  let heading = next() * 2 * Math.PI;
  const n = 30 + Math.floor(next() * 60);
  const out = [];
  for (let i = 0; i < n; i++) {
    heading += (next() - 0.5) * 0.5;
    x += 3 * Math.cos(heading) + (next() - 0.5) * 0.6;
    y += 3 * Math.sin(heading) + (next() - 0.5) * 0.6;
    out.push({ x, y });
  }
  return out;
}

/** `big_picture`: every tenth stroke a highlighter, colours cycling, width 4. */
function bigPicture(n) {
  const state = { seed: 0x2545f4914f6cdd1dn };
  const items = [];
  for (let i = 0; i < n; i++) {
    const points = encode(simplify(handStroke(state), SIMPLIFY_TOLERANCE));
    items.push({ type: 'stroke', id: i + 1, tool: i % 10 === 0 ? 'highlighter' : 'pen', colour: i % 8, width: 4, points });
  }
  return { id: 'p-bench', title: `Picture of ${n}`, items, view: { x: 0, y: 0, zoom: 1 }, next_id: n + 1 };
}

const workshopId = (n) => `w-pic-${n}`;
function workshop(n) {
  return JSON.stringify({
    format: 'cst-workbench/workshop', version: 1, app_version: 'bench', revision: 1,
    saved_at: Date.now(), last_exported_at: null,
    workshop: {
      id: workshopId(n), title: `Picture bench ${n}`, purpose: '', date: '', facilitator: '', notes: '',
      roster: [], maps: [], pictures: [bigPicture(n)], created_at: 0,
    },
  });
}

// ---- the page ----

/** Records rAF deltas in the page while `during` runs; returns them. */
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

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

const stop = await serveDist(PORT);
const results = [];
const started = Date.now();
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  for (const n of SIZES) {
    const doc = workshop(n);
    for (const throttle of [1, 4]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.evaluate(({ key, doc }) => localStorage.setItem(key, doc), { key: `cst-workbench.workshop.${workshopId(n)}`, doc });
      await page.reload();
      await page.getByRole('link', { name: `Picture bench ${n}` }).waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const t0 = Date.now();
      await page.evaluate((id) => { location.hash = `#/w/${id}/pictures`; }, workshopId(n));
      await page.waitForFunction((n) => document.querySelector('svg.picture-canvas')
        && document.querySelectorAll('svg.picture-canvas path.stroke').length === n, n, { timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const firstRender = Date.now() - t0;

      const canvas = page.locator('svg.picture-canvas');
      await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await nextFrame(page);
      // Screen positions from the canvas's box only (clipped to the viewport), never picture units.
      const b = await canvas.boundingBox();
      const vp = page.viewportSize();
      const left = Math.max(b.x, 0), top = Math.max(b.y, 0);
      const box = { x: left, y: top, width: Math.min(b.x + b.width, vp.width) - left, height: Math.min(b.y + b.height, vp.height) - top };
      const at = (f) => ({ // f in [0, 1]: left to right, a wave of 4 periods
        x: box.x + box.width * (0.05 + 0.9 * f),
        y: box.y + box.height * (0.5 + 0.3 * Math.sin(f * 8 * Math.PI) + 0.05 * Math.sin(f * 57)),
      });

      // Finished strokes the drawing changes in the DOM: none should.
      await page.evaluate(() => {
        window.__touched = new Set();
        window.__itemsAddedOrRemoved = 0;
        const note = (ms) => {
          for (const m of ms) {
            const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            const stroke = el?.closest('path.stroke');
            if (stroke) window.__touched.add(stroke);
            if (m.type === 'childList') {
              for (const x of [...m.addedNodes, ...m.removedNodes]) {
                if (x.nodeType === 1) { window.__touched.add(x); window.__itemsAddedOrRemoved++; }
              }
            }
          }
        };
        window.__obs = new MutationObserver(note);
        window.__obs.observe(document.querySelector('svg.picture-canvas g.items'), { subtree: true, attributes: true, childList: true, characterData: true });
        window.__obsFlush = () => { note(window.__obs.takeRecords()); window.__obs.disconnect(); };
      });

      // Where the main thread's time goes while drawing (Chromium's own counters, in seconds):
      // script, style, layout, and the rest of its tasks (paint, compositing, GC, input).
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const m0 = await metrics();
      let moves = 0, skipped = 0;
      let livePoints = 0;
      let upToDom = null, upToFrame = null;
      const draw = await frames(page, async () => {
        const p0 = at(0);
        await page.mouse.move(p0.x, p0.y);
        await page.mouse.down();
        // One move every 1/60 s (a frame at 60 Hz), sent without waiting for the one before
        // to be acknowledged (a round trip takes about two frames) but never more than two in
        // flight, so a page that falls behind is not flooded.
        const start = Date.now();
        const inFlight = new Set();
        for (let due = start; ; due += 1000 / 60) {
          const f = (Date.now() - start) / DRAW_MS;
          if (f >= 1) break;
          if (inFlight.size < 2) {
            const p = at(f);
            const sent = page.mouse.move(p.x, p.y).finally(() => inFlight.delete(sent));
            inFlight.add(sent);
            moves++;
          } else {
            skipped++;
          }
          await new Promise((r) => setTimeout(r, Math.max(0, due + 1000 / 60 - Date.now())));
        }
        await Promise.all(inFlight);
        await nextFrame(page);
        livePoints = await page.evaluate(() => (document.querySelector('path.live-stroke')?.getAttribute('d')?.match(/[MQL]/g) ?? []).length);
        await page.evaluate(() => window.__obsFlush());
      });
      const m1 = await metrics();
      const spent = (k) => 1000 * (m1[k] - m0[k]);
      const mainThread = { script_ms: spent('ScriptDuration'), style_ms: spent('RecalcStyleDuration'), layout_ms: spent('LayoutDuration'), task_ms: spent('TaskDuration') };
      mainThread.other_ms = mainThread.task_ms - mainThread.script_ms - mainThread.style_ms - mainThread.layout_ms;
      const touched = await page.evaluate(() => ({ strokes: window.__touched.size, addedOrRemoved: window.__itemsAddedOrRemoved }));

      // From pointerup (the event's timestamp) to the new stroke in the DOM, and to the frame
      // after that.
      await page.evaluate(() => {
        window.__up = null; window.__added = null; window.__frame = null;
        window.addEventListener('pointerup', (e) => { window.__up = e.timeStamp; }, { capture: true, once: true });
        const items = document.querySelector('svg.picture-canvas g.items');
        const obs = new MutationObserver(() => {
          if (window.__added !== null) return;
          window.__added = performance.now();
          obs.disconnect();
          requestAnimationFrame(() => { window.__frame = performance.now(); });
        });
        obs.observe(items, { childList: true });
      });
      await page.mouse.up();
      await page.waitForFunction((n) => document.querySelectorAll('svg.picture-canvas path.stroke').length === n + 1 && window.__frame !== null, n, { timeout: 60_000 });
      ({ upToDom, upToFrame } = await page.evaluate(() => ({ upToDom: window.__added - window.__up, upToFrame: window.__frame - window.__up })));

      // The work of one move: a pointermove dispatched at the start of a frame; once the live
      // stroke's `d` has changed (at once, or in the microtasks after), style and layout are
      // forced by reading its box.
      const work = await page.evaluate(async ({ box, moves }) => {
        const svg = document.querySelector('svg.picture-canvas');
        const live = document.querySelector('path.live-stroke');
        const ev = (type, cx, cy, buttons) => svg.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, isPrimary: true, button: 0, buttons, clientX: cx, clientY: cy, pointerType: 'mouse', pressure: 0.5 }));
        const pos = (f) => [box.x + box.width * (0.05 + 0.9 * f), box.y + box.height * (0.5 - 0.3 * Math.sin(f * 8 * Math.PI))];
        ev('pointerdown', ...pos(0), 1);
        await new Promise((r) => requestAnimationFrame(r));
        const out = [];
        let sync = 0, unchanged = 0;
        for (let i = 1; i <= moves; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          const before = live.getAttribute('d');
          let changed;
          const seen = new Promise((r) => { changed = r; });
          const mo = new MutationObserver(() => changed(true));
          mo.observe(live, { attributes: true, attributeFilter: ['d'] });
          const t = performance.now();
          ev('pointermove', ...pos(i / moves), 1);
          if (live.getAttribute('d') !== before) sync++;
          else if (!(await Promise.race([seen, new Promise((r) => setTimeout(() => r(false), 100))]))) unchanged++;
          live.getBoundingClientRect();
          out.push(performance.now() - t);
          mo.disconnect();
        }
        ev('pointerup', ...pos(1), 0);
        return { out, sync, unchanged };
      }, { box, moves: WORK_MOVES });

      const row = {
        strokes: n, throttle, first_render_ms: firstRender,
        draw_frames: stats(draw), frame_count: draw.length, moves, moves_skipped_page_behind: skipped, live_stroke_points: livePoints,
        main_thread_while_drawing: mainThread,
        move_work: stats(work.out), move_work_samples: work.out.length, moves_updated_synchronously: work.sync, moves_without_update: work.unchanged,
        finished_strokes_changed_while_drawing: touched.strokes, items_added_or_removed_while_drawing: touched.addedOrRemoved,
        pointerup_to_dom_ms: upToDom, pointerup_to_next_frame_ms: upToFrame,
      };
      results.push(row);
      console.log(`  done: ${n} strokes, cpu x${throttle} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      await page.close();
    }
  }
  await browser.close();
} finally {
  stop();
}

const f = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`;
const table = [
  ['strokes', 'cpu', 'first render ms', 'frame p50/p95/max ms', 'frames', 'moves/points', 'main thread script/style/layout/other ms', 'work/move p50/p95/max ms', 'strokes changed', 'up->DOM ms', 'up->frame ms'],
  ...results.map((r) => [String(r.strokes), `x${r.throttle}`, String(r.first_render_ms), f(r.draw_frames), String(r.frame_count), `${r.moves}/${r.live_stroke_points}`,
    ['script_ms', 'style_ms', 'layout_ms', 'other_ms'].map((k) => r.main_thread_while_drawing[k].toFixed(0)).join(' / '), f(r.move_work),
    String(r.finished_strokes_changed_while_drawing), r.pointerup_to_dom_ms.toFixed(1), r.pointerup_to_next_frame_ms.toFixed(1)]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
console.log(`\nRich picture board: ${DRAW_MS / 1000} s of drawing with the Pen (main thread: totals over it); work per move from ${WORK_MOVES} moves (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
for (const [i, row] of table.entries()) {
  console.log(row.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
mkdirSync(join(ROOT, 'report'), { recursive: true });
writeFileSync(join(ROOT, 'report/picture.json'), JSON.stringify(results, null, 2));
console.log('Written: report/picture.json');
