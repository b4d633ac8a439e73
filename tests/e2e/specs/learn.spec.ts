// Learning mode for students: the first-run tour, the explanation beside each workshop section,
// the glossary with deep links, and "Try it on your own case".
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import type { Locator, Page } from '@playwright/test';

const EXAMPLE_TITLE = 'Example: Shropshire social prescribing (illustrative)';

/** Each section, and words that only its own explanation uses. */
const SECTIONS = [
  { label: 'Details and roster', path: '', says: 'Say what the workshop looks at' },
  { label: 'Boundary critique', path: '/boundary', says: "Ulrich's twelve questions" },
  { label: 'Concept maps', path: '/maps', says: 'Lay out the ideas the group holds' },
  { label: 'Rich pictures', path: '/pictures', says: 'Draw the situation as the group experiences it' },
  { label: 'Scoring', path: '/scoring', says: 'score how well the plan builds' },
  { label: 'Report', path: '/report', says: 'Gather everything the group made' },
] as const;

/** The terms issue #9 names, and the others the app uses, as the glossary spells them. */
const REQUIRED_TERMS = [
  'Boundary judgment',
  'Is and ought',
  'Involved and affected',
  'Rich picture',
  'Concept map',
  'Emotional buy-in',
  'Sweep-in',
  'Boundary critique',
  'Critical systems heuristics (CSH)',
  'Perspective',
  'Tension',
  'Stakeholder',
  'Marginalisation',
  'Positive relational cycle',
  'Key elements of sustainable social prescribing',
  'Disagreement',
];

const tour = (page: Page) => page.getByRole('dialog', { name: /./ }).filter({ has: page.locator('#tour-h') });
const aside = (page: Page) => page.locator('aside.learn-aside');
// The toggle's name starts with the CSS mark (○ or ●), so it is found by its id.
const learnToggle = (page: Page) => page.locator('header #learn-toggle');
const sectionLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name, exact: true });

async function expectStop(dialog: Locator, n: number, title: string) {
  await expect(dialog.locator('.tour-count')).toHaveText(`Tour, ${n} of 6`);
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(title);
}

