// No file, stored record or second tab can kill the page or lose a workshop: deep files through
// every import path, a trap in the app's module, numbers out of range, odd ids, two tabs saving
// in the same instant.
import { test, expect } from '../support/fixtures';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { screenshotBothSizes } from '../support/screenshots';
import type { Page } from '@playwright/test';

const DEEP = 5_000;
const nest = (open: string, close: string, n = DEEP) => open.repeat(n) + close.repeat(n);

/** Proves the page still works: type in the notes, reload, the text is there. */
async function stillWorks(page: Page, ws: WorkshopPage, text: string) {
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Details and roster' }).click();
  await ws.field('Notes').fill(text);
  await ws.saved();
  await page.reload();
  await expect(ws.field('Notes')).toHaveValue(text);
  await expect(page.locator('#crash')).toBeHidden();
}

const storedWorkshop = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return { key, doc: JSON.parse(localStorage.getItem(key)!) };
  });

test('deep files through every map import path are refused and the page keeps working', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Deep files' });
  const files: [string, string][] = [
    ['deep.graphml', `<graphml><graph>${nest('<data>', '</data>')}</graph></graphml>`],
    ['deep.gexf', `<gexf>${nest('<graph>', '</graph>')}</gexf>`],
    ['deep.cxl', `<cmap>${nest('<map>', '</map>')}</cmap>`],
    ['deep.svg', `<svg>${nest('<g>', '</g>')}</svg>`],
    ['deep.xml', `<doc>${nest('<x>', '</x>')}</doc>`],
    ['deep.dot', `digraph { a [label="\\\\"] ${nest('{', '}', 20_000)} }`],
    ['html.dot', `digraph { a [label=<say ">] ${nest('{', '}', 20_000)} }`],
    ['deep.json', `{"elements": ${nest('[', ']', 100_000)}}`],
  ];
  const m = new MapsPage(page);
  await m.open();
  for (const [name, text] of files) {
    await page.locator('#import-map').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    const alert = page.locator('[role="alert"]').filter({ hasText: `\u201c${name}\u201d was not imported` });
    await expect(alert).toBeVisible();
    // Refused before any recursion: too deep, or (the tricks, read as the grammar reads
    // them) not DOT at all.
    await expect(alert).toContainText(/deeper than this app reads|recursion limit|cannot be read/);
  }
  await stillWorks(page, ws, 'typed after eight deep map files');
});

test('a deep SVG through "Open a picture file…" is refused and the page keeps working', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: 'Deep picture' });
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Rich pictures' }).click();
  await page.getByRole('button', { name: 'New picture' }).click();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg">${nest('<g>', '</g>')}</svg>`;
  await page.locator('#import-picture').setInputFiles({ name: 'deep.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await expect(page.locator('[role="alert"]').filter({ hasText: 'deeper than this app reads' })).toBeVisible();
  await stillWorks(page, ws, 'typed after a deep picture');
});

test('a deep workshop file and a workshop holding a map too large are refused or set aside', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.importFile('deep.cstw.json', `{"format":"cst-workbench/workshop","version":1,"workshop":{"notes":${nest('[', ']', 100_000)}}}`);
  await expect(lib.alert).toContainText('recursion');
  const nodes = Array.from({ length: 8_000 }, (_, i) => ({ id: i + 1, label: `n${i}`, x: i, y: 0 }));
  const big = {
    format: 'cst-workbench/workshop',
    version: 1,
    workshop: { id: 'w-big', title: 'Big map inside', maps: [{ id: 'm1', title: 'Huge', nodes, links: [] }] },
  };
  await lib.importFile('big.cstw.json', JSON.stringify(big));
  await expect(lib.item('Big map inside')).toBeVisible();
  await lib.item('Big map inside').getByRole('link', { name: 'Big map inside' }).click();
  const ws = new WorkshopPage(page);
  await expect(ws.titleHeading).toHaveText('Big map inside');
  const m = new MapsPage(page);
  await m.open();
  await expect(page.getByRole('button', { name: 'Huge' })).toHaveCount(0);
  await stillWorks(page, ws, 'the big map waits aside');
  const { doc } = await storedWorkshop(page);
  expect(doc.workshop.maps_unreadable[0].nodes.length).toBe(8_000);
});

