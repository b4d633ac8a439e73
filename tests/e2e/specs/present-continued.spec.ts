// In the room (issue 20): a step whose content is taller than the slide continues on the next
// slides ("Question 3: … (continued, 2 of 3)"), cut between blocks, each slide fitting; the
// arrows and the agenda walk them, a reload keeps the slide. In the projector theme at 1024×768
// and 1280×720, no slide of the presentation has content cut off.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { PresentPage } from '../support/present';
import { fileURLToPath } from 'node:url';

type Page = import('@playwright/test').Page;
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
] as const;

/** Deterministic words of varying length, so answers wrap differently. */
function words(seed: number, count: number): string {
  const pool = ['referrals', 'wellbeing', 'the', 'GP', 'practice', 'counts', 'people', 'who', 'come', 'back', 'on',
    'their', 'own', 'appointments', 'saved', 'and', 'link', 'workers', 'follow-up', 'calls', 'voluntary', 'sector',
    'groups', 'success', 'for', 'whom', 'measured', 'by', 'commissioners', 'in', 'Shropshire', 'isolation', 'less'];
  let x = seed * 7919 + 13;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(pool[x % pool.length]);
  }
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

const NAMES = ['Core team', 'Service users', 'GPs', 'Voluntary sector', 'Commissioners', 'Public health', 'Carers'];

/** A workshop whose question 3 has long answers from seven perspectives and five tension
 * notes, with a long roster and long notes; stored as a user's earlier session would have. */
async function seed(page: Page): Promise<string> {
  const id = 'w-continued';
  const perspectives = NAMES.map((name, i) => ({
    id: `p-${i + 1}`,
    name,
    roster_ids: [],
    answers: {
      3: { is: `${name} (is): ${words(i, 8 + (i % 3) * 5)}`, ought: `${name} (ought): ${words(i + 50, 6 + (i % 4) * 3)}` },
      5: { is: 'Short.', ought: '' },
    },
  }));
  const tensions = [0, 1, 2, 3, 4].map((k) => ({
    question: 3,
    perspectives: [`p-${k + 1}`, `p-${k + 2}`],
    level: k % 2 ? 'some' : 'strong',
    note: `Tension note ${k + 1}: ${words(k + 90, 10 + k * 3)}`,
  }));
  const roster = Array.from({ length: 34 }, (_, i) => ({
    id: `s-${i + 1}`,
    name: `Person ${i + 1} ${words(i + 200, 2 + (i % 3))}`,
    group: i % 4 ? '' : 'Practices',
    involvement: i % 2 ? 'affected' : 'involved',
  }));
  const doc = {
    format: 'cst-workbench/workshop', version: 1, app_version: '0.1.0', revision: 1, saved_at: Date.now(),
    workshop: {
      id, title: 'Continued slides', purpose: 'Long content across slides', date: '', facilitator: 'Alison',
      notes: Array.from({ length: 4 }, (_, k) => words(k + 300, 30)).join('\n'),
      created_at: Date.now(), roster, boundary: { perspectives, tensions },
    },
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`cst-workbench.workshop.${id}`, JSON.stringify(doc)]);
  return id;
}

