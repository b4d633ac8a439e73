// Page object for presenting a workshop: full screen, a step at a time.
import { expect, type Locator, type Page } from '@playwright/test';

export class PresentPage {
  constructor(readonly page: Page) {}

  /** From a workshop page, as a facilitator would: the "Present" section link. */
  async start() {
    await this.page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Present' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** After a reload on a presentation address: the app is up and the step is drawn. */
  async ready() {
    await expect(this.page.locator('#boot')).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.locator('#present-step-title');
  }

  get body(): Locator {
    return this.page.locator('.present-body');
  }

  get progress(): Locator {
    return this.page.locator('.present-progress > span').first();
  }

  get timer(): Locator {
    return this.page.getByTestId('present-timer');
  }

  async at(step: number, of: number) {
    await expect(this.progress).toHaveText(`Step ${step} of ${of}`);
  }

  /** Presses a key with nothing but the page focused, as a clicker or a keyboard would. */
  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  get agenda(): Locator {
    return this.page.getByRole('dialog', { name: 'Agenda' });
  }

  agendaNames(): Promise<string[]> {
    return this.agenda.locator('.agenda-name').allTextContents();
  }
}
