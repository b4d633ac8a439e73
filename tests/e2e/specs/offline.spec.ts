// Offline: after one visit the service worker keeps the app, so with no network at all a
// reload still starts it, and a workshop can be created and saved. Every part of the build is
// kept, not only what the first page loaded: sections never opened online open offline. The
// page names its web app manifest, which the browser reads.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';

async function controlled(page: Page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active !== null && navigator.serviceWorker.controller !== null;
  });
}

test('after one visit the app starts and saves with no network at all', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  // The service worker has kept this build and controls the page.
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cst-workbench-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(cached.some((p) => p.endsWith('.js'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your workshops', level: 1 })).toBeVisible();
  const ws = await lib.create({ title: 'In a village hall' });
  await ws.addStakeholder('Parish council', '', 'involved');
  await ws.saved();
  await page.goto(page.url().split('#')[0] + '#/');
  await page.reload();
  await expect(page.getByRole('link', { name: 'In a village hall', exact: true })).toBeVisible();
  await context.setOffline(false);
});

test('after a visit to the home page only, every section opens with no network', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await controlled(page);
  // Everything the build has is kept, whether or not this visit loaded it.
  const { kept, missing } = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cst-workbench-') && !n.includes('phone'))!);
    const kept = (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop());
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop());
    return { kept, missing: loaded.filter((n) => n && n !== 'sw.js' && !kept.includes(n)) };
  });
  expect(kept.filter((n) => n!.endsWith('.wasm')).length).toBeGreaterThanOrEqual(2); // the app's and its parts
  // Every part loaded on demand (split_<name>-<hash>.wasm, one per page and section, and the
  // Web Worker's) is kept too.
  const parts = kept.filter((n) => /^split_[a-z]+-[0-9a-f]+\.wasm$/.test(n!)).map((n) => n!.split('-')[0]);
  for (const part of ['library', 'workshop', 'boundary', 'maps', 'pictures', 'scoring', 'report', 'present', 'glossary', 'about', 'worker']) {
    expect(parts).toContain(`split_${part}`);
  }
  expect(missing).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your workshops', level: 1 })).toBeVisible();
  const ws = await lib.create({ title: 'Offline from the start' });
  await ws.addStakeholder('Parish council', '', 'involved');
  // Sections this browser has never shown: each opens and works.
  const maps = new MapsPage(page);
  await maps.open();
  await maps.start('blank map');
  await maps.addByDoubleClick(120, 100, 'Bus timetable');
  const nav = page.getByRole('navigation', { name: 'Workshop sections' });
  for (const name of ['Boundary critique', 'Scoring', 'Rich pictures']) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'New picture' }).click();
  await expect(page.locator('svg.picture-canvas')).toBeVisible();
  await nav.getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { name: /^Workshop report: /, level: 2 })).toBeVisible();
  await expect(page.getByText('Bus timetable').first()).toBeVisible();
  await ws.saved();
  await expect(page.locator('#crash')).toBeHidden();
  await context.setOffline(false);
});

test('the page names a web app manifest the browser can read', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href!);
  expect(manifest.name).toBe('CST Workbench');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  const icon = await page.evaluate(async (src) => (await fetch(src)).status, manifest.icons[0].src);
  expect(icon).toBe(200);
});
