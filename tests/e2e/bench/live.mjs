// The live room on loopback (issue 25): sync latency from an edit in one browser to the text on
// the other's screen (p95), the bytes the relay stores per edit, 25 phones' responses through
// the room (from the sends to the facilitator's count), and what a room with a 1,000-node map
// costs the relay (its heap and resident memory, before and after the room is opened and
// joined). A build with the live feature (BENCH_DIST, default dist/) whose CSTW_RELAY is the
// relay started here. Not a test: numbers vary by machine.
// Usage: CSTW_RELAY=ws://127.0.0.1:4390 node tests/e2e/bench/live.mjs [edits] [phones] [map nodes]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, serveDist, stats } from './common.mjs';
import { benchMap, workshop } from './benchmap.mjs';

const EDITS = Number(process.argv[2] ?? 60);
const PHONES = Number(process.argv[3] ?? 25);
const NODES = Number(process.argv[4] ?? 1000);
const PORT = 4185;
const relayUrl = new URL((process.env.CSTW_RELAY ?? 'ws://127.0.0.1:4390').replace(/^ws/, 'http'));
const store = mkdtempSync(join(tmpdir(), 'cstw-relay-bench-'));
const relay = spawn('node', ['--expose-gc', join(ROOT, 'tests/relay/relay.mjs'), relayUrl.port, store], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => relay.stdout.on('data', (d) => String(d).includes('relay on') && resolve()));
const stored = () => readdirSync(store).reduce((n, f) => n + statSync(join(store, f)).size, 0);

const stop = await serveDist(PORT);
try {
  const browser = await launchChromium();
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const p of [a, b]) await p.addInitScript(() => localStorage.setItem('cst-workbench.tour', 'done'));
  await a.goto(`http://127.0.0.1:${PORT}/#/`);
  await a.getByRole('button', { name: 'Open the example workshop' }).click();
  await a.getByRole('button', { name: 'Open a live room' }).click();
  await a.getByText('Connected').waitFor();
  const link = await a.getByLabel('Link for the others').inputValue();
  await b.goto(link.replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${PORT}`));
  await b.getByText('Connected').waitFor();
  await b.locator('#detail-facilitator').waitFor();
  const before = stored();
  const field = a.getByLabel('Facilitator');
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const value = `Facilitator ${i}`;
    // Timed in the second page: from the keystroke's moment (page clocks agree: one machine)
    // to the moment its field shows the text.
    const seen = b.evaluate((v) => new Promise((resolve) => {
      const input = document.querySelector('#detail-facilitator');
      const check = () => (input.value === v ? resolve(performance.timeOrigin + performance.now()) : requestAnimationFrame(check));
      check();
    }), value);
    const t0 = await a.evaluate(() => performance.timeOrigin + performance.now());
    await field.fill(value);
    times.push((await seen) - t0);
  }
  await new Promise((r) => setTimeout(r, 500));
  const s = stats(times);
  console.log(`sync latency, edit to other screen (${EDITS} edits): median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`);
  console.log(`relay storage: ${((stored() - before) / EDITS).toFixed(0)} bytes per edit (whole-field replace of ~13 characters)`);
  await phones(browser);
  await bigRoom(browser);
  await browser.close();
} finally {
  stop();
  relay.kill();
}

/** PHONES participants send their scores through the room at once: ms to the facilitator's count. */
async function phones(browser) {
  const f = await (await browser.newContext()).newPage();
  await f.addInitScript(() => localStorage.setItem('cst-workbench.tour', 'done'));
  await f.goto(`http://127.0.0.1:${PORT}/#/`);
  const form = f.locator('details.create');
  if (!(await form.evaluate((d) => d.open))) await form.locator('summary').click();
  await f.getByLabel('Title', { exact: true }).fill('Phones bench');
  await f.getByRole('button', { name: 'Create workshop' }).click();
  await f.getByRole('button', { name: 'Open a live room' }).click();
  await f.getByText('Connected').waitFor();
  await f.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Scoring' }).click();
  await f.getByRole('button', { name: 'Score the positive relational cycle' }).click();
  await f.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  await f.getByLabel('Address for phones').fill(`127.0.0.1:${PORT}/`);
  await f.getByRole('button', { name: 'Use this address' }).click();
  await f.getByRole('button', { name: 'Invite participants' }).click();
  const address = await f.locator('.invite-projector').getAttribute('data-address');
  await f.getByRole('dialog', { name: 'Invitation' }).getByRole('button', { name: 'Close' }).click();
  const pages = [];
  for (let i = 0; i < PHONES; i++) {
    const p = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await p.goto(address);
    await p.getByRole('button', { name: 'All on one page' }).click();
    await p.locator('.phone-element').first().locator('.level-button:not(.dont-know)').nth(i % 5).click();
    pages.push(p);
  }
  const t0 = Date.now();
  await Promise.all(pages.map((p) => p.getByRole('button', { name: 'Send my answers' }).click()));
  await f.locator('.collect .collect-count').getByText(`${PHONES} responses`).waitFor({ timeout: 60_000 });
  console.log(`${PHONES} phones' responses through the room: all counted at the facilitator ${Date.now() - t0} ms after the sends began`);
  for (const p of pages) await p.context().close();
  await f.context().close();
}

/** What a room holding a NODES-node map costs the relay. */
async function bigRoom(browser) {
  const memory = async () => (await fetch(`${relayUrl.origin}/memory`)).json();
  const a = await (await browser.newContext()).newPage();
  await a.addInitScript(() => localStorage.setItem('cst-workbench.tour', 'done'));
  await a.goto(`http://127.0.0.1:${PORT}/#/`);
  const before = await memory();
  const storedBefore = stored();
  await a.locator('#import-file').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(workshop(NODES)) });
  await a.getByRole('link', { name: `Map bench ${NODES}` }).click();
  await a.getByRole('button', { name: 'Open a live room' }).click();
  await a.getByText('Connected').waitFor();
  const link = await a.getByLabel('Link for the others').inputValue();
  const b = await (await browser.newContext()).newPage();
  await b.addInitScript(() => localStorage.setItem('cst-workbench.tour', 'done'));
  await b.goto(link);
  await b.getByText('Connected').waitFor({ timeout: 60_000 });
  await new Promise((r) => setTimeout(r, 1000));
  const after = await memory();
  const mb = (x) => (x / 1048576).toFixed(1);
  const links = benchMap(NODES).links.length;
  // The sealed values are binary: Yjs keeps them in ArrayBuffers, counted as `external`.
  const held = (m) => m.heapUsed + m.external;
  console.log(`relay, a room with a ${NODES}-node, ${links}-link map, two browsers in it: heap and buffers +${mb(held(after) - held(before))} MB (${mb(held(after))} MB in all), resident +${mb(after.rss - before.rss)} MB, stored ${mb(stored() - storedBefore)} MB`);
  await a.context().close();
  await b.context().close();
}
