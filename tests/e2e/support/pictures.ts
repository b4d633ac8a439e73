// Page object for the rich pictures section: open a new picture, use the tools, find items on
// the board by what they show, and read the stored picture.
import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryPage, type WorkshopPage } from './workshops';

export type StoredItem = { type: string; id: number; [k: string]: unknown };

export class PicturesPage {
  constructor(readonly page: Page) {}

  /** A new workshop (with an optional roster), its pictures section, and a new picture. */
  static async start(page: Page, title = 'Picture day', roster: [string, string, 'involved' | 'affected'][] = []) {
    const lib = new LibraryPage(page);
    await lib.open();
    const ws: WorkshopPage = await lib.create({ title });
    for (const [name, group, inv] of roster) await ws.addStakeholder(name, group, inv);
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Rich pictures' }).click();
    await expect(page.getByRole('heading', { name: 'Rich pictures', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'New picture' }).click();
    const pp = new PicturesPage(page);
    await expect(pp.canvas).toBeVisible();
    await pp.show();
    return pp;
  }

  /** Scrolls the whole board into view: mouse positions are screen positions. */
  async show() {
    await this.page.locator('.picture-canvas-wrap').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  }

  get canvas(): Locator {
    return this.page.locator('svg.picture-canvas');
  }

  /** The layer above the items: the stroke being drawn, selection frames, the caption editor. */
  get overlay(): Locator {
    return this.page.locator('svg.picture-overlay');
  }

  /** The caption or text typed in place on the board. */
  get editor(): Locator {
    return this.overlay.locator('textarea.caption-editor');
  }

  get stickers(): Locator {
    return this.canvas.locator('g.sticker');
  }

  sticker(caption: string): Locator {
    return this.stickers.filter({ has: this.page.locator('text.caption', { hasText: caption }) });
  }

  get arrows(): Locator {
    return this.canvas.locator('g.arrow');
  }

  tool(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Drawing' }).getByRole('button', { name, exact: true });
  }

  async use(name: string) {
    await this.tool(name).click();
    await expect(this.tool(name)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Places a sticker from the column of stickers and types its caption in place. */
  async addSticker(icon: string, caption: string) {
    await this.page.getByRole('button', { name: `Add sticker: ${icon}`, exact: true }).click();
    const editor = this.editor;
    await expect(editor).toHaveAccessibleName('Caption');
    await expect(editor).toBeFocused();
    await editor.fill(caption);
    await editor.press('Enter');
    await expect(this.sticker(caption)).toHaveCount(1);
  }

  /** The centre on screen of a sticker's square. */
  async centreOf(caption: string): Promise<{ x: number; y: number }> {
    const box = (await this.sticker(caption).locator('rect.sticker-back').boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** A drag with the mouse from one screen point to another, in small steps. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 10) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }

  async click(p: { x: number; y: number }) {
    await this.page.mouse.click(p.x, p.y);
  }

  /** A screen point at (x, y) from the board's top-left corner. */
  async at(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = (await this.canvas.boundingBox())!;
    return { x: box.x + x, y: box.y + y };
  }

  /** The first picture as stored in the browser. */
  async stored(): Promise<{ title: string; items: StoredItem[]; view: { x: number; y: number; zoom: number } }> {
    return this.page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
      // Until the first save there is no picture stored yet: an empty one.
      return JSON.parse(localStorage.getItem(key)!).workshop.pictures?.[0] ?? { title: '', items: [], view: { x: 0, y: 0, zoom: 1 } };
    });
  }

  async storedOf(type: string): Promise<StoredItem[]> {
    return (await this.stored()).items.filter((i) => i.type === type);
  }
}
