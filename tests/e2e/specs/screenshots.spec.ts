// Screenshots of every page in both themes at 1280x720 and 1024x768, for a person to look at
// (written to tests/e2e/screenshots/). Each must show the page's own heading in view.
import { test, expect } from '../support/fixtures';
import { PAGES, type Theme } from '../support/app';
import { screenshotBothSizes } from '../support/screenshots';
import { LibraryPage } from '../support/workshops';

for (const theme of ['standard', 'projector'] as Theme[]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots: ${theme} ${scheme}`, async ({ app }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      for (const p of PAGES) {
        await app.open(p.fragment);
        await screenshotBothSizes(app.page, `${p.name}-${theme}-${scheme}`);
        await expect(app.heading).toBeInViewport();
      }
    });
  }
}

for (const theme of ['standard', 'projector'] as Theme[]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of the library and a workshop: ${theme} ${scheme}`, async ({ app, page }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      const lib = new LibraryPage(page);
      const ws = await lib.create({
        title: 'Shropshire social prescribing',
        purpose: 'Who benefits from the pilot, and who decides?',
        date: '2019-03-14',
        facilitator: 'Alison',
      });
      await ws.addStakeholder('Link workers', 'Social prescribing team');
      await ws.addStakeholder('GPs', 'Practices');
      await ws.addStakeholder('Voluntary and community sector', '', 'affected');
      await ws.saved();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotBothSizes(page, `workshop-${theme}-${scheme}`);
      await expect(ws.titleHeading).toBeInViewport();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await screenshotBothSizes(page, `workshop-roster-${theme}-${scheme}`);
      await lib.open();
      await lib.create({ title: 'Phase 2 review' });
      await lib.open();
      await lib.action('Phase 2 review', 'Delete');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotBothSizes(page, `library-${theme}-${scheme}`);
      await expect(app.heading).toBeInViewport();
    });
  }
}

for (const theme of ['standard', 'projector'] as Theme[]) {
  test(`screenshots of boundary critique: ${theme}`, async ({ app, page }) => {
    await app.open();
    await app.setTheme(theme);
    const lib = new LibraryPage(page);
    const ws = await lib.create({ title: 'Shropshire social prescribing' });
    await ws.addStakeholder('GPs', 'Practices');
    await page.getByRole('link', { name: 'Boundary critique' }).click();
    await page.getByLabel('New perspective').fill('Core team');
    await page.getByRole('button', { name: 'Add perspective' }).click();
    await page.locator('#answer-is').fill('Frequent attenders at GP practices, people who are lonely or isolated');
    await page.locator('#answer-ought').fill('People with low agency, wherever they live in the county');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshotBothSizes(page, `boundary-facilitate-${theme}`);
    await page.getByRole('button', { name: 'All twelve as a table' }).click();
    await screenshotBothSizes(page, `boundary-table-${theme}`);
    await expect(page.locator('table.csh-table')).toBeVisible();
  });
}
