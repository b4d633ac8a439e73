// In the room (issue 20): the work area starts above the fold. At 1280×720 and 1024×768, in the
// standard and projector themes, the map canvas and the picture board start within the top
// 200 px and take at least 60% of the window's width, and the layout width does not jump between the workshop's sections.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const FOLD = 200;
/** The work area takes at least this share of the window's width. */
const WIDE = 0.6;

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;
const THEMES = ['standard', 'projector'] as const;

for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`the work area starts above the fold (${theme}, ${size.width}×${size.height})`, async ({ page }) => {
      await page.setViewportSize(size);
      const app = new App(page);
      await app.open();
      await app.setTheme(theme);
      const lib = new LibraryPage(page);
      await lib.open();
      await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
      await expect(new WorkshopPage(page).titleHeading).toBeVisible();
      const sections = page.getByRole('navigation', { name: 'Workshop sections' });
      const widths: Record<string, number> = {};
      const tag = `${theme}-${size.width}x${size.height}`;
      for (const name of ['Details and roster', 'Boundary critique', 'Concept maps', 'Rich pictures', 'Scoring', 'Report']) {
        await sections.getByRole('link', { name, exact: true }).click();
        await expect(sections.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
        await page.waitForTimeout(150);
        const main = (await page.locator('main').boundingBox())!;
        widths[name] = Math.round(main.width);
        if (name === 'Concept maps') {
          const canvas = page.locator('.map-canvas-wrap');
          await expect(canvas).toBeVisible();
          const box = (await canvas.boundingBox())!;
          await page.screenshot({ path: `${SHOTS}room-map-${tag}.png` });
          expect(box.y, `map canvas top (${tag})`).toBeLessThanOrEqual(FOLD);
          expect(box.y + box.height, 'the canvas ends on screen').toBeLessThanOrEqual(size.height);
          expect(box.height).toBeGreaterThan(size.height / 2);
          expect.soft(box.width, `map canvas width (${tag})`).toBeGreaterThanOrEqual(WIDE * size.width);
        }
        if (name === 'Rich pictures') {
          const board = page.locator('.picture-canvas-wrap');
          await expect(board).toBeVisible();
          const box = (await board.boundingBox())!;
          await page.screenshot({ path: `${SHOTS}room-picture-${tag}.png` });
          expect(box.y, `picture board top (${tag})`).toBeLessThanOrEqual(FOLD);
          expect(box.y + box.height, 'the board ends on screen').toBeLessThanOrEqual(size.height);
          expect.soft(box.width, `picture board width (${tag})`).toBeGreaterThanOrEqual(WIDE * size.width);
        }
      }
      // The same width in every section: no jump when switching.
      const all = Object.values(widths);
      expect(Math.max(...all) - Math.min(...all), JSON.stringify(widths)).toBeLessThanOrEqual(1);
    });
  }
}
