// Where the page's script time goes during an import of a generated N-link GEXF file (importfiles.mjs):
// a V8 sampling CPU profile (CDP Profiler) from the file chosen to the map drawn, summed by
// function as self time. Wasm functions carry names only in a build with them kept (BENCH_DIST
// pointing at a build made with data-keep-debug and without wasm-opt). Not a test.
// Usage: node tests/e2e/bench/cpuprof-import.mjs [links=8000]
import { chromium } from '@playwright/test';
import { workshop } from './benchmap.mjs';
import { CHROMIUM_ARGS, serveDist, mapDrawn } from './common.mjs';
import { FORMATS, graph } from './importfiles.mjs';

const N = Number(process.argv[2] ?? 8000);
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const stop = await serveDist(PORT);
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(10)) });
  await page.getByRole('link', { name: 'Map bench 10' }).waitFor();
  await page.evaluate(() => { location.hash = '#/w/w-map-10/maps'; });
  const field = page.locator('#import-map, #import-map-here').first();
  await field.waitFor({ state: 'attached' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await field.setInputFiles({ name: 'big.gexf', mimeType: 'text/plain', buffer: Buffer.from(FORMATS.gexf(N)) });
  await page.waitForFunction(mapDrawn, [graph(N).nodes, N], { timeout: 120_000, polling: 'raf' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const ms = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  await browser.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = {};
  for (let i = 0; i < profile.samples.length; i++) dt[profile.samples[i]] = (dt[profile.samples[i]] ?? 0) + (profile.timeDeltas[i] ?? 0);
  const self = {};
  const total = {};
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, us] of Object.entries(dt)) {
    const n = byId.get(Number(id));
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self[name] = (self[name] ?? 0) + us;
    const seen = new Set();
    for (let p = Number(id); p !== undefined; p = parent.get(p)) {
      const q = byId.get(p);
      const nm = `${q.callFrame.functionName || '(anon)'} ${q.callFrame.url.split('/').pop()}`;
      if (!seen.has(nm)) { total[nm] = (total[nm] ?? 0) + us; seen.add(nm); }
    }
  }
  console.log(`${N} links: file chosen to map drawn ${ms} ms (profiled)`);
  console.log('self ms:');
  for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / 1000).toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
  console.log('total ms (inclusive):');
  for (const [k, v] of Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${(v / 1000).toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
  // The call tree, as far as each call takes 8 ms or more (inclusive).
  const incl = new Map();
  const sum = (id) => {
    const n = byId.get(id);
    let t = dt[id] ?? 0;
    for (const c of n.children ?? []) t += sum(c);
    incl.set(id, t);
    return t;
  };
  sum(profile.nodes[0].id);
  const walk = (id, depth) => {
    const n = byId.get(id);
    if (incl.get(id) < 8000) return;
    const name = n.callFrame.functionName || '(anon)';
    const boring = /invoke|shim|closure_once|call_once|FnOnce|Queue::new|poll::|run_in_effect|js-to-wasm|wasm-to-js|^real$|handleError|__wbg|__convert/.test(name);
    if (!boring) console.log(`${'  '.repeat(depth)}${(incl.get(id) / 1000).toFixed(1)} ${name.slice(0, 150)}`);
    for (const c of n.children ?? []) walk(c, boring ? depth : depth + 1);
  };
  if (process.env.TREE) walk(profile.nodes[0].id, 0);
} finally {
  stop();
}
