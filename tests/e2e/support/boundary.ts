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

  /** Switches the boundary view: 'One question', 'Table', 'Gaps', 'Compare', 'Challenge', 'Summary'. */
  async show(view: 'One question' | 'Table' | 'Gaps' | 'Compare' | 'Challenge' | 'Summary') {
    const button = this.page.getByRole('group', { name: 'Show' }).getByRole('button', { name: view, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Opens the selected perspective's details and ticks roster entries it speaks for. */
  async linkRoster(...names: string[]) {
    const details = this.page.locator('details.perspective-details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    for (const n of names) await this.page.getByRole('checkbox', { name: new RegExp(`^${n}`) }).check();
    await details.locator('summary').click();
  }

  /** The tension control (a fieldset) whose legend is `legend`. */
  tension(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  get compareRows(): Locator {
    return this.page.locator('table.compare-table tbody tr');
  }

  get tensionItems(): Locator {
    return this.page.locator('.tension-list > li');
  }
}

export type SeedOptions = {
  /** How many perspectives (at least 2): "Core team" (involved), "Service users" (affected), then more. */
  perspectives?: number;
  /** Make every answer long (several sentences and a line break). */
  long?: boolean;
  /** Answer every question (otherwise questions 1 to 3 only). */
  full?: boolean;
};

/**
 * Stores a workshop with a boundary critique straight into localStorage (in the saved format)
 * and opens its boundary section: a fast way to set the scene for views, screenshots and axe.
 */
export async function seedCritique(page: Page, options: SeedOptions = {}): Promise<string> {
  const count = Math.max(2, options.perspectives ?? 2);
  const id = `w-seed-${count}-${options.long ? 'l' : 's'}`;
  const text = (who: string, q: number, mode: string) => {
    const base = `${who}, ${mode} ${q}: ${mode === 'is' ? 'fewer GP appointments for frequent attenders' : 'people with low agency, wherever they live'}`;
    return options.long
      ? `${base}. The pilot counts referrals and follow-up calls; the voluntary sector counts people who come back on their own.\nSecond line: what counts as success, and for whom?`
      : base;
  };
  const roster = [
    { id: 's-link', name: 'Link workers', group: 'Social prescribing team', involvement: 'involved' },
    { id: 's-gps', name: 'GPs', group: 'Practices', involvement: 'involved' },
    { id: 's-users', name: 'Service users', group: '', involvement: 'affected' },
    { id: 's-vcs', name: 'Voluntary and community sector', group: '', involvement: 'affected' },
    { id: 's-minority', name: 'Minority groups', group: 'Not reached', involvement: 'affected' },
  ];
  const names = ['Core team', 'Service users', 'GPs', 'Voluntary sector', 'Commissioners', 'Public health', 'DWP advisers', 'Carers', 'Link workers', 'Housing'];
  const links = [['s-link'], ['s-users'], ['s-gps'], ['s-vcs'], [], [], [], [], [], []];
  const questions = options.full ? 12 : 3;
  const perspectives = Array.from({ length: count }, (_, i) => {
    const name = names[i % names.length] + (i >= names.length ? ` ${i + 1}` : '');
    const answers: Record<string, { is: string; ought: string }> = {};
    for (let q = 1; q <= questions; q++) answers[q] = { is: text(name, q, 'is'), ought: text(name, q, 'ought') };
    return { id: `p-${i + 1}`, name, roster_ids: links[i % links.length], answers };
  });
  const doc = {
    format: 'cst-workbench/workshop',
    version: 1,
    app_version: '0.1.0',
    revision: 1,
    saved_at: Date.now(),
    workshop: {
      id,
      title: 'Shropshire social prescribing',
      purpose: 'Who benefits from the pilot, and who decides?',
      date: '2019-03-14',
      facilitator: 'Alison',
      notes: '',
      created_at: Date.now(),
      roster,
      boundary: {
        perspectives,
        tensions: [
          { question: 1, perspectives: ['p-1', 'p-2'], level: 'strong', note: 'Who the scheme is for: attenders or people with low agency' },
          { question: 2, perspectives: ['p-1'], level: 'some', note: 'Appointments saved versus wellbeing' },
        ],
      },
    },
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`cst-workbench.workshop.${id}`, JSON.stringify(doc)]);
  await page.evaluate((hash) => { location.hash = hash; }, `#/w/${id}/boundary`);
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  return id;
}
