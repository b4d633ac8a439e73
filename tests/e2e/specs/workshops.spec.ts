// The workshop library and editor: create, edit, reload, undo, and every library action.
import { test, expect } from '../support/fixtures';
import { LibraryPage, WorkshopPage, openWithFrozenTimers } from '../support/workshops';

test('create a workshop, fill its details and roster, reload: everything is there', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await expect(page.getByText('No workshops yet')).toBeVisible();
  const ws = await lib.create({
    title: 'Shropshire social prescribing',
    purpose: 'Who benefits from the pilot, and who decides?',
    date: '2019-03-14',
    facilitator: 'Alison',
  });
  await ws.field('Notes').fill('Rural county: transport and cost come up often.');
  await ws.addStakeholder('Link workers', 'Social prescribing team');
  await ws.addStakeholder('Voluntary and community sector', '', 'affected');
  await expect(page.getByText('1 involved, 1 affected but not involved')).toBeVisible();
  await ws.saved();

  await page.reload();
  await expect(ws.titleHeading).toHaveText('Shropshire social prescribing');
  await expect(ws.field('Purpose or focus question')).toHaveValue('Who benefits from the pilot, and who decides?');
  await expect(ws.field('Date')).toHaveValue('2019-03-14');
  await expect(ws.field('Facilitator')).toHaveValue('Alison');
  await expect(ws.field('Notes')).toHaveValue('Rural county: transport and cost come up often.');
  await expect.poll(() => ws.rosterValues()).toEqual(['Link workers', 'Voluntary and community sector']);
  await expect(ws.rosterRows().nth(1).getByLabel('Involvement')).toHaveValue('affected');

  await page.getByRole('link', { name: '← All workshops' }).click();
  await expect(lib.item('Shropshire social prescribing')).toContainText('Workshop date 2019-03-14');
  await expect(lib.item('Shropshire social prescribing')).toContainText('Never exported');
});

test('the last keystroke survives closing the tab straight away', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Pagehide test' });
  const url = page.url();

  // A second page whose timers are frozen: the debounced save can never run there, so only
  // the flush on pagehide can save what is typed.
  const frozen = await openWithFrozenTimers(context, url);
  const ws = new WorkshopPage(frozen);
  await ws.field('Notes').click();
  await frozen.keyboard.type('typed just before closing');
  await expect(ws.saveState).toHaveText('Saving…');
  await frozen.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await expect(new WorkshopPage(again).field('Notes')).toHaveValue('typed just before closing');
});

test('the saved indicator tells the truth', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Indicator' });
  await ws.saved();
  await ws.field('Facilitator').fill('Jo');
  await expect(ws.saveState).toHaveText('Saving…');
  await ws.saved();
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.facilitator;
  });
  expect(stored).toBe('Jo');
});

test('undo and redo: one step per typed field, per added stakeholder', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Before' });
  await expect(ws.undoButton).toBeDisabled();

  await ws.field('Title').fill('');
  await ws.field('Title').pressSequentially('After edit');
  await ws.field('Facilitator').click(); // leaving the field ends the gesture
  await ws.addStakeholder('GPs');

  await page.keyboard.press('Control+z');
  await expect(ws.rosterRows()).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(ws.field('Title')).toHaveValue('Before');
  await expect(ws.undoButton).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(ws.field('Title')).toHaveValue('After edit');
  await ws.redoButton.click();
  await expect.poll(() => ws.rosterValues()).toEqual(['GPs']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect.poll(() => ws.rosterValues()).toEqual(['GPs']);

  await ws.saved();
  await page.reload();
  await expect(ws.field('Title')).toHaveValue('After edit');
  await expect.poll(() => ws.rosterValues()).toEqual(['GPs']);
});

test('a roster entry can be edited and removed', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Roster' });
  await ws.addStakeholder('Practice manger', 'GP practice');
  await ws.addStakeholder('DWP advisers');
  await ws.rosterNames().first().fill('Practice manager');
  await ws.rosterRows().first().getByLabel('Involvement').selectOption('affected');
  await ws.rosterRows().nth(1).getByRole('button', { name: /Remove/ }).click();
  await ws.saved();
  await page.reload();
  await expect.poll(() => ws.rosterValues()).toEqual(['Practice manager']);
  await expect(ws.rosterRows().first().getByLabel('Involvement')).toHaveValue('affected');
});

test('search and sort the list', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  for (const title of ['Beta review', 'Alpha pilot', 'Gamma pilot']) {
    await lib.create({ title });
    await lib.open();
  }
  expect(await lib.titles()).toEqual(['Gamma pilot', 'Alpha pilot', 'Beta review']);
  await lib.sort.selectOption('title');
  expect(await lib.titles()).toEqual(['Alpha pilot', 'Beta review', 'Gamma pilot']);
  await lib.search.fill('pilot');
  expect(await lib.titles()).toEqual(['Alpha pilot', 'Gamma pilot']);
  await lib.search.fill('nothing like it');
  await expect(page.getByText('No workshop matches the search.')).toBeVisible();
});

