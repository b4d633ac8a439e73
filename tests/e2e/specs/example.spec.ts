// The example workshop: the paper's case, opened from the home page, with every activity filled
// in; it can be edited like any workshop and reset to a fresh copy.
import { test, expect } from '../support/fixtures';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';
import { MapsPage } from '../support/maps';
import { ScoringPage } from '../support/scoring';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

const TITLE = 'Example: Shropshire social prescribing (illustrative)';

type Page = import('@playwright/test').Page;

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name });
}

/** From the home page, as a person would: "Open the example workshop". */
async function openExample(page: Page): Promise<WorkshopPage> {
  const lib = new LibraryPage(page);
  await lib.open();
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  const ws = new WorkshopPage(page);
  await expect(ws.titleHeading).toHaveText(TITLE);
  return ws;
}

test('the home page offers the example; it opens with its roster and boundary critique', async ({ page }) => {
  test.setTimeout(60_000); // axe-core and screenshots on five full pages
  const lib = new LibraryPage(page);
  await lib.open();
  const box = page.locator('section.example-box');
  await expect(box).toContainText("The paper's case");
  await expect(box).toContainText('not data from the study');
  await expect(box.getByRole('button', { name: /^Reset the example/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'example-home');

  await box.getByRole('button', { name: 'Open the example workshop' }).click();
  const ws = new WorkshopPage(page);
  await expect(ws.titleHeading).toHaveText(TITLE);
  await expect(ws.field('Notes')).toHaveValue(/not data from the study/);
  const names = await ws.rosterValues();
  for (const n of ['Link workers', 'GPs', 'DWP advisers', 'Service users', 'Voluntary and community sector members', 'Disadvantaged and minority groups']) {
    expect(names).toContain(n);
  }
  await expect(page.getByText('12 involved, 4 affected but not involved')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'example-overview');

  // Boundary critique: five perspectives, the first answering question 1 both ways.
  const b = new BoundaryPage(page);
  await b.open();
  for (const p of ['Project team', 'GPs and practice staff', 'Voluntary and community sector', 'Service users', 'People not yet reached']) {
    await expect(b.perspectiveTab(p)).toBeVisible();
  }
  await expect(b.isField).toHaveValue(/heart disease risk lists/);
  await expect(b.oughtField).toHaveValue(/People with low agency/);
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'example-boundary');
  await b.show('Summary');
  await expect(b.tensionItems).toHaveCount(7);
  await expect(b.tensionItems.first()).toContainText('never get a letter');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'example-boundary-summary');

});

test("the example's map, rich picture and two scoring rounds", async ({ page }) => {
  test.setTimeout(60_000); // axe-core and screenshots on three full sections
  await openExample(page);

  // The team vision map, with the group's own additions.
  const maps = new MapsPage(page);
  await maps.open();
  await expect(maps.node('People with low agency')).toBeVisible();
  await expect(maps.node('Voluntary and community groups')).toBeVisible();
  await expect(maps.nodes).toHaveCount(8);
  await expect(maps.links).toHaveCount(11);
  await expectNoAxeViolations(page);
  await maps.inView();
  await screenshotBothSizes(page, 'example-map');

  // The rich picture: stickers with captions, arrows, text and strokes.
  await section(page, 'Rich pictures').click();
  await expect(page.getByRole('heading', { name: 'Rich pictures', level: 2 })).toBeVisible();
  const stickers = page.locator('svg.picture-canvas g.sticker');
  await expect(stickers).toHaveCount(12);
  await expect(stickers.filter({ hasText: 'Short-term funding' })).toHaveCount(1);
  await expect(stickers.filter({ hasText: 'One bus a day,' })).toHaveCount(1);
  await expect(page.locator('svg.picture-canvas g.arrow')).toHaveCount(4);
  await expect(page.locator('svg.picture-canvas text.pic-text').first()).toBeVisible();
  await expect(page.locator('svg.picture-canvas path.stroke')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await page.locator('.picture-canvas-wrap').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await screenshotBothSizes(page, 'example-picture');

  // Scoring: two revealed rounds, Phase 2 better than Phase 1, and a disagreement flagged in each.
  const s = new ScoringPage(page);
  await s.open();
  await s.show('Results');
  await expect(s.round('Steering group, autumn 2018')).toBeVisible();
  await expect(s.round('Steering group, summer 2019')).toHaveAttribute('aria-pressed', 'true');
  await expect(s.statsRow('Communication and feedback')).toHaveClass(/flagged/);
  await expect(s.statsRow('Communication and feedback')).toContainText('split');
  await expect(s.roundsRow('Confidence and commitment').locator('td.num')).toHaveText(['3.4', '4.0', '▲ +0.6']);
  await expectNoAxeViolations(page);
  await page.locator('#scoring-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshotBothSizes(page, 'example-scoring');
  await s.statsRow('Communication and feedback').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshotBothSizes(page, 'example-scoring-flag');
  await page.locator('table.rounds-table').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshotBothSizes(page, 'example-scoring-rounds');
  await s.round('Steering group, autumn 2018').click();
  await expect(s.statsRow('Shared vision')).toHaveClass(/flagged/);
  await expect(s.statsRow('Communication and feedback')).not.toHaveClass(/flagged/);
});

test('edit the example, open it again (the same one), reset it: the edit is gone', async ({ page }) => {
  const ws = await openExample(page);
  const lib = new LibraryPage(page);
  const box = page.locator('section.example-box');

  // An edit, saved like any other.
  await section(page, 'Details and roster').click();
  await ws.field('Facilitator').fill('Somebody else');
  await ws.saved();
  await page.getByRole('link', { name: '← All workshops' }).click();
  await expect(lib.items).toHaveCount(1);
  const row = lib.item(TITLE);
  await expect(row.locator('.example-tag')).toHaveText('Example');

  // Opening it again opens the same workshop, edit and all: no second copy.
  await box.getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(ws.field('Facilitator')).toHaveValue('Somebody else');
  await page.getByRole('link', { name: '← All workshops' }).click();
  await expect(lib.items).toHaveCount(1);

  // Reset: asks first; cancelling changes nothing.
  await box.getByRole('button', { name: 'Reset the example…' }).click();
  const confirm = page.getByRole('group', { name: /Replace the example with a fresh copy/ });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'example-reset-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await box.getByRole('button', { name: 'Reset the example…' }).click();
  await confirm.getByRole('button', { name: 'Reset the example', exact: true }).click();
  await expect(lib.status).toContainText('The example workshop was reset');
  await expect(lib.items).toHaveCount(1);
  await lib.item(TITLE).getByRole('link', { name: TITLE }).click();
  await expect(ws.titleHeading).toHaveText(TITLE);
  await expect(ws.field('Facilitator')).toHaveValue('Example facilitator');
});

test('the example is open in another tab when it is reset: that tab takes the fresh copy', async ({ page, context }) => {
  const ws = await openExample(page);
  await ws.field('Facilitator').fill('Edited here');
  await ws.saved();

  const other = await context.newPage();
  const home = new LibraryPage(other);
  await home.open();
  await other.getByRole('button', { name: 'Reset the example…' }).click();
  await other.getByRole('button', { name: 'Reset the example', exact: true }).click();
  await expect(home.status).toContainText('The example workshop was reset');

  // Nothing unsaved in the first tab, so it follows the newer stored copy.
  await expect(ws.field('Facilitator')).toHaveValue('Example facilitator');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cst-workbench.workshop.w-example-shropshire')!));
  expect(stored.revision).toBeGreaterThan(2);
  expect(stored.workshop.facilitator).toBe('Example facilitator');
});
