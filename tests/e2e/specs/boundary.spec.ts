// Boundary critique: perspectives answer the twelve questions in is and ought mode.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';

test('answer questions from two perspectives by keyboard; everything is there after a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Critique' });
  await ws.addStakeholder('GPs', 'Practices');
  await ws.addStakeholder('Voluntary sector', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await expect(page).toHaveURL(/\/boundary$/);
  await expect(page.getByText('Add a perspective to begin')).toBeVisible();

  await b.addPerspective('Core team');
  await expect(b.meta).toContainText('Question 1 of 12');
  await expect(b.meta).toContainText('Motivation');
  await expect(b.answeringAs).toHaveText('Core team');
  await b.isField.fill('Frequent attenders at GP practices');
  await page.keyboard.press('Tab');
  await expect(b.oughtField).toBeFocused();
  await page.keyboard.type('People with low agency');

  await page.keyboard.press('Alt+ArrowRight');
  await expect(b.meta).toContainText('Question 2 of 12');
  await expect(b.isField).toHaveValue('');
  await b.isField.fill('Fewer GP appointments');

  await b.addPerspective('Voluntary sector view');
  await expect(b.answeringAs).toHaveText('Voluntary sector view');
  await expect(b.isField).toHaveValue('');
  await b.oughtField.fill('Community groups as equal partners');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(b.answeringAs).toHaveText('Core team');
  await expect(b.isField).toHaveValue('Fewer GP appointments');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(b.meta).toContainText('Question 1 of 12');
  await expect(b.oughtField).toHaveValue('People with low agency');
  await expect(b.perspectiveTab('Core team')).toContainText('3/24');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  await expect(b.isField).toHaveValue('Frequent attenders at GP practices');
  await b.perspectiveTab('Voluntary sector view').click();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(b.oughtField).toHaveValue('Community groups as equal partners');
});

test('the table shows every answer and what is still open, and leads to a question', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Table' });
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('GPs');
  await page.keyboard.press('Alt+ArrowLeft'); // wraps round to question 12
  await expect(b.meta).toContainText('Question 12 of 12');
  await expect(b.meta).toContainText('Legitimacy');
  await b.isField.fill('Cost saving first');

  await page.getByRole('button', { name: 'All twelve as a table' }).click();
  await expect(page.getByText('1 of 24 answers given')).toBeVisible();
  const table = page.locator('table.csh-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr').nth(3)).toContainText('Cost saving first');
  await expect(table.locator('td dd.open')).toHaveCount(23);
  await table.getByRole('button', { name: /^9\./ }).click();
  await expect(b.meta).toContainText('Question 9 of 12');
  // A presentation clicker's Page Down / Page Up step through the questions.
  await page.keyboard.press('PageDown');
  await expect(b.meta).toContainText('Question 10 of 12');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(b.meta).toContainText('Question 8 of 12');
});

test('a perspective is linked to roster entries, and answers undo like any edit', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Links' });
  await ws.addStakeholder('Service users', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Users');
  await page.getByText('Name and who this perspective speaks for').click();
  const box = page.getByRole('checkbox', { name: /Service users/ });
  await box.check();
  await expect(box).toBeChecked();
  await b.isField.fill('Whoever the GP refers');
  await b.oughtField.click(); // ends the typing gesture
  await page.keyboard.press('Control+z');
  await expect(b.isField).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(b.isField).toHaveValue('Whoever the GP refers');
  await page.reload();
  await page.getByText('Name and who this perspective speaks for').click();
  await expect(page.getByRole('checkbox', { name: /Service users/ })).toBeChecked();
});
