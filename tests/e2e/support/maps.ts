// Page object for the concept maps section of a workshop.
import { expect, type Locator, type Page } from '@playwright/test';

export class MapsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Concept maps' }).click();
    await expect(this.page.getByRole('heading', { name: 'Concept maps', level: 2 })).toBeVisible();
  }

  async start(template: 'blank map' | 'team vision map' | 'stakeholder map' | 'positive relational cycle') {
    await this.page.getByRole('button', { name: `Start a ${template}` }).click();
    await expect(this.canvas).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.locator('.map-canvas-wrap');
  }

  get nodes(): Locator {
    return this.page.locator('.map-canvas .node');
  }

  get links(): Locator {
    return this.page.locator('.map-canvas .link');
  }

  /** A node on the canvas by its accessible name's start (its label). */
  node(label: string): Locator {
    const quoted = label.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return this.page.locator(`.map-canvas .node[aria-label^="${quoted}"]`);
  }

  get editor(): Locator {
    return this.page.locator('.map-canvas textarea.label-editor');
  }

  /** Scrolls so the whole canvas is on screen (mouse positions are screen positions). */
  async inView() {
    await this.canvas.evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'end' });
    });
  }

  /** The node's centre on the screen. */
  async centre(label: string): Promise<{ x: number; y: number }> {
    await this.inView();
    const box = (await this.node(label).locator('rect').boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Where the node is in map units: the centre of its box, which is drawn in map coordinates. */
  async place(label: string): Promise<{ x: number; y: number }> {
    const rect = this.node(label).locator('rect');
    const [x, y, w, h] = await Promise.all(['x', 'y', 'width', 'height'].map(async (a) => Number(await rect.getAttribute(a))));
    return { x: x + w / 2, y: y + h / 2 };
  }

  /** Double-clicks empty canvas at (dx, dy) from its top-left corner and types a label. */
  async addByDoubleClick(dx: number, dy: number, label: string) {
    await this.inView();
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.dblclick(box.x + dx, box.y + dy);
    await expect(this.editor).toBeFocused();
    await this.page.keyboard.type(label);
    await this.page.keyboard.press('Enter');
    await expect(this.editor).toHaveCount(0);
    await expect(this.node(label)).toHaveCount(1);
  }

  /** Drags with the mouse in small steps, as a hand would. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }

  /** Links two nodes by dragging from the first one's handle onto the second. */
  async linkByDrag(from: string, to: string) {
    await this.inView();
    await this.node(from).locator('rect').hover();
    const handle = (await this.node(from).locator('.handle').boundingBox())!;
    await this.drag({ x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, await this.centre(to));
  }

  show(name: 'Canvas' | 'Outline'): Locator {
    return this.page.getByRole('group', { name: 'Show the map as' }).getByRole('button', { name, exact: true });
  }

  get zoom(): Locator {
    return this.page.getByRole('toolbar', { name: 'Canvas' }).locator('output');
  }

  /** The map as saved in the browser: the open workshop's first map. */
  async saved(): Promise<{ nodes: { id: number; label: string; x: number; y: number }[]; links: { from: number; to: number; label?: string }[]; view: { zoom: number } }> {
    return this.page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
      return JSON.parse(localStorage.getItem(key)!).workshop.maps[0];
    });
  }
}
