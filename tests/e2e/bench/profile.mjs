// Where the renderer main thread's time goes while a node of the concept map is dragged: a
// Chromium trace (the DevTools timeline categories) around map.mjs's scripted drag, broken down by
// event (script, style, layout, pre-paint, paint, layerize, commit, hit test, GC, input), as self
// time, so nested events are not counted twice. Answers "what dominates" for the drag target.
// With --first-render, the trace covers the first render instead: from the address change that
// opens the map to every node in the DOM plus two frames (map.mjs's first-render span).
// With --js, a V8 sampling CPU profile of the drag as well: the page's script by function (self
// and inclusive ms a move; wasm functions carry names only in a build that keeps them: BENCH_DIST
// pointing at a copy of dist/ whose .wasm files come from `NAMES=1 TRUNK_PROFILE=release sh
// tools/app_build.sh`, target/app-split-named/out, renamed as in dist/).
// Not a test. Usage: node tests/e2e/bench/profile.mjs [nodes=1000] [throttle=1] [drag-ms=3000] [--first-render | --during=analysis|layout|redo | --import (N = links)] [--js]
//   (after a release build; BENCH_DIST measures another build folder)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { attribute, benchMap, nearestNode, scriptedDrag, workshop } from './benchmap.mjs';
import { CHROMIUM_ARGS, ROOT, serveDist, mapDrawn } from './common.mjs';
import { FORMATS, graph } from './importfiles.mjs';

const FIRST = process.argv.includes('--first-render');
// --import: the trace covers an import instead, N being the links of a generated GEXF file
// (importfiles.mjs), from the file chosen to every node and link in the DOM plus two frames.
const IMPORT = process.argv.includes('--import');
// --during=analysis or --during=layout: the trace covers that instead (from the click to the
// result on the page), for the long tasks the worker's result still makes on the main thread;
// --during=redo: the redo of a force layout (after the layout and its undo, not traced).
const JS = process.argv.includes('--js');
const DURING = process.argv.find((a) => a.startsWith('--during='))?.slice('--during='.length);
const argv = process.argv.filter((a) => !a.startsWith('--'));
const N = Number(argv[2] ?? 1000);
const THROTTLE = Number(argv[3] ?? 1);
const DRAG_MS = Number(argv[4] ?? 3000);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'v8', 'blink', 'cc', 'input'];
const PORT = Number(process.env.BENCH_PORT ?? 4190);

