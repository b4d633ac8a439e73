// Participants on their own phones, with no server: the facilitator's invitation is read off
// the page, a phone-emulated context (touch, 390×844) opens it, scores, reloads (the draft is
// kept), sends, and its link is pasted back on the facilitator's side: counted once, scores
// hidden until Reveal, other rounds' and damaged codes refused. 25 phones give the statistics
// of the same scores entered in turn. The phone page works offline and passes axe in both schemes.
import { test, expect } from '../support/fixtures';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { LibraryPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** A phone: touch, 390×844, mobile viewport; fails the test on any page error. */
async function phoneContext(browser: Browser, errors: string[]): Promise<{ ctx: BrowserContext; phone: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const phone = await ctx.newPage();
  phone.on('pageerror', (e) => errors.push(`phone uncaught: ${e.message}`));
  // The phone page is its own small binary: the facilitator's app must never be downloaded.
  ctx.on('request', (r) => {
    if (/cst-workbench-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url())) errors.push(`phone fetched the facilitator's app: ${r.url()}`);
  });
  phone.on('console', (m) => {
    if (m.type() === 'error') errors.push(`phone console: ${m.text()}`);
  });
  return { ctx, phone };
}

function mode(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Show' }).getByRole('button', { name, exact: true });
}

/** A workshop scoring the cycle, open at its Phones view with the phones' address given. */
async function facilitator(page: Page, title: string, baseURL: string) {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title });
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  await mode(page, 'Phones').click();
  return s;
}

/** The invitation's address, as the projector shows it. */
async function invitation(page: Page, screenshot = ''): Promise<string> {
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitation' });
  const projected = dialog.locator('.invite-projector');
  await expect(projected.getByRole('img', { name: /QR code: invitation to score/ })).toBeVisible();
  // The projector shows how many have answered, never what they answered.
  await expect(dialog.locator('.collect-count')).toHaveText(/^\d+ responses?$/);
  if (screenshot) await screenshotBothSizes(page, screenshot);
  const address = (await projected.getAttribute('data-address'))!;
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return address;
}

