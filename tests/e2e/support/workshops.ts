// Page objects for the workshop library (home page) and the workshop editor.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { App } from './app';

export type NewWorkshop = {
  title: string;
  purpose?: string;
  date?: string;
  facilitator?: string;
  notes?: string;
};

export class LibraryPage {
  readonly app: App;
  constructor(readonly page: Page) {
    this.app = new App(page);
  }

  async open() {
    await this.app.open('#/');
    await expect(this.app.heading).toHaveText('Your workshops');
  }

  /** Opens the example workshop from the library's example box; ends on its page. */
  async openExample(): Promise<WorkshopPage> {
    await this.page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
    const ws = new WorkshopPage(this.page);
    await expect(ws.titleHeading).toBeVisible();
    return ws;
  }

  /** Fills in the "New workshop" form and creates it; ends on the workshop's page. */
  async create(w: NewWorkshop): Promise<WorkshopPage> {
    const form = this.page.locator('details.create');
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
    await this.page.getByLabel('Title', { exact: true }).fill(w.title);
    if (w.purpose) await this.page.getByLabel('Purpose or focus question').fill(w.purpose);
    if (w.date) await this.page.getByLabel('Date').fill(w.date);
    if (w.facilitator) await this.page.getByLabel('Facilitator').fill(w.facilitator);
    if (w.notes) await this.page.getByLabel('Notes').fill(w.notes);
    await this.page.getByRole('button', { name: 'Create workshop' }).click();
    const ws = new WorkshopPage(this.page);
    await expect(ws.titleHeading).toHaveText(w.title);
    return ws;
  }

  get items(): Locator {
    return this.page.locator('.workshop-list > li');
  }

  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async titles(): Promise<string[]> {
    return this.page.locator('.workshop-list .workshop-title').allTextContents();
  }

  async action(title: string, name: 'Rename' | 'Duplicate' | 'Export' | 'Delete') {
    await this.item(title).getByRole('button', { name, exact: true }).click();
  }

  get search(): Locator {
    return this.page.getByLabel('Search');
  }

  get sort(): Locator {
    return this.page.getByLabel('Sort by');
  }

  get alert(): Locator {
    return this.page.locator('.messages [role="alert"]');
  }

  get status(): Locator {
    return this.page.locator('.messages [role="status"]');
  }

  /** Imports files through the file picker. */
  async importFile(name: string, contents: string | Buffer) {
    await this.page.locator('#import-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: typeof contents === 'string' ? Buffer.from(contents) : contents,
    });
  }

  /** Every localStorage key and value of the app, to prove an action changed nothing. */
  async storageSnapshot(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        const preference = k === 'cst-workbench.settings' || k === 'cst-workbench.tour';
        if (k.startsWith('cst-workbench.') && !preference) out[k] = localStorage.getItem(k)!;
      }
      return out;
    });
  }
}

export class WorkshopPage {
  constructor(readonly page: Page) {}

  /** A section's link in the workshop's navigation. */
  section(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name, exact: true });
  }

  get titleHeading(): Locator {
    return this.page.locator('main h1');
  }

  field(label: 'Title' | 'Purpose or focus question' | 'Date' | 'Facilitator' | 'Notes'): Locator {
    return this.page.locator('section.details').getByLabel(label, { exact: true });
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  async saved() {
    await expect(this.saveState).toHaveText('Saved');
  }

  async addStakeholder(name: string, group = '', involvement: 'involved' | 'affected' = 'involved') {
    const form = this.page.locator('form.add-stakeholder');
    await form.getByLabel('Name or role').fill(name);
    await form.getByLabel('Group or organisation').fill(group);
    await form.getByLabel('Involvement').selectOption(involvement);
    await form.getByRole('button', { name: 'Add to roster' }).click();
    await expect.poll(() => this.rosterValues()).toContain(name);
  }

  rosterRows(): Locator {
    return this.page.locator('.roster-list > li');
  }

  rosterNames(): Locator {
    return this.page.locator('.roster-list input.name');
  }

  async rosterValues(): Promise<string[]> {
    return this.rosterNames().evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  }

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo' });
  }

  get redoButton(): Locator {
    return this.page.getByRole('button', { name: 'Redo' });
  }

  get alert(): Locator {
    return this.page.locator('main [role="alert"]');
  }
}

/**
 * Opens `url` in a new page of `context` and stops the clock of every page in it (Playwright's
 * clock is per context): from then on a debounced save waits until the page is hidden, or until
 * the test calls [flushSaves].
 */
export async function openWithFrozenTimers(context: BrowserContext, url: string): Promise<Page> {
  await context.clock.install();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('main h1')).toBeVisible();
  await context.clock.pauseAt(Date.now() + 60_000);
  return page;
}

/** What the browser does when a tab goes to the background: the app saves at once. */
export async function flushSaves(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}
