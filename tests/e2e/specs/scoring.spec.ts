// Scoring: a steering group scores a framework, reveals the results, and compares rounds.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { downloadBytes, downloadText } from '../support/downloads';
import { ScoringPage } from '../support/scoring';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { App } from '../support/app';

// Scores of five scorers for the cycle's nine elements, in framework order: buy-in, shared
// vision, confidence, motivation, support, collaboration, communication, access, learning.
// Support is the weakest (mean 1.4); collaboration splits 1,1,3,5,5 (two far each side: split); the fifth
// scorer does not know about learning.
const SCORES = [
  ['4', '4', '3', '4', '1', '1', '3', '4', '5'],
  ['4', '4', '4', '4', '2', '1', '3', '3', '5'],
  ['5', '4', '4', '4', '1', '5', '3', '4', '4'],
  ['4', '4', '4', '4', '2', '5', '3', '3', '4'],
  ['4', '4', '3', '5', '1', '3', '3', '4', 'd'],
];

test('five scorers score the cycle by keyboard; revealed results show the weakest element, a disagreement and, next round, the change; all survives a reload', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Steering group' });
  const s = new ScoringPage(page);
  await s.open();
  await expect(page).toHaveURL(/\/scoring$/);
  await s.start('positive relational cycle');
  for (const name of ['Ann', 'Ben', 'Cat', '', '']) await s.addScorer(name);
  await expect(page.locator('.scorer-list > li')).toHaveCount(5);

  await s.show('Score in turn');
  const labels = ['Ann', 'Ben', 'Cat', 'Scorer 4', 'Scorer 5'];
  for (const [i, label] of labels.entries()) {
    await s.scoreByKeyboard(label, SCORES[i]);
    // Nobody sees the previous scorer's answers.
    await expect(page.locator('.score-form')).toHaveCount(0);
  }

  await s.show('Results');
  await expect(page.getByText('5 of 5 scorers have scored every element')).toBeVisible();
  await expect(page.locator('table.stats-table')).toHaveCount(0); // hidden until revealed
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(s.ranking.first()).toContainText('Support and wellbeing focus');
  await expect(s.ranking.first()).toContainText('mean 1.4');
  await expect(s.statsRow('Collaborative relationships')).toContainText('split');
  await expect(page.locator('table.stats-table tbody tr.flagged')).toHaveCount(1);
  const learning = s.statsRow('Learning in and from action').locator('td');
  await expect(learning.nth(0)).toHaveText('4'); // n
  await expect(learning.nth(1)).toHaveText('4.5'); // mean
  await expect(learning.nth(6)).toHaveText('1'); // don't know
  await expect(page.locator('.chart svg g.element')).toHaveCount(9);
  // The radar: a point per element, the flagged one marked.
  await expect(page.locator('.chart.radar svg circle')).toHaveCount(9);
  await expect(page.locator('.chart.radar svg text').filter({ hasText: /^\d\.\d \u2691$/ })).toHaveText(['3.0 \u2691']);

  // A second round: only the support element, scored high this time.
  await s.newRound('Phase 2, 2019');
  await s.show('Score in turn');
  await s.scorerButton('Ann').click();
  await page.locator('fieldset.score-element').nth(4).locator('input[type=radio]').first().focus();
  await page.keyboard.press('5');
  await page.getByRole('button', { name: 'Done: hide my scores' }).click();
  await s.show('Results');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(s.roundsRow('Support and wellbeing focus')).toContainText('1.4');
  await expect(s.roundsRow('Support and wellbeing focus').locator('td.change')).toHaveText('\u25b2 +3.6');

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Scoring', level: 2 })).toBeVisible();
  await s.show('Results');
  await expect(s.round('Phase 2, 2019')).toHaveAttribute('aria-pressed', 'true');
  await expect(s.roundsRow('Support and wellbeing focus').locator('td.change')).toHaveText('\u25b2 +3.6');
  await s.round('Round 1').click();
  await expect(s.ranking.first()).toContainText('Support and wellbeing focus');
});

