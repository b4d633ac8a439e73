// In the room (issue 20): the revealed results show their picture first with every download in
// one keyboard menu; scorers' comments appear in the results and the report; the export
// reminder compares content, not times; counts and names come from the model; the Challenge
// view offers to link perspectives named as roster people.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { downloadText } from '../support/downloads';
import { ScoringPage } from '../support/scoring';
import { BoundaryPage } from '../support/boundary';
import { screenshotBothSizes, SIZES } from '../support/screenshots';
import { App } from '../support/app';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

const TIRED = 'Staff are <b>tired</b> & stretched';

/** A workshop with the cycle scored by Ann (named) and one anonymous scorer, with comments. */
async function scoredWithComments(page: Page): Promise<ScoringPage> {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Steering group' });
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  await s.addScorer('Ann');
  await s.addScorer('');
  await s.show('Score in turn');
  await s.scorerButton('Ann').click();
  await page.locator('fieldset.score-element').nth(4).locator('input[type=radio]').first().check();
  await page.getByLabel('Comment on Support and wellbeing focus').fill(TIRED);
  await page.getByRole('button', { name: 'Done: hide my scores' }).click();
  await s.scorerButton('Scorer 2').click();
  await page.locator('fieldset.score-element').nth(1).locator('input[type=radio]').nth(2).check();
  await page.getByLabel('Comment on Shared vision').fill('Not shared yet');
  await page.getByRole('button', { name: 'Done: hide my scores' }).click();
  await s.show('Results');
  return s;
}

const figure = (page: Page) => page.locator('.revealed .charts .chart').first();

async function tops(page: Page, s: ScoringPage) {
  const fig = (await figure(page).boundingBox())!;
  const menu = (await s.downloadsButton.boundingBox())!;
  return { fig: fig.y, menu: menu.y, viewport: page.viewportSize()!.height };
}

