// The Web Worker's start: the time from `new Worker(…)` to its first message (`Ready`: its
// wasm fetched, compiled, instantiated and, since issue 23's one module for the page and the
// worker, the worker's part loaded), on the home page of the release build once it is idle.
// The first start fetches the worker's files (in a build where the worker runs the app's main
// module, that module is already in the browser's cache); later starts are what a job pays after
// Cancel or a crash replaced the worker. The worker is started the way src/ui/jobs.rs starts it:
// a module worker when `<meta name="cstw-worker">` names a `.js` of its own, a classic one for
// Trunk's `_loader.js` shim (builds before that change, through BENCH_DIST). CPU x1.
// Not a test: numbers vary by machine.
// Usage: node tests/e2e/bench/worker-start.mjs [starts]   (after a release build)
import { launchChromium, serveDist, stats } from './common.mjs';

const STARTS = Number(process.argv[2] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4191);

const stop = await serveDist(PORT);
try {
  const browser = await launchChromium();
  const runs = [];
  for (let visit = 0; visit < 3; visit++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('heading', { name: 'Your workshops', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const times = await page.evaluate(async (starts) => {
      const url = document.querySelector('meta[name="cstw-worker"]').getAttribute('content');
      const type = url.endsWith('_loader.js') ? 'classic' : 'module';
      const out = [];
      for (let i = 0; i < starts; i++) {
        const t0 = performance.now();
        const w = new Worker(url, { type });
        await new Promise((resolve, reject) => {
          w.onmessage = resolve;
          w.onerror = (e) => reject(new Error(`the worker failed: ${e.message}`));
        });
        out.push(performance.now() - t0);
        w.terminate();
      }
      return out;
    }, STARTS);
    runs.push(times);
    await context.close();
  }
  await browser.close();
  const firsts = runs.map((t) => t[0]);
  const later = stats(runs.flatMap((t) => t.slice(1)));
  console.log(`Web Worker start, new Worker to Ready (${runs.length} fresh visits, ${STARTS} starts each)`);
  console.log(`  first start of a visit: ${firsts.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  later starts: median ${later.median.toFixed(0)} ms, p95 ${later.p95.toFixed(0)} ms, max ${later.max.toFixed(0)} ms`);
} finally {
  stop();
}
