// axe-core finds no violation on any page, in either theme, light or dark. The projector theme
// is also held to the enhanced contrast rule (7:1), and its text is at least 24px at 1024x768.
import { test, expect } from '../support/fixtures';
import { PAGES, type Scheme, type Theme } from '../support/app';
import { expectNoAxeViolations } from '../support/a11y';
import { LibraryPage } from '../support/workshops';
import { BoundaryPage, seedCritique } from '../support/boundary';
import type { Page } from '@playwright/test';

const THEMES: Theme[] = ['standard', 'projector'];
const SCHEMES: Scheme[] = ['light', 'dark'];

for (const theme of THEMES) {
  for (const scheme of SCHEMES) {
    test(`no axe violations on any page: ${theme}, ${scheme}`, async ({ app }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      for (const p of PAGES) {
        await app.open(p.fragment);
        await expectNoAxeViolations(app.page, { aaa: theme === 'projector' });
      }
    });
  }
}

test('projector theme: every piece of text is at least 24px at 1024x768', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.setTheme('projector');
  for (const p of PAGES) {
    await app.open(p.fragment);
    const small = await page.evaluate(() => {
      const tooSmall: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || el.closest('.skip-link')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const size = parseFloat(style.fontSize);
        if (size < 24) tooSmall.push(`${el.tagName.toLowerCase()} "${n.textContent!.trim().slice(0, 30)}" ${size}px`);
      }
      return tooSmall;
    });
    expect(small, `text under 24px on ${p.name}`).toEqual([]);
  }
});

test('projector theme: the header still fits at 1024x768 without sideways scrolling', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.setTheme('projector');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

for (const theme of THEMES) {
  for (const scheme of SCHEMES) {
    test(`no axe violations with workshops, banners and a roster: ${theme}, ${scheme}`, async ({ app, page }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      const lib = new LibraryPage(page);
      const ws = await lib.create({ title: 'Accessible workshop', purpose: 'Who decides?' });
      await ws.addStakeholder('GPs', 'Practices');
      await ws.addStakeholder('Service users', '', 'affected');
      await ws.saved();
      await expectNoAxeViolations(page, { aaa: theme === 'projector' });
      await lib.open();
      await lib.create({ title: 'To delete' });
      await lib.open();
      await lib.action('To delete', 'Delete'); // toast + recently deleted
      await lib.importFile('bad.json', '{'); // problem banner
      await expect(lib.alert).toBeVisible();
      await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    });
  }
}

test('projector theme: workshop, library and boundary critique text is at least 24px at 1024x768', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.setTheme('projector');
  const lib = new LibraryPage(page);
  const ws = await lib.create({ title: 'Big text', purpose: 'Readable from the back' });
  await ws.addStakeholder('GPs');
  expect(await smallText(page), 'text under 24px on the workshop page').toEqual([]);
  await lib.open();
  expect(await smallText(page), 'text under 24px on the library page').toEqual([]);
  await seedCritique(page);
  const b = new BoundaryPage(page);
  await page.getByLabel('Timer').selectOption({ label: '2 min per question' });
  for (const view of ['One question', 'Table', 'Compare', 'Challenge', 'Summary'] as const) {
    await b.show(view);
    expect(await smallText(page), `text under 24px in the boundary ${view} view`).toEqual([]);
  }
});

/** Elements with their own visible text (or form fields) set smaller than 24px. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const tooSmall: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *, header *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      const field = el.matches('input, select, textarea, button');
      // Radio buttons and checkboxes carry no text of their own (their labels are checked).
      if ((!own && !field) || el.matches('.visually-hidden, input[type=radio], input[type=checkbox]')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 24 && el.offsetParent !== null) tooSmall.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px`);
    }
    return tooSmall;
  });
}

for (const theme of THEMES) {
  for (const scheme of SCHEMES) {
    test(`no axe violations in boundary critique: ${theme}, ${scheme}`, async ({ app, page }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      const lib = new LibraryPage(page);
      const ws = await lib.create({ title: 'Boundary a11y' });
      await ws.addStakeholder('Service users', '', 'affected');
      await page.getByRole('link', { name: 'Boundary critique' }).click();
      await expectNoAxeViolations(page, { aaa: theme === 'projector' }); // empty state
      await page.getByLabel('New perspective').fill('Users');
      await page.getByRole('button', { name: 'Add perspective' }).click();
      await page.locator('#answer-is').fill('Whoever is referred');
      await page.getByText('Name and who this perspective speaks for').click();
      await page.getByText('About this question').click();
      await expectNoAxeViolations(page, { aaa: theme === 'projector' });
      await new BoundaryPage(page).show('Table');
      await expectNoAxeViolations(page, { aaa: theme === 'projector' });
      // Every view with a fuller critique: stances, tensions, pair tensions, timer.
      await seedCritique(page, { perspectives: 3 });
      const b = new BoundaryPage(page);
      await page.getByLabel('Timer').selectOption({ label: '2 min per question' });
      await expectNoAxeViolations(page, { aaa: theme === 'projector' });
      for (const view of ['Compare', 'Challenge', 'Summary'] as const) {
        await b.show(view);
        await expectNoAxeViolations(page, { aaa: theme === 'projector' });
      }
    });
  }
}
