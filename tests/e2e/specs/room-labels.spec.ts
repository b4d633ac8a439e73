// In the room (issue 20): parallel links' labels never lie on one another. A map with four
// parallel links between two close boxes (one above the other, so their lanes put the labels
// side by side) is imported (its labels on one another) and laid out: in both themes, at 1280×720 and 1024×768, no link
// label's box overlaps another's, and none sits under a node.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

const MAP = {
  format: 'cst-workbench-map',
  version: 1,
  map: {
    id: 'm-par', title: 'Parallel links', focus_question: '', template: 'blank', kinds: [],
    nodes: [
      { id: 1, label: 'Council', x: 0, y: 0 },
      { id: 2, label: 'Voluntary groups', x: 10, y: 90 },
      { id: 3, label: 'Link workers', x: 320, y: 40 },
    ],
    links: [
      { id: 4, from: 1, to: 2, label: 'funds', direction: 'forward', polarity: 'none' },
      { id: 5, from: 2, to: 1, label: 'reports to', direction: 'forward', polarity: 'none' },
      { id: 6, from: 1, to: 2, label: 'supports', direction: 'forward', polarity: 'none' },
      { id: 7, from: 2, to: 1, label: 'needs', direction: 'forward', polarity: 'none' },
      { id: 8, from: 3, to: 2, label: 'refers people to', direction: 'forward', polarity: 'none' },
    ],
    view: { x: -300, y: -200, zoom: 1 },
    next_id: 9,
  },
};

/** Pairs of overlapping boxes among the link labels, and labels under a node. */
async function overlaps(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll('.map-canvas .link-label-back')).map((r) => r.getBoundingClientRect());
    const nodes = Array.from(document.querySelectorAll('.map-canvas g.node rect')).map((r) => r.getBoundingClientRect());
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    let labelPairs = 0;
    let underNodes = 0;
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => { if (hit(a, b)) labelPairs++; }));
    labels.forEach((a) => nodes.forEach((n) => { if (hit(a, n)) underNodes++; }));
    return { labels: labels.length, labelPairs, underNodes };
  });
}

for (const theme of ['standard', 'projector'] as const) {
  test(`parallel links' labels lie clear of one another after a layout (${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    const app = new App(page);
    await app.open();
    await app.setTheme(theme);
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: 'Parallel day' });
    const m = new MapsPage(page);
    await m.open();
    await page.locator('#import-map').setInputFiles({ name: 'parallel.map.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MAP)) });
    await expect(page.getByRole('status').filter({ hasText: 'Imported 3 nodes and 5 links' })).toBeVisible();
    for (const layout of ['Tidy', 'Radial', 'Layered']) {
      await page.getByRole('button', { name: layout, exact: true }).click();
      await page.waitForTimeout(1_500);
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await page.waitForTimeout(300);
      for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
        await page.setViewportSize(size);
        await page.waitForTimeout(200);
        const o = await overlaps(page);
        expect(o.labels, `${layout}: every label drawn`).toBe(5);
        expect(o.labelPairs, `${layout} (${theme} ${size.width}×${size.height}): labels over labels`).toBe(0);
        expect(o.underNodes, `${layout} (${theme} ${size.width}×${size.height}): labels under nodes`).toBe(0);
        if (layout === 'Tidy') {
          await page.screenshot({ path: `${SHOTS}room-labels-${theme}-${size.width}x${size.height}.png` });
        }
      }
    }
  });
}
