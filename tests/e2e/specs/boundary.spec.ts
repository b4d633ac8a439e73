// Boundary critique: perspectives answer the twelve questions in is and ought mode.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { downloadText } from '../support/downloads';
import { BoundaryPage, seedCritique } from '../support/boundary';
import { App } from '../support/app';

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

  await new BoundaryPage(page).show('Table');
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

test('a facilitator walks all twelve questions for two perspectives by keyboard only; all 48 answers survive a reload', async ({ page }) => {
  test.slow(); // some 300 key presses: three times the usual time limit
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Keyboard walk' });
  const b = new BoundaryPage(page);
  await b.open();
  const newPerspective = page.getByLabel('New perspective');
  await newPerspective.focus();
  await page.keyboard.type('Core team');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Service users');
  await page.keyboard.press('Enter');
  await expect(b.answeringAs).toHaveText('Service users');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(b.answeringAs).toHaveText('Core team');
  await b.isField.focus();
  for (const who of ['Core team', 'Service users']) {
    await expect(b.answeringAs).toHaveText(who);
    for (let q = 1; q <= 12; q++) {
      await expect(b.meta).toContainText(`Question ${q} of 12`);
      await page.keyboard.type(`${who} is ${q}`);
      await page.keyboard.press('Tab');
      await expect(b.oughtField).toBeFocused();
      await page.keyboard.type(`${who} ought ${q}`);
      await page.keyboard.press('PageDown');
      await page.keyboard.press('Shift+Tab');
      await expect(b.isField).toBeFocused();
    }
    await expect(b.meta).toContainText('Question 1 of 12'); // wrapped round
    await page.keyboard.press('Alt+ArrowDown');
  }
  await expect(b.perspectiveTab('Core team')).toContainText('24/24');
  await expect(b.perspectiveTab('Service users')).toContainText('24/24');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.reload();
  await b.show('Table');
  for (const who of ['Core team', 'Service users']) {
    await b.perspectiveTab(who).click();
    const table = page.locator('table.csh-table');
    await expect(page.getByText('24 of 24 answers given')).toBeVisible();
    for (let q = 1; q <= 12; q++) {
      const cell = table.locator('td.csh-cell').filter({ has: page.getByRole('button', { name: new RegExp(`^${q}\\. `) }) });
      await expect(cell.locator('dd').first()).toHaveText(`${who} is ${q}`);
      await expect(cell.locator('dd').nth(1)).toHaveText(`${who} ought ${q}`);
    }
  }
});

test('compare shows both perspectives; marked tensions go to the summary strongest first, and survive a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Tensions' });
  await ws.addStakeholder('Link workers', 'Team');
  await ws.addStakeholder('Service users', '', 'affected');
  await ws.addStakeholder('Carers', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Core team');
  await b.linkRoster('Link workers');
  await b.isField.fill('Frequent attenders');
  await b.oughtField.fill('Anyone lonely');
  await b.addPerspective('Users');
  await b.linkRoster('Service users');
  await b.isField.fill('Whoever the GP refers');
  await b.oughtField.fill('People who ask for themselves');

  await b.show('Compare');
  await expect(b.compareRows).toHaveCount(2);
  await expect(b.compareRows.nth(0)).toContainText('Core team');
  await expect(b.compareRows.nth(0)).toContainText('involved');
  await expect(b.compareRows.nth(0)).toContainText('Frequent attenders');
  await expect(b.compareRows.nth(0)).toContainText('Anyone lonely');
  await expect(b.compareRows.nth(1)).toContainText('Users');
  await expect(b.compareRows.nth(1)).toContainText('affected');
  await expect(b.compareRows.nth(1)).toContainText('People who ask for themselves');

  // A gap within one perspective, and a tension between the two.
  const own = b.tension('Gap between is and ought for Users');
  await own.getByLabel('Some').check();
  await own.getByRole('textbox').fill('Referral route decides who gets in');
  await page.getByRole('button', { name: 'Mark a tension' }).click();
  const pair = b.tension('Core team and Users');
  await expect(pair.getByLabel('Some')).toBeChecked();
  await pair.getByLabel('Strong').check();
  await pair.getByRole('textbox').fill('Attenders against self-referral');

  await b.show('Summary');
  await expect(b.tensionItems).toHaveCount(2);
  await expect(b.tensionItems.nth(0)).toContainText('Strong');
  await expect(b.tensionItems.nth(0)).toContainText('Core team and Users');
  await expect(b.tensionItems.nth(0)).toContainText('Attenders against self-referral');
  await expect(b.tensionItems.nth(1)).toContainText('Some');
  await expect(b.tensionItems.nth(1)).toContainText('Users: is against ought');
  await expect(page.locator('.question-list li')).toHaveCount(11); // 2 to 12 unanswered
  await expect(page.getByText('No perspective speaks for: Carers')).toBeVisible();

  // The challenge view: the involved perspective's is beside the affected one's ought.
  await b.show('Challenge');
  const first = page.locator('table.challenge-table tbody tr').first();
  await expect(first.locator('td').nth(0)).toContainText('Core team: Frequent attenders');
  await expect(first.locator('td').nth(1)).toContainText('Users: People who ask for themselves');
  await expect(first.locator('td').nth(0)).not.toContainText('Anyone lonely');

  // The witness question names the affected group nobody speaks for.
  await b.show('One question');
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(b.meta).toContainText('Question 10 of 12');
  await expect(page.locator('.affected-aside')).toContainText('Affected but not involved (roster): Service users, Carers');
  await expect(page.locator('.witness-prompt')).toContainText('No perspective speaks for: Carers');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.witness-prompt')).toHaveCount(0);

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await b.show('Summary');
  await expect(b.tensionItems).toHaveCount(2);
  await expect(b.tensionItems.nth(0)).toContainText('Attenders against self-referral');
  // Clearing a tension takes it out of the summary; undo brings it back.
  await b.show('Compare');
  await b.tension('Core team and Users').getByRole('button', { name: 'Remove' }).click();
  await expect(b.tension('Core team and Users')).toHaveCount(0);
  await b.show('Summary');
  await expect(b.tensionItems).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(b.tensionItems).toHaveCount(2);
});

