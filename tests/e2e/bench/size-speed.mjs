// Size and speed report for the release build in ../../../dist:
//  - transfer sizes of wasm, js, css and html: raw, gzip (level 9) and brotli (quality 11);
//  - time to interactive over several cold loads in headless Chromium on loopback, where
//    "interactive" is the moment the app has mounted its <main> (event handlers attached).
// Prints a table and writes report/size-speed.json. Not a test: numbers vary with the machine.
// Usage: node tests/e2e/bench/size-speed.mjs [loads]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST as dist, ROOT as root, launchChromium, serveDist } from './common.mjs';

const LOADS = Number(process.argv[2] ?? 15);
const PORT = 4183;

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

const s = sizes();
const tti = await timeToInteractive();

console.log('Release bundle (dist/)');
console.log('  file'.padEnd(48) + 'raw KB'.padStart(9) + 'gzip KB'.padStart(9) + 'brotli KB'.padStart(11));
for (const r of s.rows) {
  console.log(`  ${r.file}`.padEnd(48) + kb(r.raw).padStart(9) + kb(r.gzip).padStart(9) + kb(r.brotli).padStart(11));
}
console.log('  total'.padEnd(48) + kb(s.total.raw).padStart(9) + kb(s.total.gzip).padStart(9) + kb(s.total.brotli).padStart(11));
console.log(`Time to interactive over ${tti.loads} cold loads on loopback: median ${tti.median_ms.toFixed(0)} ms ` +
  `(min ${tti.min_ms.toFixed(0)}, max ${tti.max_ms.toFixed(0)})`);
console.log('Targets: <= 350 KB compressed in total, <= 400 ms to interactive.');

mkdirSync(join(root, 'report'), { recursive: true });
writeFileSync(join(root, 'report/size-speed.json'), JSON.stringify({ sizes: s, time_to_interactive: tti }, null, 2));
console.log('Written: report/size-speed.json');
