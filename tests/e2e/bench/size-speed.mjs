// Size and speed report for the release build in ../../../dist:
//  - transfer sizes of wasm, js, css and html: raw, gzip (level 9) and brotli (quality 11);
//    their total is the whole app (issue 23: <= 700 KB gzip);
//  - first load (issue 23): the files the page itself fetches until the home page (the
//    workshop library) works, gzip (<= 350 KB): everything requested before the app starts
//    fetching, when the browser is idle, the parts needed next (its `cstw-idle-preload`
//    event); then what that idle preload fetches; then, in one visit, a new workshop and each
//    of its sections opened for the first time: the files each one fetches beyond what came
//    before (its extra bytes, and how many) and the time from the click to its heading
//    (<= 300 ms); then a second visit that opens a workshop at once (no idle preload yet);
//  - time to interactive over several cold loads in headless Chromium on loopback, where
//    "interactive" is the moment the app has mounted its <main> (event handlers attached).
// Prints a table and writes report/size-speed.json. Not a test: numbers vary with the machine.
// Usage: node tests/e2e/bench/size-speed.mjs [loads]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST as dist, ROOT as root, launchChromium, serveDist } from './common.mjs';

const LOADS = Number(process.argv[2] ?? 15);
const PORT = Number(process.env.E2E_PORT || 4183);

