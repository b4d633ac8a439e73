// The live room (issue 25): two browsers on one workshop through the standard Yjs relay
// (@y/websocket-server, started here on loopback), end-to-end encrypted. Runs against a build
// made with the live feature (`--features live`, CSTW_RELAY naming the relay, as tools/test.sh
// builds it); a build without a relay has no live room and these specs say so and skip.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { MapsPage } from '../support/maps';
import { BoundaryPage } from '../support/boundary';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { ScoringPage } from '../support/scoring';
import { PresentPage } from '../support/present';
import { screenshotBothSizes } from '../support/screenshots';
import { expectNoAxeViolations } from '../support/a11y';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const RELAY_SCRIPT = fileURLToPath(new URL('../../relay/relay.mjs', import.meta.url));
const HOSTILE_SCRIPT = fileURLToPath(new URL('../../relay/hostile.mjs', import.meta.url));
const TITLE = 'Example: Shropshire social prescribing (illustrative)';

test.describe.configure({ mode: 'serial' });

let relayOrigin: string | null = null;
let relay: ChildProcess | null = null;
let store = '';

/** The relay origin the build names in its CSP's connect-src, if any. */
async function builtRelay(): Promise<string | null> {
  const html = await (await fetch(`http://127.0.0.1:${PORT}/`)).text();
  const connect = /connect-src ([^;"]+)/.exec(html)?.[1] ?? '';
  return connect.split(/\s+/).find((s) => s.startsWith('ws')) ?? null;
}

async function startRelay() {
  const port = new URL(relayOrigin!.replace(/^ws/, 'http')).port || '80';
  const child = spawn('node', [RELAY_SCRIPT, port, store], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stdout!.on('data', (d) => {
      said += d;
      if (said.includes('relay on')) resolve();
    });
    child.stderr!.on('data', (d) => (said += d));
    child.on('exit', (code) => reject(new Error(`the relay exited (${code}): ${said}`)));
  });
  relay = child;
}

async function stopRelay() {
  if (!relay) return;
  const r = relay;
  relay = null;
  await new Promise<void>((resolve) => {
    r.once('exit', () => resolve());
    r.kill('SIGKILL');
  });
}

test.beforeAll(async () => {
  relayOrigin = await builtRelay();
  if (!relayOrigin) return;
  store = mkdtempSync(join(tmpdir(), 'cstw-relay-'));
  await startRelay();
});

test.afterAll(async () => {
  await stopRelay();
});

test.beforeEach(() => {
  test.skip(!relayOrigin, 'this build has no live room (build with --features live and CSTW_RELAY)');
});

// A browser whose relay is stopped on purpose logs failed websocket connections.
test.use({ expectedPageErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}' failed/ });

/** The live bar's connection status. */
const liveStatus = (p: Page) => p.getByRole('region', { name: 'Live room' }).getByRole('status').first();

/** A second person's browser: its own context (own storage), tour seen, errors collected. */
async function secondBrowser(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    try {
      if (localStorage.getItem('cst-workbench.tour') === null) localStorage.setItem('cst-workbench.tour', 'done');
    } catch {
      // about:blank
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket connection to .* failed/.test(m.text())) errors.push(m.text());
  });
  return { context, page };
}

