// The generated concept map every map benchmark draws (map.mjs, compare.mjs, profile.mjs): one
// definition, so all of them, and vis-network and cytoscape.js, get the same graph.

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
 * The scripted drag every map benchmark uses, ours and the libraries': from (x, y), for `ms`,
 * along one path, one page.mouse move a frame (after each move it waits for the page's next
 * animation frame). One move a frame is what a real pointer sends (Chromium lines pointer events
 * up with frames), and it makes "main thread a move" the cost of a frame with a move in it,
 * however fast the harness itself runs. Returns the moves sent.
 */
export async function scriptedDrag(page, x, y, ms = 3000) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < ms) {
    i++;
    await page.mouse.move(x + 120 * Math.sin(i / 20), y + 80 * Math.cos(i / 25));
    await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => r()); }));
  }
  await page.mouse.up();
  return i;
}

/** The app's node nearest the middle of `box` (the canvas), where a drag starts: its centre on the screen and id. */
export function nearestNode(page, box) {
  return page.evaluate(({ x, y }) => {
    let best = null;
    for (const g of document.querySelectorAll('.map-canvas .node')) {
      const r = g.querySelector('rect').getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y);
      if (!best || d < best.d) best = { d, x: r.x + r.width / 2, y: r.y + r.height / 2, id: g.dataset.node };
    }
    return best;
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}