test.describe('the first-run tour', () => {
  test.use({ tourSeen: false });

  test('greets a first visit, steps by keyboard, and once closed stays closed', async ({ app, page }) => {
    await app.open();
    const dialog = tour(page);
    await expect(dialog).toBeVisible();
    await expectStop(dialog, 1, 'Welcome to CST Workbench');
    await expect(dialog.locator('#tour-h')).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Back' })).toBeDisabled();

    // Tab to "Next" ("Back" is disabled) and step with the keyboard; focus stays on the button.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expectStop(dialog, 2, 'Start with the example');
    await expect(page.locator('section.example-box')).toHaveAttribute('data-tour-spot', '');
    await page.keyboard.press('Enter');
    await expectStop(dialog, 3, 'Make a workshop of your own');
    await expect(page.locator('details.create')).toHaveAttribute('data-tour-spot', '');
    await expect(page.locator('[data-tour-spot]')).toHaveCount(1);

    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Back' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expectStop(dialog, 2, 'Start with the example');
    await page.keyboard.press('Enter');
    await expectStop(dialog, 1, 'Welcome to CST Workbench');
    // Back is disabled at the first stop: focus moved on to a button that still works.
    await expect(dialog.getByRole('button', { name: 'Next' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-tour-spot]')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('cst-workbench.tour'))).toBe('done');

    await app.reload();
    await expect(app.heading).toHaveText('Your workshops');
    await expect(dialog).toHaveCount(0);
  });

  test('"Skip tour" ends it for good; the About page can start it again', async ({ app, page }) => {
    await app.open();
    const dialog = tour(page);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Skip tour' }).click();
    await expect(dialog).toHaveCount(0);
    await app.reload();
    await expect(dialog).toHaveCount(0);

    await app.goTo('About');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Take the tour again' }).click();
    await expect(app.heading).toHaveText('Your workshops');
    await expect(dialog).toBeVisible();
    await expectStop(dialog, 1, 'Welcome to CST Workbench');
    await expect(dialog.locator('#tour-h')).toBeFocused();

    // Through every stop to the end.
    const titles = ['Start with the example', 'Make a workshop of your own', 'Six steps in one workshop',
      'Learning mode and the glossary', 'Shortcuts and help'];
    for (const [i, title] of titles.entries()) {
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expectStop(dialog, i + 2, title);
    }
    await expect(page.locator('#learn-toggle')).not.toHaveAttribute('data-tour-spot');
    await expect(page.locator('.app-footer button')).toHaveAttribute('data-tour-spot', '');
    await expect(dialog.getByRole('button', { name: 'Try it on your own case' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Finish' }).click();
    await expect(dialog).toHaveCount(0);
    await app.reload();
    await expect(dialog).toHaveCount(0);
  });

  test('shows only on the home page, and waits there for a first visit that starts elsewhere', async ({ app, page }) => {
    await app.open('#/about');
    await expect(tour(page)).toHaveCount(0);
    await app.goTo('Workshops');
    await expect(tour(page)).toBeVisible();
    await expectStop(tour(page), 1, 'Welcome to CST Workbench');
  });

  test('a returning user who has never seen the tour is not interrupted by it', async ({ app, page, context }) => {
    // Someone who used the app before the tour existed: their settings are stored, no tour key.
    await context.addInitScript(() => {
      try {
        if (localStorage.getItem('cst-workbench.settings') === null) {
          localStorage.setItem('cst-workbench.settings', '{"theme":"standard","scheme":"light"}');
        }
      } catch {
        // about:blank has no storage of its own
      }
    });
    await app.open();
    await expect(app.heading).toHaveText('Your workshops');
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');
    await expect(tour(page)).toHaveCount(0);
    // They can still ask for it.
    await app.goTo('About');
    await page.getByRole('button', { name: 'Take the tour again' }).click();
    await expectStop(tour(page), 1, 'Welcome to CST Workbench');
  });

  test('the last stop offers "Try it on your own case", which ends the tour', async ({ app, page }) => {
    await app.open();
    const dialog = tour(page);
    for (let i = 0; i < 5; i++) await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Try it on your own case' }).click();
    await expect(app.heading).toHaveText('My own case');
    await expect(aside(page)).toBeVisible();
    await app.goTo('Workshops');
    await expect(tour(page)).toHaveCount(0);
  });

  test('axe finds nothing in the tour (AAA in projector mode); screenshots', async ({ app, page }) => {
    test.setTimeout(90_000);
    await app.open();
    const dialog = tour(page);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStop(dialog, 2, 'Start with the example');
    await expectNoAxeViolations(page);
    await screenshotBothSizes(page, 'learn-tour-standard');
    await app.setTheme('projector');
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, { aaa: true });
    // The tour fits the projector sizes: its buttons can be reached without scrolling the page.
    for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await expect(dialog.getByRole('button', { name: 'Skip tour' })).toBeInViewport();
      await expect(dialog.getByRole('heading', { level: 2 })).toBeInViewport();
    }
    await screenshotBothSizes(page, 'learn-tour-projector');
    for (let i = 0; i < 4; i++) await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStop(dialog, 6, 'Shortcuts and help');
    await expectNoAxeViolations(page, { aaa: true });
    await screenshotBothSizes(page, 'learn-tour-last-projector');
  });
});

test.describe('learning mode', () => {
  test('is off at first; on, each section has its own explanation; it is remembered', async ({ app, page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: 'Library opening hours' });
    await expect(learnToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(aside(page)).toHaveCount(0);

    await learnToggle(page).click();
    await expect(learnToggle(page)).toHaveAttribute('aria-pressed', 'true');
    const url = page.url();
    for (const s of SECTIONS) {
      await sectionLink(page, s.label).click();
      await expect(page).toHaveURL(new RegExp(`#/w/[^/]+${s.path}(/.*)?$`));
      await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText(`Learning: ${s.label}`);
      await expect(aside(page)).toContainText(s.says);
      for (const other of SECTIONS.filter((o) => o !== s)) {
        await expect(aside(page)).not.toContainText(other.says);
      }
      await expect(aside(page).locator('.learn-terms a').first()).toBeVisible();
    }

    await app.reload();
    await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText('Learning: Report');
    await page.goto(url);
    await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText('Learning: Details and roster');
  });

  test('the explanation can be folded away, and learning mode turned off from it', async ({ page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: 'Ward discharge' });
    await learnToggle(page).click();
    const hide = aside(page).getByRole('button', { name: 'Hide explanation' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(aside(page)).toContainText('A good order to work in');
    await hide.click();
    const show = aside(page).getByRole('button', { name: 'Show explanation' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(aside(page).locator('.learn-body')).toBeHidden();
    // Still folded on the next section: it does not pop open again at every step.
    await sectionLink(page, 'Boundary critique').click();
    await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText('Learning: Boundary critique');
    await expect(aside(page).locator('.learn-body')).toBeHidden();
    await show.click();
    await expect(aside(page)).toContainText("Ulrich's twelve questions");

    await aside(page).getByRole('button', { name: 'Turn off learning mode' }).click();
    await expect(aside(page)).toHaveCount(0);
    await expect(learnToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(page.locator('main h1')).toHaveText('Ward discharge');
    await expect(aside(page)).toHaveCount(0);
  });

  test('a word in the explanation opens its glossary entry; back returns to the step', async ({ app, page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: 'Bus routes' });
    await learnToggle(page).click();
    await sectionLink(page, 'Boundary critique').click();
    const from = page.url();

    await aside(page).getByRole('link', { name: 'Is and ought' }).click();
    await expect(page).toHaveURL(/#\/glossary\?term=is-ought$/);
    await expect(app.heading).toHaveText('Glossary');
    const entry = page.locator('#term-is-ought');
    await expect(entry).toBeFocused();
    await expect(entry).toHaveClass(/\bcurrent\b/);
    await expect(entry).toBeInViewport();
    await expect(page.locator('.term.current')).toHaveCount(1);
    await expect(app.navLink('Glossary')).toHaveAttribute('aria-current', 'page');

    await page.goBack();
    await expect(page).toHaveURL(from);
    await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText('Learning: Boundary critique');

    // A second word, then back and forward between the two places.
    await aside(page).getByRole('link', { name: 'Marginalisation' }).click();
    await expect(page.locator('#term-marginalisation')).toBeFocused();
    await expect(page.locator('#term-marginalisation')).toBeInViewport();
    await page.goBack();
    await expect(page).toHaveURL(from);
    await page.goForward();
    await expect(page.locator('#term-marginalisation')).toHaveClass(/\bcurrent\b/);
    await expect(page.locator('#term-marginalisation')).toBeInViewport();

    // A deep link survives a reload.
    await app.reload();
    await expect(page.locator('#term-marginalisation')).toBeFocused();
    await expect(page.locator('#term-marginalisation')).toBeInViewport();
  });

  test('axe finds nothing in the explanation, in either theme (AAA in projector mode); screenshots', async ({ app, page }) => {
    test.setTimeout(90_000);
    await app.open();
    await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
    await expect(app.heading).toHaveText(EXAMPLE_TITLE);
    await learnToggle(page).click();
    await expect(aside(page)).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotBothSizes(page, 'learn-aside-standard');
    await sectionLink(page, 'Boundary critique').click();
    await expect(aside(page)).toContainText("Ulrich's twelve questions");
    await expectNoAxeViolations(page);
    await app.setTheme('projector');
    for (const s of ['Details and roster', 'Boundary critique', 'Scoring']) {
      await sectionLink(page, s).click();
      await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText(`Learning: ${s}`);
      await expectNoAxeViolations(page, { aaa: true });
    }
    await sectionLink(page, 'Boundary critique').click();
    await screenshotBothSizes(page, 'learn-aside-projector');
    await app.setScheme('dark');
    await expectNoAxeViolations(page, { aaa: true });
  });
});

test.describe('the glossary', () => {
  test('lists every required term, grouped, with where it comes up and its source', async ({ app, page }) => {
    await app.open();
    await app.goTo('Glossary');
    await expect(app.heading).toHaveText('Glossary');
    for (const name of REQUIRED_TERMS) {
      await expect(page.getByRole('heading', { level: 3, name, exact: true })).toHaveCount(1);
    }
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'The method', 'People and perspectives', 'Maps and pictures', 'Models and scoring',
    ]);
    const judgment = page.locator('#term-boundary-judgment');
    await expect(judgment).toContainText('Ulrich W (1983)');
    await expect(judgment.getByRole('link', { name: 'Boundary critique' })).toBeVisible();
    await expect(page.locator('#term-sweep-in')).toContainText('Churchman');
    await expect(page.locator('#term-rich-picture')).toContainText('Checkland');
    await expect(page.locator('#term-marginalisation')).toContainText('Midgley');

    // The About page points here, and cites the two sources the glossary adds.
    await app.goTo('About');
    await expect(page.locator('ol.sources')).toContainText('Systemic Intervention');
    await page.getByRole('link', { name: 'glossary', exact: true }).click();
    await expect(app.heading).toHaveText('Glossary');
  });

  test('"where it comes up" opens the example workshop at that step, made on first use', async ({ app, page }) => {
    await app.open('#/glossary?term=tension');
    await expect(page.locator('#term-tension')).toBeFocused();
    await page.locator('#term-tension').getByRole('link', { name: 'Boundary critique' }).click();
    await expect(app.heading).toHaveText(EXAMPLE_TITLE);
    await expect(page).toHaveURL(/#\/w\/w-example-shropshire\/boundary$/);
    await expect(page.locator('main')).toContainText('Voluntary and community sector');
  });

  test('screenshots of the glossary at an entry, in both themes', async ({ app, page }) => {
    await app.open('#/glossary?term=emotional-buy-in');
    await expect(page.locator('#term-emotional-buy-in')).toBeInViewport();
    await screenshotBothSizes(page, 'learn-glossary-standard');
    await app.setTheme('projector');
    await app.open('#/glossary?term=boundary-judgment');
    await expect(page.locator('#term-boundary-judgment')).toBeInViewport();
    await expectNoAxeViolations(page, { aaa: true });
    await screenshotBothSizes(page, 'learn-glossary-projector');
  });
});

test.describe('try it on your own case', () => {
  test('makes a blank workshop with learning mode on, opens its details, and survives a reload', async ({ app, page }) => {
    await app.open('#/glossary');
    await expect(learnToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Try it on your own case' }).click();
    await expect(app.heading).toHaveText('My own case');
    await expect(page).toHaveURL(/#\/w\/w-[^/]+$/);
    await expect(learnToggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(sectionLink(page, 'Details and roster')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('My own case');

    const order = aside(page).locator('ol.learn-path > li > a:first-child');
    await expect(order).toHaveText(['Details', 'Roster', 'Boundary critique', 'Concept map', 'Rich picture', 'Scoring', 'Report']);
    const examples = aside(page).locator('ol.learn-path').getByRole('link', { name: / in the example$/ });
    await expect(examples).toHaveCount(7);
    await expect(examples.nth(2)).toHaveAccessibleName('Boundary critique in the example');
    await expect(examples.nth(2)).toHaveAttribute('href', '#/w/w-example-shropshire/boundary');
    await expect(aside(page)).toContainText('In the example:');
    // Nothing to try from inside one's own case.
    await expect(aside(page).getByRole('button', { name: 'Try it on your own case' })).toHaveCount(0);

    await app.reload();
    await expect(app.heading).toHaveText('My own case');
    await expect(aside(page).getByRole('heading', { level: 2 })).toHaveText('Learning: Details and roster');

    // The suggested order leads through the workshop itself...
    await aside(page).locator('ol.learn-path').getByRole('link', { name: 'Boundary critique', exact: true }).click();
    await expect(sectionLink(page, 'Boundary critique')).toHaveAttribute('aria-current', 'page');
    await expect(app.heading).toHaveText('My own case');
    // ...and "open this step in the example" to the same step of the example.
    await aside(page).getByRole('link', { name: 'Open this step in the example' }).click();
    await expect(app.heading).toHaveText(EXAMPLE_TITLE);
    await expect(page).toHaveURL(/#\/w\/w-example-shropshire\/boundary$/);
    // From the example, the aside offers to start one's own.
    await expect(aside(page).getByRole('button', { name: 'Try it on your own case' })).toBeVisible();

    const lib = new LibraryPage(page);
    await lib.open();
    expect(await lib.titles()).toContain('My own case');
  });

  test('the About page offers it too', async ({ app, page }) => {
    await app.open('#/about');
    await page.getByRole('button', { name: 'Try it on your own case' }).click();
    await expect(app.heading).toHaveText('My own case');
    await expect(aside(page)).toBeVisible();
  });
});
