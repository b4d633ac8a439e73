// Parts loaded on demand (issue 23, first load): the home page loads only the main module; a
// workshop and each of its sections fetch their own part the first time they open, and work;
// hovering a section's tab fetches its part ahead; a part that cannot be fetched says so, keeps
// the workshop, and opens once the network is back.
import type { Page } from '@playwright/test';
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

test('the home page loads no part; a workshop and each section fetch theirs when first opened, and work', async ({ page }) => {
  const parts = partsFetched(page);
  const lib = new LibraryPage(page);
  await lib.open();
  await page.waitForLoadState('networkidle');
  expect(parts).toEqual([]);
  await screenshotBothSizes(page, 'parts-home');

  const ws = await lib.create({ title: 'Parts on demand' });
  expect(parts).toEqual(['workshop']);
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
});
