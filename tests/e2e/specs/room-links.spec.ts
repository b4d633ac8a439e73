// In the room (issue 20): links by keyboard and a node's notes. From a focused node Alt+arrows
// walk through its links (selected, focused, announced); Enter or F2 types a link's label in
// place on the canvas (Enter or Esc keeps what was typed, one Undo takes it back). A node keeps
// notes, typed in the side panel or the outline, kept on reload and shown in the report. After
// leaving the projector theme, Fit centres the map in the canvas. The example map's links are
// all labelled.
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage, flushSaves } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

type Page = import('@playwright/test').Page;

async function openExampleMap(page: Page): Promise<MapsPage> {
  const lib = new LibraryPage(page);
  await lib.open();
  await page.locator('section.example-box').getByRole('button', { name: 'Open the example workshop' }).click();
  await expect(new WorkshopPage(page).titleHeading).toBeVisible();
  const maps = new MapsPage(page);
  await maps.open();
  await expect(maps.node('People with low agency')).toBeVisible();
  return maps;
}

/** The name of the focused link (its `<title>`), or null when focus is not on a link. */
async function focusedLink(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('.map-canvas [data-link]') ? el.querySelector('title')?.textContent ?? '' : null;
  });
}

const status = (page: Page) => page.locator('.map-editor [role="status"]').filter({ hasText: /./ });

test('links are reached from their node by Alt+arrows, announced, and their labels typed in place', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const maps = await openExampleMap(page);
  await maps.inView();
  await maps.canvas.focus();
  await page.keyboard.press('0');

  // Every link of the example map has a label, the ones from its centre too.
  const labels = await page.locator('.map-canvas:not(.map-lift) .link').evaluateAll((ls) =>
    ls.map((l) => l.querySelector('.link-label')?.textContent ?? ''),
  );
  expect(labels.length).toBeGreaterThan(10);
  expect(labels.filter((l) => l.trim() === '')).toEqual([]);

  // Alt+→ from the centre: its six links (five out, one in) in turn, each focused, selected
  // and announced.
  const centre = maps.node('People with low agency');
  await centre.focus();
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Alt+ArrowRight');
    const name = await focusedLink(page);
    expect(name, `step ${i + 1} focuses a link`).toMatch(/^Link from .+ to .+: .+/);
    expect(name).toContain('People with low agency');
    seen.push(name!);
    await expect(page.locator('.map-canvas .link.selected')).toHaveCount(1);
    await expect(status(page)).toContainText(`Link ${i + 1} of 6 of “People with low agency”`);
    await expect(status(page)).toContainText(name!);
  }
  expect(new Set(seen).size).toBe(6);
  // It wraps round, and Alt+← goes back.
  await page.keyboard.press('Alt+ArrowRight');
  expect(await focusedLink(page)).toBe(seen[0]);
  await page.keyboard.press('Alt+ArrowLeft');
  expect(await focusedLink(page)).toBe(seen[5]);
  // The side panel shows the selected link.
  await expect(page.getByRole('heading', { name: 'Link', exact: true, level: 3 })).toBeVisible();

  // Enter types its label in place, over where the label is drawn.
  const link = page.locator('.map-canvas .link.selected');
  const before = (await link.locator('.link-label').textContent())!;
  const labelBox = (await link.locator('.link-label-back').boundingBox())!;
  await page.keyboard.press('Enter');
  const editor = page.locator('.map-canvas input.link-label-editor');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(before);
  const box = (await editor.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (labelBox.x + labelBox.width / 2))).toBeLessThan(4);
  expect(Math.abs(box.y + box.height / 2 - (labelBox.y + labelBox.height / 2))).toBeLessThan(4);
  await screenshotBothSizes(page, 'room-links-editing');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.type('weighs on');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(link.locator('.link-label')).toHaveText('weighs on');
  expect(await focusedLink(page)).toMatch(/: weighs on$/);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue('weighs on');
  // The typing was one undo step.
  await page.keyboard.press('Control+z');
  await expect(link.locator('.link-label')).toHaveText(before);

  // F2 too; Esc stops typing and keeps what was typed, as for a node's label.
  await link.focus();
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await page.keyboard.type('is kept');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(link.locator('.link-label')).toHaveText('is kept');
  await expect(page.locator('html')).not.toHaveClass(/focus-mode/);
  // Saved, and one Undo takes it back.
  await expect.poll(async () => (await maps.saved()).links.some((l) => l.label === 'is kept')).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(link.locator('.link-label')).toHaveText(before);

  // Esc on the link goes back to the node the walk started from.
  await centre.focus();
  await page.keyboard.press('Alt+ArrowDown');
  expect(await focusedLink(page)).toBe(seen[0]);
  await page.keyboard.press('Escape');
  await expect(centre).toBeFocused();

  // A node's label: Esc keeps what was typed too.
  await page.keyboard.press('Enter');
  await expect(maps.editor).toBeFocused();
  await page.keyboard.type('People with little agency');
  await page.keyboard.press('Escape');
  await expect(maps.node('People with little agency')).toHaveCount(1);
  await expect(maps.node('People with little agency')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(maps.node('People with low agency')).toHaveCount(1);

  // Delete on a link reached by keyboard removes it and returns to the node.
  const count = await maps.links.count();
  await centre.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Delete');
  await expect(maps.links).toHaveCount(count - 1);
  await expect(centre).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(maps.links).toHaveCount(count);

  // A lone node says it has no links.
  await maps.canvas.focus();
  await page.keyboard.press('n');
  await page.keyboard.type('Lone idea');
  await page.keyboard.press('Enter');
  await expect(maps.node('Lone idea')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(status(page)).toContainText('“Lone idea” has no links.');
  await expect(maps.node('Lone idea')).toBeFocused();

  // The keys are in the "?" list.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: /keyboard/i });
  await expect(sheet).toContainText("The focused node's links in turn");
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page);

  // In the projector theme too: the editor sits on the label, at the theme's size.
  await new App(page).setTheme('projector');
  await maps.inView();
  await centre.focus();
  await page.keyboard.press('Alt+ArrowRight');
  const shown = page.locator('.map-canvas .link.selected .link-label-back');
  const shownBox = (await shown.boundingBox())!;
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  const inProjector = (await editor.boundingBox())!;
  expect(Math.abs(inProjector.y + inProjector.height / 2 - (shownBox.y + shownBox.height / 2))).toBeLessThan(4);
  await screenshotBothSizes(page, 'room-links-editing-projector');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
});

