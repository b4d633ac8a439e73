// Nothing is lost to a full storage quota or to a second tab.
import { test, expect } from '../support/fixtures';
import { LibraryPage, WorkshopPage, flushSaves, openWithFrozenTimers } from '../support/workshops';

/** Fills localStorage with filler until the browser refuses more; returns the filler keys. */
async function fillStorage(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const keys: string[] = [];
    let chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; chunk.length > 8; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
        keys.push(`filler-${i}`);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return keys;
  });
}

test('storage full: a clear banner, the last good copy intact, and saving resumes after room is made', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Quota test' });
  await ws.field('Notes').fill('saved before the quota filled');
  await ws.saved();
  const filler = await fillStorage(page);

  await ws.field('Notes').fill('x'.repeat(4000));
  await expect(ws.alert).toContainText("This browser's storage is full");
  await expect(ws.saveState).toHaveText('Not saved: storage full');
  await expect(ws.field('Notes')).toHaveValue('x'.repeat(4000)); // still on screen
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.notes;
  });
  expect(stored).toBe('saved before the quota filled');

  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), filler);
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await ws.saved();
  await page.reload();
  await expect(ws.field('Notes')).toHaveValue('x'.repeat(4000));
});

test('storage full when creating: a message, and the library is unchanged', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Existing' });
  await lib.open();
  const before = await lib.storageSnapshot();
  await fillStorage(page);
  await page.locator('details.create summary').click();
  await page.getByLabel('Title', { exact: true }).fill('One too many '.repeat(20));
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(lib.alert).toContainText('storage for this app is full');
  expect(await lib.storageSnapshot()).toEqual(before);
});

test('a second tab with nothing unsaved picks up the other tab\'s changes', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const a = await lib.create({ title: 'Shared' });
  const b = new WorkshopPage(await context.newPage());
  await b.page.goto(page.url());
  await expect(b.titleHeading).toHaveText('Shared');

  await a.field('Facilitator').fill('Helen');
  await a.saved();
  await expect(b.field('Facilitator')).toHaveValue('Helen');
  await expect(b.page.getByText('Updated with changes saved in another tab.')).toBeVisible();
});

test('two tabs editing at once: no silent overwrite, and mine can be kept as a copy', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const a = await lib.create({ title: 'Contested' });
  // Timers are frozen: both changes wait, then tab A goes to the background and saves first.
  const b = new WorkshopPage(await openWithFrozenTimers(context, page.url()));
  await expect(b.titleHeading).toHaveText('Contested');

  await b.field('Notes').fill('from tab B');
  await a.field('Notes').fill('from tab A');
  await flushSaves(a.page);
  await a.saved();
  await expect(b.alert).toContainText('This workshop was changed in another tab');
  await expect(b.saveState).toHaveText('Not saved: changed in another tab');
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.notes;
  });
  expect(stored).toBe('from tab A');

  await b.page.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(b.titleHeading).toHaveText('Contested (copy)');
  await expect(b.field('Notes')).toHaveValue('from tab B');
  await lib.open();
  await expect.poll(async () => (await lib.titles()).sort()).toEqual(['Contested', 'Contested (copy)']);
});

test('two tabs: the older tab can take the newer version instead', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const a = await lib.create({ title: 'Take theirs' });
  const b = new WorkshopPage(await openWithFrozenTimers(context, page.url()));
  await expect(b.titleHeading).toHaveText('Take theirs');
  await b.field('Notes').fill('B loses');
  await a.field('Notes').fill('A wins');
  await flushSaves(a.page);
  await a.saved();
  await b.page.getByRole('button', { name: 'Load the newer version (drop my changes)' }).click();
  await expect(b.field('Notes')).toHaveValue('A wins');
  await b.saved();
  await expect(b.alert).toHaveCount(0);
});

test('the workshop list follows changes made in another tab', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const other = new LibraryPage(await context.newPage());
  await other.open();
  await other.create({ title: 'Made in the other tab' });
  await expect(lib.item('Made in the other tab')).toBeVisible();
});
