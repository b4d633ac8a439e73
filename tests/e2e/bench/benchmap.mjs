// The generated concept map every map benchmark draws (map.mjs, compare.mjs, profile.mjs): one
// definition, so all of them, and vis-network and cytoscape.js, get the same graph; the scripted
// drag they all use; and the trace that attributes the main thread's work to the moves.
import { stats } from './common.mjs';

/** A map like `layout::bench_map`: a rough grid, about 2 links a node to near neighbours. */
export function benchMap(n) {
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

/** The map in a workshop file, as the app imports it. */
export function workshop(n) {
  return JSON.stringify({
    format: 'cst-workbench/workshop', version: 1, app_version: 'bench', revision: 1,
    saved_at: Date.now(), last_exported_at: null,
    workshop: { id: `w-map-${n}`, title: `Map bench ${n}`, purpose: '', date: '', facilitator: '', notes: '', roster: [], maps: [benchMap(n)], created_at: 0 },
  });
}

/**
 * Opens the app on `port`, imports the n-node bench workshop through the home page's import
 * button, opens its map and waits until every node is drawn and the page has settled.
 */
export async function openBenchMap(page, port, n) {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(n)) });
  await page.getByRole('link', { name: `Map bench ${n}` }).waitFor({ timeout: 120_000 });
  await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, n);
  await page.waitForFunction((n) => document.querySelectorAll('.map-canvas .node').length === n, n, { timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
}

/** How often the scripted drag sends a move: 60 a second, as a mouse at a 60 Hz display. */
export const MOVE_EVERY_MS = Number(process.env.BENCH_MOVE_MS ?? 1000 / 60);

/**
 * The scripted drag every map benchmark uses, ours and the libraries': from (x, y), for `ms`,
 * along one path, one mouse move every `every` ms (0: each as soon as the last one was
 * answered). Chromium answers a move once the page has handled it, and hands moves to the page
 * at most once a frame (merging those that arrive within one), as for a real pointer; a page
 * slower than the pace gets the next move as soon as it answers. Nothing runs in the page: an
 * earlier version waited for an animation frame there after each move, which cost the page's
 * main thread 1.5 ms a move of its own. A steady pace keeps the harness's own work the same
 * whatever page it drives (as fast as answered, it sent twice as many moves to ours as to
 * vis-network, and took more of the two cores from ours). Returns the moves sent; tracedDrag
 * counts the moves the page handled.
 *
 * The mouse is driven through the DevTools protocol (`Input.dispatchMouseEvent`, what
 * page.mouse sends too), not through page.mouse: with a button down, Playwright's page.mouse.move
 * runs two scripts in the page around every move (it watches for an HTML drag and drop to
 * start), which a real mouse does not, and which the trace counted as the page's own work,
 * the same for every page (about a third of the control's work a move). BENCH_MOUSE=playwright
 * drives it with page.mouse as before, to compare with earlier figures.
 */
export async function scriptedDrag(page, x, y, ms = 3000, every = MOVE_EVERY_MS) {
  const mouse = await mouseOf(page);
  await mouse.move(x, y);
  await mouse.down(x, y);
  const start = Date.now();
  let i = 0;
  let at = [x, y];
  while (Date.now() - start < ms) {
    i++;
    at = [x + 120 * Math.sin(i / 20), y + 80 * Math.cos(i / 25)];
    await mouse.move(...at);
    const wait = start + i * every - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await mouse.up(...at);
  return i;
}

const sessions = new WeakMap();

/** The mouse scriptedDrag drives: the DevTools protocol's, or page.mouse (BENCH_MOUSE=playwright). */
async function mouseOf(page) {
  if (process.env.BENCH_MOUSE === 'playwright') {
    return { move: (x, y) => page.mouse.move(x, y), down: () => page.mouse.down(), up: () => page.mouse.up() };
  }
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const cdp = sessions.get(page);
  const send = (type, x, y, buttons) => cdp.send('Input.dispatchMouseEvent', {
    type, x, y, button: type === 'mouseMoved' && !buttons ? 'none' : 'left', buttons, clickCount: type === 'mouseMoved' ? 0 : 1,
  });
  let held = false;
  return {
    move: (x, y) => send('mouseMoved', x, y, held ? 1 : 0),
    down: (x, y) => { held = true; return send('mousePressed', x, y, 1); },
    up: (x, y) => { held = false; return send('mouseReleased', x, y, 0); },
  };
}

/**
 * The control for the machine's speed: the same traced drag of one SVG rect on an otherwise
 * empty page (its pointermove handler sets x and y), i.e. the browser's own cost of a move.
 */
export async function floorDrag(browser, throttle, ms = 3000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.setContent(`<!doctype html><svg width="900" height="640"><rect id="r" x="400" y="300" width="80" height="36" fill="teal"/></svg>
<script>
  const r = document.getElementById('r');
  let down = false;
  addEventListener('pointerdown', () => { down = true; });
  addEventListener('pointerup', () => { down = false; });
  addEventListener('pointermove', (e) => { if (down) { r.setAttribute('x', e.clientX - 40); r.setAttribute('y', e.clientY - 18); } });
</script>`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    return await tracedDrag(cdp, () => scriptedDrag(page, 440, 318, ms));
  } finally {
    await context.close();
  }
}

/** The app's node nearest the middle of `box` (the canvas), where a drag starts: its centre on the screen and id.
 * A node drawn in the SVG is measured there; a large map's painted nodes (src/ui/map/paint/) are
 * placed from the saved map through the view the canvas shows (its transform). */
export function nearestNode(page, box) {
  return page.evaluate(({ x, y }) => {
    let best = null;
    const consider = (id, cx, cy) => {
      const d = Math.hypot(cx - x, cy - y);
      if (!best || d < best.d) best = { d, x: cx, y: cy, id: String(id) };
    };
    const painted = [];
    for (const g of document.querySelectorAll('.map-canvas:not(.map-lift) .node')) {
      const rect = g.querySelector('rect');
      if (!rect) { painted.push(g.dataset.node); continue; }
      const r = rect.getBoundingClientRect();
      consider(g.dataset.node, r.x + r.width / 2, r.y + r.height / 2);
    }
    if (painted.length) {
      const svg = document.querySelector('svg.map-canvas:not(.map-lift)');
      const m = /scale\(([-\d.e]+)\) translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(svg.querySelector(':scope > g[transform]').getAttribute('transform'));
      const [zoom, tx, ty] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const b = svg.getBoundingClientRect();
      const wanted = new Set(painted);
      const maps = Object.keys(localStorage).filter((k) => k.startsWith('cst-workbench.workshop.'))
        .flatMap((k) => { try { return JSON.parse(localStorage.getItem(k)).workshop.maps; } catch { return []; } });
      const map = maps.find((mp) => mp.id === 'm-bench' && mp.nodes.length === document.querySelectorAll('.map-canvas:not(.map-lift) .node').length);
      for (const n of map?.nodes ?? []) if (wanted.has(String(n.id))) consider(n.id, b.left + (n.x + tx) * zoom, b.top + (n.y + ty) * zoom);
    }
    return best;
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

/**
 * The renderer main thread's work while `drag()` runs, from a Chromium trace, attributed to the
 * pointer moves the page handled (not the moves the harness sent: Chromium merges moves that
 * arrive within one frame). Counted from the task that handled the first pointermove after the
 * pointerdown to the one that handled the pointerup, and split at each task that handled a
 * pointermove: a move's cost is every task from that one to the next one (its handlers, the
 * frame it caused, and anything else the page did meanwhile), so a move's cost is a frame's.
 * Both clocks: wall (how long the tasks took) and thread CPU time (Chromium's `tdur`), which
 * does not grow while the thread waits for a core that other processes hold; on a machine
 * shared with other work the wall figure moves with the load and the CPU figure much less.
 */
export async function tracedDrag(cdp, drag) {
  const events = [];
  const collect = (e) => { for (const v of e.value) events.push(v); };
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: ['toplevel', 'devtools.timeline'] },
  });
  const t0 = Date.now();
  const sent = await drag();
  const wall = Date.now() - t0;
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return { sent, drag_wall_ms: wall, ...attribute(events) };
}

const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** tracedDrag's arithmetic on a list of trace events (also used by profile.mjs on its own trace). */
export function attribute(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(key));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(key(e)));
  // The page's main thread is the one that handled pointer events.
  const isPointer = (e) => e.name === 'EventDispatch' && /^pointer(down|move|up)$/.test(e.args?.data?.type ?? '');
  const main = onMain.find(isPointer);
  if (!main) return { moves: 0 };
  const mine = onMain.filter((e) => key(e) === key(main)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level tasks, and the task each pointer event ran in.
  const tasks = [];
  let end = -Infinity;
  for (const e of mine) {
    if (TASK.has(e.name) && e.ts >= end) { tasks.push({ ts: e.ts, dur: e.dur, tdur: e.tdur, down: false, move: false, up: false }); end = e.ts + e.dur; }
  }
  let t = 0;
  for (const e of mine.filter(isPointer)) {
    while (t < tasks.length - 1 && tasks[t].ts + tasks[t].dur < e.ts) t++;
    if (tasks[t].ts <= e.ts && e.ts <= tasks[t].ts + tasks[t].dur) tasks[t][e.args.data.type.slice('pointer'.length)] = true;
  }
  // The first move after the press (the press itself, and the hover before it, are not moves).
  const down = tasks.findIndex((k) => k.down);
  const first = tasks.findIndex((k, i) => i > down && k.move);
  if (first < 0) return { moves: 0 };
  const up = tasks.findIndex((k, i) => i > first && k.up);
  const last = up < 0 ? tasks.length : up;
  const per = [];
  let noClock = 0;
  for (let i = first; i < last; i++) {
    if (tasks[i].move) per.push({ wall: 0, cpu: 0 });
    per.at(-1).wall += tasks[i].dur / 1000;
    // A task now and then comes without its thread time: its wall time stands in (counted).
    if (tasks[i].tdur === undefined) noClock++;
    per.at(-1).cpu += (tasks[i].tdur ?? tasks[i].dur) / 1000;
  }
  const sum = (k) => per.reduce((a, p) => a + p[k], 0);
  const [wall, cpu] = [sum('wall'), sum('cpu')];
  const span = (tasks[last - 1].ts + tasks[last - 1].dur - tasks[first].ts) / 1000;
  return {
    moves: per.length, tasks: last - first, tasks_without_thread_time: noClock, span_ms: span, task_ms: wall, cpu_ms: cpu,
    per_move_ms: wall / per.length, per_move_cpu_ms: cpu / per.length,
    move_cpu: stats(per.map((p) => p.cpu)), move_wall: stats(per.map((p) => p.wall)),
  };
}
