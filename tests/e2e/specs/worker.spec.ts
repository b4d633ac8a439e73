// Heavy and untrusted work runs in the Web Worker (src/ui/jobs.rs, src/worker.rs), a module
// worker running the app's own wasm with its part `worker`: a crash there while a file is read
// becomes "This file could not be read" and the page keeps working; a 5,000-node layout shows progress and can be cancelled with the map left as it
// was; layout and analysis at 5,000 nodes apply as one undo step; after one online visit the
// worker runs offline too.
import { test, expect } from '../support/fixtures';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { SIZES, screenshotBothSizes } from '../support/screenshots';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/** A map like the benchmarks' (`bench/benchmap.mjs`): a rough grid, about 2 links a node. */
function benchMap(n: number) {
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
  const links: { id: number; from: number; to: number; direction: string; polarity: string }[] = [];
  const pairs = new Set<string>();
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

/** The app's own map file. */
const mapFile = (n: number) => JSON.stringify({ format: 'cst-workbench-map', version: 1, map: benchMap(n) });

const workshopFile = (n: number) =>
  JSON.stringify({
    format: 'cst-workbench/workshop', version: 1, app_version: 'test', revision: 1, saved_at: 1, last_exported_at: null,
    workshop: { id: `w-map-${n}`, title: `Map bench ${n}`, purpose: '', date: '', facilitator: '', notes: '', roster: [], maps: [benchMap(n)], created_at: 0 },
  });

/** Proves the page still works: type in the notes, reload, the text is there. */
async function stillWorks(page: Page, ws: WorkshopPage, text: string) {
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Details and roster' }).click();
  await ws.field('Notes').fill(text);
  await ws.saved();
  await page.reload();
  await expect(ws.field('Notes')).toHaveValue(text);
  await expect(page.locator('#crash')).toBeHidden();
}

/** Makes the next job's worker trap: a real WebAssembly trap, armed by script only. */
const armTrap = (page: Page) => page.evaluate(() => (window as unknown as { cstwTest: { trapNextJob(): void } }).cstwTest.trapNextJob());

/** Every node's place on the canvas, in order. */
/** What the map shows, seen the same way each time: in a 1280x720 window, the whole map fitted in
 * view, then the painted canvas's pixels (a 5,000-node map is painted, src/ui/map/paint.rs) and
 * every node's box drawn in the SVG. Equal for the same places, different when nodes moved. */
const places = async (page: Page) => {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const seen = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const c = document.querySelector('canvas.map-paint') as HTMLCanvasElement | null;
    const rects = [...document.querySelectorAll('.map-canvas:not(.map-lift) .node rect')].map((r) => `${r.getAttribute('x')},${r.getAttribute('y')}`);
    return [c && c.width > 0 ? `${c.width}x${c.height} ${c.toDataURL()}` : '', ...rects];
  });
  if (size) await page.setViewportSize(size);
  return seen;
};

const storedMap = (page: Page, id: string) =>
  page.evaluate((id) => {
    const doc = JSON.parse(localStorage.getItem(`cst-workbench.workshop.${id}`)!);
    return doc.workshop.maps[0].nodes.map((n: { x: number; y: number }) => `${n.x},${n.y}`);
  }, id);

async function openBigMap(page: Page, n: number) {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.importFile('big.cstw.json', workshopFile(n));
  await expect(lib.item(`Map bench ${n}`)).toBeVisible({ timeout: 30_000 });
  await page.evaluate((n) => { location.hash = `#/w/w-map-${n}/maps/m-bench`; }, n);
  await expect(page.locator('.map-canvas .node')).toHaveCount(n, { timeout: 30_000 });
}