/** Opens the example workshop and a live room for it; returns the room's link. */
async function openRoom(page: Page, shoot = false): Promise<string> {
  await page.goto('./#/');
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(new WorkshopPage(page).titleHeading).toHaveText(TITLE);
  const bar = page.getByRole('region', { name: 'Live room' });
  if (shoot) {
    await expect(bar).toContainText('end-to-end encrypted');
    await screenshotBothSizes(page, 'live-offer');
  }
  const footer = page.locator('footer.app-footer');
  await expect(footer).toContainText('Nothing is sent anywhere');
  await bar.getByRole('button', { name: 'Open a live room' }).click();
  await expect(liveStatus(page)).toHaveText('Connected');
  // The page no longer claims that nothing leaves it.
  await expect(footer).not.toContainText('Nothing is sent anywhere');
  await expect(footer).toContainText('shared in a live room');
  const link = await bar.getByLabel('Link for the others').inputValue();
  expect(link).toMatch(/#\/live\/[0-9a-f]{32}\.[0-9a-f]{64}$/);
  return link;
}

/** Joins from another browser: it lands on the workshop, connected. */
async function joinRoom(page: Page, link: string) {
  await page.goto(link);
  await expect(new WorkshopPage(page).titleHeading).toHaveText(TITLE);
  await expect(liveStatus(page)).toHaveText('Connected');
  // The secret left the address bar: it is not kept in the history.
  expect(page.url()).not.toContain('#/live/');
}

/** Types at the start or the end of a field, as a person does with the keyboard. */
async function typeAt(field: import('@playwright/test').Locator, where: 'Home' | 'End', text: string) {
  await field.click();
  await field.press(where === 'Home' ? 'Control+Home' : 'Control+End');
  await field.pressSequentially(text);
  await field.blur();
}

test('a second browser opening the link sees the workshop; edits go both ways', async ({ page, browser }) => {
  const link = await openRoom(page, true);
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'live-room-open');
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);

  // A detail edited on one side shows on the other, and back.
  await page.getByLabel('Facilitator').fill('Ana and Ben');
  await expect(b.page.getByLabel('Facilitator')).toHaveValue('Ana and Ben');
  await b.page.getByLabel('Notes').fill('Ben joined from home.');
  await expect(page.getByLabel('Notes')).toHaveValue('Ben joined from home.');
  // Both keep their copy: a reload of the second browser shows the shared workshop.
  await b.page.reload();
  await expect(b.page.getByLabel('Notes')).toHaveValue('Ben joined from home.');

  // Who is here: each person's chosen name, on the other's screen; gone when they leave.
  const people = (p: Page) => p.locator('.live-people');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Your name').press('Enter');
  await b.page.getByLabel('Your name').fill('Ben');
  await b.page.getByLabel('Your name').press('Enter');
  await expect(people(page)).toHaveText('Also here: Ben');
  await expect(people(b.page)).toHaveText('Also here: Ana');
  expect(errors).toEqual([]);
  await b.context.close();
  await expect(people(page)).toHaveText('Nobody else is here yet.');
  // Leaving the room: the footer says again that nothing is sent.
  await page.getByRole('button', { name: 'Leave the room' }).click();
  await expect(page.locator('footer.app-footer')).toContainText('Nothing is sent anywhere');
});

test('concurrent edits to a map label and an answer, made while the relay was down, converge; the relay stores no plaintext', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const link = await openRoom(page);
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);

  const mapsA = new MapsPage(page);
  const mapsB = new MapsPage(b.page);
  for (const m of [mapsA, mapsB]) {
    await m.open();
    await m.show('Outline').click();
  }
  const firstIdea = (p: Page) => p.locator('.outline-nodes > li').first().getByRole('textbox').first();
  const label = await firstIdea(page).inputValue();
  expect(await firstIdea(b.page).inputValue()).toBe(label);

  // The relay goes away mid-workshop; both keep working.
  await stopRelay();
  for (const p of [page, b.page]) {
    await expect(liveStatus(p)).toContainText('Offline');
  }
  await typeAt(firstIdea(page), 'Home', 'Quokka ');
  await typeAt(firstIdea(b.page), 'End', ' Zanzibar');

  const boundaryA = new BoundaryPage(page);
  const boundaryB = new BoundaryPage(b.page);
  await boundaryA.open();
  await boundaryB.open();
  const answer = await boundaryA.isField.inputValue();
  expect(answer.length).toBeGreaterThan(0);
  await typeAt(boundaryA.isField, 'Home', 'Alpha: ');
  await typeAt(boundaryB.isField, 'End', ' (Bravo)');

  // The relay comes back empty; the browsers reconnect and refill it.
  await startRelay();
  for (const p of [page, b.page]) {
    await expect(liveStatus(p)).toHaveText('Connected', { timeout: 20_000 });
  }
  for (const p of [boundaryA, boundaryB]) {
    await expect(p.isField).toHaveValue(`Alpha: ${answer} (Bravo)`);
  }
  for (const m of [mapsA, mapsB]) {
    await m.open();
    await m.show('Outline').click();
  }
  for (const p of [page, b.page]) {
    await expect(firstIdea(p)).toHaveValue(`Quokka ${label} Zanzibar`);
  }

  // What the relay stored holds none of it in plaintext.
  const files = readdirSync(store);
  expect(files.length).toBeGreaterThan(0);
  const stored = Buffer.concat(files.map((f) => readFileSync(join(store, f))));
  expect(stored.length).toBeGreaterThan(1000);
  for (const plain of ['Quokka', 'Zanzibar', 'Bravo', label, answer.slice(0, 20), 'Shropshire']) {
    expect(stored.includes(Buffer.from(plain)), `the relay holds "${plain}"`).toBe(false);
  }
  expect(errors).toEqual([]);
  await b.context.close();
});

