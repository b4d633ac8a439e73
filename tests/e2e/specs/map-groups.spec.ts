// Groups and parallel links in the map editor, as a person uses them: open a map file with
// groups (one collapsed) and parallel links, see the frames and the separate curves, expand
// and collapse, make a group from a Shift+click selection, rename and recolour it, move it
// as one, ungroup and delete a group with its nodes, and find it all again after a reload.
// Screenshots at 1280×720 and 1024×768. Then the `mermaid` package itself (loaded only here,
// on a blank page, never by the app) parses and renders our Mermaid export of that map:
// every node, link, link label and subgraph drawn.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { screenshotBothSizes } from '../support/screenshots';
import type { Page } from '@playwright/test';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

type Saved = {
  nodes: { id: number; label: string; x: number; y: number; group?: number }[];
  links: { from: number; to: number; label?: string }[];
  groups?: { id: number; name: string; colour: number; parent?: number; collapsed?: boolean; at?: { x: number; y: number } }[];
};

async function saved(page: Page): Promise<Saved> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.maps[0];
  });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('groups and parallel links: see, collapse, make, rename, move, delete', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Groups day' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles(join(FIXTURES, 'map-groups.map.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 nodes and 6 links in 3 groups' })).toBeVisible();

  // Three groups; "Local system" holds nothing and still has a frame of its own.
  const frames = page.locator('.map-canvas .group');
  await expect(frames).toHaveCount(3);
  await expect(page.locator('.map-canvas .group.collapsed')).toHaveCount(1);
  // The collapsed group hides its two nodes; the four links to Pilot are drawn to its box.
  await expect(m.node('Pilot <project>')).toBeHidden();
  await expect(m.node('Funder')).toBeVisible();
  const curves = page.locator('.map-canvas .links .link:not([hidden]) path.line[d*="Q"]');
  await expect(curves).toHaveCount(4);

  const panel = page.locator('.group-panel');
  await expect(panel.locator('.group-row')).toHaveCount(3);
  // Expand the collapsed group: its nodes come back, the links end on them again.
  await panel.getByRole('button', { name: 'Expand' }).click();
  await expect(m.node('Pilot <project>')).toBeVisible();
  await expect(page.locator('.map-canvas .group.collapsed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await m.inView();
  await screenshotBothSizes(page, 'map-groups-parallel-links');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A new group from a selection: click one node, Shift+click another.
  await m.node('Funder').click();
  await m.node('Patients').click({ modifiers: ['Shift'] });
  await panel.getByRole('button', { name: 'Group the selected nodes' }).click();
  await expect(panel.locator('.group-row')).toHaveCount(4);
  // Funder left "Funding <bodies>" for the new group (a node sits in one group); the group it
  // left empty keeps its frame where Funder was: four frames.
  await expect(frames).toHaveCount(4);
  const name = panel.getByRole('textbox', { name: /Name of group/ }).last();
  await name.fill('Money <and> people');
  await name.press('Enter');
  await expect(page.locator('.map-canvas .group .group-name', { hasText: 'Money <and> people' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Colour of Money <and> people' }).selectOption('teal');
  // ("Local system", empty, was teal already and has a frame of its own.)
  await expect(page.locator('.map-canvas .group.c-teal', { has: page.locator('.group-name', { hasText: 'Money <and> people' }) })).toHaveCount(1);

  // Move the group as one: select its members, then arrow keys move them together.
  const before = await saved(page);
  await panel.locator('.group-row').last().getByRole('button', { name: 'Select members' }).click();
  await m.node('Funder').focus();
  await page.keyboard.press('ArrowRight');
  const moved = async (label: string) => {
    const after = await saved(page);
    return after.nodes.find((n) => n.label === label)!.x - before.nodes.find((n) => n.label === label)!.x;
  };
  await expect.poll(() => moved('Funder')).toBe(10);
  await expect.poll(() => moved('Patients')).toBe(10);

  // Ungroup keeps the nodes; delete with nodes removes them.
  await panel.locator('.group-row').last().getByRole('button', { name: 'Ungroup' }).click();
  await expect(panel.locator('.group-row')).toHaveCount(3);
  await expect(m.nodes).toHaveCount(4);
  // "Pilot team" (the second group) goes with Pilot and Board and their links.
  await panel.locator('.group-row').nth(1).getByRole('button', { name: 'Delete with nodes' }).click();
  await expect(m.node('Pilot <project>')).toHaveCount(0);
  await expect(m.node('Board')).toHaveCount(0);
  await expect(m.nodes).toHaveCount(2);
  await expect(panel.locator('.group-row')).toHaveCount(2);

  // Undo brings the group and its nodes back, and a reload keeps what is there.
  await page.keyboard.press('Control+z');
  await expect(m.node('Board')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.group-panel .group-row')).toHaveCount(3);
  const s = await saved(page);
  expect(s.links.length).toBe(6);
  expect(s.groups!.map((g) => g.name).sort()).toEqual(['Funding <bodies>', 'Local system', 'Pilot team']);
});

test('frames: an empty group moves and fills, a group drags by its frame, a link ends on a group, layouts keep groups apart', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Frames day' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles(join(FIXTURES, 'map-groups.map.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 nodes and 6 links in 3 groups' })).toBeVisible();
  const panel = page.locator('.group-panel');
  await panel.getByRole('button', { name: 'Expand' }).click();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await m.inView();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('cst-workbench.workshop.')
    && (JSON.parse(localStorage.getItem(k)!).workshop.maps ?? []).length > 0))).toBe(true);
  const group = async (name: string) => (await saved(page)).groups!.find((g) => g.name === name)!;
  const frame = (name: string) => page.locator(`.map-canvas .group[aria-label^="Group ${name}"]`);

  // The empty group shows a frame with its name.
  const local = frame('Local system');
  await expect(local).toBeVisible();
  await expect(local.locator('.group-name')).toHaveText('Local system');
  const localId = (await group('Local system')).id;
  const at0 = (await group('Local system')).at!;

  // Dragged by its title: it moves, and stays moved after the drag.
  const title = (await local.locator('.frame-title').boundingBox())!;
  const grab = { x: title.x + 40, y: title.y + 12 };
  await m.drag(grab, { x: grab.x - 60, y: grab.y + 40 });
  await expect.poll(async () => (await group('Local system')).at!.y).toBeGreaterThan(at0.y + 10);
  const at1 = (await group('Local system')).at!;
  expect(at1.x).toBeLessThan(at0.x - 10);

  // By keyboard: focus the frame, an arrow moves it 10.
  await local.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await group('Local system')).at!.x).toBe(at1.x + 10);
  await expect(local).toBeFocused();

  // A node dropped on the empty frame goes into that group.
  const box = (await local.locator('.frame').boundingBox())!;
  await m.drag(await m.centre('Patients'), { x: box.x + box.width / 2, y: box.y + box.height / 2 + 10 });
  await expect.poll(async () => (await saved(page)).nodes.find((n) => n.label === 'Patients')!.group).toBe(localId);
  await expect(panel.locator('.group-row').filter({ has: page.getByRole('textbox', { name: `Name of group ${localId}` }) })).toContainText('1 node');

  // A group with members dragged by its frame's title: every member moves, one undo step.
  const before = await saved(page);
  const pilotTitle = (await frame('Pilot team').locator('.frame-title').boundingBox())!;
  // By the title's far end, where no link's line runs (the parallel links come in from the left).
  const from = { x: pilotTitle.x + pilotTitle.width - 20, y: pilotTitle.y + 12 };
  await m.drag(from, { x: from.x + 50, y: from.y + 30 });
  const dx = async (label: string) =>
    (await saved(page)).nodes.find((n) => n.label === label)!.x - before.nodes.find((n) => n.label === label)!.x;
  await expect.poll(() => dx('Board')).toBeGreaterThan(10);
  expect(await dx('Pilot <project>')).toBeCloseTo(await dx('Board'), 6);
  expect(await dx('Funder')).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => dx('Board')).toBe(0);
  expect(await dx('Pilot <project>')).toBe(0);

  // A link dragged from Funder's dot onto the empty-then-filled group's title ends on the group.
  await m.node('Funder').locator('rect').hover();
  const handle = (await m.node('Funder').locator('.handle').boundingBox())!;
  const t2 = (await local.locator('.frame-title').boundingBox())!;
  await m.drag({ x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: t2.x + t2.width - 20, y: t2.y + 10 });
  await expect.poll(async () => (await saved(page)).links.filter((l) => l.to === localId).length).toBe(1);
  const toGroup = page.locator('.map-canvas .links .link[data-link]:not([hidden])');
  await expect(toGroup).toHaveCount(7);
  await expect(page.locator('.map-canvas .link title', { hasText: 'Link from Funder to group Local system' })).toHaveCount(1);

  // Every layout keeps groups together: no node inside a frame it does not belong to, no two
  // frames overlapping unless one holds the other.
  const clear = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    const map = JSON.parse(localStorage.getItem(key)!).workshop.maps[0];
    const parent = new Map<number, number | undefined>(map.groups.map((g: any) => [g.id, g.parent]));
    const chain = (g?: number) => { const out: number[] = []; while (g !== undefined && !out.includes(g)) { out.push(g); g = parent.get(g); } return out; };
    const rect = (el: Element) => el.getBoundingClientRect();
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const frames = [...document.querySelectorAll('.map-canvas .group[data-group]')].map((g) => ({ id: Number(g.getAttribute('data-group')), r: rect(g.querySelector('rect.frame')!) }));
    const bad: string[] = [];
    for (const n of map.nodes) {
      const el = document.querySelector(`.map-canvas .nodes .node[data-node="${n.id}"] rect`);
      if (!el) continue;
      const mine = chain(n.group);
      for (const f of frames) if (!mine.includes(f.id) && overlap(rect(el), f.r)) bad.push(`${n.label} in ${f.id}`);
    }
    for (const a of frames) for (const b of frames) {
      if (a.id < b.id && !chain(a.id).includes(b.id) && !chain(b.id).includes(a.id) && overlap(a.r, b.r)) bad.push(`frames ${a.id} ${b.id}`);
    }
    return bad;
  });
  for (const layout of ['Force-directed', 'Layered', 'Radial', 'Tidy']) {
    const was = JSON.stringify((await saved(page)).nodes.map((n) => [n.x, n.y]));
    await page.getByRole('button', { name: layout }).click();
    await expect.poll(async () => JSON.stringify((await saved(page)).nodes.map((n) => [n.x, n.y])) !== was || layout === 'Tidy').toBe(true);
    await page.waitForTimeout(600);
    await expect.poll(clear).toEqual([]);
  }
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await m.inView();
  await screenshotBothSizes(page, 'map-groups-frames');
  await page.setViewportSize({ width: 1280, height: 800 });

  // After a reload the empty-then-filled group, its place and the link to it are still there.
  await page.reload();
  await expect(frame('Local system')).toBeVisible();
  expect((await saved(page)).links.filter((l) => l.to === localId).length).toBe(1);
  await expect(page.locator('.map-canvas .links .link[data-link]:not([hidden])')).toHaveCount(7);
});

