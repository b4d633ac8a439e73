// A person moves between pages by links, the back button, bookmarks and reloads.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';

test('the home page is the workshop library', async ({ app, page }) => {
  await app.open();
  await expect(app.heading).toHaveText('Your workshops');
  await expect(page).toHaveTitle('Workshops — CST Workbench');
  await expect(app.navLink('Workshops')).toHaveAttribute('aria-current', 'page');
});

test('the about page names the four activities', async ({ app, page }) => {
  await app.open('#/about');
  for (const name of ['Boundary critique', 'Concept maps', 'Rich pictures', 'Scoring']) {
    await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  }
});

test('clicking About shows the about page and changes the URL', async ({ app, page }) => {
  await app.open();
  await app.goTo('About');
  await expect(app.heading).toHaveText('About CST Workbench');
  await expect(page).toHaveURL(/#\/about$/);
  await expect(page).toHaveTitle('About — CST Workbench');
  await expect(app.navLink('Workshops')).not.toHaveAttribute('aria-current', /.*/);
});

test('the back and forward buttons move between pages', async ({ app, page }) => {
  await app.open();
  await app.goTo('About');
  await page.goBack();
  await expect(app.heading).toHaveText('Your workshops');
  await page.goForward();
  await expect(app.heading).toHaveText('About CST Workbench');
});

test('a bookmarked page opens directly and survives a reload', async ({ app, page }) => {
  await app.open('#/about');
  await expect(app.heading).toHaveText('About CST Workbench');
  await app.reload();
  await expect(app.heading).toHaveText('About CST Workbench');
  await expect(page).toHaveURL(/#\/about$/);
});

test('an unknown address shows a friendly page with a way home', async ({ app, page }) => {
  await app.open('#/no/such/page');
  await expect(app.heading).toHaveText('Page not found');
  await expect(page.locator('main code')).toHaveText('/no/such/page');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(app.heading).toHaveText('Your workshops');
});

test('after navigating, keyboard focus is on the new page', async ({ app, page }) => {
  await app.open();
  await app.navLink('About').focus();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('About CST Workbench');
  await expect(page.locator('main')).toBeFocused();
});

test('a field focused as soon as the new page shows keeps the focus (it is not taken back to the page)', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Quick hands' });
  const boundary = (await page.evaluate(() => location.hash)) + '/boundary';
  // The section's part loaded once (a part not yet loaded shows "Opening…" first), then back.
  const sections = page.getByRole('navigation', { name: 'Workshop sections' });
  await sections.getByRole('link', { name: 'Boundary critique' }).click();
  await expect(page.locator('#new-perspective')).toBeVisible();
  await sections.getByRole('link', { name: 'Details and roster' }).click();
  await expect(page.locator('#new-perspective')).toHaveCount(0);
  // On a slow machine a person can tap a field on the new page before the next frame, where
  // focus moves to the new page: the field must keep it. The field is focused in the same task
  // as the page change, so this does not depend on the machine's speed.
  const focused = await page.evaluate(hash => new Promise<string>(resolve => {
    window.addEventListener('hashchange', () => {
      document.getElementById('new-perspective')?.focus();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const el = document.activeElement as HTMLElement | null;
        resolve(el ? `${el.tagName}#${el.id}` : 'none');
      }));
    }, { once: true });
    location.hash = hash;
  }), boundary);
  expect(focused).toBe('INPUT#new-perspective');
  await page.keyboard.type('Core team');
  await page.keyboard.press('Enter');
  await expect(page.locator('.answering strong')).toHaveText('Core team');
  await expect(page.locator('main')).not.toBeFocused();
});

test('the skip link takes keyboard users past the header', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/$/); // the fragment, and so the page, did not change
});

test('the about page cites the paper and the CSH sources', async ({ app, page }) => {
  await app.open('#/about');
  const sources = page.locator('ol.sources > li');
  // The paper, Ulrich's CSH works, Midgley, Churchman, Checkland, Bell & Christina, and the
  // two sources of the disagreement rule (Burke & Dunlap; the RAND/UCLA manual).
  await expect(sources).toHaveCount(11);
  await expect(sources.first()).toContainText('Fixsen');
  await expect(sources.first().getByRole('link')).toHaveAttribute(
    'href',
    'https://doi.org/10.1186/s12913-020-05443-8',
  );
  await expect(page.locator('ol.sources')).toContainText('Critical Heuristics of Social Planning');
  await expect(page.locator('ol.sources')).toContainText('Systems Approaches to Making Change');
  await expect(page.locator('ol.sources')).toContainText('average deviation index');
});

test('a new page starts at the top, with the header in view', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // Follow a link from far down the page (as links inside a page's content will be).
  await page.evaluate(() => (location.hash = '#/about'));
  await expect(app.heading).toHaveText('About CST Workbench');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('banner')).toBeInViewport();
});
