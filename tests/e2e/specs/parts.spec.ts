// Parts loaded on demand (issue 23, first load): the home page works with the main module
// alone, then, when idle, fetches the library's actions and the workshop page; each section
// fetches its own part the first time it opens, and works; hovering a section's tab fetches
// its part ahead; a part that cannot be fetched says so, keeps the workshop (or the library),
// and opens once the network is back.
import type { Page, Route } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { screenshotBothSizes } from '../support/screenshots';

/** The parts (split_<name>-<hash>.wasm) the page has fetched so far, by name. */
function partsFetched(page: Page) {
  const names: string[] = [];
  page.on('request', (r) => {
    const m = /\/split_([a-z]+)-[0-9a-f]+\.wasm$/.exec(new URL(r.url()).pathname);
    if (m && !names.includes(m[1])) names.push(m[1]);
  });
  return names;
}

test('the home page works without parts, then fetches the workshop\'s when idle; each section fetches its own when first opened, and works', async ({ page }) => {
  const parts = partsFetched(page);
  // What the page had fetched when it started fetching ahead (its `cstw-idle-preload` event).
  await page.addInitScript(() => addEventListener('cstw-idle-preload', () => {
    (window as any).__beforeIdle = performance.getEntriesByType('resource').map((e) => e.name);
  }));
  const lib = new LibraryPage(page);
  await lib.open();
  await page.waitForLoadState('networkidle');
  const beforeIdle: string[] = await page.evaluate(() => (window as any).__beforeIdle);
  expect(beforeIdle.length).toBeGreaterThan(0);
  expect(beforeIdle.filter((u) => /\/(split|chunk)_/.test(u))).toEqual([]);
  // Then, idle, the library's actions and the workshop page.
  await expect.poll(() => parts.slice().sort()).toEqual(['library', 'workshop']);
  await screenshotBothSizes(page, 'parts-home');

  const ws = await lib.create({ title: 'Parts on demand' });
  expect(parts.slice().sort()).toEqual(['library', 'workshop']);
  await ws.addStakeholder('Bus users', '', 'involved');
  await ws.saved();

  const maps = new MapsPage(page);
  await maps.open();
  expect(parts).toContain('maps');
  await maps.start('blank map');
  await maps.addByDoubleClick(120, 100, 'Timetable');
  await expect(page.getByText('Timetable').first()).toBeVisible();
  await screenshotBothSizes(page, 'parts-maps-first-open');

  // Hovering a tab fetches its part before the click.
  const nav = page.getByRole('navigation', { name: 'Workshop sections' });
  expect(parts).not.toContain('scoring');
  await nav.getByRole('link', { name: 'Scoring' }).hover();
  await expect.poll(() => parts.includes('scoring')).toBe(true);
  await nav.getByRole('link', { name: 'Scoring' }).click();
  await expect(page.getByRole('heading', { name: 'Scoring', level: 2 })).toBeVisible();

  await nav.getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { name: /^Workshop report: /, level: 2 })).toBeVisible();
  await expect(page.getByText('Timetable').first()).toBeVisible();
  await expect(page.getByText('Bus users').first()).toBeVisible();
  expect(parts).toContain('report');

  // A section already loaded opens at once, with no "Opening…" line.
  await nav.getByRole('link', { name: 'Concept maps' }).click();
  await expect(page.getByRole('heading', { name: 'Concept maps', level: 2 })).toBeVisible();
  await expect(page.locator('.part-loading')).toHaveCount(0);
  await expect(page.locator('#crash')).toBeHidden();
});

