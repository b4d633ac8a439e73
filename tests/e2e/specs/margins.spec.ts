// Midgley's boundary analysis: stakeholders and issues placed inside the primary boundary, in
// the marginal zone or outside the secondary boundary (by drag and by select), sacred and profane
// marks, what holds the boundaries in place; kept after a reload, in the report, in presenting,
// and feeding "What we found" together with the closing reflection.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';
import { PresentPage } from '../support/present';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

test('the marginal zone: place by drag and by select, mark sacred or profane, say what holds it; kept, reported, presented, found', async ({ page }) => {
  test.setTimeout(90_000);
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Margins' });
  await ws.addStakeholder('Link workers', 'Project team');
  await ws.addStakeholder('Carers', '', 'affected');
  await ws.addStakeholder('People on no list', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Margins', exact: true }).click();

  const view = page.locator('.margins');
  await expect(view).toContainText('Midgley (2000)');
  const zone = (name: string) => page.getByRole('region', { name, exact: true });
  const inside = zone('Inside the primary boundary');
  const marginal = zone('Marginal zone');
  const outside = zone('Outside the secondary boundary');
  const tray = zone('Not placed yet');
  await expect(tray.locator('.chip')).toHaveCount(3);
  await expect(marginal).toContainText('Nothing here yet');

  await page.getByLabel('Primary boundary: what does the narrower boundary take in').fill('The referral pathway');
  await page.getByLabel('Secondary boundary: what does the wider boundary take in').fill('Everyone the scheme touches');

  // By select (keyboard): Carers into the margin.
  await tray.getByLabel('Where Carers sits').selectOption('marginal');
  await expect(marginal.locator('.chip')).toHaveCount(1);
  await expect(marginal).toContainText('Carers');
  // By drag: the link workers inside the primary boundary.
  await tray.locator('.chip', { hasText: 'Link workers' }).locator('.chip-name').dragTo(inside);
  await expect(inside.locator('.chip')).toHaveCount(1);
  await expect(inside).toContainText('Link workers');
  await expect(tray.locator('.chip')).toHaveCount(1);
  // An issue, straight into the margin; another outside, then dragged into the margin.
  await tray.getByLabel('An issue').fill('Bus fares <rural>');
  await tray.getByRole('button', { name: 'Add issue' }).click();
  await expect(marginal.locator('.chip')).toHaveCount(2);
  await tray.getByLabel('An issue').fill('Housing');
  await tray.getByLabel('Zone of the new issue').selectOption('outside');
  await tray.getByRole('button', { name: 'Add issue' }).click();
  await expect(outside.locator('.chip.issue')).toHaveText(/Housing/);
  await outside.locator('.chip', { hasText: 'Housing' }).locator('.chip-name').dragTo(marginal);
  await expect(marginal.locator('.chip')).toHaveCount(3);
  await expect(outside.locator('.chip')).toHaveCount(0);

  // Marks: only in the margin.
  await expect(inside.getByLabel('Mark of Link workers')).toHaveCount(0);
  await marginal.getByLabel('Mark of Carers').selectOption('profane');
  await marginal.getByLabel('Mark of Bus fares <rural>').selectOption('sacred');
  await expect(marginal.locator('.chip.profane')).toContainText('Carers');
  await expect(marginal.locator('.chip.sacred')).toContainText('Bus fares <rural>');
  await page.getByLabel('What holds the boundaries in place?').fill('The monthly form counts GP referrals only');
  // Housing goes back out; an issue has no "not placed".
  await marginal.getByLabel('Where Housing sits').selectOption('outside');
  await expect(outside.locator('.chip')).toHaveCount(1);
  await expect(outside.getByLabel('Where Housing sits').locator('option')).toHaveText(['inside', 'marginal', 'outside']);
  await expectNoAxeViolations(page);
  await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshotBothSizes(page, 'method-margins');
  const app = new App(page);
  await app.setTheme('projector');
  await page.locator('.margins-board').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'method-margins-projector');
  await app.setTheme('standard');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeAttached();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Margins', exact: true }).click();
  await expect(marginal.locator('.chip.profane')).toContainText('Carers');
  await expect(inside).toContainText('Link workers');
  await expect(page.getByLabel('What holds the boundaries in place?')).toHaveValue('The monthly form counts GP referrals only');
  // The select moves a stakeholder back to the tray.
  await inside.getByLabel('Where Link workers sits').selectOption('unplaced');
  await expect(inside.locator('.chip')).toHaveCount(0);
  await expect(tray.locator('.chip', { hasText: 'Link workers' })).toHaveCount(1);

  // The closing reflection feeds what we found.
  await b.show('Summary');
  await page.locator('details.reflection summary').click();
  await page.getByLabel('Who was not in the room?').fill('Carers, and people on no list');
  await page.getByLabel('Your own boundary judgments as facilitator').fill('I chose whom to invite');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // The report: the analysis under the critique, and what we found first.
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Report' }).click();
  const found = page.locator('section[aria-labelledby="report-findings"]');
  await expect(found.getByRole('heading', { name: 'What we found' })).toBeVisible();
  await expect(found).toContainText('In the marginal zone: Carers (profane), Bus fares <rural> (sacred)');
  await expect(found).toContainText('Not in the room: Carers, and people on no list');
  await expect(found).toContainText("The facilitator’s own boundary judgments: I chose whom to invite");
  const critique = page.locator('section[aria-labelledby="report-boundary"]');
  await expect(critique.getByRole('heading', { name: 'Boundary analysis: the marginal zone' })).toBeVisible();
  await expect(critique.locator('table.report-margins')).toContainText('Bus fares <rural> (issue, sacred)');
  await expect(critique).toContainText('The monthly form counts GP referrals only');

  // Presenting: the analysis is a step of its own, and what we found ends the show.
  const p = new PresentPage(page);
  await p.start();
  const url = page.url().replace(/\/present.*$/, '/present/margins');
  await page.goto(url);
  await p.ready();
  await expect(p.heading).toHaveText('Boundary analysis: the marginal zone');
  await expect(p.body.getByRole('region', { name: 'Marginal zone' })).toContainText('Carers');
  await expect(p.body.locator('select')).toHaveCount(0);
  await expect(p.body.locator('.margins-read')).toContainText('The referral pathway');
  await expect(p.body.locator('.margins-read')).toContainText('The monthly form counts GP referrals only');
  await screenshotBothSizes(page, 'method-margins-present');
  await page.goto(url.replace('/margins', '/summary'));
  await p.ready();
  await expect(p.heading).toHaveText('What we found');
  await expect(p.body).toContainText('In the marginal zone: Carers (profane), Bus fares <rural> (sacred)');
  await expect(p.body).toContainText('Not in the room: Carers, and people on no list');
  await expect(p.body).toContainText('What holds the boundaries in place: The monthly form counts GP referrals only');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'method-found-present');
});
