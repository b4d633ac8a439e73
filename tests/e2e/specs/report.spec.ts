// The report: a workshop with a roster, a critique, a map, a picture and scores shows every
// section on one page; the Markdown has every heading; the HTML file has no script and draws
// its figures as SVG; printed at A4 no figure is clipped and the app around it is hidden.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { App } from '../support/app';
import { seedCritique } from '../support/boundary';
import { MapsPage } from '../support/maps';
import { PicturesPage } from '../support/pictures';
import { ScoringPage } from '../support/scoring';
import { downloadText } from '../support/downloads';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

const SECTIONS = ['What we found', 'Roster', 'Boundary critique', 'Concept maps', 'Rich pictures', 'Scoring', 'Notes'];
const HOSTILE = '<script>window.hacked = 1</script> & "notes"';
const A4 = 794; // CSS pixels across an A4 page at 96 dpi

function section(page: Page, name: 'Details and roster' | 'Concept maps' | 'Rich pictures' | 'Scoring' | 'Report') {
  return page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name, exact: true });
}

/** A seeded critique (roster and answers), then a map, a picture, scores and notes by hand. */
async function fullWorkshop(page: Page) {
  await new App(page).open();
  const id = await seedCritique(page);

  await section(page, 'Details and roster').click();
  await page.locator('section.details').getByLabel('Notes', { exact: true }).fill(HOSTILE);

  const maps = new MapsPage(page);
  await maps.open();
  await maps.start('team vision map');

  await section(page, 'Rich pictures').click();
  await expect(page.getByRole('heading', { name: 'Rich pictures', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'New picture' }).click();
  const pictures = new PicturesPage(page);
  await expect(pictures.canvas).toBeVisible();
  await pictures.show();
  await pictures.addSticker('Person', 'Link worker on the phone');

  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  await s.addScorer('Ann');
  await s.show('Score in turn');
  await s.scoreByKeyboard('Ann', ['4', '4', '3', '4', '1', '2', '3', '4', '5']);
  return id;
}

async function openReport(page: Page) {
  await section(page, 'Report').click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByRole('heading', { name: /^Workshop report: /, level: 2 })).toBeVisible();
}

test('the report gathers every section, downloads as Markdown and HTML, and prints at A4 without clipping', async ({ page }) => {
  await fullWorkshop(page);
  await openReport(page);
  const report = page.locator('.report');
  for (const name of SECTIONS) await expect(report.getByRole('heading', { name, exact: true, level: 3 })).toBeVisible();
  await expect(report).toContainText('Link workers');
  await expect(report).toContainText('Who the scheme is for: attenders or people with low agency');
  await expect(report).toContainText('People with low agency'); // the vision map's focus
  await expect(report).toContainText('Person: Link worker on the phone');
  await expect(report).toContainText('Not on this picture:');
  await expect(report.locator('table.report-scores tbody tr').first()).toContainText('Support and wellbeing focus');
  await expect(report.locator('.report-notes')).toHaveText(HOSTILE);
  // Figures: the map, the picture, and three charts for the one round.
  await expect(report.locator('figure.report-figure svg')).toHaveCount(5);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await expect(page.locator('main script')).toHaveCount(0);

  // The Markdown has every section heading.
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(md.suggestedFilename()).toMatch(/^shropshire-social-prescribing-report-\d{4}-\d{2}-\d{2}\.md$/);
  const text = await downloadText(md);
  expect(text.startsWith('# Workshop report: Shropshire social prescribing\n')).toBe(true);
  for (const name of SECTIONS) expect(text).toContain(`\n## ${name}\n`);
  expect(text).toContain('```mermaid');
  expect(text).toContain('\\<script\\>window.hacked');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded shropshire-social-prescribing-report-' })).toBeVisible();

  // The HTML file stands alone: no script, its figures inline SVG.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.html$/);
  const html = await downloadText(file);
  expect(html.toLowerCase()).not.toContain('<script');
  expect(html).not.toMatch(/\s(src|href)=/);
  const other = await page.context().newPage();
  await other.setContent(html);
  await expect(other.locator('script')).toHaveCount(0);
  await expect(other.locator('h1')).toHaveText('Workshop report: Shropshire social prescribing');
  for (const name of SECTIONS) await expect(other.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
  await expect(other.locator('figure svg')).toHaveCount(5);
  await expect(other.locator('.report-notes')).toHaveText(HOSTILE);
  expect(await other.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await other.setViewportSize({ width: 1024, height: 768 });
  await other.screenshot({ path: new URL('../screenshots/report-html-file-1024x768.png', import.meta.url).pathname });
  await other.close();

  // Printed: A4 wide, the app's chrome hidden, no figure wider than the page.
  await page.setViewportSize({ width: A4, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.app-footer')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Workshop sections' })).toBeHidden();
  await expect(page.locator('.report-actions')).toBeHidden();
  await expect(page.locator('main h1')).toBeHidden();
  const figures = await page.locator('figure.report-figure').evaluateAll((els) =>
    els.map((f) => {
      const svg = f.querySelector('svg')!.getBoundingClientRect();
      return { left: svg.left, right: svg.right, width: svg.width, scroll: f.scrollWidth, client: f.clientWidth };
    }),
  );
  expect(figures).toHaveLength(5);
  for (const f of figures) {
    expect(f.left).toBeGreaterThanOrEqual(0);
    expect(f.right).toBeLessThanOrEqual(A4);
    expect(f.width).toBeGreaterThan(100);
    expect(f.scroll).toBeLessThanOrEqual(f.client);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4);
  const colours = await page.locator('.report').evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.color, getComputedStyle(document.body).backgroundColor];
  });
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.screenshot({ path: new URL('../screenshots/report-print-794.png', import.meta.url).pathname, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

for (const theme of ['standard', 'projector'] as const) {
  test(`the report is axe-clean, with screenshots: ${theme}`, async ({ page }) => {
    await fullWorkshop(page);
    const app = new App(page);
    await app.setTheme(theme);
    await openReport(page);
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await screenshotBothSizes(page, `report-${theme}`);
    await page.locator('#report-maps').scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, `report-${theme}-maps`);
    await page.locator('#report-scoring').scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, `report-${theme}-scoring`);
  });
}