test('the critique downloads as Markdown and CSV, with answers as plain text', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await seedCritique(page);
  const b = new BoundaryPage(page);
  await b.isField.fill('<img src=x onerror="alert(1)">, "quoted"\nsecond line');
  await b.show('Compare');
  // Shown as text, never as markup.
  await expect(b.compareRows.nth(0)).toContainText('<img src=x onerror="alert(1)">');
  await expect(page.locator('main img')).toHaveCount(0);
  await b.show('Summary');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(md.suggestedFilename()).toMatch(/^shropshire-social-prescribing-boundary-critique-\d{4}-\d{2}-\d{2}\.md$/);
  const mdText = await downloadText(md);
  expect(mdText).toContain('Shropshire social prescribing');
  expect(mdText).toContain('> \\<img src=x onerror="alert(1)"\\>, "quoted"\\\n> second line');
  expect(mdText).not.toMatch(/(^|[^\\])<img/m);
  expect(mdText).toContain('Core team');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/boundary-critique-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = await downloadText(csv);
  expect(csvText.startsWith('\ufeffperspective,stance,question,')).toBe(true);
  expect(csvText).toContain('"<img src=x onerror=""alert(1)"">, ""quoted""\nsecond line"');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('.csv');
  // Printed, the summary keeps the critique and drops the page's controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.export-actions')).toBeHidden();
  await expect(page.locator('.tension-list')).toBeVisible();
  await expect(page.locator('.perspective-answers')).toHaveCount(2);
  await expect(page.locator('.perspective-answers').first()).toContainText('<img src=x onerror="alert(1)">');
});

test('the question timer counts down, starts again on the next question, and says when time is up', async ({ page }) => {
  await page.clock.install();
  const app = new App(page);
  await app.open();
  await seedCritique(page);
  await page.clock.pauseAt(Date.now() + 5_000);
  await page.getByLabel('Timer').selectOption({ label: '1 min per question' });
  await expect(page.locator('.time-left')).toHaveText('1:00');
  await page.clock.runFor(30_000);
  await expect(page.locator('.time-left')).toHaveText('0:30');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.time-left')).toHaveText('1:00');
  await page.clock.runFor(61_000);
  await expect(page.locator('.time-left')).toHaveText('0:00');
  await expect(page.getByRole('status').filter({ hasText: 'Time is up' })).toBeVisible();
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.locator('.time-left')).toHaveText('1:00');
  await page.getByLabel('Timer').selectOption({ label: 'Off' });
  await expect(page.locator('.time-left')).toHaveCount(0);
});

test.describe('projector at 1024x768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test('eight perspectives with long answers lay out without sideways scrolling, and the question is in view', async ({ page }) => {
    const app = new App(page);
    await app.open();
    await app.setTheme('projector');
    await seedCritique(page, { perspectives: 8, long: true, full: true });
    const b = new BoundaryPage(page);
    // Focus mode: the question and both answers fill the projector; Esc brings the page back.
    await page.getByRole('button', { name: 'Focus', exact: true }).click();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(b.questionName).toBeInViewport();
    await expect(b.isField).toBeInViewport();
    await expect(b.oughtField).toBeInViewport();
    await expect(b.answeringAs).toBeInViewport();
    await b.isField.focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(b.meta).toContainText('Question 2 of 12');
    await expect(b.answeringAs).toHaveText('Service users');
    await expect(b.isField).toHaveValue(/^Service users, is 2/);
    await page.keyboard.press('Escape');
    await expect(page.locator('.app-header')).toBeVisible();
    for (const view of ['One question', 'Table', 'Compare', 'Challenge', 'Summary'] as const) {
      await b.show(view);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll in ${view}`).toBeLessThanOrEqual(0);
    }
    await b.show('Compare');
    await expect(b.compareRows).toHaveCount(8);
  });
});

test('typing at the start of an answer keeps the caret where the person types', async ({ page }) => {
  await page.goto('./#/');
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  const b = new BoundaryPage(page);
  await b.open();
  const before = await b.isField.inputValue();
  expect(before.length).toBeGreaterThan(0);
  await b.isField.click();
  await b.isField.press('Control+Home');
  await b.isField.pressSequentially('Mostly: ');
  await expect(b.isField).toHaveValue(`Mostly: ${before}`);
});
