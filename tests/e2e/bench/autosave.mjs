// Autosave in the browser: the time one save of a large workshop takes (serialise + write to
// localStorage + read back and compare), from the app's own `cstw-save` performance measure,
// and the stored size. The workshop matches benches/autosave.rs (roster of 1,000 + 40 KB of
// notes); the activity issues extend both as they land. Not a test: numbers vary by machine.
// Usage: node tests/e2e/bench/autosave.mjs [saves]   (after a release build)
import { launchChromium, serveDist, stats } from './common.mjs';

const SAVES = Number(process.argv[2] ?? 40);
const PORT = 4184;

function largeWorkshop() {
  const roster = Array.from({ length: 1000 }, (_, i) => ({
    id: `s-${String(i).padStart(4, '0')}`,
    name: `Stakeholder ${i} (practice manager, link worker, GP)`,
    group: `Organisation ${i % 37}`,
    involvement: i % 4 === 0 ? 'affected' : 'involved',
  }));
  return JSON.stringify({
    format: 'cst-workbench/workshop', version: 1, app_version: 'bench', revision: 1,
    saved_at: Date.now(), last_exported_at: null,
    workshop: {
      id: 'w-bench', title: 'Large workshop',
      purpose: 'Who benefits, who decides, and who is affected but not involved?',
      date: '', facilitator: '', notes: 'Notes from the day. '.repeat(2000), roster, created_at: 0,
    },
  });
}

const stop = await serveDist(PORT);
try {
  const browser = await launchChromium();
  const results = {};
  for (const throttle of [1, 4]) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('#import-file').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(largeWorkshop()) });
    await page.getByRole('link', { name: 'Large workshop' }).click();
    const notes = page.locator('#detail-facilitator');
    await notes.waitFor();
    const times = [];
    for (let i = 0; i < SAVES; i++) {
      await notes.fill(`Facilitator ${i}`);
      const ms = await page.evaluate(() => {
        window.dispatchEvent(new Event('pagehide')); // save now
        return performance.getEntriesByName('cstw-save').at(-1)?.duration;
      });
      await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
      times.push(ms);
    }
    const size = await page.evaluate(() => localStorage.getItem('cst-workbench.workshop.w-bench').length);
    results[`cpu x${throttle}`] = { ...stats(times), stored_kb: size / 1024 };
    await page.close();
  }
  await browser.close();
  console.log(`autosave in Chromium (${SAVES} saves each; roster of 1,000 + 40 KB notes)`);
  for (const [k, r] of Object.entries(results)) {
    console.log(`  ${k.padEnd(8)} save median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  max ${r.max.toFixed(2)} ms  stored ${r.stored_kb.toFixed(1)} KB`);
  }
  console.log('Targets: <= 5 ms per autosave write, <= 500 KB stored.');
} finally {
  stop();
}