async function giveAddress(page: Page, baseURL: string) {
  // The app runs on 127.0.0.1, which phones cannot reach: it asks where they should go.
  await expect(page.getByRole('button', { name: 'Invite participants' })).toBeDisabled();
  await page.getByLabel('Address for phones').fill(baseURL.replace(/^http:\/\//, ''));
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('button', { name: 'Invite participants' })).toBeEnabled();
}

type Level = number | 'd' | null;

/** Answers every element on the list page and sends; returns the response link. */
async function answerAll(phone: Page, levels: Level[], name = ''): Promise<string> {
  await phone.getByRole('button', { name: 'All on one page' }).click();
  const cards = phone.locator('.phone-element');
  await expect(cards).toHaveCount(levels.length);
  for (const [i, level] of levels.entries()) {
    if (level === null) continue;
    const card = cards.nth(i);
    const button = level === 'd' ? card.locator('.dont-know') : card.locator('.level-button:not(.dont-know)').nth(level - 1);
    // A second tap on a chosen answer clears it: tap only what is not chosen yet.
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  if (name) await phone.getByLabel('Your name (optional)').fill(name);
  await phone.getByRole('button', { name: 'Send my answers' }).click();
  await expect(phone.getByRole('img', { name: 'QR code of your answers' })).toBeVisible();
  return phone.getByLabel('Link to your answers').inputValue();
}

async function paste(page: Page, text: string) {
  await page.getByLabel('Paste a response link or code').fill(text);
  await page.getByRole('button', { name: 'Add response' }).click();
}

test('a phone scores from the projected invitation; the pasted link counts once, hidden until Reveal; other rounds and damaged codes are refused', async ({ page, browser, baseURL }) => {
  const errors: string[] = [];
  const s = await facilitator(page, 'Steering group', baseURL!);
  await giveAddress(page, baseURL!);
  const address = await invitation(page, 'participants-invite-light');
  expect(address.startsWith(`${baseURL}join.html#/join/`)).toBe(true);

  const { ctx, phone } = await phoneContext(browser, errors);
  // An invitation made before join.html (the app's own address) opens the phone page too.
  await phone.goto(address.replace('join.html#', '#'));
  await expect(phone).toHaveURL(address);
  await expect(phone.getByRole('heading', { name: 'Round 1', level: 1 })).toBeVisible();
  // No facilitator chrome on the phone.
  await expect(phone.locator('.app-header, .app-footer')).toHaveCount(0);
  await expect(phone.getByText('1 of 9')).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'Emotional buy-in', level: 2 })).toBeVisible();
  // Touch targets of at least 44 px.
  for (const b of await phone.locator('.level-button, .phone-nav button').all()) {
    const box = (await b.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  await phone.locator('.level-button').nth(3).tap(); // 4
  await expect(phone.locator('.level-button').nth(3)).toHaveAttribute('aria-pressed', 'true');
  await phone.getByLabel('Comment (optional)').fill('We <b>mostly</b> agree & act');
  await phone.getByRole('button', { name: 'Next' }).tap();
  await phone.locator('.dont-know').tap();
  await phone.getByRole('button', { name: 'Next' }).tap();
  await expect(phone.getByText('3 of 9')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}participants-phone-390x844.png` });

  // A reload (a locked screen, a closed tab) loses nothing.
  await phone.reload();
  await expect(phone.getByText('3 of 9')).toBeVisible();
  await phone.getByRole('button', { name: 'Previous' }).tap();
  await expect(phone.locator('.dont-know')).toHaveAttribute('aria-pressed', 'true');
  await phone.getByRole('button', { name: 'Previous' }).tap();
  await expect(phone.locator('.level-button').nth(3)).toHaveAttribute('aria-pressed', 'true');
  await expect(phone.getByLabel('Comment (optional)')).toHaveValue('We <b>mostly</b> agree & act');

  const link = await answerAll(phone, [4, 'd', 3, 4, 1, 2, 3, 4, 5], 'Ana');
  expect(link.startsWith(`${baseURL}#/response/`)).toBe(true);
  await phone.screenshot({ path: `${SHOTS}participants-phone-sent-390x844.png` });
  // The sent response is kept too: a reload shows it again.
  await phone.reload();
  await expect(phone.getByLabel('Link to your answers')).toHaveValue(link);

  await paste(page, `Here are mine: ${link}`);
  await expect(page.getByRole('status').filter({ hasText: "Added Ana's scores to Round 1" })).toBeVisible();
  await expect(page.locator('.collect .collect-count')).toHaveText('1 response');
  // The same response again counts once.
  await paste(page, link);
  await expect(page.getByRole('alert').filter({ hasText: 'already in (Ana); it counts once' })).toBeVisible();
  await expect(page.locator('.collect .collect-count')).toHaveText('1 response');
  // A damaged code (a character changed, or cut short) is refused and changes nothing.
  const code = link.split('#/response/')[1];
  const flipped = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
  await paste(page, flipped);
  await expect(page.getByRole('alert')).toContainText('does not match its own checksum');
  await paste(page, code.slice(0, code.length - 9));
  await expect(page.getByRole('alert')).toContainText(/damaged|checksum/);
  await paste(page, 'hello');
  await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
  await expect(page.locator('.collect .collect-count')).toHaveText('1 response');

  // Scores stay hidden until Reveal; one undo takes the response out again.
  await mode(page, 'Results').click();
  await expect(page.locator('table.stats-table')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(s.statsRow('Learning in and from action').locator('td').nth(1)).toHaveText(/^5(\.0)?$/);
  await expect(s.statsRow('Shared vision').locator('td').nth(6)).toHaveText('1');

  // Another round's response is refused where the first round is collected.
  await s.newRound('Phase 2');
  await mode(page, 'Phones').click();
  const address2 = await invitation(page);
  expect(address2).not.toBe(address);
  await phone.goto(address2);
  await expect(phone.getByRole('heading', { name: 'Phase 2', level: 1 })).toBeVisible();
  const link2 = await answerAll(phone, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  await s.round('Round 1').click();
  await paste(page, link2);
  await expect(page.getByRole('alert')).toContainText('is for the round “Phase 2”');
  await expect(page.locator('.collect .collect-count')).toHaveText('1 response');

  // Opened directly in the facilitator's browser, the link names what it is and offers to add it.
  await page.goto(link2);
  await expect(page.getByRole('heading', { name: "A participant's response" })).toBeVisible();
  await expect(page.locator('.response-facts')).toContainText('Scores for Phase 2');
  await expect(page.locator('.response-facts')).toContainText('Participant 2');
  await page.getByRole('link', { name: 'Add it to the workshop' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Added Participant 2's scores to Phase 2" })).toBeVisible();
  await expect(page).toHaveURL(/\/scoring$/);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.collect .collect-count')).toHaveText('0 responses');
  await page.keyboard.press('Control+y');
  await expect(page.locator('.collect .collect-count')).toHaveText('1 response');

  // The address given for phones is remembered.
  await page.reload();
  await mode(page, 'Phones').click();
  await expect(page.locator('.phone-address-now')).toHaveText(`${baseURL}`);
  await expect(page.getByRole('button', { name: 'Invite participants' })).toBeEnabled();

  await ctx.close();
  expect(errors).toEqual([]);
});

test('twenty-five phones give the same statistics as the same scores entered in turn', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  // Levels 1–5 or don't know, a fixed spread.
  const scores: Level[][] = Array.from({ length: 25 }, (_, p) =>
    Array.from({ length: 9 }, (_, i) => {
      const x = (p * 31 + i * 17 + p * i * 7) % 23;
      return x < 2 ? 'd' : 1 + (x % 5);
    }),
  );
  const s = await facilitator(page, 'By phone', baseURL!);
  await giveAddress(page, baseURL!);
  const address = await invitation(page);
  const { ctx, phone } = await phoneContext(browser, errors);
  await phone.goto(address);
  const links: string[] = [];
  for (const levels of scores) {
    // Each participant starts afresh (their own phone).
    await phone.evaluate(() => localStorage.clear());
    await phone.reload();
    links.push(await answerAll(phone, levels));
  }
  for (const link of links) await paste(page, link);
  await expect(page.locator('.collect .collect-count')).toHaveText('25 responses');
  const workshopUrl = page.url();

  // The same scores, each person in turn, in another workshop.
  const other = new ScoringPage(page);
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'In turn' });
  await other.open();
  await other.start('positive relational cycle');
  for (let i = 0; i < 25; i++) await other.addScorer('');
  await other.show('Score in turn');
  for (const [i, levels] of scores.entries()) {
    await other.scoreByKeyboard(`Scorer ${i + 1}`, levels.map((l) => (l === 'd' ? 'd' : String(l))));
  }
  // A response of the first workshop is refused here.
  await mode(page, 'Phones').click();
  await paste(page, links[0]);
  await expect(page.getByRole('alert')).toContainText('belongs to another workshop');
  await other.show('Results');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const inTurn = await page.locator('table.stats-table:not(.rounds-table):not(.by-group)').innerText();

  await page.goto(workshopUrl);
  await mode(page, 'Results').click();
  await page.getByRole('button', { name: 'Reveal results' }).click();
  const byPhone = await page.locator('table.stats-table:not(.rounds-table):not(.by-group)').innerText();
  expect(byPhone).toBe(inTurn);
  // Each element: n scores plus "don't know" make the 25 participants.
  expect(byPhone).toMatch(/Emotional buy-in\t22\t[^\n]*\t3/);
  await ctx.close();
  expect(errors).toEqual([]);
});

test('the phone page works offline after one visit and passes axe in light and dark', async ({ page, browser, baseURL }) => {
  const errors: string[] = [];
  await facilitator(page, 'Offline phones', baseURL!);
  await giveAddress(page, baseURL!);
  await page.emulateMedia({ colorScheme: 'dark' });
  const address = await invitation(page, 'participants-invite-dark');

  const { ctx, phone } = await phoneContext(browser, errors);
  await phone.goto(address);
  await expect(phone.getByRole('heading', { name: 'Round 1', level: 1 })).toBeVisible();
  await phone.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active !== null && navigator.serviceWorker.controller !== null;
  });
  await phone.locator('.level-button').nth(1).tap();
  await ctx.setOffline(true);
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Round 1', level: 1 })).toBeVisible();
  await expect(phone.locator('.level-button').nth(1)).toHaveAttribute('aria-pressed', 'true');
  // The phone's service worker keeps the phone page's files only, not the facilitator's app.
  const kept = await phone.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
    return urls;
  });
  expect(kept.some((u) => /phone-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect(kept.filter((u) => /cst-workbench-/.test(u))).toEqual([]);

  for (const scheme of ['light', 'dark'] as const) {
    await phone.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: `${SHOTS}participants-phone-${scheme}-390x844.png` });
  }
  // The smallest phone the page is made for: nothing wider than the screen, targets still 44 px.
  await phone.setViewportSize({ width: 360, height: 640 });
  await mode(phone, 'All on one page').tap();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const b of await phone.locator('main').locator('button, textarea, input').all()) {
    const box = (await b.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  for (const scheme of ['light', 'dark'] as const) {
    await phone.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: `${SHOTS}participants-phone-${scheme}-360x640.png` });
  }
  await mode(phone, 'One at a time').tap();
  await phone.setViewportSize({ width: 390, height: 844 });
  const link = await answerAll(phone, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
  expect(link).toContain('#/response/');
  for (const scheme of ['light', 'dark'] as const) {
    await phone.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(phone);
  }
  await phone.screenshot({ path: `${SHOTS}participants-phone-sent-dark-390x844.png` });
  await ctx.setOffline(false);
  await ctx.close();
  expect(errors).toEqual([]);
});