test('a node keeps notes: typed in the side panel, kept on reload, in the outline and the report', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const maps = await openExampleMap(page);
  await maps.node('Health inequalities').click();
  const notes = page.getByRole('textbox', { name: 'Notes', exact: true });
  await expect(notes).toHaveValue('');
  const text = 'Ask the GPs <b>which</b> practices & "why"\nSecond line';
  await notes.fill(text);
  await notes.blur();
  await flushSaves(page);
  await expect
    .poll(async () => ((await maps.saved()).nodes as { label: string; notes?: string }[]).find((n) => n.label === 'Health inequalities')?.notes)
    .toBe(text);
  await screenshotBothSizes(page, 'room-links-notes');
  await page.setViewportSize({ width: 1280, height: 720 });
  // One Undo takes the typing back; Redo brings it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notes).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(notes).toHaveValue(text);

  // Kept on reload.
  await new App(page).reload();
  await maps.node('Health inequalities').click();
  await expect(page.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue(text);

  // The outline shows and edits the same notes.
  await maps.show('Outline').click();
  const inOutline = page.getByRole('textbox', { name: 'Notes on Health inequalities' });
  await expect(inOutline).toHaveValue(text);
  await expect(page.getByRole('textbox', { name: 'Notes on People with low agency' })).toHaveValue(/Who the scheme is for/);

  // The report lists them as text, markup and all.
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Report' }).click();
  const report = page.locator('.report');
  const list = report.locator('.report-notes').first();
  await expect(list).toContainText('Notes on concepts');
  await expect(list).toContainText('Ask the GPs <b>which</b> practices & "why"');
  await expect(list.locator('b')).toHaveCount(0);
  await expect(list).toContainText('Who the scheme is for');
});

test('after leaving the projector theme, Fit centres the map in the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new App(page);
  await app.open();
  await app.setTheme('standard');
  const maps = await openExampleMap(page);
  await maps.inView();
  const canvasSize = () => maps.canvas.evaluate((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; });
  const standard = await canvasSize();
  await app.setTheme('projector');
  const projector = await canvasSize();
  // The canvas's box changes with the theme (no window resize): the case that went wrong.
  expect(projector).not.toEqual(standard);
  await app.setTheme('standard');
  await expect.poll(canvasSize).toEqual(standard);
  await maps.inView();
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit' }).click();
  const off = await page.evaluate(() => {
    const wrap = document.querySelector('.map-canvas-wrap')!.getBoundingClientRect();
    const rects = Array.from(document.querySelectorAll('.map-canvas:not(.map-lift) .node rect')).map((r) => r.getBoundingClientRect());
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return {
      dx: (left + right) / 2 - (wrap.left + wrap.right) / 2,
      dy: (top + bottom) / 2 - (wrap.top + wrap.bottom) / 2,
      inside: left >= wrap.left && right <= wrap.right && top >= wrap.top && bottom <= wrap.bottom,
    };
  });
  expect(Math.abs(off.dx), `off-centre by ${off.dx} px across`).toBeLessThan(4);
  expect(Math.abs(off.dy), `off-centre by ${off.dy} px down`).toBeLessThan(4);
  expect(off.inside).toBe(true);
  await screenshotBothSizes(page, 'room-links-fit-after-projector');
});
