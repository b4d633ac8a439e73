// Scores by perspective: a round's results compared by the scorers' roster group or their
// involvement, with each group's flag named by kind; scorers with no roster link are
// "Unassigned"; in the results, in presenting and as CSV. The results picture names each flag's
// kind (dissent, split, spread, many don't know) and explains it in the element's title.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { PresentPage } from '../support/present';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

const FIXTURE = fileURLToPath(new URL('../../fixtures/workshop-v1-method-margins.json', import.meta.url));
const TITLE = 'Method fixture: margins and scores by perspective';

test('scores by roster group and by involvement, flags by kind, unlinked scorers unassigned; in results, presenting and CSV', async ({ page }) => {
  test.setTimeout(90_000);
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.importFile('method.json', readFileSync(FIXTURE, 'utf8'));
  await expect(lib.status).toContainText('Imported 1 workshop');
  await lib.item(TITLE).getByRole('link', { name: TITLE, exact: true }).click();
  const s = new ScoringPage(page);
  await s.open();
  await s.show('Results');

  // The results picture names the flag's kind and explains it.
  const picture = page.locator('.chart').first();
  await expect(picture.locator('g.element[data-element="shared-vision"]')).toContainText('\u2691 dissent');
  await expect(picture.locator('g.element[data-element="shared-vision"] > title')).toContainText(
    'dissent: Some people scored two or more levels away from the middle, on one side.',
  );
  await expect(picture.locator('g.legend')).toContainText('dissent, split or spread');

  const part = page.locator('section.by-perspective');
  await expect(part.getByRole('heading', { name: 'Scores by perspective' })).toBeVisible();
  const heads = part.locator('thead th');
  await expect(heads).toHaveText(['Element', 'Project team (1)', 'Service users (1)', 'GPs (2)', 'Unassigned (1)', 'Largest gap between groups']);
  const shared = part.locator('tbody tr', { hasText: 'Shared vision' });
  await expect(shared.locator('td').nth(2)).toHaveText('5.0 (n 2)');
  await expect(shared.locator('td').nth(1)).toHaveText('1.0 (n 1)');
  await expect(shared.locator('td.gap')).toHaveText('4.0');
  await expect(part).toContainText('Unassigned: scorers not linked to a roster entry');

  // By involvement: everyone linked is involved here; the participant with no link is not.
  await part.getByRole('button', { name: 'Involved or affected' }).click();
  await expect(heads).toHaveText(['Element', 'Involved (4)', 'Unassigned (1)', 'Largest gap between groups']);
  await expect(shared.locator('td').first()).toHaveText('3.8 (n 4)');
  await expectNoAxeViolations(page);
  await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshotBothSizes(page, 'method-by-perspective');

  // Linking the participant to an affected roster entry moves them out of "Unassigned".
  await s.show('Set up');
  await page.getByLabel('Roster entry of Participant 1').selectOption({ label: 'People on no list' });
  await s.show('Results');
  await part.getByRole('button', { name: 'Involved or affected' }).click();
  await expect(heads).toHaveText(['Element', 'Involved (4)', 'Affected but not involved (1)', 'Largest gap between groups']);
  // The involved scored learning 4, 4 and 2; the service user did not know.
  const learning = part.locator('tbody tr', { hasText: 'Learning in and from action' });
  await expect(learning.locator('td').first()).toHaveText('3.3 (n 3)');

  // The CSV: a row per round, grouping, group and element.
  const download = page.waitForEvent('download');
  await part.getByRole('button', { name: 'Download by perspective (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^method-fixture-margins-and-scores-by-perspective-scores-by-perspective-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await file.createReadStream().then((r) => r.toArray())).join('').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('round,grouping,group,element,n,dont_know,mean,median,iqr,disagreement,many_dont_know');
  expect(lines).toContain('"Steering group, spring",group,GPs,Shared vision,2,0,5.00,5.00,0.00,,');
  expect(lines).toContain('"Steering group, spring",involvement,Affected but not involved,Shared vision,1,0,2.00,2.00,0.00,,');

  // Presenting the results: the flags by kind, and the comparison a click away.
  const app = new App(page);
  await app.setTheme('projector');
  const p = new PresentPage(page);
  await p.start();
  await page.goto(page.url().replace(/\/present.*$/, '/present/results-r-1'));
  await p.ready();
  await expect(p.body.locator('.present-findings')).toContainText('Flagged: Shared vision (dissent)');
  await p.body.locator('details.present-by-perspective summary').click();
  await expect(p.body.locator('section.by-perspective thead th')).toHaveText(['Element', 'Project team (1)', 'Service users (1)', 'People on no list (1)', 'GPs (2)', 'Largest gap between groups']);
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'method-by-perspective-present');
});
