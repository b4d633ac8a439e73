// The rich-picture board in the room (issue 20, "Editing"): nothing typed is lost (Esc keeps
// a caption or text, Undo takes it back), typing on a selected sticker or text edits it
// instead of switching tools, the board's words match its layout, and stickers are dragged
// from their column onto the board where they are dropped.
import { test, expect } from '../support/fixtures';
import { PicturesPage } from '../support/pictures';
import { App, type Theme } from '../support/app';
import { screenshotBothSizes } from '../support/screenshots';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

const board = (pp: PicturesPage) => pp.page.locator('.picture-canvas-wrap');
/** A screen point at a fraction of the board's width and height (the board's size depends on the layout). */
const part = async (pp: PicturesPage, fx: number, fy: number) => {
  const box = (await pp.canvas.boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
};
// An empty caption is not stored: read as ''.
const captions = async (pp: PicturesPage) => (await pp.storedOf('sticker')).map((s) => s.caption ?? '');
const texts = async (pp: PicturesPage) => (await pp.storedOf('text')).map((t) => t.text);

test('Esc keeps what was typed in a text, a new caption and an edited one; Ctrl+Z takes each back; reload keeps it', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Esc day');

  // A new text: typed, then Esc. The text stays on the board and the board has the keyboard.
  await pp.use('Text');
  await pp.click(await part(pp, 0.6, 0.2));
  await expect(pp.editor).toBeFocused();
  await page.keyboard.type('Long waits');
  await page.keyboard.press('Escape');
  await expect(pp.editor).toHaveCount(0);
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');
  await expect(board(pp)).toBeFocused();
  await expect.poll(() => texts(pp)).toEqual(['Long waits']);
  // Placing the text and typing it are one step: Undo takes the whole text back, Redo returns it.
  await page.keyboard.press('Control+z');
  await expect(pp.canvas.locator('text.pic-text')).toHaveCount(0);
  await expect.poll(() => texts(pp)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');

  // A new sticker's caption: typed, then Esc. Undo takes the caption back, not the sticker.
  await page.getByRole('button', { name: 'Add sticker: Person', exact: true }).click();
  await expect(pp.editor).toBeFocused();
  await page.keyboard.type('Link worker');
  await page.keyboard.press('Escape');
  await expect(pp.sticker('Link worker')).toHaveCount(1);
  await expect.poll(() => captions(pp)).toEqual(['Link worker']);
  await page.keyboard.press('Control+z');
  await expect(pp.sticker('Link worker')).toHaveCount(0);
  await expect(pp.stickers).toHaveCount(1);
  await expect.poll(() => captions(pp)).toEqual(['']);
  await page.keyboard.press('Control+Shift+z');
  await expect(pp.sticker('Link worker')).toHaveCount(1);

  // An existing caption, opened with F2 (all of it selected), retyped, then Esc.
  await board(pp).focus();
  await page.keyboard.press('F2');
  await expect(pp.editor).toBeFocused();
  await expect(pp.editor).toHaveValue('Link worker');
  expect(await pp.editor.evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.selectionEnd])).toEqual([0, 11]);
  await page.keyboard.type('Social prescriber');
  await page.keyboard.press('Escape');
  await expect(pp.sticker('Social prescriber')).toHaveCount(1);
  await expect(page.locator('[role="status"]', { hasText: 'Caption kept. Ctrl+Z takes it back.' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(pp.sticker('Link worker')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(pp.sticker('Social prescriber')).toHaveCount(1);

  // Esc on a new text with nothing typed leaves no empty text behind.
  await pp.use('Text');
  await pp.click(await part(pp, 0.35, 0.65));
  await expect(pp.editor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(() => texts(pp)).toEqual(['Long waits']);

  await screenshotBothSizes(page, 'room-board-esc');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');
  await expect(pp.sticker('Social prescriber')).toHaveCount(1);
});

test('typing on a selected sticker or text edits it; tool letters switch tools only when nothing captionable is selected', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Typing day');
  await pp.addSticker('Person', 'Nurs');
  // Still selected, the board has the keyboard: "e" (the eraser's key) types into the caption.
  await expect(board(pp)).toBeFocused();
  await page.keyboard.press('e');
  await expect(pp.editor).toBeFocused();
  await expect(pp.editor).toHaveValue('Nurse');
  // The caret is after what was typed, not over a selection: the next letters follow it.
  await page.keyboard.type('s');
  await expect(pp.editor).toHaveValue('Nurses');
  await page.keyboard.press('Enter');
  await expect(pp.sticker('Nurses')).toHaveCount(1);
  await expect(pp.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  await expect(pp.tool('Eraser')).toHaveAttribute('aria-pressed', 'false');
  // Both keystrokes are one step.
  await page.keyboard.press('Control+z');
  await expect(pp.sticker('Nurs')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(pp.sticker('Nurses')).toHaveCount(1);

  // A text: "t" (the text tool's key) and "s" type on.
  await pp.use('Text');
  await pp.click(await part(pp, 0.6, 0.5));
  await page.keyboard.type('Long wai');
  await page.keyboard.press('Enter');
  await expect(board(pp)).toBeFocused();
  await page.keyboard.type('ts');
  await expect(pp.editor).toHaveValue('Long waits');
  await page.keyboard.press('Escape');
  await expect(pp.canvas.locator('text.pic-text')).toHaveText('Long waits');
  await expect(pp.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  await expect(pp.tool('Text')).toHaveAttribute('aria-pressed', 'false');

  // Enter opens the selected caption too, all of it selected.
  await page.keyboard.press('Enter');
  await expect(pp.editor).toBeFocused();
  await expect(pp.editor).toHaveValue('Long waits');
  expect(await pp.editor.evaluate((t: HTMLTextAreaElement) => t.selectionEnd - t.selectionStart)).toBe(10);
  await page.keyboard.press('Escape');

  // With a sticker selected, the view's and order's keys keep their meaning.
  const zoom = page.getByRole('toolbar', { name: 'Drawing' }).getByRole('status', { name: 'Zoom' });
  await expect(zoom).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(zoom).toHaveText('125%');
  await page.keyboard.press('0');
  await expect(pp.editor).toHaveCount(0);

  // Nothing selected: letters are tools again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Nothing selected' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(pp.tool('Pen')).toHaveAttribute('aria-pressed', 'true');
  await expect(pp.editor).toHaveCount(0);
  // A box is not captionable: with one selected, letters are tools too.
  await pp.use('Box');
  await pp.drag(await part(pp, 0.1, 0.7), await part(pp, 0.25, 0.85));
  await expect(page.getByRole('heading', { name: 'Shape' })).toBeVisible();
  await board(pp).focus();
  await page.keyboard.press('e');
  await expect(pp.tool('Eraser')).toHaveAttribute('aria-pressed', 'true');
  await expect(pp.editor).toHaveCount(0);
  await expect.poll(() => captions(pp)).toEqual(['Nurses']);
  await expect.poll(() => texts(pp)).toEqual(['Long waits']);
});

for (const theme of ['standard', 'projector'] as Theme[]) {
  test(`the board's words match its layout in the ${theme} theme: the stickers are a column on the left`, async ({ page }) => {
    const pp = await PicturesPage.start(page, `Words ${theme}`);
    await new App(page).setTheme(theme);
    for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await pp.show();
      const hint = board(pp).locator('.map-empty');
      await expect(hint).toContainText('the column of stickers to its left');
      await expect(page.locator('main')).not.toContainText(/row above|the row of stickers/);
      const bar = (await page.getByRole('toolbar', { name: 'Stickers' }).boundingBox())!;
      const canvas = (await pp.canvas.boundingBox())!;
      // A column (taller than wide), left of the board, beside it (overlapping it vertically).
      expect(bar.height).toBeGreaterThan(bar.width);
      expect(bar.x + bar.width).toBeLessThanOrEqual(canvas.x);
      expect(bar.y).toBeLessThan(canvas.y + canvas.height);
      expect(bar.y + bar.height).toBeGreaterThan(canvas.y);
    }
    await screenshotBothSizes(page, `room-board-empty-${theme}`);
  });
}

test('a sticker dragged from the column lands where it is dropped at any zoom and pan, as one undo step; click and keyboard still place one', async ({ page }) => {
  const pp = await PicturesPage.start(page, 'Drag day');
  // Zoom in and pan, so picture and screen coordinates differ.
  const zoom = page.getByRole('toolbar', { name: 'Drawing' }).getByRole('status', { name: 'Zoom' });
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).toHaveText('156%');
  await pp.use('Pan');
  await pp.drag(await part(pp, 0.5, 0.5), await part(pp, 0.4, 0.6));
  await pp.use('Pen');

  const home = page.getByRole('button', { name: 'Add sticker: Home', exact: true });
  const from = (await home.boundingBox())!;
  const drop = await part(pp, 0.75, 0.4);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(drop.x - 40, drop.y + 10, { steps: 8 });
  // Over the board, a faint copy shows where it will land.
  await expect(pp.overlay.locator('.drop-ghost')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('dragging.png') });
  await page.mouse.move(drop.x, drop.y, { steps: 4 });
  await page.mouse.up();
  await expect(pp.overlay.locator('.drop-ghost')).toHaveCount(0);
  await expect(pp.stickers).toHaveCount(1);
  // Its caption is ready to type, as after a click.
  await expect(pp.editor).toBeFocused();
  await page.keyboard.type('At home');
  await page.keyboard.press('Enter');

  // On screen its centre is the drop point, at the board's zoom.
  const back = (await pp.sticker('At home').locator('rect.sticker-back').boundingBox())!;
  // (Within a pixel: the place is stored in whole picture units, each 1.56 px here.)
  expect(Math.abs(back.x + back.width / 2 - drop.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(back.y + back.height / 2 - drop.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(back.width - 72 * 1.5625)).toBeLessThanOrEqual(1);
  // Stored in picture units: the view's origin plus the screen offset over the zoom.
  const canvas = (await pp.canvas.boundingBox())!;
  await expect.poll(async () => (await pp.stored()).view.zoom).toBeCloseTo(1.5625, 4);
  await expect.poll(() => captions(pp)).toEqual(['At home']);
  const { view } = await pp.stored();
  const [s] = await pp.storedOf('sticker');
  expect(s.x as number).toBeCloseTo(view.x + (drop.x - canvas.x) / view.zoom, -0.5);
  expect(s.y as number).toBeCloseTo(view.y + (drop.y - canvas.y) / view.zoom, -0.5);
  await expect(pp.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  await screenshotBothSizes(page, 'room-board-dropped');
  await page.setViewportSize({ width: 1280, height: 800 });
  await pp.show();

  // The drop is one undo step (the caption another).
  await board(pp).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => captions(pp)).toEqual(['']);
  await page.keyboard.press('Control+z');
  await expect(pp.stickers).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(pp.stickers).toHaveCount(1);
  await expect.poll(async () => (await pp.storedOf('sticker'))[0]?.x).toBe(s.x);

  // Dropped anywhere but the board, nothing is added.
  const bus = page.getByRole('button', { name: 'Add sticker: Transport', exact: true });
  const b = (await bus.boundingBox())!;
  const toolbar = (await page.getByRole('toolbar', { name: 'Drawing' }).boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(toolbar.x + 200, toolbar.y + toolbar.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(pp.stickers).toHaveCount(1);
  await expect(pp.editor).toHaveCount(0);

  // A click still places one in a free spot, with its caption ready.
  await bus.click();
  await expect(pp.stickers).toHaveCount(2);
  await expect(pp.editor).toBeFocused();
  await page.keyboard.type('Bus');
  await page.keyboard.press('Enter');
  // And the keyboard: Enter on a focused sticker.
  await page.getByRole('button', { name: 'Add sticker: Money', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(pp.stickers).toHaveCount(3);
  await expect(pp.editor).toBeFocused();
  await page.keyboard.type('Funding');
  await page.keyboard.press('Escape');
  await expect.poll(() => captions(pp)).toEqual(['', 'Bus', 'Funding']);
  await page.reload();
  await expect(pp.stickers).toHaveCount(3);
  await expect.poll(async () => (await pp.storedOf('sticker'))[0].x).toBe(s.x);
});
