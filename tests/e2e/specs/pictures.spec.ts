// Rich pictures, first part: draw strokes with the mouse, a pen and a finger; the eraser
// removes whole strokes; undo and redo one step per stroke or gesture; a reload keeps it all;
// finished strokes are not re-rendered while a new one is drawn.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import type { Page } from '@playwright/test';

async function openPictures(page: Page) {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Picture day' });
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Rich pictures' }).click();
  await expect(page.getByRole('heading', { name: 'Rich pictures', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'New picture' }).click();
  const canvas = page.locator('svg.picture-canvas');
  await expect(canvas).toBeVisible();
  return canvas;
}

async function draw(page: Page, points: [number, number][]) {
  // The whole board on screen: mouse positions are screen positions.
  await page.locator('svg.picture-canvas').scrollIntoViewIfNeeded();
  const box = (await page.locator('svg.picture-canvas').boundingBox())!;
  await page.mouse.move(box.x + points[0][0], box.y + points[0][1]);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
}

async function savedStrokes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    const pics = JSON.parse(localStorage.getItem(key)!).workshop.pictures ?? [];
    return pics[0]?.items?.filter((i: { type: string }) => i.type === 'stroke').length ?? 0;
  });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('draw with the mouse, erase a stroke, undo and redo, and a reload keeps the picture', async ({ page }) => {
  await openPictures(page);
  const strokes = page.locator('svg.picture-canvas path.stroke');
  await draw(page, [[100, 100], [200, 120], [300, 100], [400, 140]]);
  await expect(strokes).toHaveCount(1);
  await page.getByRole('button', { name: 'Red', exact: true }).click();
  await page.getByRole('button', { name: 'Highlighter' }).click();
  await draw(page, [[100, 300], [400, 300]]);

  await expect(strokes).toHaveCount(2);
  await page.getByRole('button', { name: 'Pen', exact: true }).click();
  await draw(page, [[440, 100], [460, 300], [540, 320]]);
  await expect(strokes).toHaveCount(3);
  await expect(strokes.nth(1)).toHaveAttribute('stroke', '#c0392b');
  await expect(strokes.nth(1)).toHaveAttribute('stroke-opacity', '0.35');

  // Drawing a new stroke does not re-render the finished ones.
  await page.evaluate(() => {
    const w = window as unknown as { touched: Set<Element> };
    w.touched = new Set();
    new MutationObserver((records) => records.forEach((r) => w.touched.add(r.target as Element)))
      .observe(document.querySelector('svg.picture-canvas g.items')!, { attributes: true, subtree: true, childList: false });
  });
  await draw(page, [[440, 420], [480, 440], [520, 420]]);
  await expect(strokes).toHaveCount(4);
  expect(await page.evaluate(() => (window as unknown as { touched: Set<Element> }).touched.size)).toBe(0);

  // The eraser removes whole strokes, one undo step per gesture.
  await page.getByRole('button', { name: 'Eraser' }).click();
  await draw(page, [[250, 60], [250, 160]]);
  await expect(strokes).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(strokes).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(strokes).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(strokes).toHaveCount(4);
  await expect.poll(() => savedStrokes(page)).toBe(4);
  await page.reload();
  await expect(page.locator('svg.picture-canvas path.stroke')).toHaveCount(4);
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'pictures-pen');
});

test('a pen and a finger draw through pointer events; a palm touch while the pen is in use is ignored', async ({ page }) => {
  const canvas = await openPictures(page);
  const strokes = page.locator('svg.picture-canvas path.stroke');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.evaluate(([x0, y0]) => {
    const svg = document.querySelector('svg.picture-canvas')!;
    const ev = (type: string, pointerType: string, id: number, x: number, y: number, pressure = 0.5) =>
      svg.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: id, pointerType, isPrimary: true, clientX: x0 + x, clientY: y0 + y, button: 0, buttons: 1, pressure }));
    // Pen, pressing hard.
    ev('pointerdown', 'pen', 2, 100, 100, 0.9);
    for (let i = 1; i <= 10; i++) ev('pointermove', 'pen', 2, 100 + i * 20, 100 + i * 5, 0.9);
    // A palm lands while the pen is down: ignored.
    ev('pointerdown', 'touch', 3, 300, 400);
    ev('pointermove', 'touch', 3, 350, 450);
    ev('pointerup', 'touch', 3, 350, 450);
    ev('pointerup', 'pen', 2, 300, 150, 0.9);
  }, [box.x, box.y]);
  await expect(strokes).toHaveCount(1);
  // Pressure 0.9 makes the 4 px pen 5.6 px wide.
  await expect(strokes.first()).toHaveAttribute('stroke-width', '5.6');
  // Later, a finger draws on its own.
  await page.evaluate(([x0, y0]) => {
    const svg = document.querySelector('svg.picture-canvas')!;
    const ev = (type: string, x: number, y: number) =>
      svg.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x0 + x, clientY: y0 + y, button: 0, buttons: 1 }));
    (window as unknown as { later: () => void }).later = () => {
      ev('pointerdown', 100, 400);
      for (let i = 1; i <= 8; i++) ev('pointermove', 100 + i * 30, 400 - i * 10);
      ev('pointerup', 340, 320);
    };
  }, [box.x, box.y]);
  await page.waitForTimeout(1600);
  await page.evaluate(() => (window as unknown as { later: () => void }).later());
  await expect(strokes).toHaveCount(2);
  // The board never scrolls the page while drawing.
  expect(await canvas.evaluate((el) => getComputedStyle(el).touchAction)).toBe('none');
});

test('the keys under the board are the ones the ? sheet lists, and they do what it says: R then a click makes a default-size box', async ({ page }) => {
  const canvas = await openPictures(page);
  const hint = await page.locator('#picture-keys').innerText();
  const board = page.locator('.picture-canvas-wrap');
  await board.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const group = sheet.locator('section').filter({ has: page.getByRole('heading', { name: 'Rich pictures (on the board)' }) });
  const keys = await group.locator('dt').allInnerTexts();
  expect(keys.length).toBeGreaterThan(8);
  for (const k of keys) expect(hint).toContain(k.trim());
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await board.focus();
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: 'Box', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 300, box.y + 200);
  const shape = page.locator('svg.picture-canvas rect.shape');
  await expect(shape).toHaveCount(1);
  await expect(shape).toHaveAttribute('width', '160');
  await expect(shape).toHaveAttribute('height', '100');
  // The new box is selected: Delete, a key from the same table, removes it.
  await page.keyboard.press('Delete');
  await expect(shape).toHaveCount(0);
});