// The worker's own console reports the trap it was made to have ("Uncaught RuntimeError:
// unreachable"); the page itself has no error.
test.describe('a crash in the worker', () => {
  test.use({ expectedPageErrors: /RuntimeError: unreachable/ });

  test('while a file is read says plainly it could not be read, and the page keeps working', async ({ page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    // A workshop file.
    const file = workshopFile(3);
    await armTrap(page);
    await lib.importFile('colleague.cstw.json', file);
    await expect(lib.alert).toContainText('This file could not be read: \u201ccolleague.cstw.json\u201d. Nothing was changed.');
    await expect(lib.item('Map bench 3')).toHaveCount(0);
    // The worker was replaced: the same file now imports.
    await lib.importFile('colleague.cstw.json', file);
    await expect(lib.item('Map bench 3')).toBeVisible();

    const ws = await lib.create({ title: 'Worker crashes' });
    // A map file, through "Import a map".
    const m = new MapsPage(page);
    await m.open();
    const map = mapFile(4);
    await armTrap(page);
    await page.locator('#import-map').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(map) });
    const alert = page.locator('.import-notice [role="alert"]');
    await expect(alert).toContainText('This file could not be read: \u201chostile.json\u201d. Nothing was changed.');
    await expect(page.getByRole('button', { name: 'Map of 4' })).toHaveCount(0);
    await screenshotBothSizes(page, 'worker-crash-message');
    await page.locator('#import-map').setInputFiles({ name: 'fine.json', mimeType: 'application/json', buffer: Buffer.from(map) });
    await expect(page.locator('.import-notice [role="status"]')).toContainText('Imported 4 nodes');

    // A picture, through "Open a picture file…".
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Rich pictures' }).click();
    await page.getByRole('button', { name: 'New picture' }).click();
    const picture = JSON.stringify({ id: 'p-1', title: 'Drawn', items: [] });
    await armTrap(page);
    await page.locator('#import-picture').setInputFiles({ name: 'drawn.json', mimeType: 'application/json', buffer: Buffer.from(picture) });
    await expect(page.locator('[role="alert"]').filter({ hasText: 'This file could not be read: \u201cdrawn.json\u201d' })).toBeVisible();
    await page.locator('#import-picture').setInputFiles({ name: 'drawn.json', mimeType: 'application/json', buffer: Buffer.from(picture) });
    await expect(page.locator('[role="status"]').filter({ hasText: 'from \u201cdrawn.json\u201d as a new picture' })).toBeVisible();

    await stillWorks(page, ws, 'typed after three crashed workers');
  });
});

test('a deep file is refused in the worker by the limits, and the page keeps working', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Deep in the worker' });
  const m = new MapsPage(page);
  await m.open();
  const deep = `<graphml><graph>${'<data>'.repeat(100_000)}${'</data>'.repeat(100_000)}</graph></graphml>`;
  await page.locator('#import-map').setInputFiles({ name: 'deep.graphml', mimeType: 'text/xml', buffer: Buffer.from(deep) });
  await expect(page.locator('.import-notice [role="alert"]')).toContainText('\u201cdeep.graphml\u201d was not imported');
  await expect(page.locator('.import-notice [role="alert"]')).toContainText('deeper than this app reads');
  await stillWorks(page, ws, 'typed after a deep file');
});

