// Page object for the app shell: the verbs a person uses, so specs read as what they do.
import { expect, type Locator, type Page } from '@playwright/test';

export type Theme = 'standard' | 'projector';
export type Scheme = 'system' | 'light' | 'dark';

export class App {
  constructor(readonly page: Page) {}

  /** Opens the app at a page fragment (e.g. '#/about') and waits until it is interactive. */
  async open(fragment = '#/') {
    await this.page.goto(`./${fragment}`);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** The app has mounted: the loading line is gone and the page has its heading. */
  async ready() {
    await expect(this.page.locator('#boot')).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  navLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  async goTo(name: string) {
    await this.navLink(name).click();
    await expect(this.navLink(name)).toHaveAttribute('aria-current', 'page');
  }

  get projectorToggle(): Locator {
    return this.page.getByRole('button', { name: 'Projector mode' });
  }

  get schemePicker(): Locator {
    return this.page.getByLabel('Colours');
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  async setTheme(theme: Theme) {
    if ((await this.theme()) !== theme) await this.projectorToggle.click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }

  async setScheme(scheme: Scheme) {
    await this.schemePicker.selectOption(scheme);
    await expect(this.page.locator('html')).toHaveAttribute('data-scheme', scheme);
  }
}

/** Every page of the app a test should visit, by fragment. */
export const PAGES = [
  { name: 'home', fragment: '#/' },
  { name: 'about', fragment: '#/about' },
  { name: 'glossary', fragment: '#/glossary' },
  { name: 'not-found', fragment: '#/no/such/page' },
] as const;
