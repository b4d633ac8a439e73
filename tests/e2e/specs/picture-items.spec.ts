// Rich pictures, the items beyond the pen: stickers with captions, arrows that stay attached
// to stickers when they move, text, shapes; select, move, resize, turn, duplicate, delete,
// restack; pan and zoom; the roster panel ("who is missing?"); SVG and PNG exports that reopen
// as the picture; focus mode on a projector.
import { test, expect } from '../support/fixtures';
import { PicturesPage } from '../support/pictures';
import { App } from '../support/app';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { downloadText, downloadBytes } from '../support/downloads';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('stickers with captions, an arrow that follows a moved sticker, text and a box; undo, redo and reload keep it', async ({ page }) => {
  const pp = await PicturesPage.start(page);
  await pp.addSticker('Person', 'Link worker');
  await pp.addSticker('Clinic or GP', 'GP practice');
  await expect(pp.stickers).toHaveCount(2);

  // An arrow from one sticker to the other attaches to both.
  await pp.use('Arrow');
  await pp.drag(await pp.centreOf('Link worker'), await pp.centreOf('GP practice'));
  await expect(pp.arrows).toHaveCount(1);
  await expect.poll(async () => (await pp.storedOf('arrow')).length).toBe(1);
  const [arrow] = await pp.storedOf('arrow');
  const ids = (await pp.storedOf('sticker')).map((s) => s.id);
  expect([arrow.from, arrow.to]).toEqual([{ item: ids[0] }, { item: ids[1] }]);

  // Move the GP sticker 160 px down with the Select tool: the arrow's end follows.
  const line = pp.arrows.locator('line');
  const before = Number(await line.getAttribute('y2'));
  await pp.use('Select');
  const gp = await pp.centreOf('GP practice');
  const y0 = (await pp.storedOf('sticker'))[1].y as number;
  await pp.drag(gp, { x: gp.x, y: gp.y + 160 });
  await expect.poll(async () => Number(await line.getAttribute('y2')) - before).toBeGreaterThan(100);
  await expect.poll(async () => (await pp.storedOf('sticker'))[1].y).toBe(y0 + 160);
  const moved = (await pp.storedOf('sticker'))[1];

  // The drag is one undo step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await pp.storedOf('sticker'))[1].y).toBe((moved.y as number) - 160);
  await expect.poll(async () => Number(await line.getAttribute('y2'))).toBeCloseTo(before, 0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await pp.storedOf('sticker'))[1].y).toBe(moved.y);

  // Text, written in place.
  await pp.use('Text');
  await pp.click(await pp.at(470, 60));
  const editor = pp.editor;
  await expect(editor).toHaveAccessibleName('Text');
  await expect(editor).toBeFocused();
  await editor.fill('Long waits');
  await editor.press('Enter');
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');
  await expect(pp.tool('Select')).toHaveAttribute('aria-pressed', 'true');

  // A box, dragged out.
  await pp.use('Box');
  await pp.drag(await pp.at(340, 340), await pp.at(540, 460));
  await expect(pp.canvas.locator('rect.shape')).toHaveCount(1);
  await expect.poll(async () => (await pp.storedOf('shape')).map((b) => [b.w, b.h])).toEqual([[200, 120]]);

  // Delete the link worker: the arrow stays, its end left where the sticker was.
  await pp.use('Select');
  await pp.click(await pp.centreOf('Link worker'));
  await page.keyboard.press('Delete');
  await expect(pp.stickers).toHaveCount(1);
  await expect(pp.arrows).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(pp.stickers).toHaveCount(2);

  await expect.poll(async () => (await pp.stored()).items.length).toBe(5);
  await page.reload();
  await expect(pp.stickers).toHaveCount(2);
  await expect(pp.sticker('Link worker')).toHaveCount(1);
  await expect(pp.arrows).toHaveCount(1);
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');
  await expect(pp.canvas.locator('rect.shape')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await pp.show();
  await screenshotBothSizes(page, 'pictures-stickers');
});

