// The release build as a static host serves it: under its Content-Security-Policy, from the
// root and from a sub-path, with nothing fetched from anywhere else.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';

test('the page carries a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('./');
  const html = await response!.text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(csp, 'CSP meta tag').toBeTruthy();
  const directives = Object.fromEntries(
    csp!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  expect(directives['script-src']).toContain("'self'");
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['script-src'].some((v: string) => v.startsWith("'sha256-"))).toBe(true);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  // Its own origin only; a build with a live room (tools/test.sh's) adds exactly its relay.
  const relay = process.env.CSTW_RELAY?.replace(/\/$/, '');
  expect(directives['connect-src']).toEqual(relay ? ["'self'", relay] : ["'self'"]);
});

test.describe('an injected inline script', () => {
  test.use({ expectedPageErrors: /CSP violation: script-src|Content Security Policy directive 'script-src/ });

  test('is refused while the app keeps working', async ({ app, page }) => {
    await app.open();
    await page
      .addScriptTag({ content: 'window.__injected = true;' })
      .catch(() => undefined);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    await app.goTo('About');
    await expect(app.heading).toHaveText('About CST Workbench');
  });
});

test.describe('served from a sub-path', () => {
  test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/cst-workbench/` });

  test('starts, loads every asset and navigates', async ({ app, page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await app.open();
    await expect(app.heading).toHaveText('Your workshops');
    await expect(page.locator('.brand-mark')).toHaveJSProperty('complete', true);
    expect(await page.locator('.brand-mark').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await app.goTo('About');
    await expect(page).toHaveURL(/\/cst-workbench\/#\/about$/);
    await app.reload();
    await expect(app.heading).toHaveText('About CST Workbench');
    // A file read in the Web Worker: a module worker that loads the app's own wasm and its part
    // `worker` from the sub-path, by URLs relative to its own script.
    const worker: string[] = [];
    page.on('worker', (w) => worker.push(w.url()));
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.importFile('sub-path.cstw.json', JSON.stringify({
      format: 'cst-workbench/workshop', version: 1, app_version: 'test', revision: 1, saved_at: 1, last_exported_at: null,
      workshop: { id: 'w-sub-path', title: 'Read under a sub-path', purpose: '', date: '', facilitator: '', notes: '', roster: [], created_at: 0 },
    }));
    await expect(lib.item('Read under a sub-path')).toBeVisible();
    expect(worker.length).toBeGreaterThan(0);
    expect(worker.every((u) => /\/cst-workbench\/cstw-worker-[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(failed).toEqual([]);
  });
});