test('a link with a wrong key reads nothing and breaks nothing', async ({ page, browser }) => {
  const link = await openRoom(page);
  const wrong = link.replace(/[0-9a-f]{8}$/, (k) => (k === '00000000' ? '11111111' : '00000000'));
  const errors: string[] = [];
  const c = await secondBrowser(browser, errors);
  await c.page.goto(wrong);
  await expect(c.page.getByRole('heading', { name: 'Joining a live room' })).toBeVisible();
  await expect(c.page.getByRole('status')).toHaveText(/key does not open this room/);
  await screenshotBothSizes(c.page, 'live-wrong-key');
  // Nothing was stored in that browser.
  const stored = await c.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cst-workbench.workshop.')));
  expect(stored).toEqual([]);

  // The room still works for a right key.
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);
  await page.getByLabel('Facilitator').fill('Still working');
  await expect(b.page.getByLabel('Facilitator')).toHaveValue('Still working');
  expect(errors).toEqual([]);
  await c.context.close();
  await b.context.close();
});

test('ten browsers on one room each add someone to the roster at once: every browser ends with all ten', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const link = await openRoom(page);
  const errors: string[] = [];
  const others = [];
  for (let i = 0; i < 9; i++) {
    const b = await secondBrowser(browser, errors);
    await joinRoom(b.page, link);
    others.push(b);
  }
  const pages = [page, ...others.map((o) => o.page)];
  const names = pages.map((_, i) => `Participant ${i + 1}`);
  await Promise.all(pages.map((p, i) => new WorkshopPage(p).addStakeholder(names[i])));
  for (const p of pages) {
    await expect.poll(() => new WorkshopPage(p).rosterValues(), { timeout: 20_000 }).toEqual(expect.arrayContaining(names));
  }
  const rosters = await Promise.all(pages.map((p) => new WorkshopPage(p).rosterValues()));
  for (const r of rosters) expect(r).toEqual(rosters[0]);
  expect(errors).toEqual([]);
  for (const o of others) await o.context.close();
});

test('an incomplete link says what is missing', async ({ page }) => {
  await page.goto('./#/live/abc');
  await expect(page.getByRole('heading', { name: 'This live room link is incomplete' })).toBeVisible();
});

/** A new workshop in a live room, a scoring round and its invitation for phones: the room's
 * link and the invitation's address (`shoot`: screenshots of the invitation). */