test.describe('when the app module dies', () => {
  test.use({ expectedPageErrors: /RuntimeError|unreachable|memory allocation|out of bounds/ });

  test('a real trap shows the recovery message, stops input, and reload brings the work back', async ({ page }) => {
    // The module's own exports, as the loader hands them to the page when the app starts.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        (window as unknown as { cstwExports: unknown }).cstwExports = (e as CustomEvent).detail.wasm;
      });
    });
    const lib = new LibraryPage(page);
    await lib.open();
    const ws = await lib.create({ title: 'Before the trap' });
    await ws.field('Notes').fill('saved before the trap');
    await ws.saved();
    await expect(page.locator('#crash')).toBeHidden();
    // A real trap with no backdoor: the module's allocator asked for 4 GB fails, the module
    // aborts (`unreachable`), and the error is uncaught, as from any event handler.
    await page.evaluate(() => {
      const wasm = (window as unknown as { cstwExports: { __wbindgen_malloc: (n: number, a: number) => number } }).cstwExports;
      setTimeout(() => wasm.__wbindgen_malloc(0xfffffff0, 8));
    });
    const dialog = page.getByRole('dialog', { name: 'CST Workbench stopped working' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Your work up to the last save is safe');
    await expect(dialog.getByRole('button', { name: 'Reload' })).toBeFocused();
    await screenshotBothSizes(page, 'crash-dialog');
    // Nothing behind it takes input: it is modal and the page under it is inert.
    const state = await page.evaluate(() => ({
      modal: document.querySelector('#crash')!.matches(':modal'),
      inert: document.querySelector('main')!.closest('[inert]') !== null,
    }));
    expect(state).toEqual({ modal: true, inert: true });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await expect(ws.field('Notes')).toHaveValue('saved before the trap');
    await expect(page.locator('#crash')).toBeHidden();
  });

  test('a RuntimeError reported from an event or a promise shows it too', async ({ page }) => {
    const lib = new LibraryPage(page);
    await lib.open();
    await page.evaluate(() => {
      window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable'), message: 'RuntimeError: unreachable' }));
    });
    await expect(page.getByRole('dialog', { name: 'CST Workbench stopped working' })).toBeVisible();
    await page.reload();
    await expect(page.locator('#crash')).toBeHidden();
    await page.evaluate(() => {
      void Promise.reject(new WebAssembly.RuntimeError('memory access out of bounds'));
    });
    await expect(page.getByRole('dialog', { name: 'CST Workbench stopped working' })).toBeVisible();
  });
});

test('a workshop with numbers out of range opens every section', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const huge = 4_294_967_295;
  const doc = {
    format: 'cst-workbench/workshop',
    version: 1,
    revision: 1,
    workshop: {
      id: 'w-range',
      title: 'Out of range',
      scoring: {
        framework: { name: 'F', elements: [{ id: 'e1', name: 'Trust' }] },
        scale: { min: 0, max: 2_000_000_000, labels: [] },
        scorers: [{ id: 's1', name: 'A' }],
        rounds: [{ id: 'r1', name: 'R', revealed: true, scores: { s1: { e1: { value: 7 } } }, hands: { e1: { counts: [huge, huge], dont_know: huge } } }],
      },
      maps: [{ id: 'm1', title: 'Far', nodes: [{ id: huge, label: 'edge of ids', x: 1e300, y: -1e300 }], view: { x: 1e308, y: 0, zoom: 1e9 }, next_id: huge }],
      pictures: [{ id: 'p1', title: 'Big', next_id: huge, items: [{ type: 'text', id: huge, x: 1e300, y: 5, size: 1e12, text: 'big text', colour: 0, rotation: 1e9 }] }],
      agenda: { entries: [{ step: 'welcome', minutes: huge }] },
    },
  };
  await page.evaluate((d) => localStorage.setItem('cst-workbench.workshop.w-range', JSON.stringify(d)), doc);
  await page.goto('#/w/w-range');
  const ws = new WorkshopPage(page);
  await expect(ws.titleHeading).toHaveText('Out of range');
  const nav = page.getByRole('navigation', { name: 'Workshop sections' });
  for (const section of ['Boundary critique', 'Concept maps', 'Rich pictures', 'Scoring', 'Report']) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page.locator('main h2').first()).toBeVisible();
  }
  await page.goto('#/w/w-range/present');
  await expect(page.locator('main')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('#/w/w-range/maps');
  // A new node after the repaired ids never overwrites the old one.
  await stillWorks(page, ws, 'every section opened');
  const { doc: stored } = await storedWorkshop(page);
  expect(stored.workshop.scoring.scale.max).toBe(20);
  expect(stored.workshop.maps[0].next_id).toBeLessThan(1 << 30);
  expect(stored.workshop.maps[0].nodes[0].label).toBe('edge of ids');
});

