// The method as practitioners teach it: ought-first questioning ("ideal mapping"), one
// perspective's is/ought gaps largest first, and CSH roles marked on the roster.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

test('ask ought first: the ought answer comes first and Tab goes on to is; the gaps view lists the largest first; both survive a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Ideal mapping' });
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');

  // Question 1 and 3 answered on both sides, question 5 on one.
  await b.isField.fill('Patients on a GP list');
  await b.oughtField.fill('People with the least agency');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(b.meta).toContainText('Question 3 of 12');
  await b.isField.fill('Referral counts');
  await b.oughtField.fill('Lasting change, in their words');
  const gap = b.tension('Gap between is and ought here');
  await gap.getByLabel('Strong').check();
  await gap.getByLabel('Note: Gap between is and ought here').fill('Counts, not change');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(b.meta).toContainText('Question 5 of 12');
  await b.isField.fill('A pilot budget');

  // Is first by default; the switch puts ought first.
  const fields = page.locator('.is-ought textarea');
  await expect(fields.first()).toHaveAttribute('id', 'answer-is');
  const ideal = page.getByRole('checkbox', { name: 'Ask ought first (ideal mapping)' });
  await expect(ideal).not.toBeChecked();
  await ideal.check();
  await expect(fields.first()).toHaveAttribute('id', 'answer-ought');
  await b.oughtField.click();
  await page.keyboard.type('Money beyond the pilot');
  await page.keyboard.press('Tab');
  await expect(b.isField).toBeFocused();
  await expect(b.isField).toHaveValue('A pilot budget');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'method-ought-first');

  // The gaps view: marked first (strong), then both sides answered, then one side.
  await b.show('Gaps');
  const items = page.locator('.gap-list > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('3. Measure of improvement');
  await expect(items.nth(0)).toContainText('strong gap');
  await expect(items.nth(0)).toContainText('Counts, not change');
  await expect(items.nth(1)).toContainText('1. Beneficiary');
  await expect(items.nth(1)).toContainText('not judged yet');
  await expect(items.nth(2)).toContainText('5. Resources');
  // Ought first here too.
  await expect(items.nth(0).locator('dt').first()).toHaveText('Ought');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'method-gaps');

  // Open leads to the question, where the gap can be judged.
  await items.nth(1).getByRole('button', { name: 'Open' }).click();
  await expect(b.meta).toContainText('Question 1 of 12');
  await b.tension('Gap between is and ought here').getByLabel('Some').check();
  await b.show('Gaps');
  await expect(items.nth(1)).toContainText('1. Beneficiary');
  await expect(items.nth(1)).toContainText('some gap');

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  await expect(ideal).toBeChecked();
  await expect(fields.first()).toHaveAttribute('id', 'answer-ought');
  await b.show('Gaps');
  await expect(items.nth(0)).toContainText('3. Measure of improvement');
  await expect(items.nth(1)).toContainText('some gap');

  // Back to is first.
  await b.show('One question');
  await ideal.uncheck();
  await expect(fields.first()).toHaveAttribute('id', 'answer-is');
});

test('roles on the roster: questions 1, 4, 7 and 10 list who holds the role now and who should; marks survive a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Roles' });
  await ws.addStakeholder('Project team', 'Council');
  await ws.addStakeholder('Service users');
  await ws.addStakeholder('People on no list', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');

  const aside = page.locator('aside.role-aside');
  await expect(aside).toContainText('Beneficiary (client) now: nobody marked');
  await aside.locator('summary').click();
  await aside.getByRole('checkbox', { name: 'Service users is' }).check();
  await aside.getByRole('checkbox', { name: 'Service users ought' }).check();
  await aside.getByRole('checkbox', { name: 'People on no list ought' }).check();
  await expect(aside.locator('.role-now')).toHaveText('Service users');
  await expect(aside.locator('.role-ought')).toHaveText('Service users, People on no list');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'method-roles');

  // Question 2 is not a role question; question 4 is the decision-maker.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(aside).toHaveCount(0);
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(b.meta).toContainText('Question 4 of 12');
  await expect(aside).toContainText('Decision-maker now: nobody marked');
  await aside.locator('summary').click();
  await aside.getByRole('checkbox', { name: 'Project team is' }).check();
  await aside.getByRole('checkbox', { name: 'Service users ought' }).check();
  await expect(aside.locator('.role-now')).toHaveText('Project team');
  await expect(aside.locator('.role-ought')).toHaveText('Service users');

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  await expect(b.meta).toContainText('Question 1 of 12');
  await expect(aside.locator('.role-ought')).toHaveText('Service users, People on no list');
  // Unticking removes a holder.
  await aside.locator('summary').click();
  await aside.getByRole('checkbox', { name: 'Service users is' }).uncheck();
  await expect(aside.locator('.role-now')).toHaveText('nobody marked');
});

test('the closing reflection: who was not in the room, the facilitator\'s own judgments, facts, values and boundaries; kept, and in the report', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Reflect' });
  await ws.addStakeholder('Carers', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');
  await b.show('Summary');
  const reflection = page.locator('details.reflection');
  await reflection.locator('summary').click();
  await expect(reflection).toContainText('Affected but not involved, on the roster: Carers.');
  await expect(reflection).toContainText('eternal triangle');
  await page.getByLabel('Who was not in the room?').fill('Carers, and people on no list');
  await page.getByLabel('Your own boundary judgments as facilitator').fill('I chose the question and the roster');
  await page.getByLabel('Values: which values made those facts matter?').fill('Belonging <first>');
  await expectNoAxeViolations(page);
  await reflection.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshotBothSizes(page, 'method-reflection');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeAttached();
  await b.show('Summary');
  await reflection.locator('summary').click();
  await expect(page.getByLabel('Values: which values made those facts matter?')).toHaveValue('Belonging <first>');

  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Report' }).click();
  const part = page.locator('section[aria-labelledby="report-reflection"]');
  await expect(part.getByRole('heading', { name: 'Closing reflection' })).toBeVisible();
  await expect(part).toContainText('Carers, and people on no list');
  await expect(part).toContainText('Belonging <first>');
  await expect(part).not.toContainText('Facts: what did we take');
});

test('the challenge activity: the three uses and prompts shown, a challenge recorded on a question, replied to, kept after a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Polemics' });
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');
  await b.show('Challenge');
  const part = page.locator('section.challenges');
  await expect(part.getByRole('heading', { name: 'Challenge a claim' })).toBeVisible();
  await expect(part).toContainText('rests on a value judgment that expertise cannot settle');
  await part.locator('details.uses summary').click();
  await expect(part).toContainText('Emancipatory critique');
  await expect(part).toContainText('Self-reflection');
  await part.getByLabel('Question').selectOption('3');
  await part.getByLabel('The challenge').fill('Referral counts measure your improvement, not ours');
  await part.getByRole('button', { name: 'Record the challenge' }).click();
  const item = part.locator('.challenge-list > li');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('3. Measure of improvement');
  await expect(part.getByLabel('The challenge')).toHaveValue('');
  await item.getByLabel('Reply of those involved').fill('The funder asks for counts');
  await expectNoAxeViolations(page);
  await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshotBothSizes(page, 'method-challenge');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeAttached();
  await b.show('Challenge');
  await expect(item).toContainText('Referral counts measure your improvement');
  await expect(item.getByLabel('Reply of those involved')).toHaveValue('The funder asks for counts');
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(item).toHaveCount(0);
});