const stop = await serveDist(PORT);
let out;
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const W = IMPORT ? 10 : N;
  await page.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(W)) });
  await page.getByRole('link', { name: `Map bench ${W}` }).waitFor();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  let done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  const trace = () => cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  let moves = 0;
  let firstMs;
  let measures = [];
  let jsProfile;
  if (IMPORT) {
    await page.evaluate(() => { location.hash = '#/w/w-map-10/maps'; });
    const field = page.locator('#import-map, #import-map-here').first();
    await field.waitFor({ state: 'attached' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.evaluate(() => {
      window.__m = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name.startsWith('cstw-')) window.__m.push([e.name, e.startTime, e.duration]); }).observe({ type: 'measure' });
    });
    const buffer = Buffer.from(FORMATS.gexf(N));
    const nodes = graph(N).nodes;
    await trace();
    const t0 = Date.now();
    await page.evaluate(() => { window.__t0 = performance.now(); });
    await field.setInputFiles({ name: 'big.gexf', mimeType: 'text/plain', buffer });
    await page.waitForFunction(mapDrawn, [nodes, N], { timeout: 120_000, polling: 'raf' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    firstMs = Date.now() - t0;
    measures = await page.evaluate(() => window.__m.map(([n, s, d]) => [n, s - window.__t0, d]));
  } else if (FIRST) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.evaluate(() => {
      window.__m = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name.startsWith('cstw-')) window.__m.push([e.name, e.startTime, e.duration]); }).observe({ type: 'measure' });
    });
    await trace();
    const t0 = Date.now();
    await page.evaluate((n) => { window.__t0 = performance.now(); location.hash = `#/w/w-map-${n}/maps/m-bench`; }, N);
    await page.waitForFunction(mapDrawn, [N, benchMap(N).links.length], { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    firstMs = Date.now() - t0;
    // The app's own measures meanwhile (the model followed, the layer drawn), from the address change.
    measures = await page.evaluate(() => window.__m.map(([n, s, d]) => [n, s - window.__t0, d]));
  } else if (DURING) {
    await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, N);
    await page.waitForFunction((n) => document.querySelectorAll('.map-canvas .nodes > [data-node]').length === n, N, { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const before = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1]);
    await trace();
    const t0 = Date.now();
    if (DURING === 'redo') {
      // The force layout and its undo first (not traced), then the redo, traced.
      for (const name of ['Force-directed', 'Undo']) {
        const was = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1]);
        await cdp.send('Tracing.end');
        await done;
        events.length = 0;
        done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        await page.getByRole('button', { name, exact: true }).click();
        await page.waitForFunction((b) => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1] !== b, was, { timeout: 120_000, polling: 50 });
        await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        await trace();
      }
      const was = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1]);
      await page.getByRole('button', { name: 'Redo', exact: true }).click();
      await page.waitForFunction((b) => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1] !== b, was, { timeout: 120_000, polling: 50 });
    } else if (DURING === 'analysis') {
      await page.getByRole('button', { name: 'Analyse the map' }).click();
      await page.getByRole('heading', { name: 'Bridges between ideas (betweenness)' }).waitFor({ timeout: 120_000 });
    } else {
      await page.getByRole('button', { name: 'Force-directed' }).click();
      await page.waitForFunction((b) => Object.entries(localStorage).find(([k]) => k.startsWith('cst-workbench.workshop.'))?.[1] !== b, before, { timeout: 120_000, polling: 50 });
    }
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    firstMs = Date.now() - t0;
  } else {
    await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, N);
    await page.waitForFunction((n) => document.querySelectorAll('.map-canvas .node').length === n, N, { timeout: 120_000 });
    const wrap = page.locator('.map-canvas-wrap');
    await wrap.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = await wrap.boundingBox();
    const target = await nearestNode(page, box);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    if (JS) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await trace();
    moves = await scriptedDrag(page, target.x, target.y, DRAG_MS);
    if (JS) jsProfile = (await cdp.send('Profiler.stop')).profile;
  }
  await cdp.send('Tracing.end');
  await done;
  await browser.close();
  // BENCH_TRACE_OUT=<file>: the raw trace too, for a closer look (chrome://tracing opens it).
  if (process.env.BENCH_TRACE_OUT) writeFileSync(process.env.BENCH_TRACE_OUT, JSON.stringify({ traceEvents: events }));

  // The renderer main thread: the thread named CrRendererMain in the page's renderer.
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mains = new Set(names.map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur !== undefined);
  // The busiest main thread is the page's (others are idle renderers).
  const busy = {};
  for (const e of onMain) busy[`${e.pid}:${e.tid}`] = (busy[`${e.pid}:${e.tid}`] ?? 0) + (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' ? e.dur : 0);
  const main = Object.entries(busy).sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = onMain.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: each event's duration less its children's (events nest by time on one thread).
  const self = {};
  const count = {};
  const stack = [];
  let tasks = 0;
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self[parent.name] -= Math.min(e.dur, parent.ts + parent.dur - e.ts);
    self[e.name] = (self[e.name] ?? 0) + e.dur;
    count[e.name] = (count[e.name] ?? 0) + 1;
    if (!parent) tasks += e.dur;
    stack.push(e);
  }
  const rows = Object.entries(self).map(([name, us]) => [name, us / 1000]).filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
  const total = tasks / 1000;
  const handled = FIRST || DURING || IMPORT ? { moves: 1 } : attribute(events);
  if (DURING) console.log(`${N} nodes, CPU x${THROTTLE}: ${DURING} click to applied ${firstMs} ms (traced); main thread busy ${total.toFixed(0)} ms`);
  else if (FIRST || IMPORT) {
    if (IMPORT) console.log(`${N}-link GEXF, CPU x${THROTTLE}: file chosen to map drawn ${firstMs} ms (traced); main thread busy ${total.toFixed(0)} ms`);
    else console.log(`${N} nodes, CPU x${THROTTLE}: first render ${firstMs} ms (traced, so slower than map.mjs's); main thread busy ${total.toFixed(0)} ms`);
    console.log('the app\'s measures (from the address change: start, took ms): ' + measures.map(([n, s, d]) => `${n} at ${s.toFixed(0)} took ${d.toFixed(1)}`).join('; '));
  }
  else console.log(`${N} nodes, CPU x${THROTTLE}: ${moves} moves sent, ${handled.moves} handled in ${DRAG_MS} ms; main thread busy ${total.toFixed(0)} ms (${(total / handled.moves).toFixed(2)} ms a move); ` +
    `CPU a move mean ${handled.per_move_cpu_ms?.toFixed(2)} p95 ${handled.move_cpu?.p95.toFixed(2)} ms (this trace records more than compare.mjs's, so it costs more)`);
  console.log(`self time by trace event (ms${FIRST || DURING || IMPORT ? '' : ', ms a move'}, share, how many):`);
  for (const [name, ms] of rows.slice(0, 25)) console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ${(ms / handled.moves).toFixed(2).padStart(7)} ${((100 * ms) / total).toFixed(1).padStart(5)}% ${String(count[name]).padStart(6)}`);
  // The longest tasks (a drag's start and end are one-offs; the rest is per move).
  const t0 = mine[0]?.ts ?? 0;
  const top = mine.filter((e) => stackless(e)).sort((a, b) => b.dur - a.dur).slice(0, 5);
  function stackless(e) { return e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'; }
  console.log('longest tasks: ' + top.map((e) => `${(e.dur / 1000).toFixed(1)} ms at ${((e.ts - t0) / 1000).toFixed(0)} ms`).join(', '));
  for (const task of top.slice(0, 4)) {
    const inside = {};
    for (const e of mine) if (e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 1000) inside[e.name] = Math.max(inside[e.name] ?? 0, e.dur);
    console.log(`  ${(task.dur / 1000).toFixed(1)} ms task: ` + Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', '));
  }
  // What the drag invalidates: paint, layout and style invalidations by element, a move.
  const inval = {};
  for (const e of events) {
    if (!/InvalidationTracking/.test(e.name)) continue;
    const d = e.args?.data ?? {};
    const k = `${e.name.replace('InvalidationTracking', '')}: ${d.nodeName ?? '?'} ${d.reason ?? ''}`.trim();
    inval[k] = (inval[k] ?? 0) + 1;
  }
  console.log('invalidations a move (element, reason):');
  for (const [k, v] of Object.entries(inval).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / handled.moves).toFixed(2).padStart(8)}  ${k.slice(0, 110)}`);
  if (jsProfile) byFunction(jsProfile, handled.moves);
  out = { nodes: N, first_render_ms: firstMs, throttle: THROTTLE, drag_ms: DRAG_MS, moves_sent: moves, moves: handled.moves, main_thread_ms: total, per_move: handled, self_ms: Object.fromEntries(rows) };
} finally {
  stop();
}
mkdirSync(join(ROOT, 'report'), { recursive: true });
writeFileSync(join(ROOT, `report/profile-${IMPORT ? 'import-' : DURING ? `${DURING}-` : FIRST ? 'first-' : ''}${N}x${THROTTLE}.json`), JSON.stringify(out, null, 2));
console.log(`Written: report/profile-${IMPORT ? 'import-' : DURING ? `${DURING}-` : FIRST ? 'first-' : ''}${N}x${THROTTLE}.json`);

/** A V8 sampling profile summed by function: self and inclusive ms a move, the largest first. */
function byFunction(profile, moves) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = {};
  for (let i = 0; i < profile.samples.length; i++) dt[profile.samples[i]] = (dt[profile.samples[i]] ?? 0) + (profile.timeDeltas[i] ?? 0);
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`.trim();
  const self = {};
  const total = {};
  for (const [id, us] of Object.entries(dt)) {
    const n = byId.get(Number(id));
    if (/^\((idle|program|garbage collector)\)/.test(n.callFrame.functionName)) continue;
    self[name(n)] = (self[name(n)] ?? 0) + us;
    const seen = new Set();
    for (let p = Number(id); p !== undefined; p = parent.get(p)) {
      const nm = name(byId.get(p));
      if (!seen.has(nm)) { total[nm] = (total[nm] ?? 0) + us; seen.add(nm); }
    }
  }
  const show = (title, t, k) => {
    console.log(`script by function, ${title} (ms a move):`);
    for (const [f, us] of Object.entries(t).sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`  ${(us / 1000 / moves).toFixed(3).padStart(8)}  ${f.slice(0, 150)}`);
  };
  show('self', self, 30);
  show('inclusive', total, 50);
}