test('workshops whose ids hold spaces, slashes and accents open', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const ids = ['with space', 'a/b/c', 'café ünï 日本', '50%?#x'];
  for (const id of ids) {
    const title = `Odd id ${id}`;
    await lib.importFile(`${title}.cstw.json`, JSON.stringify({ format: 'cst-workbench/workshop', version: 1, workshop: { id, title } }));
    await expect(lib.item(title)).toBeVisible();
  }
  for (const id of ids) {
    const title = `Odd id ${id}`;
    await lib.open();
    await lib.item(title).getByRole('link', { name: title }).click();
    const ws = new WorkshopPage(page);
    await expect(ws.titleHeading).toHaveText(title);
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Scoring' }).click();
    await expect(page.getByRole('heading', { name: 'Scoring', level: 2 })).toBeVisible();
    await page.reload();
    await expect(ws.titleHeading).toHaveText(title);
  }
});

test('a record whose inner id names another workshop never touches that workshop', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const victim = await lib.create({ title: 'Victim', notes: 'keep me' });
  await victim.saved();
  const { key: victimKey, doc: victimDoc } = await storedWorkshop(page);
  const intruder = { ...victimDoc, workshop: { ...victimDoc.workshop, title: 'Intruder', notes: 'not yours' } };
  await page.evaluate((d) => localStorage.setItem('cst-workbench.workshop.w-intruder', JSON.stringify(d)), intruder);
  await lib.open();
  await expect.poll(async () => (await lib.titles()).sort()).toEqual(['Intruder', 'Victim']);
  await lib.item('Intruder').getByRole('link', { name: 'Intruder' }).click();
  const ws = new WorkshopPage(page);
  await ws.field('Notes').fill('edited in the intruder');
  await ws.saved();
  const victimNow = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), victimKey);
  expect(victimNow.workshop.title).toBe('Victim');
  expect(victimNow.workshop.notes).toBe('keep me');
  await lib.open();
  await expect.poll(async () => (await lib.titles()).sort()).toEqual(['Intruder', 'Victim']);
});

test('two tabs saving in the same instant never both say "Saved" while one version is lost', async ({ page, context }) => {
  test.setTimeout(180_000);
  const lib = new LibraryPage(page);
  await lib.open();
  const a = await lib.create({ title: 'Race' });
  await a.saved();
  const b = new WorkshopPage(await context.newPage());
  await b.page.goto(page.url());
  await expect(b.titleHeading).toHaveText('Race');
  for (let i = 0; i < 25; i++) {
    // Both fields are set in the same task of each page and their saves fire together.
    await Promise.all(
      [a, b].map((w, n) =>
        w.field('Notes').evaluate((el, text) => {
          (el as HTMLTextAreaElement).value = text;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, `trial ${i} from tab ${'AB'[n]}`),
      ),
    );
    await expect
      .poll(async () => [await a.saveState.textContent(), await b.saveState.textContent()], { timeout: 5_000 })
      .not.toContain('Saving…');
    await page.waitForTimeout(400);
    const stored = (await storedWorkshop(page)).doc.workshop.notes;
    for (const [n, w] of [a, b].entries()) {
      const state = await w.saveState.textContent();
      if (state === 'Saved') expect(await w.field('Notes').inputValue(), `trial ${i}, tab ${'AB'[n]}`).toBe(stored);
    }
    // Start the next trial from one agreed version: both tabs load what is stored.
    for (const w of [a, b]) {
      const load = w.page.getByRole('button', { name: 'Load the newer version (drop my changes)' });
      if (await load.isVisible()) await load.click();
      await expect(w.saveState).toHaveText('Saved');
    }
  }
});

test('a tab whose save another tab wrote over (the same revision, unseen) stops saying "Saved" and offers the choice', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const a = await lib.create({ title: 'Written over' });
  await a.field('Notes').fill('typed in tab A');
  await a.saved();
  // A second tab whose view of storage was late: it saves the same revision over tab A's save.
  const other = await context.newPage();
  await other.goto(new URL('/', page.url()).href);
  const { key, doc } = await storedWorkshop(page);
  await other.evaluate(([k, d]) => {
    const late = JSON.parse(d);
    late.saved_at += 1;
    late.workshop.notes = 'typed in tab B';
    localStorage.setItem(k, JSON.stringify(late));
  }, [key, JSON.stringify(doc)]);
  await expect(a.saveState).not.toHaveText('Saved');
  await expect(page.getByRole('alert')).toContainText('This workshop was changed in another tab or window.');
  // Tab A's text is still on screen, and "Keep mine as a copy" saves it.
  await expect(a.field('Notes')).toHaveValue('typed in tab A');
  await page.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await lib.open();
  await expect.poll(async () => (await lib.titles()).length).toBe(2);
  const notes = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cst-workbench.workshop.')).map((k) => JSON.parse(localStorage.getItem(k)!).workshop.notes).sort(),
  );
  expect(notes).toEqual(['typed in tab A', 'typed in tab B']);
});
