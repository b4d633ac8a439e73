// Boundary answers from phones, end to end: the facilitator invites participants to answer
// chosen boundary questions (is and ought), once for an existing perspective and once each as
// a new perspective they name, asking whether they are involved or affected. Phone contexts
// (touch, 390×844) answer and send; the facilitator pastes their links into Collect; the
// answers arrive as that perspective's text, attributed to the name or "Participant N", and
// the new perspective joins the roster with its stance.
import { test, expect } from '../support/fixtures';
import type { Browser, Page } from '@playwright/test';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** A phone answers the invitation at `address`; the link to its answers. */
async function answerOnPhone(
  browser: Browser,
  errors: string[],
  address: string,
  answers: string[],
  options: { perspective?: string; stance?: string; name?: string; shot?: string } = {},
): Promise<string> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const phone = await ctx.newPage();
  phone.on('pageerror', (e) => errors.push(`phone uncaught: ${e.message}`));
  ctx.on('request', (r) => {
    if (/cst-workbench-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url())) errors.push(`phone fetched the facilitator's app: ${r.url()}`);
  });
  try {
    await phone.goto(address);
    await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
    if (options.perspective !== undefined) {
      await phone.getByLabel('Which perspective do you speak as? (e.g. as a carer)').fill(options.perspective);
    }
    if (options.stance) await phone.getByRole('radio', { name: options.stance, exact: true }).check();
    const fields = phone.locator('.phone-element textarea');
    await expect(fields).toHaveCount(answers.length);
    for (let i = 0; i < answers.length; i++) await fields.nth(i).fill(answers[i]);
    if (options.name) await phone.getByLabel('Your name (optional)').fill(options.name);
    // Touch targets of at least 44 px.
    for (const b of await phone.locator('main').locator('button, input[type="text"], textarea, label.phone-choice').all()) {
      const box = (await b.boundingBox())!;
      expect(box.height, await b.evaluate((e) => e.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
    }
    // A reload keeps the draft.
    await phone.reload();
    await expect(fields.nth(0)).toHaveValue(answers[0]);
    if (options.stance) await expect(phone.getByRole('radio', { name: options.stance, exact: true })).toBeChecked();
    if (options.shot) {
      for (const scheme of ['light', 'dark'] as const) {
        await phone.emulateMedia({ colorScheme: scheme });
        await expectNoAxeViolations(phone);
        await phone.screenshot({ path: `${SHOTS}${options.shot}-${scheme}-390x844.png`, fullPage: true });
      }
    }
    await phone.getByRole('button', { name: 'Send my answers' }).tap();
    await expect(phone.getByRole('img', { name: 'QR code of your answers' })).toBeVisible();
    if (options.shot) {
      await expectNoAxeViolations(phone);
      await phone.screenshot({ path: `${SHOTS}${options.shot}-sent-390x844.png` });
    }
    return await phone.getByLabel('Link to your answers').inputValue();
  } finally {
    await ctx.close();
  }
}

/** Opens the boundary invitation panel with the phones' address given. */
async function openInvite(page: Page, baseURL: string) {
  await page.getByRole('button', { name: 'Invite participants to answer from their phones' }).click();
  await page.getByLabel('Address for phones').fill(baseURL.replace(/^http:\/\//, ''));
  await page.getByRole('button', { name: 'Use this address' }).click();
}

async function paste(page: Page, link: string) {
  await page.getByLabel('Paste a response link or code').fill(link);
  await page.getByRole('button', { name: 'Add response' }).click();
}

test('phones answer chosen boundary questions for a perspective and as new ones; the answers arrive attributed, and the roster takes the new perspective in', async ({ page, browser, baseURL }) => {
  const errors: string[] = [];
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Voices' });
  const b = new BoundaryPage(page);
  await b.open();
  await b.addPerspective('Residents');
  await openInvite(page, baseURL!);

  // Questions 1 and 10 (the witness question is ticked already), is and ought, for Residents.
  await page.locator('.question-picks label').filter({ hasText: /^1\. / }).getByRole('checkbox').check();
  await page.getByLabel('Participants answer').selectOption({ label: 'for Residents' });
  const projected = page.locator('.invite-projector');
  await expect(projected.getByRole('img', { name: /QR code/ })).toBeVisible();
  const forResidents = (await projected.getAttribute('data-address'))!;
  expect(forResidents.startsWith(`${baseURL}join.html#/join/`)).toBe(true);
  await screenshotBothSizes(page, 'phone-boundary-invite');

  const bea = await answerOnPhone(browser, errors, forResidents, [
    'People <b>living</b> near the park',
    'Everyone who walks there',
    'Nobody asks the dog walkers',
    'The dog walkers & the children',
  ], { name: 'Bea', stance: 'Involved', shot: 'phone-boundary' });

  // The same invitation, now for new perspectives each participant names.
  await page.getByLabel('Participants answer').selectOption({ label: 'each as a new perspective they name' });
  await expect(projected).not.toHaveAttribute('data-address', forResidents);
  const asNew = (await projected.getAttribute('data-address'))!;
  const carer = await answerOnPhone(browser, errors, asNew, ['My mother', 'Her and me', 'Carers are unseen', 'Carers too'], {
    perspective: 'as a carer',
    stance: 'Affected but not involved',
  });

  await paste(page, bea);
  await expect(page.getByRole('status').filter({ hasText: "Added Bea's boundary answers." })).toBeVisible();
  await paste(page, carer);
  await expect(page.getByRole('status').filter({ hasText: /Added Participant \d+'s boundary answers\./ })).toBeVisible();
  await expect(page.locator('.collect .collect-count')).toHaveText("2 participants' answers");
  // The same answers again count once.
  await paste(page, bea);
  await expect(page.getByRole('alert').filter({ hasText: 'it counts once' })).toBeVisible();
  await expect(page.locator('.collect .collect-count')).toHaveText("2 participants' answers");
  await page.locator('.collect').scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'phone-boundary-collected');

  // The answers are Residents' text, attributed, escaped as text.
  await b.show('Table');
  const table = page.locator('main table').first();
  await expect(table).toContainText('Bea: People <b>living</b> near the park');
  await expect(table).toContainText('Bea: The dog walkers & the children');
  await expect(table.locator('b')).toHaveCount(0);
  // The carer's answers are their new perspective's own, as "Participant N".
  await b.perspectiveTab('as a carer').click();
  await expect(table).toContainText(/Participant \d+: Carers are unseen/);
  await expect(table).toContainText(/Participant \d+: My mother/);
  await expect(table).not.toContainText('Bea:');
  await b.show('One question');
  await b.perspectiveTab('Residents').click();
  await expect(b.isField).toHaveValue('Bea: People <b>living</b> near the park');

  // The new perspective joined the roster, affected, and survives a reload.
  await page.reload();
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Details and roster' }).click();
  const ws = new WorkshopPage(page);
  await expect.poll(() => ws.rosterValues()).toContain('as a carer');
  const at = (await ws.rosterValues()).indexOf('as a carer');
  await expect(ws.rosterRows().nth(at).getByLabel('Involvement')).toHaveValue('affected');
  expect(errors).toEqual([]);
});