const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  const rows = [];
  for (const name of readdirSync(dist)) {
    const kind = extname(name).slice(1);
    if (!['wasm', 'js', 'css', 'html'].includes(kind)) continue;
    // The phone page's own files (join.html, phone-*): measured by bench/phone.mjs.
    if (name === 'join.html' || name.startsWith('phone-')) continue;
    const raw = readFileSync(join(dist, name));
    rows.push({
      file: name,
      kind,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  rows.sort((a, b) => b.raw - a.raw);
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

async function timeToInteractive() {
  const stop = await serveDist(PORT);
  try {
    const browser = await launchChromium();
    const times = [];
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('main#main h1')) {
            window.__interactive = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForFunction(() => window.__interactive !== undefined);
      const t = await page.evaluate(() => window.__interactive);
      if (i > 0) times.push(t); // the first load warms the OS file cache and the browser
      await context.close();
    }
    await browser.close();
    times.sort((a, b) => a - b);
    return {
      loads: times.length,
      median_ms: times[Math.floor(times.length / 2)],
      min_ms: times[0],
      max_ms: times[times.length - 1],
    };
  } finally {
    stop();
  }
}

const gz = (name) => {
  try {
    return gzipSync(readFileSync(join(dist, name)), { level: 9 }).length;
  } catch {
    return 0; // not a file of the build (e.g. "/" itself is index.html, counted by name)
  }
};

// The workshop's sections after "Details and roster", each with the heading that shows it is
// ready. A section loaded on demand counts the files it fetched.
const SECTIONS = [
  ['Boundary critique', { h2: 'Boundary critique' }],
  ['Concept maps', { h2: 'Concept maps' }],
  ['Rich pictures', { h2: 'Rich pictures' }],
  ['Scoring', { h2: 'Scoring' }],
  ['Report', { h2: 'Workshop report' }],
  ['Present', { id: 'present-step-title' }],
];

async function firstLoad() {
  const stop = await serveDist(PORT);
  try {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const fetched = []; // the page's own requests (not the service worker's), in order
    let beforeIdle; // how many were requested before the idle preload started
    await page.exposeFunction('__cstwIdle', () => { beforeIdle ??= fetched.length; });
    await page.addInitScript(() => addEventListener('cstw-idle-preload', () => window.__cstwIdle()));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.port !== String(PORT)) return;
      let name = decodeURIComponent(u.pathname.slice(1)) || 'index.html';
      if (!fetched.includes(name)) fetched.push(name);
    });
    const since = (n) => {
      const files = fetched.slice(n).map((file) => ({ file, gzip: gz(file) }));
      return { files, gzip: files.reduce((t, f) => t + f.gzip, 0) };
    };
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('heading', { name: 'Your workshops', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    if (beforeIdle === undefined) throw new Error('the home page never started its idle preload');
    const home = { ...since(0), files: since(0).files.slice(0, beforeIdle) };
    home.gzip = home.files.reduce((t, f) => t + f.gzip, 0);
    const idle = { ...since(beforeIdle) };
    const steps = [];
    let seen = fetched.length;
    // A new workshop: its page opens on "Details and roster".
    const form = page.locator('details.create');
    if (!(await form.evaluate((d) => d.open))) await form.locator('summary').click();
    await page.getByLabel('Title', { exact: true }).fill('First load');
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.locator('.workshop-head h1').waitFor();
    steps.push({ section: 'Details and roster (new workshop)', ms: Date.now() - clicked, ...since(seen) });
    seen = fetched.length;
    for (const [label, ready] of SECTIONS) {
      // Timed in the page: the click, then the first frame that shows the section's heading.
      const ms = await page.evaluate(async ([label, ready]) => {
        const link = document.querySelector(`nav.sections a[aria-label="${label}"]`);
        const found = () => (ready.id ? document.getElementById(ready.id) !== null
          : link.getAttribute('aria-current') === 'page'
            && [...document.querySelectorAll('h2')].some((h) => h.textContent.trim().startsWith(ready.h2)));
        const t0 = performance.now();
        link.click();
        await new Promise((resolve) => {
          const check = () => (found() ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }, [label, ready]);
      await page.waitForLoadState('networkidle');
      steps.push({ section: label, ms, ...since(seen) });
      seen = fetched.length;
      if (label === 'Present') await page.keyboard.press('Escape');
    }
    // A second visit that opens the example workshop as soon as the home page shows, before
    // the idle preload has fetched anything: the library's part and the workshop's, cold.
    const cold = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page2 = await cold.newPage();
    const fetched2 = [];
    page2.on('request', (r) => {
      const u = new URL(r.url());
      const name = decodeURIComponent(u.pathname.slice(1)) || 'index.html';
      if (u.port === String(PORT) && !fetched2.includes(name)) fetched2.push(name);
    });
    await page2.goto(`http://127.0.0.1:${PORT}/`);
    const open = page2.getByRole('button', { name: 'Open the example workshop' });
    await open.waitFor();
    const n0 = fetched2.length;
    const t0 = Date.now();
    await open.click();
    await page2.locator('.workshop-head h1').waitFor();
    const coldMs = Date.now() - t0;
    await page2.waitForLoadState('networkidle');
    const coldFiles = fetched2.slice(n0).map((file) => ({ file, gzip: gz(file) }));
    const coldOpen = { ms: coldMs, files: coldFiles, gzip: coldFiles.reduce((t, f) => t + f.gzip, 0) };
    await browser.close();
    return { home, idle, sections: steps, cold: coldOpen };
  } finally {
    stop();
  }
}

const s = sizes();

const first = await firstLoad();
const tti = await timeToInteractive();

console.log('Release bundle (dist/)');
console.log('  file'.padEnd(48) + 'raw KB'.padStart(9) + 'gzip KB'.padStart(9) + 'brotli KB'.padStart(11));
// The chunks of code shared by several parts (chunk_<n>-<hash>.wasm, made by wasm-split) on one line.
const chunks = s.rows.filter((r) => /^chunk_\d+-/.test(r.file));
const sum = (rows, k) => rows.reduce((t, r) => t + r[k], 0);
for (const r of s.rows.filter((r) => !chunks.includes(r))) {
  console.log(`  ${r.file}`.padEnd(48) + kb(r.raw).padStart(9) + kb(r.gzip).padStart(9) + kb(r.brotli).padStart(11));
}
if (chunks.length) {
  console.log(`  ${chunks.length} shared chunks (chunk_*.wasm)`.padEnd(48) + kb(sum(chunks, 'raw')).padStart(9) +
    kb(sum(chunks, 'gzip')).padStart(9) + kb(sum(chunks, 'brotli')).padStart(11));
}
console.log('  total'.padEnd(48) + kb(s.total.raw).padStart(9) + kb(s.total.gzip).padStart(9) + kb(s.total.brotli).padStart(11));
console.log(`Time to interactive over ${tti.loads} cold loads on loopback: median ${tti.median_ms.toFixed(0)} ms ` +
  `(min ${tti.min_ms.toFixed(0)}, max ${tti.max_ms.toFixed(0)})`);
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const HOME_KB = 350, APP_KB = 700, SECTION_MS = 300;
console.log(`\nFirst load, gzip -9 of what the page fetches (targets: home <= ${HOME_KB} KB, whole app <= ${APP_KB} KB, a section opened the first time ready in <= ${SECTION_MS} ms)`);
console.log(`  home page (workshop library) works after`.padEnd(58) + `${kb(first.home.gzip).padStart(8)} KB  ${verdict(first.home.gzip / 1024 <= HOME_KB)}`);
console.log(`    ${first.home.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`);
console.log(`  then fetched when the home page is idle (${first.idle.files.length} files)`.padEnd(58) + `${kb(first.idle.gzip).padStart(8)} KB`);
for (const x of first.sections) {
  console.log(`  + ${x.section}`.padEnd(58) + `${kb(x.gzip).padStart(8)} KB  ${x.ms.toFixed(0).padStart(5)} ms  ${verdict(x.ms <= SECTION_MS)}` +
    `  ${String(x.files.length).padStart(2)} files` + (x.files.length ? ` (${x.files.map((f) => f.file.replace(/-[0-9a-f]{16}/, '')).join(', ')})` : ''));
}
const c = first.cold;
console.log(`  example workshop opened before the idle preload (cold)`.padEnd(58) + `${kb(c.gzip).padStart(8)} KB  ${String(c.ms).padStart(5)} ms  ${String(c.files.length).padStart(2)} files`);
console.log(`  whole app (every file above in dist/)`.padEnd(58) + `${kb(s.total.gzip).padStart(8)} KB  ${verdict(s.total.gzip / 1024 <= APP_KB)}`);
const parts = s.rows.filter((r) => /^(split_|chunk_|__wasm_split)/.test(r.file));
// The Web Worker runs the main module with its own part (split_worker) and the chunks it shares;
// a build before that change had a module of its own (cstw-worker*).
const worker = s.rows.filter((r) => r.file.startsWith('cstw-worker') || r.file.startsWith('split_worker-'));
console.log(`    of which parts loaded on demand ${kb(sum(parts, 'gzip'))} KB (${parts.length} files), the Web Worker's own ${kb(sum(worker, 'gzip'))} KB`);
console.log('Targets: <= 400 ms to interactive.');

const targets = {
  home_first_load: { gzip: first.home.gzip, target_kb: HOME_KB, met: first.home.gzip / 1024 <= HOME_KB },
  whole_app: { gzip: s.total.gzip, target_kb: APP_KB, met: s.total.gzip / 1024 <= APP_KB },
  sections: first.sections.map((x) => ({ section: x.section, extra_gzip: x.gzip, files: x.files.length, ms: x.ms, target_ms: SECTION_MS, met: x.ms <= SECTION_MS })),
  idle_preload: { gzip: first.idle.gzip, files: first.idle.files.length },
  cold_workshop_open: { gzip: c.gzip, files: c.files.length, ms: c.ms },
};
mkdirSync(join(root, 'report'), { recursive: true });
writeFileSync(join(root, 'report/size-speed.json'), JSON.stringify({ sizes: s, first_load: first, targets, time_to_interactive: tti }, null, 2));
console.log('Written: report/size-speed.json');