test.describe('at 5,000 nodes', () => {
  test.setTimeout(300_000);

  test('a force layout shows progress and Cancel leaves the map exactly as it was', async ({ page }) => {
    await openBigMap(page, 5000);
    const before = await places(page);
    const storedBefore = await storedMap(page, 'w-map-5000');
    const force = page.getByRole('button', { name: 'Force-directed' });
    const busy = page.locator('.busy');
    const cancel = busy.getByRole('button', { name: 'Cancel' });
    const undo = page.getByRole('button', { name: 'Undo' });
    /** Starts a force layout and presses Cancel as soon as it shows (after `look`, if given).
     * True if the layout was stopped; false if it ended first (on shared cores it can), in
     * which case the finished layout is taken back (one undo step), leaving the map as it was. */
    const startAndCancel = async (look?: () => Promise<unknown>) => {
      await force.click();
      try {
        await expect(cancel).toBeVisible({ timeout: 30_000 });
        await expect(busy).toContainText('Force-directed layout');
        await look?.();
        // The event itself: at 5,000 nodes a pointer click's scrolling and hit-testing are slow.
        await cancel.dispatchEvent('click', undefined, { timeout: 2_000 });
      } catch {
        // The layout ended before Cancel could be pressed.
      }
      await expect(busy).toHaveCount(0, { timeout: 60_000 });
      // Long enough for a layout that did finish to animate in and become an undo step.
      await page.waitForTimeout(4_000);
      if ((await undo.isEnabled()) || (await places(page)).join() !== before.join()) {
        await expect(undo).toBeEnabled({ timeout: 30_000 });
        await undo.click();
        await expect.poll(() => places(page), { timeout: 30_000 }).toEqual(before);
        await expect(undo).toBeDisabled();
        return false;
      }
      return true;
    };
    let cancelled = false;
    for (let attempt = 0; attempt < 5 && !cancelled; attempt++) cancelled = await startAndCancel();
    expect(cancelled).toBe(true);
    await expect(force).toBeEnabled();
    expect(await places(page)).toEqual(before);
    expect(await storedMap(page, 'w-map-5000')).toEqual(storedBefore);
    await expect(undo).toBeDisabled();
    // The progress and Cancel, for a person to look at (a picture of a 5,000-node page takes
    // seconds, so the layout may end first here; either way the map comes back as it was).
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await force.scrollIntoViewIfNeeded();
      await startAndCancel(() => page.screenshot({ path: fileURLToPath(new URL(`../screenshots/worker-layout-progress-${size.width}x${size.height}.png`, import.meta.url)) }));
    }
    expect(await places(page)).toEqual(before);
  });

  test('layout and analysis apply as one undo step, which restores the map', async ({ page }) => {
    await openBigMap(page, 5000);
    const before = await places(page);
    const storedBefore = await storedMap(page, 'w-map-5000');
    await page.getByRole('button', { name: 'Force-directed' }).click();
    // Applied (animated, then one edit): the stored map changes.
    await expect.poll(() => storedMap(page, 'w-map-5000').then((s) => s.join() !== storedBefore.join()), { timeout: 60_000 }).toBe(true);
    const laidOut = await places(page);
    expect(laidOut).not.toEqual(before);
    await page.getByRole('button', { name: 'Analyse the map' }).click();
    await expect(page.getByRole('heading', { name: 'Bridges between ideas (betweenness)' })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.analysis ol').first().locator('li')).toHaveCount(5);
    // The analysis changed nothing: the map is as the layout left it.
    expect(await places(page)).toEqual(laidOut);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => places(page), { timeout: 30_000 }).toEqual(before);
    await expect.poll(() => storedMap(page, 'w-map-5000'), { timeout: 10_000 }).toEqual(storedBefore);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });
});

test('after one online visit the worker still reads files offline', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active !== null && navigator.serviceWorker.controller !== null;
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cst-workbench-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  // The worker's script (the app's own main module, started in a worker) and its part are kept.
  const worker = await page.locator('meta[name="cstw-worker"]').getAttribute('content');
  expect(worker).toMatch(/^\.\/cstw-worker-[0-9a-f]+\.js$/);
  expect(cached.some((p) => p.endsWith(worker!.slice(1)))).toBe(true);
  expect(cached.filter((p) => /\/split_worker-[0-9a-f]+\.wasm$/.test(p))).toHaveLength(1);

  await context.setOffline(true);
  await page.reload();
  const ws = await lib.create({ title: 'Offline import' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles({ name: 'offline.json', mimeType: 'application/json', buffer: Buffer.from(mapFile(6)) });
  await expect(page.locator('.import-notice [role="status"]')).toContainText('Imported 6 nodes');
  await page.getByRole('button', { name: 'Analyse the map' }).click();
  await expect(page.getByRole('heading', { name: 'Feedback loops' })).toBeVisible();
  await stillWorks(page, ws, 'typed offline');
  await context.setOffline(false);
});
