// The participant's phone page (join.html, its own small binary; issue 19):
//  - first-load bytes: join.html and every file it loads (stylesheets, crash.js, icon, the
//    phone module's JS and wasm), raw and gzip (level 9), against <= 150 KB gzip in total;
//  - time to interactive of a join address over several cold loads at CPU x1 and x4 (CDP
//    Emulation.setCPUThrottlingRate), in a phone-sized context (390x844, touch), where
//    "interactive" is the moment the first level button exists (its handler is attached as it
//    is made), against <= 1 s at x4;
//  - that no file of the facilitator's app was requested by the phone.
// The join address is made by the facilitator's app itself (a workshop scoring the cycle), so
// it is always a code of this build's format. Writes report/phone.json.
// Usage: node tests/e2e/bench/phone.mjs [loads]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST as dist, ROOT as root, launchChromium, serveDist, stats } from './common.mjs';

const LOADS = Number(process.argv[2] ?? 15);
const PORT = 4185;
const BASE = `http://127.0.0.1:${PORT}/`;
const kb = (n) => (n / 1024).toFixed(1);

/** join.html and the files it names (href / src), with the wasm its module loads. */
function phoneFiles() {
  const html = readFileSync(join(dist, 'join.html'), 'utf8');
  const names = new Set(['join.html']);
  for (const m of html.matchAll(/(?:href|src|from)\s*=?\s*["']?\.?\/?([^"'\s>#?]+)/g)) {
    if (existsSync(join(dist, m[1])) && !m[1].includes('/')) names.add(m[1]);
  }
  for (const n of [...names]) if (n.endsWith('.js') && existsSync(join(dist, n.replace(/\.js$/, '_bg.wasm')))) names.add(n.replace(/\.js$/, '_bg.wasm'));
  return [...names].map((file) => {
    const raw = readFileSync(join(dist, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  }).sort((a, b) => b.raw - a.raw);
}

/** A join address made by the facilitator's app. */
async function joinAddress(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE}#/`);
  const form = page.locator('details.create');
  if (!(await form.evaluate((d) => d.open))) await form.locator('summary').click();
  await page.getByLabel('Title', { exact: true }).fill('Phone bench');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Scoring' }).click();
  await page.getByRole('button', { name: 'Score the positive relational cycle' }).click();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  await page.getByLabel('Address for phones').fill(BASE.replace(/^http:\/\//, ''));
  await page.getByRole('button', { name: 'Use this address' }).click();
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const address = await page.locator('.invite-projector').getAttribute('data-address');
  await ctx.close();
  return address;
}

async function timeToInteractive(browser, address, rate) {
  const times = [];
  const foreign = new Set();
  for (let i = 0; i < LOADS + 1; i++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    ctx.on('request', (r) => { if (/cst-workbench-/.test(r.url())) foreign.add(r.url()); });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('.level-button')) {
          window.__interactive = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(address);
    await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 30_000 });
    const t = await page.evaluate(() => window.__interactive);
    if (i > 0) times.push(t); // the first load warms the OS file cache and the browser
    await ctx.close();
  }
  return { loads: times.length, ...stats(times), min: Math.min(...times), foreign: [...foreign] };
}

const files = phoneFiles();
const total = files.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const stop = await serveDist(PORT);
let x1;
let x4;
let address;
try {
  const browser = await launchChromium();
  address = await joinAddress(browser);
  x1 = await timeToInteractive(browser, address, 1);
  x4 = await timeToInteractive(browser, address, 4);
  await browser.close();
} finally {
  stop();
}

console.log('Phone page first load (join.html and what it loads)');
console.log('  file'.padEnd(48) + 'raw KB'.padStart(9) + 'gzip KB'.padStart(9));
for (const r of files) console.log(`  ${r.file}`.padEnd(48) + kb(r.raw).padStart(9) + kb(r.gzip).padStart(9));
console.log('  total'.padEnd(48) + kb(total.raw).padStart(9) + kb(total.gzip).padStart(9));
const met = (ok) => (ok ? 'met' : 'MISSED');
console.log(`  first load ${kb(total.gzip)} KB gzip; target <= 150 KB: ${met(total.gzip / 1024 <= 150)}`);
for (const [rate, t] of [[1, x1], [4, x4]]) {
  console.log(`  time to interactive, cpu x${rate}, ${t.loads} cold loads: median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, p95 ${t.p95.toFixed(0)}, max ${t.max.toFixed(0)})` +
    (rate === 4 ? `; target <= 1000 ms at x4: ${met(t.median <= 1000)}` : ''));
}
const foreign = [...new Set([...x1.foreign, ...x4.foreign])];
console.log(foreign.length ? `  MISSED: the phone requested the facilitator's app: ${foreign.join(', ')}` : "  the phone requested no file of the facilitator's app: met");
mkdirSync(join(root, 'report'), { recursive: true });
writeFileSync(join(root, 'report/phone.json'), JSON.stringify({ address_length: address.length, files, total, tti_x1: x1, tti_x4: x4 }, null, 2));
console.log('Written: report/phone.json');