async function roomInvitation(page: Page, baseURL: string, title: string, shoot = false) {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title });
  const bar = page.getByRole('region', { name: 'Live room' });
  await bar.getByRole('button', { name: 'Open a live room' }).click();
  await expect(liveStatus(page)).toHaveText('Connected');
  const roomLink = await bar.getByLabel('Link for the others').inputValue();
  const s = new ScoringPage(page);
  await s.open();
  await s.start('positive relational cycle');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Invite participants' })).toBeDisabled();
  await page.getByLabel('Address for phones').fill(baseURL.replace(/^http:\/\//, ''));
  await page.getByRole('button', { name: 'Use this address' }).click();
  // Inside the room the page says the phones' answers go through it, and so does the projector.
  await expect(page.locator('.invite .hint').first()).toContainText("through the room's relay");
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitation' });
  const projected = dialog.locator('.invite-projector');
  await expect(projected.getByRole('img', { name: /QR code: invitation to score/ })).toBeVisible();
  await expect(projected).toContainText('through the live room, encrypted');
  if (shoot) await screenshotBothSizes(page, 'live-invitation');
  const address = (await projected.getAttribute('data-address'))!;
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The invitation carries the room's public key (87 characters): never the room's id or key.
  expect(address).toMatch(/#\/join\/[A-Za-z0-9_-]+\?live=[A-Za-z0-9_-]{87}$/);
  expect(address).not.toContain(roomLink.split('.').pop()!);
  expect(address).not.toContain(roomLink.split('#/live/')[1].split('.')[0]);
  return { bar, roomLink, address };
}

/** `n` participants, each on their own phone, open the invitation and answer (not sent yet). */
async function phonesAnswer(browser: Browser, address: string, n: number, errors: string[]) {
  const phones: { ctx: BrowserContext; phone: Page }[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await ctx.newPage();
    phone.on('pageerror', (e) => errors.push(`phone ${i} uncaught: ${e.message}`));
    await phone.goto(address);
    await phone.getByRole('button', { name: 'All on one page' }).click();
    const card = phone.locator('.phone-element').first();
    await card.locator('.level-button:not(.dont-know)').nth(i % 5).click();
    await phone.getByLabel('Your name (optional)').fill(`Phone person ${i + 1}`);
    phones.push({ ctx, phone });
  }
  return phones;
}

test('twenty-five phones opened from a live room invitation send their responses through the room: all arrive, sealed', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  const { bar, address } = await roomInvitation(page, baseURL!, 'Live phones', true);
  // 25 participants, each on their own phone, answer; then all press "Send" at once.
  const phones = await phonesAnswer(browser, address, 25, errors);
  const count = page.locator('.collect .collect-count');
  await expect(count).toHaveText('0 responses');
  const t0 = Date.now();
  await Promise.all(phones.map(({ phone }) => phone.getByRole('button', { name: 'Send my answers' }).click()));
  await expect(count).toHaveText('25 responses', { timeout: 30_000 });
  const took = Date.now() - t0;
  console.log(`25 phones' responses through the live room: all counted at the facilitator ${took} ms after the sends began`);
  await expect(bar.locator('.live-responses')).toHaveText("25 participants' responses arrived through the room and were added.");
  await bar.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'live-responses');
  // Each phone says its answers reached the room, and still offers the QR code.
  for (const { phone } of phones) {
    await expect(phone.locator('.live-send')).toHaveAttribute('data-sent', 'true', { timeout: 20_000 });
    await expect(phone.getByRole('img', { name: 'QR code of your answers' })).toBeVisible();
  }
  await phones[0].phone.screenshot({ path: fileURLToPath(new URL('../screenshots/live-phone-sent-390x844.png', import.meta.url)), fullPage: true });
  // Pasting one of them again counts once.
  const again = await phones[3].phone.getByLabel('Link to your answers').inputValue();
  await page.getByLabel('Paste a response link or code').fill(again);
  await page.getByRole('button', { name: 'Add response' }).click();
  await expect(page.getByRole('alert')).toContainText('counts once');
  await expect(count).toHaveText('25 responses');
  // The relay stored the responses sealed: no participant's name in it.
  const stored = Buffer.concat(readdirSync(store).map((f) => readFileSync(join(store, f))));
  for (const plain of ['Phone person', 'Live phones']) {
    expect(stored.includes(Buffer.from(plain)), `the relay holds "${plain}"`).toBe(false);
  }
  // A reload of the facilitator adds none of them twice.
  await page.reload();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  await expect(count).toHaveText('25 responses');
  await expect(liveStatus(page)).toHaveText('Connected');
  await page.waitForTimeout(1000);
  await expect(count).toHaveText('25 responses');
  for (const { ctx } of phones) await ctx.close();
  expect(errors).toEqual([]);
});