test('a show of hands gives the same results as the same individual scores', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Hands' });
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  for (const name of ['A', 'B', 'C', 'D']) await s.addScorer(name);
  await s.show('Score in turn');
  // Shared vision (the second element): 2, 4, 4 and one "don't know".
  for (const [label, key] of [['A', '2'], ['B', '4'], ['C', '4'], ['D', 'd']]) {
    await s.scorerButton(label).click();
    await page.locator('fieldset.score-element').nth(1).locator('input[type=radio]').first().focus();
    await page.keyboard.press(key);
    await page.getByRole('button', { name: 'Done: hide my scores' }).click();
  }
  await s.newRound('By hands');
  await s.show('Show of hands');
  await page.getByLabel('Shared vision: how many chose 2 · Weak').fill('1');
  await page.getByLabel('Shared vision: how many chose 4 · Strong').fill('2');
  await page.getByLabel("Shared vision: how many chose Don't know").fill('1');

  await s.show('Results');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const byHands = await s.statsRow('Shared vision').locator('td').allTextContents();
  await s.round('Round 1').click();
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const individual = await s.statsRow('Shared vision').locator('td').allTextContents();
  expect(byHands).toEqual(individual);
  expect(individual.slice(0, 3)).toEqual(['3', '3.3', '4.0']); // n, mean, median
  await expect(s.roundsRow('Shared vision').locator('td.change')).toHaveText('= 0.0');

  // Every score in long format: three individual scores and a "don't know" in round 1, the same
  // again as four show-of-hands rows in round 2.
  const scores = await s.download('All scores (CSV)');
  const csv = await downloadText(scores);
  const rows = csv.replace(/^\ufeff/, '').trim().split('\n');
  expect(rows[0]).toBe('round,scorer,element,value,dont_know,comment,entered_as');
  expect(rows.filter((r) => r.startsWith('Round 1,')).map((r) => r.split(',').slice(1, 5).join(','))).toEqual([
    'A,Shared vision,2,', 'B,Shared vision,4,', 'C,Shared vision,4,', 'D,Shared vision,,yes',
  ]);
  expect(rows.filter((r) => r.startsWith('By hands,')).map((r) => r.split(',').slice(1, 5).join(','))).toEqual([
    'show of hands,Shared vision,2,', 'show of hands,Shared vision,4,', 'show of hands,Shared vision,4,', 'show of hands,Shared vision,,yes',
  ]);
  // The picture stands alone: a browser opens the downloaded SVG as an image, full size.
  const svg = await s.download('Picture (SVG)');
  expect(svg.suggestedFilename()).toBe('hands-round-1-picture.svg');
  const svgText = await downloadText(svg);
  const viewer = await page.context().newPage();
  await viewer.setContent(`<img alt="" src="data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}">`);
  await expect.poll(() => viewer.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(1000);
  await viewer.close();
  // The radar as PNG: a real PNG, drawn at twice the size.
  const png = await s.download('Radar (PNG)');
  expect(png.suggestedFilename()).toBe('hands-round-1-radar.png');
  const bytes = await downloadBytes(png);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  // IHDR width and height: twice the chart's own size (charts are drawn for a frame and may grow).
  const radarSvg = await s.download('Radar (SVG)');
  const radarHeight = Number((await downloadText(radarSvg)).match(/<svg[^>]* height="(\d+)"/)![1]);
  expect(radarHeight).toBeGreaterThanOrEqual(760);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2000, 2 * radarHeight]);
  await png.saveAs(test.info().outputPath('radar.png'));
  expect(bytes.length, 'a drawn picture, not a blank canvas').toBeGreaterThan(40_000);
  // The distribution as a chart of its own.
  const dist = await s.download('Distribution (SVG)');
  expect(dist.suggestedFilename()).toBe('hands-round-1-distribution.svg');
  const distText = await downloadText(dist);
  expect(distText).toContain('>Shared vision</text>');
  expect(distText.match(/<rect x=/g)).toHaveLength(9 * 5);
  const distPng = await s.download('Distribution (PNG)');
  const distBytes = await downloadBytes(distPng);
  const distHeight = Number(distText.match(/<svg[^>]* height="(\d+)"/)![1]);
  expect([distBytes.readUInt32BE(16), distBytes.readUInt32BE(20)]).toEqual([2000, 2 * distHeight]);
});



for (const theme of ['standard', 'projector'] as const) {
  test(`scoring is axe-clean in every mode, with screenshots of the results: ${theme}`, async ({ page }) => {
    const app = new App(page);
    await app.open();
    await app.setTheme(theme);
    const lib = new LibraryPage(page);
    await lib.create({ title: 'Shropshire steering group' });
    const s = new ScoringPage(page);
    await s.open();
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await s.start('positive relational cycle');
    for (const name of ['Ann', 'Ben', 'Cat', '', '']) await s.addScorer(name);
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await s.show('Score in turn');
    for (const [i, label] of ['Ann', 'Ben', 'Cat', 'Scorer 4', 'Scorer 5'].entries()) await s.scoreByKeyboard(label, SCORES[i]);
    await s.scorerButton('Ann').click();
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await screenshotBothSizes(page, `scoring-in-turn-${theme}`);
    await s.show('Show of hands');
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await s.show('Results');
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await page.getByRole('button', { name: 'Reveal results' }).click();
    await expect(page.locator('.chart svg').first()).toBeVisible();
    await expectNoAxeViolations(page, { aaa: theme === 'projector' });
    await page.locator('.chart').first().scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, `scoring-results-chart-${theme}`);
    await page.locator('.chart.radar').scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, `scoring-results-radar-${theme}`);
    await page.locator('table.stats-table').scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, `scoring-results-table-${theme}`);
  });
}

