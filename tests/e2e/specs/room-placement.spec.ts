// In the room (issue 20): new nodes never land on things. N and Shift+N put a new node in a
// free place in view, over no node and no link label; Tidy clears what covers a label; link
// labels have a background. In both themes.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { fileURLToPath } from 'node:url';

type Page = import('@playwright/test').Page;
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Every overlap on screen between node boxes, and between node boxes and link labels'
 * backgrounds; and every node box outside the canvas. */
async function covered(page: Page) {
  return page.evaluate(() => {
    const wrap = document.querySelector('.map-canvas-wrap')!.getBoundingClientRect();
    const nodes = Array.from(document.querySelectorAll('.map-canvas:not(.map-lift) .node')).map((n) => ({
      name: n.getAttribute('aria-label') ?? '',
      r: n.querySelector('rect')!.getBoundingClientRect(),
    }));
    const labels = Array.from(document.querySelectorAll('.map-canvas:not(.map-lift) .link-label-back')).map((b) => ({
      name: b.parentElement?.querySelector('.link-label')?.textContent ?? '',
      r: b.getBoundingClientRect(),
    }));
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    nodes.forEach((a, i) => {
      nodes.slice(i + 1).forEach((b) => hit(a.r, b.r) && out.push(`${a.name} over ${b.name}`));
      labels.forEach((l) => hit(a.r, l.r) && out.push(`${a.name} over label ${l.name}`));
    });
    const outside = nodes.filter((n) => n.r.left < wrap.left || n.r.right > wrap.right || n.r.top < wrap.top || n.r.bottom > wrap.bottom).map((n) => n.name);
    return { covered: out, outside, labels: labels.length };
  });
}

for (const theme of ['standard', 'projector'] as const) {
  test(`N and Shift+N put new nodes in free places in view; Tidy clears labels (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new App(page);
    await app.open();
    await app.setTheme(theme);
    const lib = new LibraryPage(page);
    await lib.open();
    await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
    await expect(new WorkshopPage(page).titleHeading).toBeVisible();
    const maps = new MapsPage(page);
    await maps.open();
    await expect(maps.nodes.first()).toBeVisible();
    await maps.canvas.focus();
    await page.keyboard.press('0');
    const before = await covered(page);
    expect(before.covered, 'the example map as it opens').toEqual([]);
    expect(before.labels).toBeGreaterThan(5);
    const count = await maps.nodes.count();

    // N three times on the canvas, typing each label.
    for (const label of ['First new idea', 'Second new idea', 'Third new idea']) {
      await maps.canvas.focus();
      await page.keyboard.press('n');
      await expect(maps.editor).toBeFocused();
      await page.keyboard.type(label);
      await page.keyboard.press('Enter');
      await expect(maps.node(label)).toHaveCount(1);
      const now = await covered(page);
      expect(now.covered, `after N for ${label}`).toEqual([]);
      expect(now.outside, `after N for ${label}`).toEqual([]);
    }
    // Shift+N from a node: a linked node, with room for the link's label.
    await maps.node('Health inequalities').focus();
    await page.keyboard.press('Shift+N');
    await expect(maps.editor).toBeFocused();
    await page.keyboard.type('Linked idea');
    await page.keyboard.press('Enter');
    await expect(maps.nodes).toHaveCount(count + 4);
    // Saved as one new node linked from the focused one.
    await expect
      .poll(async () => {
        const saved = await maps.saved();
        const linked = saved.nodes.find((n) => n.label === 'Linked idea');
        const source = saved.nodes.find((n) => n.label === 'Health inequalities')!;
        return !!linked && saved.links.some((l) => l.from === source.id && l.to === linked.id);
      })
      .toBe(true);
    const after = await covered(page);
    expect(after.covered, 'after Shift+N').toEqual([]);
    // With no free place in view, the view moves to show the new node.
    expect(after.outside.filter((n) => n.startsWith('Linked idea')), 'after Shift+N').toEqual([]);
    await page.screenshot({ path: `${SHOTS}room-placement-${theme}-1280x720.png` });

    // Drag a node onto a label, then Tidy moves it off.
    const label = page.locator('.map-canvas:not(.map-lift) .link-label-back').first();
    const lb = (await label.boundingBox())!;
    const from = await maps.centre('Third new idea');
    await maps.drag(from, { x: lb.x + lb.width / 2, y: lb.y + lb.height / 2 });
    expect((await covered(page)).covered.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Tidy' }).click();
    await expect.poll(async () => (await covered(page)).covered, { timeout: 5000 }).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await maps.canvas.focus();
    await page.keyboard.press('0');
    await page.screenshot({ path: `${SHOTS}room-placement-${theme}-1024x768.png` });
  });
}