test.describe('when a part cannot be fetched', () => {
  test.describe('the library\'s', () => {
    test.use({ expectedPageErrors: /Failed to fetch|NetworkError|ERR_|TypeError/, serviceWorkers: 'block' });

    test('an action says so and changes nothing, and works once the network is back', async ({ page }) => {
      await page.route(/\/split_library-[0-9a-f]+\.wasm$/, (route) => route.abort('internetdisconnected'));
      const lib = new LibraryPage(page);
      await lib.open();
      const form = page.locator('details.create');
      if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
      await page.getByLabel('Title', { exact: true }).fill('Made offline');
      await page.getByRole('button', { name: 'Create workshop' }).click();
      await expect(page.getByRole('alert')).toContainText('That could not be done');
      await expect(page.getByRole('alert')).toContainText('Nothing was changed');
      await expect(page.getByRole('link', { name: 'Made offline' })).toHaveCount(0);
      await expect(page.locator('#crash')).toBeHidden();
      await page.unroute(/\/split_library-[0-9a-f]+\.wasm$/);
      await page.getByRole('button', { name: 'Create workshop' }).click();
      await expect(page.locator('.workshop-head h1')).toHaveText('Made offline');
    });
  });

  // No service worker: it would answer from the parts it keeps, where this test wants the network.
  test.use({ expectedPageErrors: /Failed to fetch|NetworkError|ERR_|TypeError/, serviceWorkers: 'block' });

  test('the section says so, the workshop stays, and it opens once the network is back', async ({ page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    const ws = await lib.create({ title: 'A flaky network' });
    await ws.addStakeholder('Residents', '', 'affected');
    await ws.saved();
    await page.route(/\/split_boundary-[0-9a-f]+\.wasm$/, (route) => route.abort('internetdisconnected'));
    const nav = page.getByRole('navigation', { name: 'Workshop sections' });
    await nav.getByRole('link', { name: 'Boundary critique' }).click();
    await expect(page.getByRole('alert')).toContainText('Boundary critique could not be opened');
    await expect(page.locator('#crash')).toBeHidden();
    await nav.getByRole('link', { name: 'Details and roster' }).click();
    await expect(page.getByRole('textbox', { name: 'Name or role of Residents' })).toBeVisible();
    // The failure is not remembered: with the network back the section opens.
    await page.unroute(/\/split_boundary-[0-9a-f]+\.wasm$/);
    await nav.getByRole('link', { name: 'Boundary critique' }).click();
    await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
    await expect(page.locator('#crash')).toBeHidden();
  });

  // The Web Worker runs the app's own wasm and fetches its part `worker` itself: when that
  // fails, the worker fails as a crashed one does, the file is not read, nothing changes, and
  // the next worker (started for the next file) reads it once the network is back.
  test('the worker\'s: the file is not read, nothing changes, and it is read once the network is back', async ({ page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    const file = JSON.stringify({
      format: 'cst-workbench/workshop', version: 1, app_version: 'test', revision: 1, saved_at: 1, last_exported_at: null,
      workshop: { id: 'w-part', title: 'Read by the worker', purpose: '', date: '', facilitator: '', notes: '', roster: [], created_at: 0 },
    });
    // Offline, every fetch of the part fails, until the third: that one (the worker started to
    // replace the failed ones) is held, as a fetch on a dying network is, and fails later.
    const blocked: string[] = [];
    let online = false;
    let held: Route | null = null;
    await page.route(/\/split_worker-[0-9a-f]+\.wasm$/, (route) => {
      if (online) return route.continue();
      blocked.push(route.request().url());
      if (blocked.length === 3) {
        held = route;
        return;
      }
      return route.abort('internetdisconnected');
    });
    await lib.importFile('colleague.cstw.json', file);
    // The worker's part failed to load; the job went to one fresh worker, which failed too.
    await expect(lib.alert).toContainText('This file could not be read: \u201ccolleague.cstw.json\u201d. Nothing was changed.');
    expect(blocked.length).toBeGreaterThanOrEqual(2);
    await expect(lib.item('Read by the worker')).toHaveCount(0);
    await expect(page.locator('#crash')).toBeHidden();
    // The network comes back while the replacement worker is still fetching its part: the next
    // file is given to that worker, whose fetch then fails. The file goes to a fresh worker and
    // is read.
    await expect.poll(() => held !== null).toBe(true);
    online = true;
    await lib.importFile('colleague.cstw.json', file);
    // The job waits for that worker (its progress shows after 200 ms); then the fetch fails.
    await expect(page.getByRole('status').filter({ hasText: 'Reading \u201ccolleague.cstw.json\u201d' })).toBeVisible();
    await (held as Route | null)?.abort('internetdisconnected');
    await expect(lib.item('Read by the worker')).toBeVisible();
  });
});