test('the keyboard link picker lists the groups: L on a node, choose a group, Enter links to it', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Keyboard groups day' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles(join(FIXTURES, 'map-groups.map.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 nodes and 6 links in 3 groups' })).toBeVisible();
  await page.locator('.group-panel').getByRole('button', { name: 'Expand' }).click();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await m.inView();
  const localId = async () => (await saved(page)).groups!.find((g) => g.name === 'Local system')!.id;
  await expect.poll(async () => (await saved(page).catch(() => null))?.groups?.length ?? 0).toBe(3);
  const id = await localId();

  // Focus on Funder, L opens the picker.
  await m.node('Funder').focus();
  await page.keyboard.press('l');
  const picker = page.getByLabel(/^Link “Funder” to/);
  await expect(picker).toBeFocused();
  // The other ideas, then every group by name (angle brackets shown as typed).
  await expect(picker.locator('optgroup[label="Ideas"] option')).toHaveText(['Board', 'Patients', 'Pilot <project>']);
  await expect(picker.locator('optgroup[label="Groups"] option')).toHaveText(['group Funding <bodies>', 'group Local system', 'group Pilot team']);
  await screenshotBothSizes(page, 'map-groups-keyboard-picker');
  await page.setViewportSize({ width: 1280, height: 800 });
  await picker.focus();
  // Down the list by keys to the group, Enter links.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue(String(id));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await saved(page)).links.filter((l) => l.to === id).length).toBe(1);
  await expect(page.locator('.map-canvas .link title', { hasText: 'Link from Funder to group Local system' })).toHaveCount(1);
  // Drawn to the group's frame, with its arrow.
  const drawnLink = page.locator('.map-canvas .links .link:not([hidden])', { has: page.locator('title', { hasText: 'Link from Funder to group Local system' }) });
  await expect(drawnLink.locator('path.line')).toHaveAttribute('marker-end', 'url(#map-arrow)');
  // The picker is gone and the keyboard is back on Funder.
  await expect(picker).toHaveCount(0);
  await expect(m.node('Funder')).toBeFocused();
  await screenshotBothSizes(page, 'map-groups-keyboard-link');
  await page.setViewportSize({ width: 1280, height: 800 });
  // One undo takes the link away again.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await saved(page)).links.filter((l) => l.to === id).length).toBe(0);
});

