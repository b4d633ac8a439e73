// The live room on loopback (issue 25): sync latency from an edit in one browser to the text on
// the other's screen (p95), and the bytes the relay stores per edit. A build with the live
// feature (BENCH_DIST, default dist/) whose CSTW_RELAY is the relay started here. Not a test:
// numbers vary by machine.
// Usage: CSTW_RELAY=ws://127.0.0.1:4390 node tests/e2e/bench/live.mjs [edits]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, serveDist, stats } from './common.mjs';

const EDITS = Number(process.argv[2] ?? 60);
const PORT = 4185;
const relayUrl = new URL((process.env.CSTW_RELAY ?? 'ws://127.0.0.1:4390').replace(/^ws/, 'http'));
const store = mkdtempSync(join(tmpdir(), 'cstw-relay-bench-'));
const relay = spawn('node', [join(ROOT, 'tests/relay/relay.mjs'), relayUrl.port, store], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  await browser.close();
} finally {
  stop();
  relay.kill();
}