test('after "Reveal results" the picture comes first, in view, with every download in one keyboard menu', async ({ page }) => {
  const s = await scoredWithComments(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Reveal results' }).click();
    await expect(figure(page).locator('svg')).toBeVisible();
    const t = await tops(page, s);
    expect(t.fig, `the figure is above the downloads at ${size.width}×${size.height}`).toBeLessThan(t.menu);
    expect(t.fig, 'the figure starts on screen').toBeGreaterThanOrEqual(0);
    expect(t.fig, 'the figure starts on screen').toBeLessThan(t.viewport);
    // One button for the downloads, none of them shown until asked for.
    await expect(page.locator('.revealed .export-actions button:visible')).toHaveCount(1);
    // Nothing of the results stands above their picture but its heading.
    const above = await page.locator('.revealed button:visible').evaluateAll(
      (bs, top) => bs.filter((b) => b.getBoundingClientRect().top < top).length,
      t.fig,
    );
    expect(above).toBe(0);
    await expect(page.locator('#results-downloads')).toBeHidden();
    await page.getByRole('button', { name: 'Hide results' }).click();
  }
  await page.setViewportSize(SIZES[0]);
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(page.locator('#results-heading')).toBeFocused();

  // By keyboard: Enter opens at the first item, arrows move (and wrap), Esc closes and gives the
  // focus back; Space opens; Tab moves on; choosing an item by Enter downloads it.
  const button = s.downloadsButton;
  const list = page.locator('#results-downloads');
  const item = (name: string) => list.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(item('All scores (CSV)')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Summary (CSV)')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(item('Distribution (PNG)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press(' ');
  await expect(item('All scores (CSV)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item('Summary (CSV)')).toBeFocused();
  await screenshotBothSizes(page, 'room-results-downloads-open');
  await page.keyboard.press('Shift+Tab');
  await expect(item('All scores (CSV)')).toBeFocused();
  const [scores] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await expect(list).toBeHidden();
  await expect(button).toBeFocused();
  expect(scores.suggestedFilename()).toMatch(/^steering-group-scores-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloadText(scores);
  expect(csv).toContain('Round 1,Ann,Support and wellbeing focus,1,,Staff are <b>tired</b> & stretched,individual');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded steering-group-scores-' })).toBeVisible();

  // By mouse, the picture and the summary still download as their files.
  const svg = await s.download('Picture (SVG)');
  expect(svg.suggestedFilename()).toBe('steering-group-round-1-picture.svg');
  expect(await downloadText(svg)).toMatch(/^<svg[\s\S]*>Support and<\/text>[\s\S]*<\/svg>$/);
  const md = await s.download('Summary with comments (Markdown)');
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  expect(await downloadText(md)).toContain('**Support and wellbeing focus**\n\n- Ann: Staff are \\<b\\>tired\\</b\\> \\& stretched\n');

  // A click outside closes the menu.
  await button.click();
  await expect(list).toBeVisible();
  await page.locator('#results-heading').click();
  await expect(list).toBeHidden();

  await page.setViewportSize(SIZES[0]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#results-heading').focus();
  await screenshotBothSizes(page, 'room-results-revealed');
});

for (const theme of ['standard', 'projector'] as const) {
  test(`after "Reveal results" the picture's top is on screen without scrolling (${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await new App(page).open();
    await new App(page).setTheme(theme);
    const s = await scoredWithComments(page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Reveal results' }).click();
      await expect(page.locator('#results-heading')).toBeFocused();
      await expect(figure(page).locator('svg')).toBeVisible();
      await page.waitForTimeout(300);
      const t = await tops(page, s);
      const where = `${theme} ${size.width}×${size.height}`;
      await page.screenshot({ path: `${SHOTS}room-results-top-${theme}-${size.width}x${size.height}.png` });
      // The heading and the picture's top are in view, in the upper part of the screen, with
      // a good part of the picture below them on screen too.
      const heading = (await page.locator('#results-heading').boundingBox())!;
      expect(heading.y, `heading on screen (${where})`).toBeGreaterThanOrEqual(0);
      expect(t.fig, `picture's top on screen (${where})`).toBeGreaterThanOrEqual(0);
      expect(t.fig, `picture's top in the upper half (${where})`).toBeLessThanOrEqual(t.viewport / 2);
      await page.getByRole('button', { name: 'Hide results' }).click();
    }
  });
}

test("scorers' comments show under their element in the results and in the report, as text", async ({ page }) => {
  const s = await scoredWithComments(page);
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const comments = page.locator('section.comments');
  await expect(comments.getByRole('heading', { name: 'What the scorers wrote' })).toBeVisible();
  await expect(comments.locator('section.element-comments h4')).toHaveText(['Shared vision', 'Support and wellbeing focus']);
  const support = comments.getByRole('region', { name: 'Support and wellbeing focus' });
  await expect(support.locator('li')).toHaveText([`Ann: ${TIRED}`]);
  const vision = comments.getByRole('region', { name: 'Shared vision' });
  await expect(vision.locator('li')).toHaveText(['Anonymous: Not shared yet']);
  // The anonymous scorer is not "Scorer 2" here.
  await expect(comments).not.toContainText('Scorer 2');
  // Typed markup stays text.
  await expect(comments.locator('b')).toHaveCount(0);
  await comments.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'room-results-comments');

  // A comment changed while scoring shows at once.
  await s.show('Score in turn');
  await s.scorerButton('Ann').click();
  await page.getByLabel('Comment on Support and wellbeing focus').fill('Better since May');
  await page.getByRole('button', { name: 'Done: hide my scores' }).click();
  await s.show('Results');
  await expect(support.locator('li')).toHaveText(['Ann: Better since May']);

  // The report, on the page and as Markdown and HTML files.
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Report' }).click();
  const report = page.locator('.report .report-comments');
  await expect(report.getByRole('heading', { name: 'Comments' })).toBeVisible();
  // Inside the app's page the report's sections are h3, rounds h4, "Comments" h5, elements h6.
  await expect(report.locator('h6')).toHaveText(['Shared vision', 'Support and wellbeing focus']);
  await expect(report.locator('li')).toHaveText(['Anonymous: Not shared yet', 'Ann: Better since May']);
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  const text = await downloadText(md);
  expect(text).toContain('**Shared vision**\n\n- Anonymous: Not shared yet\n');
  expect(text).toContain('**Support and wellbeing focus**\n\n- Ann: Better since May\n');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  const html = await downloadText(file);
  const other = await page.context().newPage();
  await other.setContent(html);
  await expect(other.locator('.report-comments li')).toHaveText(['Anonymous: Not shared yet', 'Ann: Better since May']);
  await other.close();
});

test('markup typed in a comment reaches the report as text', async ({ page }) => {
  await scoredWithComments(page);
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Report' }).click();
  const report = page.locator('.report .report-comments');
  await expect(report.locator('li').last()).toHaveText(`Ann: ${TIRED}`);
  await expect(report.locator('li b')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  expect(await downloadText(file)).toContain('<strong>Ann:</strong> Staff are &lt;b&gt;tired&lt;/b&gt; &amp; stretched');
});

test('the export reminder goes away on export, stays away after a reload, and comes back only when the content changes', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Reminder' });
  await ws.addStakeholder('GPs');
  await ws.saved();
  const status = page.locator('.export-status');
  await expect(status).toContainText('Not exported yet');

  // Exported from the workshop's page: the save that follows does not bring the reminder back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workshop' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reminder-.*\.cstw\.json$/);
  await ws.saved();
  await expect(status).toHaveText(/^Last exported .*\.$/);
  await expect(status).not.toContainText('changed since');
  await lib.open();
  const row = lib.item('Reminder');
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Changed since last export');
  await expect(row).not.toContainText('Never exported');
  await page.reload();
  await expect(lib.item('Reminder')).toBeVisible();
  await expect(lib.item('Reminder')).not.toContainText('Changed since last export');

  // An edit brings it back, on the page and in the list.
  await lib.item('Reminder').getByRole('link', { name: 'Reminder', exact: true }).click();
  const again = new WorkshopPage(page);
  await again.field('Notes').fill('Ring the GPs');
  await again.field('Notes').blur();
  await again.saved();
  await expect(status).toContainText('changed since');
  await lib.open();
  await expect(lib.item('Reminder')).toContainText('Changed since last export');

  // Undoing the edit, back to what was exported: the reminder goes again.
  await lib.item('Reminder').getByRole('link', { name: 'Reminder', exact: true }).click();
  await again.field('Notes').fill('Ring the GPs');
  await again.field('Notes').blur();
  await again.saved();
  await again.field('Notes').fill('');
  await again.field('Notes').blur();
  await again.saved();
  await expect(status).not.toContainText('changed since');
  await again.field('Notes').fill('Ring the GPs');
  await again.saved();
  await expect(status).toContainText('changed since');
  await again.undoButton.click();
  await expect(again.field('Notes')).toHaveValue('');
  await again.saved();
  await expect(status).not.toContainText('changed since');
  await lib.open();
  await expect(lib.item('Reminder')).not.toContainText('Changed since last export');
  await screenshotBothSizes(page, 'room-results-library-exported');

  // Exported from the list: the same.
  await lib.item('Reminder').getByRole('link', { name: 'Reminder', exact: true }).click();
  await again.field('Purpose or focus question').fill('Who is it for?');
  await again.field('Purpose or focus question').blur();
  await again.saved();
  await lib.open();
  await expect(lib.item('Reminder')).toContainText('Changed since last export');
  await Promise.all([page.waitForEvent('download'), lib.action('Reminder', 'Export')]);
  await expect(lib.item('Reminder')).not.toContainText('Changed since last export');
  await page.reload();
  await expect(lib.item('Reminder')).toBeVisible();
  await expect(lib.item('Reminder')).not.toContainText('Changed since last export');
});

test('the cycle card counts what the model holds, and the flowchart has one name everywhere', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Counts' });
  const s = new ScoringPage(page);
  await s.open();
  const cards = page.locator('ul.cards > li.card');
  const cycle = cards.filter({ has: page.getByRole('heading', { name: 'Positive relational cycle' }) });
  await expect(cycle).not.toContainText(/\beight\b|\bnine\b/i);
  const said = Number((await cycle.locator('.hint').textContent())!.match(/^(\d+) elements/)![1]);
  const flow = cards.nth(1);
  const flowName = (await flow.locator('h3').textContent())!;
  expect(flowName).toBe('Key elements of sustainable social prescribing');
  await screenshotBothSizes(page, 'room-results-framework-cards');
  await s.start('positive relational cycle');
  await expect(page.locator('table.elements-table tbody tr')).toHaveCount(said);

  // The flowchart: the card, the framework and the glossary use the same name.
  await page.goto(`${page.url().split('#')[0]}#/glossary?term=sustainable-social-prescribing`);
  await expect(page.locator('#term-sustainable-social-prescribing')).toContainText(flowName);
  await expect(page.getByText('Sustainability flowchart')).toHaveCount(0);
});

test('the Challenge view offers to link perspectives to roster people with the same name, undoably', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Challenge' });
  await ws.addStakeholder('GPs', '', 'involved');
  await ws.addStakeholder('Service  users', '', 'affected');
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('gps');
  await b.addPerspective('SERVICE USERS');
  await b.addPerspective('Advocate');
  await b.show('Challenge');
  const offer = page.getByRole('button', { name: 'Link 2 perspectives to roster people with the same name' });
  await expect(offer).toBeVisible();
  await expect(page.locator('.same-name')).toContainText('gps → GPs (involved)');
  // Nothing is linked until asked.
  await expect(page.locator('.challenge .voice')).toHaveCount(0);
  await screenshotBothSizes(page, 'room-results-challenge-offer');
  await offer.click();
  await expect(offer).toHaveCount(0);
  const row = page.locator('.challenge tbody tr').first();
  await expect(row.locator('td').nth(0)).toContainText('gps:');
  await expect(row.locator('td').nth(1)).toContainText('SERVICE USERS:');
  await expect(page.locator('.challenge')).not.toContainText('Advocate:');
  await screenshotBothSizes(page, 'room-results-challenge-linked');

  // Undo takes both links back in one step; redo makes them again, and they are saved.
  await ws.undoButton.click();
  await expect(offer).toBeVisible();
  await expect(page.locator('.challenge .voice')).toHaveCount(0);
  await ws.redoButton.click();
  await expect(offer).toHaveCount(0);
  await ws.saved();
  await page.reload();
  await b.show('Challenge');
  await expect(page.locator('.challenge tbody tr').first().locator('td').nth(0)).toContainText('gps:');
});
