// In the room (issue 20): in the projector theme at 1024×768, every step of the presentation
// shows its figures with no text smaller than 24 px, and nothing is cut off without a cue.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { PresentPage } from '../support/present';
import { fileURLToPath } from 'node:url';

type Page = import('@playwright/test').Page;
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const ROOM = 24;

/** The smallest rendered text inside every figure on the slide, in CSS pixels: the height of
 * each SVG text's box (one line each, or per tspan), and its font size times the on-screen
 * scale; and whether the figure is cut off with no cue at that edge. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const out = { figures: 0, texts: 0, smallestBox: Infinity, smallestFont: Infinity, cutWithoutCue: [] as string[] };
    for (const fig of Array.from(document.querySelectorAll('.present-figure'))) {
      out.figures++;
      const svg = fig.querySelector('svg') as SVGSVGElement | null;
      if (!svg) continue;
      const ctm = svg.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const frame = fig.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        if (!(t.textContent ?? '').trim()) continue;
        const spans = Array.from(t.querySelectorAll('tspan'));
        const parts: Element[] = spans.length ? spans : [t];
        for (const part of parts) {
          const r = part.getBoundingClientRect();
          // Only text on screen counts (a panned figure has text out of view).
          if (r.bottom < frame.top || r.top > frame.bottom || r.right < frame.left || r.left > frame.right) continue;
          out.texts++;
          out.smallestBox = Math.min(out.smallestBox, r.height);
          const size = parseFloat(getComputedStyle(part).fontSize);
          out.smallestFont = Math.min(out.smallestFont, size * scale);
        }
      }
      // Drawn content beyond the frame must come with the "more" cue on that edge.
      const content = (svg.querySelector('g, rect, text') ? svg : null)?.getBBox();
      if (content && ctm) {
        const toScreen = (x: number, y: number) => ({ x: ctm.a * x + ctm.e, y: ctm.d * y + ctm.f });
        const a = toScreen(content.x, content.y);
        const b = toScreen(content.x + content.width, content.y + content.height);
        const cue = (edge: string) => {
          const el = fig.querySelector(`.figure-more.${edge}`) as HTMLElement | null;
          return !!el && !el.hidden && el.getBoundingClientRect().height > 0;
        };
        if (a.y < frame.top - 2 && !cue('top')) out.cutWithoutCue.push('top');
        if (b.y > frame.bottom + 2 && !cue('bottom')) out.cutWithoutCue.push('bottom');
        if (a.x < frame.left - 2 && !cue('left')) out.cutWithoutCue.push('left');
        if (b.x > frame.right + 2 && !cue('right')) out.cutWithoutCue.push('right');
      }
    }
    // The slide itself: content below the fold needs the "more below" cue.
    const step = document.querySelector('.present-step') as HTMLElement;
    const more = document.querySelector('[data-testid="more-below"]') as HTMLElement;
    if (step.scrollHeight - step.clientHeight - step.scrollTop > 2 && (more.hidden || more.getBoundingClientRect().height === 0)) {
      out.cutWithoutCue.push('slide');
    }
    return out;
  });
}

/** Walks every step with →, measuring each (and each chart of a results step). */
async function walk(page: Page, name: string) {
  const p = new PresentPage(page);
  const total = Number(((await p.progress.textContent()) ?? '').match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(2);
  let figures = 0;
  const next = page.getByRole('button', { name: 'Next →' });
  // Every slide: a long step continues on slides of its own, with the same step number.
  for (let i = 1; ; i++) {
    // The header is one row.
    const bar = await page.locator('.present-bar').boundingBox();
    expect(bar!.height, `header at step ${i}`).toBeLessThan(60);
    const heading = (await p.heading.textContent()) ?? '';
    const charts = heading.startsWith('Results') ? await page.locator('.chart-switch button').count() : 0;
    for (let c = 0; c <= Math.max(0, charts - 1); c++) {
      if (charts > 0) await page.locator('.chart-switch button').nth(c).click();
      // Let the figure measure itself and settle, and the cue catch up (a tick is 500 ms).
      await page.waitForTimeout(700);
      const m = await measure(page);
      if (m.figures > 0) {
        figures++;
        expect(m.texts, `${heading}: text in view`).toBeGreaterThan(0);
        expect(m.smallestFont, `${heading} (${c}): smallest font`).toBeGreaterThanOrEqual(ROOM - 0.01);
        expect(m.smallestBox, `${heading} (${c}): smallest text box`).toBeGreaterThanOrEqual(ROOM);
      }
      expect(m.cutWithoutCue, `${heading} (${c}): cut off without a cue`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}legible-${name}-${String(i).padStart(2, '0')}-${c}-projector-1024x768.png` });
    }
    // Back to the page so the arrow keys step on (a chart button had the focus).
    await page.locator('.present-bar').click({ position: { x: 5, y: 5 } });
    if (await next.isDisabled()) break;
    await p.press('ArrowRight');
    await expect(p.heading).not.toHaveText(heading);
  }
  await p.at(total, total);
  return figures;
}

test('every step of the example is legible from the back of the room (projector, 1024×768)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new App(page);
  await app.open();
  await app.setTheme('projector');
  const lib = new LibraryPage(page);
  await lib.open();
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(new WorkshopPage(page).titleHeading).toBeVisible();
  await new PresentPage(page).start();
  const figures = await walk(page, 'example');
  expect(figures).toBeGreaterThanOrEqual(2 + 2 * 3 - 1);
});

test('a 40-node map is presented legibly, and zoom, pan, fit and focus work by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new App(page);
  await app.open();
  await app.setTheme('projector');
  const id = 'w-forty';
  const nodes = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, label: `Node ${i + 1} of the map`, x: (i % 8) * 240, y: Math.floor(i / 8) * 140 }));
  const links = Array.from({ length: 39 }, (_, i) => ({ id: i + 1, from: i + 1, to: i + 2, label: i % 3 === 0 ? 'leads to' : '', direction: 'forward', polarity: 'none' }));
  const doc = {
    format: 'cst-workbench/workshop', version: 1, app_version: '0.1.0', revision: 1, saved_at: Date.now(),
    workshop: {
      id, title: 'Forty nodes', purpose: 'A large map', date: '', facilitator: '', notes: '', created_at: Date.now(), roster: [],
      maps: [{ id: 'm1', title: 'Big map', focus_question: '', template: 'blank', kinds: [], nodes, links, view: { x: 0, y: 0, zoom: 1 }, next_id: 100 }],
    },
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`cst-workbench.workshop.${id}`, JSON.stringify(doc)]);
  await page.evaluate((hash) => { location.hash = hash; }, `#/w/${id}/present`);
  const p = new PresentPage(page);
  await p.ready();
  const figures = await walk(page, 'forty');
  expect(figures).toBe(1);

  // On the map's step: too big to fit at a legible size, so part is shown, with a cue and a key.
  await p.press('Home');
  while (!((await p.heading.textContent()) ?? '').startsWith('Map')) await p.press('ArrowRight');
  const fig = page.locator('.present-figure');
  await expect(page.locator('.figure-status')).toContainText('Part of the figure is shown');
  await expect(page.locator('.figure-key')).toContainText('+ \u2212 zoom');
  const viewBox = () => fig.locator('svg').getAttribute('viewBox');
  const start = await viewBox();
  // Arrows step through the presentation until the figure has the focus; then they pan.
  await fig.click();
  await p.press('ArrowRight');
  await expect(p.heading).toHaveText(/^Map/);
  const panned = await viewBox();
  expect(panned).not.toBe(start);
  // − zooms out (below the room's size it says so), + zooms in, 0 fits again.
  await p.press('-');
  await p.press('-');
  await p.press('-');
  await expect(page.locator('.figure-status')).toContainText('smaller than the room can read');
  await p.press('0');
  expect(await viewBox()).toBe(start);
  await p.press('+');
  expect(await viewBox()).not.toBe(start);
  // F focuses the most connected node and its neighbours: others dim; Esc lets go, not leaving.
  await p.press('0');
  await p.press('f');
  await expect(page.locator('.figure-status')).toContainText('and its neighbours');
  await expect(fig.locator('g.nodes > g.dim')).toHaveCount(37);
  const m = await measure(page);
  expect(m.smallestFont).toBeGreaterThanOrEqual(ROOM - 0.01);
  await page.screenshot({ path: `${SHOTS}legible-forty-focus-projector-1024x768.png` });
  await p.press('Escape');
  await expect(fig.locator('g.nodes > g.dim')).toHaveCount(0);
  await expect(p.heading).toHaveText(/^Map/);
});

test('Stop and Esc return to where presenting started', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const lib = new LibraryPage(page);
  await lib.open();
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(new WorkshopPage(page).titleHeading).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Workshop sections' });
  await sections.getByRole('link', { name: 'Scoring' }).click();
  await expect(page).toHaveURL(/\/scoring$/);
  const p = new PresentPage(page);
  await p.start();
  await p.press('ArrowRight');
  await page.getByRole('link', { name: 'Stop presenting' }).click();
  await expect(page).toHaveURL(/\/scoring$/);
  await sections.getByRole('link', { name: 'Maps' }).click();
  await expect(page).toHaveURL(/\/maps/);
  const maps = page.url();
  await p.start();
  await p.press('Escape');
  await expect(page).toHaveURL(maps);
});