test('a participant holding the invitation who deletes the others\' entries through the relay opens none of them, and every honest response arrives once', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const { address } = await roomInvitation(page, baseURL!, 'Live hostile');
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: fileURLToPath(new URL(`../screenshots/${name}-390x844.png`, import.meta.url)), fullPage: true });
  // An invitation from before responses were sealed (a 48-byte drop) is refused with a clear
  // message; the answers stay, with the QR code.
  const [old] = await phonesAnswer(browser, address.replace(/live=.*$/, `live=${Buffer.alloc(48, 7).toString('base64url')}`), 1, errors);
  await old.phone.getByRole('button', { name: 'Send my answers' }).click();
  await expect(old.phone.locator('.live-send')).toHaveAttribute('data-sent', 'outdated');
  await expect(old.phone.locator('.live-send')).toContainText('ask the facilitator for a fresh invitation');
  await expect(old.phone.getByRole('img', { name: 'QR code of your answers' })).toBeVisible();
  await shot(old.phone, 'live-phone-outdated');
  await old.ctx.close();
  // The facilitator steps away (the workshop closed): nobody takes responses for now.
  const scoring = page.url();
  await page.goto('./#/');
  const hostile = spawn('node', [HOSTILE_SCRIPT, relayOrigin!, address.split('live=')[1]], { stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  hostile.stdout!.on('data', (d) => (said += d));
  hostile.stderr!.on('data', (d) => (said += d));
  await expect.poll(() => said, { timeout: 10_000 }).toContain('hostile on');
  const phones = await phonesAnswer(browser, address, 5, errors);
  await Promise.all(phones.map(({ phone }) => phone.getByRole('button', { name: 'Send my answers' }).click()));
  // The hostile participant deletes every entry it sees; no fake receipt convinces a phone.
  await expect.poll(() => Number(/deleted (\d+)\s*$/.exec(said)?.[1] ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await phones[0].phone.waitForTimeout(3000);
  for (const { phone } of phones) await expect(phone.locator('.live-send')).not.toHaveAttribute('data-sent', 'true');
  await shot(phones[0].phone, 'live-phone-waiting');
  // The facilitator comes back: the phones add their deleted entries again, the desk takes
  // each once, the phones see their receipts, though the hostile one keeps deleting.
  await page.goto(scoring);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  const count = page.locator('.collect .collect-count');
  await expect(count).toHaveText('5 responses', { timeout: 60_000 });
  for (const { phone } of phones) {
    await expect(phone.locator('.live-send')).toHaveAttribute('data-sent', 'true', { timeout: 60_000 });
  }
  await shot(phones[0].phone, 'live-phone-received');
  hostile.kill('SIGTERM');
  await new Promise((resolve) => hostile.once('exit', resolve));
  const summary = JSON.parse(said.trim().split('\n').pop()!);
  console.log(`hostile participant: ${JSON.stringify(summary)}`);
  // It saw the responses and opened none of them with what the invitation gave it.
  expect(summary.seenEntries).toBeGreaterThanOrEqual(5);
  expect(summary.opened).toBe(0);
  // What the desk took stays, whatever was deleted: a reload adds nothing and loses nothing.
  await page.reload();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phones', exact: true }).click();
  await expect(liveStatus(page)).toHaveText('Connected');
  await page.waitForTimeout(1500);
  await expect(count).toHaveText('5 responses');
  await expect(page.locator('.live-responses')).toHaveCount(0);
  for (const { ctx } of phones) await ctx.close();
  expect(errors).toEqual([]);
});

test('edits made offline survive a reload and merge when the relay returns, with a notice', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const link = await openRoom(page);
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);
  await stopRelay();
  for (const p of [page, b.page]) await expect(liveStatus(p)).toContainText('Offline');
  // Offline: one edit before a reload, one after; the other browser edits too.
  await page.getByLabel('Notes').fill('Written offline, before a reload.');
  await page.getByLabel('Notes').blur();
  await page.waitForTimeout(700);
  await page.reload();
  await expect(new WorkshopPage(page).titleHeading).toHaveText(TITLE);
  await expect(page.getByLabel('Notes')).toHaveValue('Written offline, before a reload.');
  await expect(liveStatus(page)).not.toHaveText('Connected');
  await page.getByLabel('Facilitator').fill('Written offline, after the reload');
  await page.getByLabel('Facilitator').blur();
  await b.page.getByLabel('Purpose or focus question').fill('Changed by the other browser while offline');
  await b.page.getByLabel('Purpose or focus question').blur();
  await page.waitForTimeout(700);
  await startRelay();
  for (const p of [page, b.page]) await expect(liveStatus(p)).toHaveText('Connected', { timeout: 20_000 });
  for (const p of [page, b.page]) {
    await expect(p.getByLabel('Notes')).toHaveValue('Written offline, before a reload.');
    await expect(p.getByLabel('Facilitator')).toHaveValue('Written offline, after the reload');
    await expect(p.getByLabel('Purpose or focus question')).toHaveValue('Changed by the other browser while offline');
  }
  const notice = page.locator('.live-merged');
  await expect(notice).toContainText(/Back online: merged \d+ changes? made while offline/);
  await expect(b.page.locator('.live-merged')).toContainText(/Back online: merged \d+ changes? made while offline/);
  await screenshotBothSizes(page, 'live-merged');
  expect(errors).toEqual([]);
  await b.context.close();
});