test('the mermaid package renders our Mermaid export with every node, link, label and subgraph', async ({ page, browser }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Mermaid day' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles(join(FIXTURES, 'map-groups.map.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 nodes and 6 links in 3 groups' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Mermaid', exact: true }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/^flowchart LR/);

  const require = createRequire(import.meta.url);
  const blank = await browser.newPage();
  await blank.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await blank.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const drawn = await blank.evaluate(async (src) => {
    const mm = (window as unknown as { mermaid: any }).mermaid;
    mm.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false } });
    await mm.parse(src);
    const { svg } = await mm.render('drawn', src);
    const out = document.getElementById('out')!;
    out.innerHTML = svg;
    const texts = (sel: string) => [...out.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim()).filter((t) => t);
    return {
      nodes: out.querySelectorAll('g.node').length,
      links: out.querySelectorAll('path.flowchart-link').length,
      linkLabels: texts('g.edgeLabel').sort(),
      clusters: texts('g.cluster .cluster-label').sort(),
      nodeLabels: texts('g.node .nodeLabel, g.node text').sort(),
    };
  }, text);
  expect(drawn.nodes).toBe(4);
  expect(drawn.links).toBe(6);
  expect(drawn.linkLabels).toEqual(['advises', 'funds (+)', 'funds (+)', 'reports to', 'steers']);
  expect(drawn.clusters).toEqual(['Funding <bodies>', 'Local system', 'Pilot team']);
  expect(drawn.nodeLabels.join('|')).toContain('Pilot <project>');
  await blank.close();
});
