// In the room, on a participant's phone (390×844, touch): a scale's levels share their rows
// evenly. 1 to 5 is one row, the four named levels two rows of two; 1 to 7 never leaves a level
// alone on a row; no anchor word is split across lines; every level
// button is at least 44 px each way and the page never scrolls sideways.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { LibraryPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { textDirections } from '../support/bidi';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** The phones' invitation to the current round, as the projector shows it. */
async function invitation(page: Page, baseURL: string): Promise<string> {
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  const address = page.getByLabel('Address for phones');
  if (await address.isVisible()) {
    await address.fill(baseURL.replace(/^http:\/\//, ''));
    await page.getByRole('button', { name: 'Use this address' }).click();
  }
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitation' });
  const url = (await dialog.locator('.invite-projector').getAttribute('data-address'))!;
  await dialog.getByRole('button', { name: 'Close' }).click();
  return url;
}

/** The level buttons of the first element, row by row (their tops), and their sizes. */
async function rows(phone: Page) {
  return phone.locator('.phone-element').first().locator('.level-button:not(.dont-know)').evaluateAll((bs) => {
    const byTop = new Map<number, number>();
    let smallest = Infinity;
    for (const b of bs) {
      const r = b.getBoundingClientRect();
      byTop.set(Math.round(r.top), (byTop.get(Math.round(r.top)) ?? 0) + 1);
      smallest = Math.min(smallest, r.width, r.height);
    }
    // Every word of an anchor ("Strong") fits its button whole, never split across two lines.
    const split: string[] = [];
    for (const a of Array.from(document.querySelectorAll('.phone-element .level-anchor'))) {
      const button = a.closest('.level-button')!;
      const cs = getComputedStyle(button);
      const room = button.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      for (const word of (a.textContent ?? '').split(/\s+/).filter(Boolean)) {
        const probe = document.createElement('span');
        probe.textContent = word;
        probe.style.whiteSpace = 'nowrap';
        a.append(probe);
        if (probe.getBoundingClientRect().width > room + 0.5) split.push(word);
        probe.remove();
      }
    }
    return { perRow: [...byTop.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n), smallest, split, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

for (const scale of ['1 to 5', '1 to 7', 'Named levels (absent to embedded)'] as const) {
  test(`a phone shows the ${scale} scale's levels in even rows`, async ({ page, browser, baseURL }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: `Scale ${scale}` });
    const s = new ScoringPage(page);
    await s.open();
    await s.start('positive relational cycle');
    await page.getByLabel('Scale').selectOption({ label: scale });
    const address = await invitation(page, baseURL!);

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      const phone = await ctx.newPage();
      await phone.goto(address);
      await expect(phone.locator('.phone-element').first().locator('.level-button').first()).toBeVisible();
      const got = await rows(phone);
      expect(got.sideways).toBeLessThanOrEqual(0);
      expect(got.smallest).toBeGreaterThanOrEqual(44);
      expect(got.split, 'anchor words split across lines').toEqual([]);
      if (scale === '1 to 5') expect(got.perRow).toEqual([5]);
      else if (scale.startsWith('Named')) expect(got.perRow).toEqual([2, 2]);
      else expect(Math.min(...got.perRow), `levels per row: ${got.perRow}`).toBeGreaterThanOrEqual(2);
      // The comment and name fields take their own text's direction (as in the app).
      expect(await textDirections(phone)).toEqual([]);
      await phone.screenshot({ path: `${SHOTS}room-phone-levels-${scale.split(' (')[0].replace(/ /g, '')}-390x844.png` });
    } finally {
      await ctx.close();
    }
  });
}