test("a co-facilitator's screen follows the presenter's step when asked to", async ({ page, browser }) => {
  const link = await openRoom(page);
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);
  const a = new PresentPage(page);
  const follower = new PresentPage(b.page);
  await a.start();
  await follower.start();
  const follow = b.page.getByLabel('Follow the presenter');
  await expect(follow).toBeVisible();
  await screenshotBothSizes(b.page, 'live-follow');
  await follow.check();
  const next = page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Next/ });
  const previous = page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Previous/ });
  // The follower shows the presenter's step (its title and "Step n of N").
  const same = async () => {
    await expect(follower.heading).toHaveText(await a.heading.innerText());
    await expect(follower.progress).toHaveText(await a.progress.innerText());
  };
  for (let i = 0; i < 4; i++) await next.click();
  await expect(a.progress).not.toHaveText(/^Step 1 of/);
  await same();
  await previous.click();
  await same();
  // Not following: each moves on their own.
  await follow.uncheck();
  const kept = await follower.heading.innerText();
  for (let i = 0; i < 4; i++) await next.click();
  await expect(a.heading).not.toHaveText(kept);
  await page.waitForTimeout(500);
  await expect(follower.heading).toHaveText(kept);
  expect(errors).toEqual([]);
  await b.context.close();
});

test("a remote change to the field someone is typing in keeps their caret where it was", async ({ page, browser }) => {
  const link = await openRoom(page);
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);
  const notes = page.getByLabel('Notes');
  await notes.fill('hello world');
  await expect(b.page.getByLabel('Notes')).toHaveValue('hello world');
  // Ana puts her caret after "hello" and pauses…
  await notes.click();
  await notes.press('Control+End');
  for (let i = 0; i < 6; i++) await notes.press('ArrowLeft');
  // …while Ben adds a word at the start.
  await b.page.getByLabel('Notes').fill('Intro: hello world');
  await expect(notes).toHaveValue('Intro: hello world');
  await expect(notes).toBeFocused();
  await notes.pressSequentially(', dear');
  await expect(notes).toHaveValue('Intro: hello, dear world');
  await expect(b.page.getByLabel('Notes')).toHaveValue('Intro: hello, dear world');
  expect(errors).toEqual([]);
  await b.context.close();
});

test("undo in a live room takes back one's own edit and leaves the other person's", async ({ page, browser }) => {
  const link = await openRoom(page);
  const errors: string[] = [];
  const b = await secondBrowser(browser, errors);
  await joinRoom(b.page, link);
  const notes = await page.getByLabel('Notes').inputValue();
  await page.getByLabel('Notes').fill("Ana's note");
  await page.getByLabel('Notes').blur();
  await expect(b.page.getByLabel('Notes')).toHaveValue("Ana's note");
  await page.waitForTimeout(1000);
  // Ben's edit arrives after Ana's.
  await b.page.getByLabel('Facilitator').fill('Ben');
  await b.page.getByLabel('Facilitator').blur();
  await expect(page.getByLabel('Facilitator')).toHaveValue('Ben');
  // Ana undoes: her note goes, Ben's change stays, on both screens.
  await page.getByRole('button', { name: 'Undo' }).click();
  for (const p of [page, b.page]) {
    await expect(p.getByLabel('Notes')).toHaveValue(notes);
    await expect(p.getByLabel('Facilitator')).toHaveValue('Ben');
  }
  // Redo (Ctrl+Y) puts her note back.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+y');
  await expect(b.page.getByLabel('Notes')).toHaveValue("Ana's note");
  await expect(page.getByLabel('Facilitator')).toHaveValue('Ben');
  expect(errors).toEqual([]);
  await b.context.close();
});