test('scorers come from the roster or are linked to it; elements are reordered', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Roster scorers' });
  await ws.addStakeholder('Link workers', 'Team');
  await ws.addStakeholder('GPs', 'Practices');
  await ws.addStakeholder('Carers', '', 'affected');
  const s = new ScoringPage(page);
  await s.open();
  await s.start('key elements of sustainable social prescribing');
  // An anonymous scorer linked to a roster entry takes its name.
  await s.addScorer('');
  await page.getByLabel('Roster entry of Scorer 1').selectOption({ label: 'Carers' });
  await expect(page.getByLabel('Name of Carers')).toHaveValue('Carers');
  // Everyone else on the roster joins; nobody twice.
  await page.getByRole('button', { name: 'Add everyone on the roster' }).click();
  await expect(page.locator('.scorer-list > li input[type=text]')).toHaveCount(3);
  await expect(page.getByLabel('Name of GPs')).toHaveValue('GPs');
  await expect(page.getByLabel('Roster entry of GPs')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Add everyone on the roster' }).click();
  await expect(page.locator('.scorer-list > li input[type=text]')).toHaveCount(3);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Roster entry of Carers')).not.toHaveValue('');
  await expect(page.locator('.scorer-list > li')).toHaveCount(3);
  // The group adapts the framework: an element moves up, and stays there after a reload.
  await page.getByRole('button', { name: 'Move Learning up' }).click();
  const names = () => page.locator('.elements-table tbody input[aria-label="Element name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await expect.poll(names).toEqual(['Holistic thinking, inclusivity, sharing', 'Learning', 'Strategic planning and implementation', 'Emotional buy-in', 'Communication, feedback, network building']);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect.poll(names).toEqual(['Holistic thinking, inclusivity, sharing', 'Learning', 'Strategic planning and implementation', 'Emotional buy-in', 'Communication, feedback, network building']);
});

test('scores import from a CSV file; a row that does not fit is named, a wrong file changes nothing', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Imported scores' });
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  const file = (name: string, text: string) =>
    page.locator('#import-scores').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await file('notes.csv', 'when,what\nMonday,lunch\n');
  await expect(page.getByRole('alert')).toContainText('needs columns named scorer, element and value');
  await expect(page.locator('.scorer-list > li')).toHaveCount(0);

  await file('scores.csv', [
    '\ufeffround,scorer,element,value,dont_know,comment',
    'Round 1,Ann,Support and wellbeing focus,2,,"Staff are tired, ""really"""',
    'Round 1,Ben,Support and wellbeing focus,4,,',
    'Round 1,Cat,Support and wellbeing focus,,yes,',
    'Round 1,Cat,Nonexistent element,3,,',
  ].join('\r\n'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 scores' })).toContainText('3 new scorers');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 scores' })).toContainText('line 5: no element called');
  await expect(page.locator('.scorer-list > li')).toHaveCount(3);
  await s.show('Results');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const support = s.statsRow('Support and wellbeing focus').locator('td');
  await expect(support.nth(0)).toHaveText('2'); // n
  await expect(support.nth(1)).toHaveText('3.0'); // mean
  await expect(support.nth(6)).toHaveText('1'); // don't know
  // Undo: first the reveal, then the whole import in one step.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Reveal results' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await s.show('Set up');
  await expect(page.locator('.scorer-list > li')).toHaveCount(0);
});

test("a framework of the group's own: named, its elements added and described, then scored", async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Own framework' });
  const s = new ScoringPage(page);
  await s.open();
  await page.getByRole('button', { name: 'Start a framework of your own' }).click();
  await page.getByLabel('Framework name').fill('Partnership health');
  const names = page.locator('.elements-table tbody input[aria-label="Element name"]');
  for (const [i, name] of ['Trust', 'Shared data', 'Joint decisions'].entries()) {
    await page.getByRole('button', { name: 'Add an element' }).click();
    await names.nth(i).fill(name);
  }
  await page.getByLabel('What Trust means').fill('Partners rely on each other <without checking>');
  await page.getByLabel('Place of Trust').selectOption('heart');
  await s.addScorer('Ann');
  await s.show('Score in turn');
  await s.scoreByKeyboard('Ann', ['5', '2', '3']);
  await expect(page.getByText('Partners rely on each other <without checking>')).toHaveCount(0); // form closed
  await s.show('Results');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(page.locator('.chart svg g.element')).toHaveCount(3);
  await expect(page.locator('.chart.radar svg circle')).toHaveCount(3);
  await expect(s.ranking.first()).toContainText('Shared data');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Framework name')).toHaveValue('Partnership health');
  await expect(names).toHaveCount(3);
});