/** What overflows the slide: the step region's hidden height, and blocks whose bottom is
 * below the region's (cut off) or whose text is clipped inside them. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const step = document.querySelector('.present-step') as HTMLElement;
    const box = step.getBoundingClientRect();
    const cut = Array.from(step.querySelectorAll('.present-card, .present-tensions li, .present-findings li, .present-columns li, .present-notes-text, .present-questions'))
      .filter((el) => el.getBoundingClientRect().bottom > box.bottom + 1)
      .map((el) => (el.textContent ?? '').slice(0, 40));
    return { hidden: step.scrollHeight - step.clientHeight, cut };
  });
}

for (const size of SIZES) {
  test(`long steps continue on slides that fit (projector, ${size.width}×${size.height})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const app = new App(page);
    await app.open();
    await app.setTheme('projector');
    const id = await seed(page);
    await page.evaluate((hash) => { location.hash = hash; }, `#/w/${id}/present/q3`);
    const p = new PresentPage(page);
    await p.ready();
    const tag = `${size.width}x${size.height}`;

    // Question 3 is cut into slides: "(1 of n)" first, then "(continued, k of n)".
    await expect(p.heading).toHaveText(/^Question 3: .+ \(1 of \d+\)$/);
    const parts = Number(((await p.heading.textContent()) ?? '').match(/\(1 of (\d+)\)/)![1]);
    expect(parts).toBeGreaterThanOrEqual(2);
    const cards: string[] = [];
    const notes: string[] = [];
    for (let k = 1; k <= parts; k++) {
      if (k > 1) {
        await p.press('ArrowRight');
        await expect(p.heading).toHaveText(new RegExp(`^Question 3: .+ \\(continued, ${k} of ${parts}\\)$`));
        await expect(page).toHaveURL(new RegExp(`/present/q3~${k}$`));
      }
      await page.waitForTimeout(600);
      const o = await overflow(page);
      expect(o.cut, `slide ${k} of question 3: blocks cut off`).toEqual([]);
      expect(o.hidden, `slide ${k} of question 3: hidden height`).toBeLessThanOrEqual(2);
      await expect(page.getByTestId('more-below')).toBeHidden();
      // The questions' text on the first slide only.
      await expect(page.locator('.present-questions')).toHaveCount(k === 1 ? 1 : 0);
      cards.push(...(await page.locator('.present-card h3').allTextContents()));
      notes.push(...(await page.locator('.present-tensions li').allTextContents()));
      await page.screenshot({ path: `${SHOTS}present-continued-q3-${k}-projector-${tag}.png` });
    }
    // Every perspective's card and every tension once, in order, across the slides.
    expect(cards).toEqual(NAMES);
    expect(notes.length).toBe(5);
    expect(notes.map((n) => n.match(/Tension note (\d)/)![1])).toEqual(['1', '2', '3', '4', '5']);

    // A reload on a continuation comes back to it.
    await page.reload();
    await p.ready();
    await expect(p.heading).toHaveText(new RegExp(`\\(continued, ${parts} of ${parts}\\)$`));

    // The agenda lists the continuations under their step, each to go to.
    await p.press('Home');
    await p.press('a');
    const continued = p.agenda.locator('li.agenda-continued');
    await expect(continued.filter({ hasText: /^Question 3/ })).toHaveCount(parts - 1);
    await p.agenda.getByRole('button', { name: `Go to Question 3: Measure of improvement (continued, 2 of ${parts})` }).click();
    await expect(p.heading).toHaveText(new RegExp(`\\(continued, 2 of ${parts}\\)$`));

    // Every slide of the presentation fits: nothing cut off, no cue needed. The progress
    // counts steps: a continuation keeps its step's number.
    await p.press('Home');
    const next = page.getByRole('button', { name: 'Next →' });
    let slides = 0;
    let last: string | null = null;
    for (;;) {
      slides++;
      await page.waitForTimeout(300);
      const heading = (await p.heading.textContent()) ?? '';
      if (/\(continued, \d+ of/.test(heading)) {
        // Same step number as the slide before.
        expect(await p.progress.textContent()).toBe(last);
      }
      last = await p.progress.textContent();
      const o = await overflow(page);
      expect(o.cut, `${heading}: blocks cut off`).toEqual([]);
      expect(o.hidden, `${heading}: hidden height`).toBeLessThanOrEqual(2);
      if (/Who is involved/.test(heading)) {
        // Each list shown has names on this slide: no heading left alone.
        const empty = await page.locator('.present-column:visible').evaluateAll((cols) => cols.filter((c) => c.querySelectorAll('li').length === 0).length);
        expect(empty, `${heading}: a list heading with no names`).toBe(0);
      }
      if (/Who is involved|What we found/.test(heading)) {
        await page.screenshot({ path: `${SHOTS}present-continued-${slides}-projector-${tag}.png` });
      }
      if (await next.isDisabled()) break;
      await p.press('ArrowRight');
      await expect(p.heading).not.toHaveText(heading);
    }
    const steps = Number(((await p.progress.textContent()) ?? '').match(/of (\d+)/)![1]);
    expect(slides).toBeGreaterThan(steps);
    // The long roster and the summary were cut too.
    await p.press('Home');
    await p.press('ArrowRight');
    await expect(p.heading).toHaveText(/^Who is involved, who is affected \(1 of \d+\)$/);
  });
}
