// Presenting a workshop in the room: full screen, step by step by keyboard, with a timer; the
// facilitator reorders and skips steps, plans minutes, and edits the step on screen.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { PresentPage } from '../support/present';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { fileURLToPath } from 'node:url';

const TITLE = 'Example: Shropshire social prescribing (illustrative)';
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

type Page = import('@playwright/test').Page;

async function openExample(page: Page) {
  const lib = new LibraryPage(page);
  await lib.open();
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(new WorkshopPage(page).titleHeading).toHaveText(TITLE);
}

/** The first card on the step's slides (its first slide may hold only the questions) has `text`. */
async function cardOnStep(page: Page, text: string) {
  const p = new PresentPage(page);
  const step = await p.progress.textContent();
  while ((await p.body.locator('.present-card').count()) === 0) {
    await p.press('ArrowRight');
    expect(await p.progress.textContent()).toBe(step);
  }
  await expect(p.body.locator('.present-card').first()).toContainText(text);
}

// 2 (welcome, roster) + 12 questions + 1 map + 1 picture + 2 rounds × (scoring, results) + summary
const STEPS = 21;

test('the example workshop is presented start to finish by keyboard, in the projector theme', async ({ page }) => {
  test.setTimeout(240_000); // a screenshot a slide and 8 axe-core scans
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new App(page);
  await app.open();
  await app.setTheme('projector');
  await openExample(page);
  const p = new PresentPage(page);
  // By keyboard from the start: the "Present" link, then Enter.
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Present' }).focus();
  await p.press('Enter');
  await expect(p.heading).toBeVisible();
  await expect(page).toHaveURL(/#\/w\/w-example-shropshire\/present$/);
  // Full screen: no app header, no section tabs, no toolbar.
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Workshop sections' })).toBeHidden();

  const seen: string[] = [];
  const checked = new Set<string>();
  let pressed = 0;
  for (let i = 1; i <= STEPS; i++) {
    await p.at(i, STEPS);
    // A long step continues on slides of its own ("(continued, 2 of 3)"), each with the same
    // step number: what the room sees of the step is gathered over its slides.
    const base = ((await p.heading.textContent()) ?? '').replace(/ \((1|continued, \d+) of \d+\)$/, '');
    seen.push(base);
    let text = '';
    let cards = 0;
    let figures = 0;
    let part = 0;
    for (;;) {
      part++;
      const heading = (await p.heading.textContent()) ?? '';
      expect(heading.startsWith(base)).toBe(true);
      text += (await p.body.textContent()) ?? '';
      cards += await p.body.locator('.present-card').count();
      // The questions' own text on the first slide of a question only.
      if (base.startsWith('Question')) {
        await expect(p.body.locator('dl.present-questions dt')).toHaveCount(part === 1 ? 2 : 0);
      }
      if (/^(Map|Picture|Results)/.test(base)) {
        await expect(p.body.locator('.present-figure svg')).toBeVisible();
        // The figure fits the screen: nothing to scroll sideways.
        const box = await p.body.locator('.present-figure svg').boundingBox();
        expect(box!.width).toBeLessThanOrEqual(1024);
        figures++;
      }
      // Text the room must read stays large.
      const size = await p.heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(40);
      await page.screenshot({ path: `${SHOTS}present-step-${String(i).padStart(2, '0')}-${part}-projector-1024x768.png` });
      const kind = i === 1 ? 'welcome' : base.split(/[: ]/)[0].toLowerCase();
      if (!checked.has(kind)) {
        checked.add(kind);
        await expectNoAxeViolations(page, { aaa: true });
      }
      if (i === STEPS && (await page.getByRole('button', { name: 'Next →' }).isDisabled())) break;
      await p.press(pressed++ % 2 ? 'Space' : 'ArrowRight');
      await expect(p.heading).not.toHaveText(heading);
      if (((await p.progress.textContent()) ?? '') !== `Step ${i} of ${STEPS}`) break;
    }
    const kind = i === 1 ? 'welcome' : base.split(/[: ]/)[0].toLowerCase();
    // What the room sees at each kind of step.
    if (i === 1) {
      expect(base).toBe(TITLE);
      expect(text).toContain('Facilitator');
    } else if (i === 2) {
      expect(text).toContain('Link workers');
      expect(text).toContain('Disadvantaged and minority groups');
    } else if (kind === 'question') {
      expect(cards, base).toBe(5);
    } else if (kind === 'map' || kind === 'picture') {
      expect(figures, base).toBe(1);
    } else if (kind === 'scoring') {
      expect(text).not.toContain('mean');
    } else if (kind === 'results') {
      expect(text).toContain('Weakest:');
    }
    if (i === 3) {
      expect(base).toMatch(/^Question 1: /);
      expect(text).toContain('heart disease risk lists');
    }
    if (i === STEPS) {
      expect(base).toBe('What we found');
      expect(text).toContain('Strong tension');
      expect(text).toContain('Weakest in Steering group, summer 2019');
      // Cut into slides that fit: the last one has nothing hidden below.
      const region = page.locator('.present-step');
      expect(await region.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);
    }
  }
  expect(checked).toEqual(new Set(['welcome', 'who', 'question', 'map', 'picture', 'scoring', 'results', 'what']));
  expect(new Set(seen).size).toBe(STEPS);
  // At the end, Next goes nowhere; back and forth by keyboard.
  await p.at(STEPS, STEPS);
  await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
  // Back through the summary's slides to the step before, and on again.
  do await p.press('ArrowLeft');
  while (((await p.heading.textContent()) ?? '').startsWith('What we found'));
  await p.at(STEPS - 1, STEPS);
  await p.press('Shift+Space');
  await p.at(STEPS - 2, STEPS);
  await p.press('PageDown');
  await p.at(STEPS - 1, STEPS);
  await p.press('Home');
  await p.at(1, STEPS);
  await p.press('End');
  await p.at(STEPS, STEPS);
  // Esc leaves the presentation for the workshop, with its chrome back.
  await p.press('Escape');
  await expect(new WorkshopPage(page).titleHeading).toBeVisible();
  await expect(page.locator('.app-header')).toBeVisible();
});

test('the facilitator skips and reorders steps, plans minutes and edits the step on screen; a reload keeps it all', async ({ page }) => {
  test.setTimeout(90_000);
  await openExample(page);
  const p = new PresentPage(page);
  await p.start();
  await p.at(1, STEPS);

  // The agenda: skip the roster, move the map to second place, plan a minute for the welcome.
  await p.press('a');
  await expect(p.agenda).toBeVisible();
  await p.agenda.getByRole('checkbox', { name: 'Present Who is involved, who is affected' }).uncheck();
  await expect(p.agenda.getByRole('status')).toHaveText(`${STEPS - 1} of ${STEPS} steps presented.`);
  const names = await p.agendaNames();
  const map = names.find((n) => n.startsWith('Map: '))!;
  const earlier = p.agenda.getByRole('button', { name: `Move ${map} earlier` });
  while ((await p.agendaNames()).indexOf(map) > 1) await earlier.click();
  await expect(earlier).toBeEnabled();
  await p.agenda.getByRole('spinbutton', { name: 'Minutes for Welcome' }).fill('1');
  await expect(p.agenda.getByRole('status')).toHaveText(`${STEPS - 1} of ${STEPS} steps presented, 1 minutes planned.`);
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'present-agenda');
  await p.press('Escape');
  await expect(p.agenda).toBeHidden();
  await expect(p.timer).toContainText('left of 1 min');
  await expect(p.timer).toContainText('in all');

  // The timer pauses and resumes.
  await p.press('t');
  await expect(p.timer).toContainText('(paused)');
  const stepPart = async () => ((await p.timer.textContent()) ?? '').split('·')[0];
  const frozen = await stepPart();
  await page.waitForTimeout(1_200);
  expect(await stepPart()).toBe(frozen);
  await p.press('t');
  await expect(p.timer).not.toContainText('(paused)');

  // Next comes the map (moved), then question 1 (the roster is skipped).
  await p.press('ArrowRight');
  await expect(p.heading).toHaveText(map);
  await p.at(2, STEPS - 1);
  await p.press('ArrowRight');
  await expect(p.heading).toHaveText(/^Question 1: /);
  await expect(p.timer).toContainText('on this step');

  // Edit the step on screen: arrows now type, Esc goes back to presenting.
  await p.press('e');
  const field = page.getByRole('textbox', { name: 'Is — Project team' });
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Edited live.');
  await expect(field).toHaveValue(/ Edited live\.$/);
  await page.keyboard.press('ArrowLeft');
  await p.at(3, STEPS - 1);
  await screenshotBothSizes(page, 'present-editing-question');
  await page.locator('.present-bar').click({ position: { x: 5, y: 5 } });
  await p.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(p.heading).toHaveText(/^Question 1: /);
  await cardOnStep(page, 'Edited live.');
  await expect(page.getByRole('button', { name: 'Edit this step' })).toHaveAttribute('aria-pressed', 'false');
  await expectNoAxeViolations(page);

  // A hidden round is revealed in front of the room. Hide it first, by editing its results step.
  await p.press('End');
  // Back past the summary's slides (a long summary continues on more than one).
  do await p.press('ArrowLeft');
  while (((await p.heading.textContent()) ?? '').startsWith('What we found'));
  await expect(p.heading).toHaveText('Results: Steering group, summer 2019');
  await p.press('e');
  await page.getByRole('button', { name: 'Hide results' }).click();
  await p.press('Escape');
  await expect(p.body).toContainText('The results are hidden');
  await expect(p.body.locator('svg')).toHaveCount(0);
  await p.body.getByRole('button', { name: 'Reveal results' }).click();
  await expect(p.body).toContainText('Weakest:');

  // A reload comes back to the same step, with the agenda and the edit kept.
  await new WorkshopPage(page).saved();
  await page.reload();
  await p.ready();
  await expect(p.heading).toHaveText('Results: Steering group, summer 2019');
  await p.at(STEPS - 2, STEPS - 1);
  await p.press('Home');
  await p.press('ArrowRight');
  await expect(p.heading).toHaveText(map);
  await p.press('ArrowRight');
  await cardOnStep(page, 'Edited live.');

  // Back to the default order: the roster returns, second.
  await p.press('a');
  await p.agenda.getByRole('button', { name: 'Back to the default order' }).click();
  await expect(p.agenda.getByRole('status')).toHaveText(`${STEPS} of ${STEPS} steps presented.`);
  expect((await p.agendaNames()).slice(0, 2)).toEqual(['Welcome', 'Who is involved, who is affected']);
  await expectNoAxeViolations(page);
  await p.agenda.getByRole('button', { name: 'Go to Who is involved, who is affected', exact: true }).click();
  await expect(p.agenda).toBeHidden();
  await p.at(2, STEPS);
});

test('a new workshop presents its title, roster and summary, and its steps follow what is added', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Town hall <b>meeting</b>' });
  await ws.addStakeholder('Residents', 'Ward 3', 'affected');
  const p = new PresentPage(page);
  await p.start();
  await p.at(1, 3);
  await expect(p.heading).toHaveText('Town hall <b>meeting</b>');
  await p.press('ArrowRight');
  await expect(p.body.locator('.present-column').nth(1)).toContainText('Residents');
  await expect(p.body.locator('.present-column').first()).toContainText('Nobody yet');
  // Edit the roster on screen: a new entry appears in the presentation.
  await p.press('e');
  await ws.addStakeholder('Council officers', 'Planning', 'involved');
  await p.press('Escape');
  await expect(p.body.locator('.present-column').first()).toContainText('Council officers');
  await p.press('ArrowRight');
  await expect(p.heading).toHaveText('What we found');
  await expect(p.body).toContainText('No tensions marked, no results revealed and no closing reflection yet.');
  await expect(page.locator('b')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
