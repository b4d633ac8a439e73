// In the room: the text people type is as large as the page's. In the projector theme ("body
// text of at least 24px", tokens.css) and the standard theme, every visible field, list and
// button of every section of the example workshop, of the Show of hands counts and of the
// presentation's agenda shows its text at no less than the theme's small size.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { App } from '../support/app';
import { LibraryPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { PresentPage } from '../support/present';
import { screenshotBothSizes } from '../support/screenshots';

/** Every visible control in the page whose text is smaller than the theme's small size. */
async function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const floor = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--text-small')) * 16;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, select, textarea, button'))) {
      const type = el.getAttribute('type');
      if (type === 'checkbox' || type === 'radio' || type === 'file' || type === 'color' || type === 'range') continue;
      const b = el.getBoundingClientRect();
      if (b.width < 2 || b.height < 2 || el.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < floor - 0.5) out.push(`${el.outerHTML.slice(0, 90)}: ${size}px < ${floor}px`);
    }
    return out;
  });
}

for (const theme of ['projector', 'standard'] as const) {
  test(`fields, lists and buttons are no smaller than the theme's small text (${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    const app = new App(page);
    await app.open();
    await app.setTheme(theme);
    const lib = new LibraryPage(page);
    await lib.open();
    expect(await smallControls(page), 'the library').toEqual([]);
    const ws = await lib.openExample();
    expect(await smallControls(page), 'details and roster').toEqual([]);
    for (const name of ['Boundary critique', 'Concept maps', 'Rich pictures', 'Report']) {
      await ws.section(name).click();
      await expect(ws.section(name)).toHaveAttribute('aria-current', 'page');
      expect(await smallControls(page), name).toEqual([]);
    }
    const s = new ScoringPage(page);
    await s.open();
    for (const mode of ['Set up', 'Score in turn', 'Show of hands', 'Results'] as const) {
      await s.show(mode);
      expect(await smallControls(page), `scoring: ${mode}`).toEqual([]);
    }
    await s.show('Show of hands');
    const count = page.locator('.hands-table input[type="number"]').first();
    await count.fill('3');
    await expect(count).toHaveValue('3');
    // Larger counts still leave every column of the table in view, at both sizes.
    for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      const fit = await page.locator('table.hands-table').evaluate((t) => ({
        table: Math.round(t.getBoundingClientRect().right),
        main: Math.round(document.querySelector('main')!.getBoundingClientRect().right),
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(fit.table, `the table's right edge at ${size.width} px`).toBeLessThanOrEqual(fit.main);
      expect(fit.page, 'the page scrolls sideways by').toBeLessThanOrEqual(0);
    }
    if (theme === 'projector') await screenshotBothSizes(page, 'room-controls-hands-projector');

    const p = new PresentPage(page);
    await p.start();
    expect(await smallControls(page), 'presenting').toEqual([]);
    await page.getByRole('button', { name: 'Agenda' }).click();
    await expect(p.agenda).toBeVisible();
    expect(await smallControls(page), 'the agenda').toEqual([]);
    if (theme === 'projector') await screenshotBothSizes(page, 'room-controls-agenda-projector');
  });
}
