// Page object for the scoring section of a workshop.
import { expect, type Locator, type Page } from '@playwright/test';

export class ScoringPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Scoring' }).click();
    await expect(this.page.getByRole('heading', { name: 'Scoring', level: 2 })).toBeVisible();
  }

  async start(framework: 'positive relational cycle' | 'sustainable social prescribing') {
    await this.page.getByRole('button', { name: `Score the ${framework}` }).click();
    await expect(this.mode('Set up')).toHaveAttribute('aria-pressed', 'true');
  }

  mode(name: 'Set up' | 'Score in turn' | 'Show of hands' | 'Results'): Locator {
    return this.page.getByRole('group', { name: 'Show' }).getByRole('button', { name, exact: true });
  }

  async show(name: 'Set up' | 'Score in turn' | 'Show of hands' | 'Results') {
    await this.mode(name).click();
    await expect(this.mode(name)).toHaveAttribute('aria-pressed', 'true');
  }

  async addScorer(name = '') {
    await this.page.getByLabel("New scorer's name").fill(name);
    await this.page.getByRole('button', { name: 'Add scorer' }).click();
  }

  scorerButton(label: string): Locator {
    return this.page.getByRole('group', { name: 'Who is scoring' }).getByRole('button', { name: new RegExp(`^${label} `) });
  }

  /**
   * Scores every element for one scorer by keyboard only: a number key (or "d" for don't know)
   * in each element's radio group; the focus moves on to the next element by itself, so it is
   * one key an element.
   */
  async scoreByKeyboard(label: string, keys: string[]) {
    await this.scorerButton(label).click();
    await expect(this.page.getByRole('heading', { name: `Scoring as ${label}` })).toBeVisible();
    await this.page.locator('fieldset.score-element input[type=radio]').first().focus();
    for (const [i, key] of keys.entries()) {
      await this.page.keyboard.press(key);
      if (i < keys.length - 1) {
        // The focus is now in the next element's choices.
        await expect(this.page.locator('fieldset.score-element').nth(i + 1).locator('input[type=radio]:focus')).toHaveCount(1);
      }
    }
    await expect(this.scorerButton(label)).toContainText(`${keys.length}/${keys.length}`);
    await this.page.getByRole('button', { name: 'Done: hide my scores' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Thank you, ${label}` })).toBeVisible();
  }

  round(name: string): Locator {
    return this.page.getByRole('group', { name: 'Round' }).getByRole('button', { name, exact: true });
  }

  async newRound(name: string) {
    await this.page.getByLabel('New round name').fill(name);
    await this.page.getByRole('button', { name: 'New round' }).click();
    await expect(this.round(name)).toHaveAttribute('aria-pressed', 'true');
  }

  statsRow(element: string): Locator {
    return this.page.locator('table.stats-table:not(.rounds-table):not(.by-group) tbody tr').filter({ has: this.page.getByRole('rowheader', { name: element, exact: true }) });
  }

  roundsRow(element: string): Locator {
    return this.page.locator('table.rounds-table tbody tr').filter({ has: this.page.getByRole('rowheader', { name: element, exact: true }) });
  }

  get ranking(): Locator {
    return this.page.locator('ol.ranking > li');
  }
}
