// Page object for the boundary critique section of a workshop.
import { expect, type Locator, type Page } from '@playwright/test';

export class BoundaryPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Boundary critique' }).click();
    await expect(this.page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  }

  async addPerspective(name: string) {
    await this.page.getByLabel('New perspective').fill(name);
    await this.page.getByRole('button', { name: 'Add perspective' }).click();
    await expect(this.perspectiveTab(name)).toHaveAttribute('aria-pressed', 'true');
  }

  perspectiveTab(name: string): Locator {
    return this.page.getByRole('group', { name: 'Perspective being answered' }).getByRole('button', { name: new RegExp(`^${name}`) });
  }

  get questionName(): Locator {
    return this.page.locator('.question-name');
  }

  get meta(): Locator {
    return this.page.locator('.question-meta');
  }

  get isField(): Locator {
    return this.page.locator('#answer-is');
  }

  get oughtField(): Locator {
    return this.page.locator('#answer-ought');
  }

  get answeringAs(): Locator {
    return this.page.locator('.answering strong');
  }
}