test('select several, resize and turn with the handles, duplicate, restack and recolour', async ({ page }) => {
  const pp = await PicturesPage.start(page);
  await pp.addSticker('Emotion', 'Passion');
  await pp.addSticker('Money', 'Funding');
  await pp.use('Select');

  // The corner handle resizes (from the centre), the top handle turns; each is one step.
  await pp.click(await pp.centreOf('Passion'));
  const resize = pp.overlay.locator('rect.handle.resize');
  await expect(resize).toHaveCount(1);
  const h = (await resize.boundingBox())!;
  await pp.drag({ x: h.x + h.width / 2, y: h.y + h.height / 2 }, { x: h.x + h.width / 2 + 40, y: h.y + h.height / 2 + 40 });
  await expect.poll(async () => (await pp.storedOf('sticker'))[0].size as number).toBeGreaterThan(100);
  const rot = (await pp.overlay.locator('circle.handle.rotate').boundingBox())!;
  const c = await pp.centreOf('Passion');
  // From straight above the centre to straight right of it: a quarter turn clockwise.
  await pp.drag({ x: rot.x + rot.width / 2, y: rot.y + rot.height / 2 }, { x: c.x + 150, y: c.y }, 12);
  await expect.poll(async () => Math.round((await pp.storedOf('sticker'))[0].rotation as number)).toBe(90);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await pp.storedOf('sticker'))[0].rotation).toBe(0);
  await page.keyboard.press('Control+Shift+z');

  // A rubber band round both selects both; Ctrl+D duplicates them, the copies selected.
  await pp.drag(await pp.at(20, 20), await pp.at(1000, 560));
  await expect(pp.overlay.locator('rect.selection-frame')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: '2 items selected' })).toBeVisible();
  await page.keyboard.press('Control+d');
  await expect(pp.stickers).toHaveCount(4);
  // Send the copies to the back: they are first in the stored order now.
  await page.getByRole('button', { name: 'To back' }).click();
  await expect.poll(async () => (await pp.stored()).items.map((i) => i.id)).toEqual([3, 4, 1, 2]);
  // Arrow keys nudge the selection, presses of one key folding into one undo step.
  const x0 = (await pp.storedOf('sticker'))[0].x as number;
  await page.locator('.picture-canvas-wrap').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await pp.storedOf('sticker'))[0].x).toBe(x0 + 10);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await pp.storedOf('sticker'))[0].x).toBe(x0);

  // Colour: a box picks up the chosen colour when it is selected.
  await pp.use('Box');
  await pp.drag(await pp.at(100, 450), await pp.at(260, 540));
  await page.getByRole('button', { name: 'Blue', exact: true }).click();
  await expect(pp.canvas.locator('rect.shape')).toHaveAttribute('stroke', '#1f6fb2');
  await expectNoAxeViolations(page);
  await pp.show();
  await screenshotBothSizes(page, 'pictures-selection');
});

test('who is missing: the roster people not in the picture, added or linked from the panel', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Roster day', [
    ['Link workers', '', 'involved'],
    ['GPs', 'Practices', 'involved'],
    ['Carers', '', 'affected'],
  ]);
  const panel = page.getByRole('region', { name: 'Who is missing?' });
  await expect(panel.locator('.missing-list li')).toHaveCount(3);
  await expect(panel).toContainText('3 of 3 on the roster are not in the picture yet');

  // Add one from the panel: a sticker with their name, linked to them.
  await panel.getByRole('button', { name: 'Add Carers to the picture' }).click();
  await expect(pp.sticker('Carers')).toHaveCount(1);
  await expect(panel.locator('.missing-list li')).toHaveCount(2);

  // Link a person sticker to the GPs through "Stands for": the caption takes their name.
  await page.getByRole('button', { name: 'Add sticker: Person', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Stands for').selectOption({ label: 'GPs (Practices)' });
  await expect(pp.sticker('GPs')).toHaveCount(1);
  await expect(panel.locator('.missing-list li')).toHaveCount(1);
  await expect(panel.locator('.missing-list li')).toContainText('Link workers');
  await panel.getByRole('button', { name: 'Add Link workers to the picture' }).click();
  await expect(panel).toContainText('Everyone on the roster (3) is in the picture.');
  await expect.poll(async () => (await pp.storedOf('sticker')).filter((s) => typeof s.stakeholder === 'string').length).toBe(3);
  await expectNoAxeViolations(page);
  await pp.show();
  await screenshotBothSizes(page, 'pictures-roster');
});