test('rename and duplicate from the list', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Original' });
  await ws.addStakeholder('GPs');
  await lib.open();
  await lib.action('Original', 'Rename');
  await page.getByLabel('New title').fill('Renamed');
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(lib.item('Renamed')).toBeVisible();
  await lib.action('Renamed', 'Duplicate');
  await expect(lib.item('Renamed (copy)')).toBeVisible();
  await page.getByRole('link', { name: 'Renamed (copy)' }).click();
  await expect.poll(() => new WorkshopPage(page).rosterValues()).toEqual(['GPs']);
});

test('delete, undo from the toast, and restore from recently deleted', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Keep me' });
  await lib.open();
  await lib.action('Keep me', 'Delete');
  await expect(lib.items).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(lib.item('Keep me')).toBeVisible();

  await lib.action('Keep me', 'Delete');
  await page.reload();
  const trash = page.locator('section.trash');
  await expect(trash).toContainText('Keep me');
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(lib.item('Keep me')).toBeVisible();
  await expect(trash).toHaveCount(0);

  await lib.action('Keep me', 'Delete');
  await page.locator('section.trash').getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.locator('section.trash')).toHaveCount(0);
  expect(await lib.storageSnapshot()).toEqual({ 'cst-workbench.index': '{"workshops":[],"trash":[]}' });
});

test('export a workshop and import it back as a second copy', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Exported <b>&amp;</b> "quoted"' });
  await ws.addStakeholder('Service users', '', 'affected');
  await lib.open();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    lib.action('Exported <b>&amp;</b> "quoted"', 'Export'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^exported-b-amp-b-quoted-\d{4}-\d{2}-\d{2}\.cstw\.json$/);
  const text = (await download.createReadStream().then((s) => s.toArray())).join('');
  const doc = JSON.parse(text);
  expect(doc.format).toBe('cst-workbench/workshop');
  expect(doc.version).toBe(1);
  expect(doc.workshop.title).toBe('Exported <b>&amp;</b> "quoted"');
  await expect(lib.item('Exported <b>&amp;</b> "quoted"')).not.toContainText('Never exported');

  await lib.importFile('back.json', text);
  await expect(lib.status).toContainText('Imported 1 workshop');
  await expect(lib.items).toHaveCount(2);
  // The title is shown as text, never as markup.
  await expect(page.locator('.workshop-list b')).toHaveCount(0);
});

test('export all, then import the file into an empty browser', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'One' });
  await lib.open();
  await lib.create({ title: 'Two' });
  await lib.open();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all workshops' }).click(),
  ]);
  const text = (await download.createReadStream().then((s) => s.toArray())).join('');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('No workshops yet')).toBeVisible();
  await lib.importFile('all.json', text);
  await expect(lib.status).toContainText('Imported 2 workshops');
  expect((await lib.titles()).sort()).toEqual(['One', 'Two']);
});

test.describe('bad import files', () => {
  const cases: [string, () => string | Buffer, RegExp][] = [
    ['malformed.json', () => '{"format": "cst-workbench/workshop", "workshop": {', /damaged or is not a workshop file.*line 1/],
    ['kumu.json', () => JSON.stringify({ elements: [], connections: [] }), /not a CST Workbench file/],
    ['newer.json', () => JSON.stringify({ format: 'cst-workbench/workshop', version: 99, workshop: {} }), /newer version of CST Workbench/],
    ['empty.json', () => '', /empty/],
    ['huge.json', () => Buffer.alloc(21 * 1024 * 1024, 32), /largest file this app opens is 20 MB/],
  ];
  for (const [name, make, message] of cases) {
    test(`${name}: a clear message, and the library is unchanged`, async ({ page }) => {
      const lib = new LibraryPage(page);
      await lib.open();
      await lib.create({ title: 'Already here' });
      await lib.open();
      const before = await lib.storageSnapshot();
      await lib.importFile(name, make());
      await expect(lib.alert).toContainText(`“${name}” was not imported`);
      await expect(lib.alert).toContainText(message);
      expect(await lib.storageSnapshot()).toEqual(before);
      expect(await lib.titles()).toEqual(['Already here']);
    });
  }
});

test('a damaged record: the others load, and it is listed with its text to download', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Healthy' });
  await lib.open();
  await lib.create({ title: 'Will be damaged' });
  const key = await page.evaluate(() => `cst-workbench.workshop.${location.hash.split('/').pop()}`);
  await page.evaluate((k) => localStorage.setItem(k, localStorage.getItem(k)!.slice(0, 40)), key);
  await lib.open();
  await expect(lib.item('Healthy')).toBeVisible();
  const damaged = page.locator('.workshop-item.damaged');
  await expect(damaged).toContainText('Damaged workshop record');
  await expect(damaged).toContainText('ends too early');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    damaged.getByRole('button', { name: 'Download its text' }).click(),
  ]);
  const text = (await download.createReadStream().then((s) => s.toArray())).join('');
  expect(text).toHaveLength(40);
  expect(await page.evaluate((k) => localStorage.getItem(k)!.length, key)).toBe(40);
});

test('storage meter and persistence status are shown', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await expect(page.getByText(/KB used of about 5 MB/)).toBeVisible();
  await expect(page.locator('section.storage')).toContainText(/browser (has agreed|may clear)/);
});
