// Screenshots of every page in both themes at 1280x720 and 1024x768, for a person to look at
// (written to tests/e2e/screenshots/). Each must show the page's own heading in view.
import { test, expect } from '../support/fixtures';
import { PAGES, type Theme } from '../support/app';
import { screenshotBothSizes } from '../support/screenshots';
import { LibraryPage } from '../support/workshops';
import { BoundaryPage, seedCritique } from '../support/boundary';

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
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of boundary critique: ${theme} ${scheme}`, async ({ app, page }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      await seedCritique(page, { perspectives: 4, full: true });
      const b = new BoundaryPage(page);
      await page.getByLabel('Timer').selectOption({ label: '3 min per question' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotBothSizes(page, `boundary-facilitate-${theme}-${scheme}`);
      await page.getByRole('button', { name: 'Focus', exact: true }).click();
      await screenshotBothSizes(page, `boundary-focus-${theme}-${scheme}`);
      await expect(b.oughtField).toBeInViewport();
      await page.keyboard.press('Escape');
      for (const view of ['Table', 'Compare', 'Challenge', 'Summary'] as const) {
        await b.show(view);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshotBothSizes(page, `boundary-${view.toLowerCase()}-${theme}-${scheme}`);
      }
      await b.show('One question');
      await page.keyboard.press('Alt+ArrowLeft');
      await page.keyboard.press('Alt+ArrowLeft');
      await page.keyboard.press('Alt+ArrowLeft'); // question 10: the witness prompt
      await page.locator('.affected-aside').scrollIntoViewIfNeeded();
      await screenshotBothSizes(page, `boundary-witness-${theme}-${scheme}`);
    });
  }
}
