// Offline: after one visit the service worker keeps the app, so with no network at all a
// reload still starts it, and a workshop can be created and saved. The page names its web app
// manifest, which the browser reads.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';

test('after one visit the app starts and saves with no network at all', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  // The service worker has kept this build and controls the page.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active !== null && navigator.serviceWorker.controller !== null;
  });
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