test('SVG and PNG exports carry the picture: hostile captions stay text and both reopen as the same picture', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Export day');
  const hostile = '<script>alert(1)</script> & "quotes"';
  await pp.addSticker('Speech', hostile);
  await pp.addSticker('Observer', 'Observer');
  await pp.use('Arrow');
  await pp.drag(await pp.centreOf('Observer'), await pp.at(900, 500));
  await pp.use('Pen');
  await pp.drag(await pp.at(80, 80), await pp.at(300, 200));
  await expect.poll(async () => (await pp.stored()).items.length).toBe(4);
  const original = await pp.stored();

  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG picture' }).click()]);
  expect(svgDl.suggestedFilename()).toMatch(/^export-day-picture-1-\d{4}-\d\d-\d\d\.svg$/);
  const svg = await downloadText(svgDl);
  expect(svg).not.toContain('<script>');
  expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  // Chromium draws the file on its own, with the caption as text.
  const shown = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { scripts: doc.querySelectorAll('script').length, error: doc.querySelector('parsererror') !== null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
  }, svg);
  expect(shown.error).toBe(false);
  expect(shown.scripts).toBe(0);
  expect(shown.texts).toContain(hostile);

  await page.getByLabel('PNG size').selectOption('3');
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG picture' }).click()]);
  const png = await downloadBytes(pngDl);
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  // Both reopen as new pictures identical to the first (but for the id).
  const dir = test.info().outputDir;
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of [['picture.svg', Buffer.from(svg)], ['picture.png', png]] as const) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    await page.locator('#import-picture').setInputFiles(path);
    await expect(page.getByRole('status').filter({ hasText: `from “${name}” as a new picture` })).toBeVisible();
  }
  const pictures = async () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.pictures;
  });
  await expect.poll(async () => (await pictures()).length).toBe(3);
  for (const p of (await pictures()).slice(1)) expect({ ...p, id: 'x', view: null }).toEqual({ ...original, id: 'x', view: null });
  await expect(pp.sticker(hostile)).toHaveCount(1);

  // A damaged file is refused with a message, and nothing changes.
  const bad = join(dir, 'broken.svg');
  writeFileSync(bad, svg.slice(0, svg.length / 2));
  await page.locator('#import-picture').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('“broken.svg” was not imported.');
  await page.waitForTimeout(400);
  expect(await pictures()).toHaveLength(3);
});

test('pan and zoom; focus mode fills a projector screen with the board; Esc brings the page back', async ({ page }) => {
  const app = new App(page);
  const pp = await PicturesPage.start(page, 'Projector day');
  await pp.addSticker('Group', 'Volunteers');
  await pp.use('Select');
  const zoom = page.getByRole('toolbar', { name: 'Drawing' }).getByRole('status', { name: 'Zoom' });
  await expect(zoom).toHaveText('100%');
  const c = await pp.at(400, 300);
  await page.mouse.move(c.x, c.y);
  await page.mouse.wheel(0, -400);
  await expect(zoom).not.toHaveText('100%');
  // Pan with the Pan tool: the sticker moves on screen by the drag, not in the picture.
  const before = await pp.centreOf('Volunteers');
  await pp.use('Pan');
  await pp.drag(await pp.at(500, 500), await pp.at(400, 450));
  const after = await pp.centreOf('Volunteers');
  expect(after.x - before.x).toBeCloseTo(-100, 0);
  expect(after.y - before.y).toBeCloseTo(-50, 0);
  await expect.poll(async () => (await pp.stored()).view.zoom).toBeGreaterThan(1);
  await page.reload();
  await expect(zoom).not.toHaveText('100%');

  await app.setTheme('projector');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Focus mode' }).click();
  await page.screenshot({ path: test.info().outputPath('focus.png') });
  const box = (await pp.canvas.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(box.height).toBeGreaterThan(450);
  await pp.tool('Fit').click();
  const s = (await pp.sticker('Volunteers').boundingBox())!;
  expect(s.x).toBeGreaterThanOrEqual(box.x);
  expect(s.x + s.width).toBeLessThanOrEqual(box.x + box.width);
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'pictures-focus-projector');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Rich pictures', level: 2 })).toBeVisible();
});

