// The Collect view's camera scanner, with Chromium's fake camera. A phone-emulated context
// scores from the facilitator's invitation and shows its response QR; that QR, screenshotted,
// becomes the video file of a second Chromium's camera; the facilitator's workshop, opened
// there, collects the response by camera for real (decoded in wasm) and counts it once. The
// camera is asked for only when the facilitator presses "Scan with the camera" in Collect (not
// for the Phones view or the invitation alone), with a visible indicator, and every track stops
// when the facilitator leaves; a refused camera, or none, points to the paste box.
import { test, expect } from '../support/fixtures';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LibraryPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { launchWithCamera, recordStreams, writeCameraFile } from '../support/camera';
import { screenshotBothSizes } from '../support/screenshots';

const STATE = 'cst-workbench.scanner-state';

function phonesView(page: Page) {
  return page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true });
}

/** A scoring workshop open at its Phones view, the phones' address given; its invitation. */
async function facilitator(page: Page, baseURL: string): Promise<string> {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Scanned round' });
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  await phonesView(page).click();
  await page.getByLabel('Address for phones').fill(baseURL.replace(/^http:\/\//, ''));
  await page.getByRole('button', { name: 'Use this address' }).click();
  await page.getByRole('button', { name: 'Invite participants' }).click();
  return (await page.locator('.invite-projector').getAttribute('data-address'))!;
}

/** A phone answers every element and sends; the screenshot of its response QR code. */
async function phoneResponse(browser: Browser, address: string, name: string): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const phone = await ctx.newPage();
    await phone.goto(address);
    await phone.getByRole('button', { name: 'All on one page' }).click();
    const cards = phone.locator('.phone-element');
    await expect(cards).toHaveCount(9);
    for (let i = 0; i < 9; i++) {
      await cards.nth(i).locator('.level-button:not(.dont-know)').nth((i % 5)).click();
    }
    await phone.getByLabel('Your name (optional)').fill(name);
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    const qr = phone.getByRole('img', { name: 'QR code of your answers' });
    await expect(qr).toBeVisible();
    return await qr.screenshot();
  } finally {
    await ctx.close();
  }
}

/** A context of `camera` holding the facilitator's storage, failing the test on page errors. */
async function facilitatorWithCamera(camera: Browser, state: Awaited<ReturnType<BrowserContext['storageState']>>, errors: string[]) {
  const ctx = await camera.newContext({ storageState: state, viewport: { width: 1280, height: 720 } });
  await recordStreams(ctx);
  // Every frame's decode time (the page keeps only the latest measure).
  await ctx.addInitScript(() => {
    const w = window as unknown as { __decodes: number[] };
    w.__decodes = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'cstw-qr-decode') w.__decodes.push(e.duration);
    }).observe({ entryTypes: ['measure'] });
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { ctx, page };
}

async function trackStates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)),
  );
}

