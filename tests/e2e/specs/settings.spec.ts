// The display settings: projector theme and colour scheme, remembered across reloads and tabs.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';

test('projector mode switches on and off and is remembered', async ({ app, page }) => {
  await app.open();
  await expect(app.projectorToggle).toHaveAttribute('aria-pressed', 'false');
  const before = await app.heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));

  await app.projectorToggle.click();
  await expect(app.projectorToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  const after = await app.heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  expect(after).toBeGreaterThan(before);

  await app.reload();
  await expect(app.projectorToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');

  await app.projectorToggle.click();
  await app.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'standard');
});

test('the colour scheme can be chosen and is remembered', async ({ app, page }) => {
  await app.open();
  await expect(app.schemePicker).toHaveValue('system');
  const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  await app.setScheme('dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await app.reload();
  await expect(app.schemePicker).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
});

test('"match system" follows the operating system colours', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(dark).not.toBe(light);
});

test('a change in one tab reaches another open tab', async ({ app, context }) => {
  await app.open();
  const other = new App(await context.newPage());
  await other.open('#/about');

  await app.projectorToggle.click();
  await expect(other.page.locator('html')).toHaveAttribute('data-theme', 'projector');
  await expect(other.projectorToggle).toHaveAttribute('aria-pressed', 'true');
});

test('damaged stored settings fall back to the defaults', async ({ app, page }) => {
  await app.open();
  await page.evaluate(() => localStorage.setItem('cst-workbench.settings', '{"theme": 7, "scheme"'));
  await app.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'standard');
  await expect(app.schemePicker).toHaveValue('system');
});