test('by keyboard alone: place and caption stickers, select them all, connect them with an arrow, nudge, delete', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Keyboard day');
  for (const [icon, caption] of [['Home', 'At home'], ['Transport', 'Bus twice a day']]) {
    const button = page.getByRole('button', { name: `Add sticker: ${icon}`, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(pp.editor).toBeFocused();
    await page.keyboard.type(caption);
    await page.keyboard.press('Enter');
    // Enter keeps the caption and gives the keyboard back to the board.
    await expect(page.locator('.picture-canvas-wrap')).toBeFocused();
  }
  await expect(pp.stickers).toHaveCount(2);
  // With nothing selected the panel offers no actions on a selection.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Nothing selected' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Duplicate' })).toBeHidden();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('heading', { name: '2 items selected' })).toBeVisible();
  const connect = page.getByRole('button', { name: 'Connect with arrows' });
  await connect.focus();
  await page.keyboard.press('Enter');
  await expect(pp.arrows).toHaveCount(1);
  await expect.poll(async () => (await pp.storedOf('arrow')).map((a) => [a.from, a.to])).toEqual([[{ item: 1 }, { item: 2 }]]);
  // Back on the board: V for Select, Escape clears, Tab-free nudging of the one selected.
  await page.locator('.picture-canvas-wrap').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Nothing selected' })).toBeVisible();
  await page.keyboard.press('Control+a');
  const xs = async () => (await pp.storedOf('sticker')).map((s) => s.x as number);
  const before = await xs();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(xs).toEqual(before.map((x) => x - 20));
  await page.keyboard.press('Delete');
  await expect(pp.stickers).toHaveCount(0);
  await expect(pp.arrows).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(pp.stickers).toHaveCount(2);
  await expect(pp.arrows).toHaveCount(1);
});

test('two fingers pinch the board to zoom; one finger then draws', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Tablet day');
  const zoom = page.getByRole('toolbar', { name: 'Drawing' }).getByRole('status', { name: 'Zoom' });
  await expect(zoom).toHaveText('100%');
  const box = (await pp.canvas.boundingBox())!;
  const touch = (type: string, id: number, x: number, y: number) =>
    page.evaluate(({ type, id, x, y }) => {
      document.querySelector('svg.picture-canvas')!.dispatchEvent(new PointerEvent(type, {
        bubbles: true, cancelable: true, pointerId: id, pointerType: 'touch', isPrimary: id === 1,
        button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y,
      }));
    }, { type, id, x, y });
  const [x1, x2, y] = [box.x + 200, box.x + 300, box.y + 200];
  await touch('pointerdown', 1, x1, y);
  await touch('pointerdown', 2, x2, y);
  for (let i = 1; i <= 10; i++) await touch('pointermove', 2, x2 + 10 * i, y);
  await touch('pointerup', 2, x2 + 100, y);
  await touch('pointerup', 1, x1, y);
  // The fingers went from 100 to 200 px apart: twice the zoom, and no stroke was drawn.
  await expect(zoom).toHaveText('200%');
  await expect(pp.canvas.locator('path.stroke')).toHaveCount(0);
  await expect.poll(async () => (await pp.stored()).view.zoom).toBeCloseTo(2, 5);
  // One finger on its own draws with the pen.
  await touch('pointerdown', 5, box.x + 100, box.y + 100);
  for (let i = 1; i <= 8; i++) await touch('pointermove', 5, box.x + 100 + 20 * i, box.y + 100 + 5 * i);
  await touch('pointerup', 5, box.x + 260, box.y + 140);
  await expect(pp.canvas.locator('path.stroke')).toHaveCount(1);
});