test('a phone’s response QR held up to the camera is collected once; the camera stops when Collect is left', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const address = await facilitator(page, baseURL!);
  await page.getByRole('dialog', { name: 'Invitation' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Scan with the camera' }).click();
  // This browser has no camera (or gives none to a page without asking): the scanner says so
  // and points to the paste box.
  await expect(page.locator('.scan-refused')).toContainText(/No camera was found|not allowed/);
  await expect(page.locator('.scan-refused')).toContainText('Paste');
  await expect(page.getByLabel('Paste a response link or code')).toBeVisible();

  const png = await phoneResponse(browser, address, 'Ana');
  const file = info.outputPath('response.y4m');
  await writeCameraFile(browser, png, file);
  const workshop = page.url();
  const state = await page.context().storageState();

  const camera = await launchWithCamera(file);
  const errors: string[] = [];
  try {
    const { page: fac } = await facilitatorWithCamera(camera, state, errors);
    await fac.goto(workshop);
    // Collect is not open yet: no camera was asked for.
    await expect(fac.getByRole('heading', { name: 'Collect responses' })).toHaveCount(0);
    expect(await trackStates(fac)).toEqual([]);
    // The Phones view and the invitation on the projector do not start the camera.
    await phonesView(fac).click();
    await expect(fac.locator('.scan-off')).toHaveText('The camera is off.');
    await fac.getByRole('button', { name: 'Invite participants' }).click();
    await expect(fac.locator('.invite-projector')).toBeVisible();
    await fac.waitForTimeout(1_000);
    expect(await trackStates(fac)).toEqual([]);
    await expect(fac.locator('.scan-on, video')).toHaveCount(0);
    await fac.getByRole('dialog', { name: 'Invitation' }).getByRole('button', { name: 'Close' }).click();
    // "Scan with the camera" in Collect turns it on, visibly; the response is read and merged.
    await fac.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(fac.locator('.scan-on[data-camera="on"]')).toBeVisible();
    await expect(fac.locator('.scan-on')).toContainText('Camera on');
    await expect(fac.getByRole('status').filter({ hasText: "Added Ana's scores to Round 1" })).toBeVisible({ timeout: 20_000 });
    await expect(fac.locator('.collect .collect-count')).toHaveText('1 response');
    await fac.locator('.scan').scrollIntoViewIfNeeded();
    await screenshotBothSizes(fac, 'scanner-collect-camera');
    // Held in front of the camera, the same code is taken once: no "already in" refusal, one response.
    await fac.waitForTimeout(1_500);
    await expect(fac.locator('.collect-refused')).toHaveCount(0);
    await expect(fac.locator('.collect .collect-count')).toHaveText('1 response');
    // The decode time of a 640-px frame, as the page measured it (printed for the report).
    const decode = await fac.evaluate(() => (window as unknown as { __decodes: number[] }).__decodes);
    expect(decode.length).toBeGreaterThan(0);
    const sorted = [...decode].sort((a, b) => a - b);
    console.log(`cstw-qr-decode in the page, ${sorted.length} frames: median ${sorted[sorted.length >> 1].toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
    expect(await trackStates(fac)).toEqual(['live']);

    // "Stop the camera" stops it; "Scan with the camera" asks again.
    await fac.getByRole('button', { name: 'Stop the camera' }).click();
    await expect(fac.locator('.scan-on')).toHaveCount(0);
    await expect(fac.locator('.scan-off')).toHaveText('The camera is off.');
    expect(await trackStates(fac)).toEqual(['ended']);
    await fac.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(fac.locator('.scan-on[data-camera="on"]')).toBeVisible();
    expect(await trackStates(fac)).toEqual(['ended', 'live']);

    // Leaving Collect (another view of the section) turns the camera off: every track ended.
    await fac.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Results', exact: true }).click();
    await expect(fac.locator('.scan-on')).toHaveCount(0);
    await expect(fac.locator('video')).toHaveCount(0);
    await expect.poll(() => trackStates(fac)).toEqual(['ended', 'ended']);
    // The merge was saved like any edit: a reload still counts one response.
    await fac.reload();
    await phonesView(fac).click();
    await expect(fac.locator('.collect .collect-count')).toHaveText('1 response');
  } finally {
    await camera.close();
  }
  expect(errors).toEqual([]);
});

test('a refused camera says so and points to the paste box, which still works', async ({ page, baseURL }) => {
  await facilitator(page, baseURL!);
  const workshop = page.url();
  const state = await page.context().storageState();
  const camera = await launchWithCamera(null, false);
  const errors: string[] = [];
  try {
    const { ctx, page: fac } = await facilitatorWithCamera(camera, state, errors);
    await ctx.clearPermissions();
    await fac.goto(workshop);
    await phonesView(fac).click();
    await fac.getByRole('button', { name: 'Scan with the camera' }).click();
    const refused = fac.locator('.scan-refused');
    await expect(refused).toContainText('The camera was not allowed');
    await expect(refused).toContainText('Paste the links or codes participants send you');
    await expect(fac.locator('.scan-on')).toHaveCount(0);
    await refused.scrollIntoViewIfNeeded();
    await screenshotBothSizes(fac, 'scanner-camera-refused');
    // The paste path is right there and takes input (a damaged code gets its plain message).
    await fac.getByLabel('Paste a response link or code').fill('hello');
    await fac.getByRole('button', { name: 'Add response' }).click();
    await expect(fac.getByRole('alert').filter({ hasText: 'damaged or incomplete' })).toBeVisible();
    await expect(fac.getByRole('button', { name: 'Try the camera again' })).toBeVisible();
  } finally {
    await camera.close();
  }
  expect(errors).toEqual([]);
});
