// Concept maps: build the team vision map by mouse and by keyboard, undo and redo, reload,
// the outline edits the same map, layouts and analysis, accessibility and screenshots.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import { App } from '../support/app';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('a facilitator builds the vision map by mouse: add, label, link, drag; undo and redo; a reload keeps it, zoom included', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Vision day' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('blank map');
  await expect(page).toHaveURL(/\/maps\/m-/);
  await expect(page.getByText('Double-click anywhere, or press N')).toBeVisible();

  await m.addByDoubleClick(300, 300, 'People with low agency');
  await m.addByDoubleClick(520, 150, 'Loneliness and isolation');
  await m.addByDoubleClick(520, 420, 'Health inequalities');
  await expect(m.nodes).toHaveCount(3);

  // Link from the focus to two target areas by dragging from its handle.
  await m.linkByDrag('People with low agency', 'Loneliness and isolation');
  await expect(m.links).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Link', exact: true })).toBeVisible();
  await page.getByLabel('Label', { exact: true }).fill('shows up as');
  await expect(page.locator('.map-canvas .link-label')).toHaveText('shows up as');
  await m.linkByDrag('People with low agency', 'Health inequalities');
  await expect(m.links).toHaveCount(2);

  // Dropping a link on empty space makes a new idea there.
  await m.inView();
  const box = (await m.canvas.boundingBox())!;
  await m.node('Health inequalities').locator('rect').hover();
  const h = (await m.node('Health inequalities').locator('.handle').boundingBox())!;
  // An empty spot low on the left of the part of the canvas on screen (the nodes are right of it).
  const bottom = Math.min(box.y + box.height, page.viewportSize()!.height);
  await m.drag({ x: h.x + 3, y: h.y + 3 }, { x: box.x + 80, y: bottom - 40 });
  await expect(m.editor).toBeFocused();
  await page.keyboard.type('Poorly managed diseases');
  await page.keyboard.press('Enter');
  await expect(m.nodes).toHaveCount(4);
  await expect(m.links).toHaveCount(3);

  // Drag a node: it moves, its links follow, and one undo puts it back.
  const before = await m.place('Loneliness and isolation');
  const c = await m.centre('Loneliness and isolation');
  await page.mouse.click(c.x, c.y); // selecting changes the old and new selection; then drag
  // Record which nodes the drag changes in the page: only the dragged one may.
  await page.evaluate(() => {
    const w = window as unknown as { touched: Set<string>; obs: MutationObserver };
    w.touched = new Set();
    w.obs = new MutationObserver((ms) => {
      for (const r of ms) {
        const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
        const g = el?.closest('[data-node]') as HTMLElement | null;
        if (g) w.touched.add(g.getAttribute('aria-label')!.split(',')[0]);
      }
    });
    w.obs.observe(document.querySelector('.map-canvas .nodes')!, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  await m.drag(c, { x: c.x - 200, y: c.y + 40 });
  const touched = await page.evaluate(() => {
    const w = window as unknown as { touched: Set<string>; obs: MutationObserver };
    w.obs.disconnect();
    return [...w.touched];
  });
  expect(touched).toEqual(['Loneliness and isolation']);
  const after = await m.place('Loneliness and isolation');
  expect(after.x).toBeCloseTo(before.x - 200, 0);
  expect(after.y).toBeCloseTo(before.y + 40, 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => m.place('Loneliness and isolation')).toEqual(before);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await m.place('Loneliness and isolation')).x).toBeCloseTo(after.x, 0);

  // Zoom in twice, then reload: the map and the view come back.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(m.zoom).toHaveText('156%');
  await expect.poll(async () => (await m.saved()).view.zoom).toBeCloseTo(1.5625, 3);
  await page.reload();
  await expect(m.nodes).toHaveCount(4);
  await expect(m.links).toHaveCount(3);
  await expect(m.zoom).toHaveText('156%');
  expect((await m.place('Loneliness and isolation')).x).toBeCloseTo(after.x, 0);
  const saved = await m.saved();
  expect(saved.nodes.map((n) => n.label).sort()).toEqual(
    ['Health inequalities', 'Loneliness and isolation', 'People with low agency', 'Poorly managed diseases'],
  );
  expect(saved.links.find((l) => l.label === 'shows up as')).toBeTruthy();
});

test('the same map by keyboard only: add with N, move with arrows, link with L and a list, edit with Enter, delete', async ({ page }) => {
  test.slow();
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Keyboard map' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('blank map');
  await m.canvas.focus();
  await page.keyboard.press('n');
  await expect(m.editor).toBeFocused();
  await page.keyboard.type('People with low agency');
  await page.keyboard.press('Enter');
  // Focus is back on the new node; Shift+N adds one linked to it.
  await expect(m.node('People with low agency')).toBeFocused();
  await page.keyboard.press('Shift+N');
  await page.keyboard.type('Frequent attenders');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('at GP practices');
  await page.keyboard.press('Enter');
  await expect(m.links).toHaveCount(1);
  await expect(m.node('Frequent attenders').locator('tspan')).toHaveText(['Frequent attenders', 'at GP practices']);
  await page.keyboard.press('n');
  await page.keyboard.type('Health inequalities');
  await page.keyboard.press('Enter');

  // Arrows move the focused node, 10 units a press; Shift for 50.
  await expect(m.node('Health inequalities')).toBeFocused();
  const start = await m.place('Health inequalities');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => m.place('Health inequalities')).toEqual({ x: start.x + 20, y: start.y + 50 });

  // L opens the list of targets; choosing one links.
  await page.keyboard.press('l');
  const target = page.getByLabel(/^Link “Health inequalities” to/);
  await expect(target).toBeFocused();
  await target.selectOption({ label: 'People with low agency' });
  await page.keyboard.press('Enter');
  await expect(m.links).toHaveCount(2);
  await expect(page.locator('.map-canvas .link title').last()).toHaveText('Link from Health inequalities to People with low agency');

  // Tab reaches the nodes in the order they were made; Enter edits the label.
  await m.canvas.focus();
  await page.keyboard.press('Tab');
  await expect(m.node('People with low agency')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('People with little agency');
  await page.keyboard.press('Enter');
  await expect(m.node('People with little agency')).toBeFocused();
  // Escape while typing stops typing and keeps what was typed (issue 20: nothing typed is
  // lost); one Undo takes it back.
  await page.keyboard.press('Enter');
  await page.keyboard.type('oops');
  await page.keyboard.press('Escape');
  await expect(m.node('oops')).toHaveCount(1);
  await expect(m.node('oops')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(m.node('People with little agency')).toHaveCount(1);
  await m.node('People with little agency').focus();

  // Delete removes the node and its links; Ctrl+Z brings both back.
  await page.keyboard.press('Delete');
  await expect(m.nodes).toHaveCount(2);
  await expect(m.links).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(m.nodes).toHaveCount(3);
  await expect(m.links).toHaveCount(2);
});

test('the keys under the map canvas are the ones the ? sheet lists, and they do what it says: N adds, Esc clears, + zooms, Delete removes', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Keys map' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('blank map');
  const hint = await page.locator('#map-keys').innerText();
  await m.canvas.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const group = sheet.locator('section').filter({ has: page.getByRole('heading', { name: 'Concept maps (on the canvas)' }) });
  const keys = await group.locator('dt').allInnerTexts();
  expect(keys.length).toBeGreaterThan(8);
  for (const k of keys) expect(hint).toContain(k.trim());
  const row = (keys: RegExp) => group.locator('dl > div').filter({ has: page.locator('dt', { hasText: keys }) }).locator('dd');
  await expect(row(/^N$/)).toHaveText('Add a node');
  await expect(row(/^Esc$/)).toHaveText('Clear the selection');
  await expect(row(/^\+ \/ /)).toHaveText('Zoom in / out / fit the map');
  await expect(row(/^Delete$/)).toHaveText('Remove what is selected');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // N adds a node, its label ready to type.
  await m.canvas.focus();
  await page.keyboard.press('n');
  await expect(m.editor).toBeFocused();
  await page.keyboard.type('First idea');
  await page.keyboard.press('Enter');
  await expect(m.nodes).toHaveCount(1);
  const node = m.node('First idea');
  await expect(node).toBeFocused();
  await expect(node).toHaveClass(/selected/);
  // Esc clears the selection.
  await page.keyboard.press('Escape');
  await expect(node).not.toHaveClass(/selected/);
  // + zooms in by a quarter.
  const before = parseInt(await m.zoom.innerText(), 10);
  await page.keyboard.press('+');
  await expect.poll(async () => parseInt(await m.zoom.innerText(), 10)).toBe(Math.round(before * 1.25));
  // Delete removes the focused node.
  await expect(node).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(m.nodes).toHaveCount(0);
});

test('the vision template, edited in the outline, changes the canvas; analysis finds loops and paths; a layout is one undo step', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Template day' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('team vision map');
  await expect(m.nodes).toHaveCount(6);
  await expect(m.links).toHaveCount(5);
  await expect(page.locator('.kinds li')).toHaveCount(2);

  await m.show('Outline').click();
  const outline = page.locator('.outline-nodes');
  await expect(outline.locator('> li')).toHaveCount(6);
  await outline.getByLabel('Idea: Health inequalities').fill('Health inequalities in rural areas');
  await page.getByLabel('New idea').fill('Transport and cost');
  await page.keyboard.press('Enter');
  await expect(outline.locator('> li')).toHaveCount(7);
  const transport = outline.locator('> li').last();
  await transport.getByLabel('Link Transport and cost to').fill('Health inequalities in rural areas');
  await transport.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(transport.locator('.outline-links li')).toHaveCount(1);
  await transport.getByLabel(/^Polarity of the link/).selectOption('positive');
  await transport.getByLabel('Link Transport and cost to').fill('Nobody');
  await transport.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(transport.getByRole('alert')).toContainText('No other idea is called “Nobody”');

  await m.show('Canvas').click();
  await expect(m.node('Health inequalities in rural areas')).toHaveCount(1);
  await expect(m.node('Transport and cost')).toHaveCount(1);
  await expect(m.links).toHaveCount(6);
  await expect(page.locator('.map-canvas .polarity')).toHaveText(['+']);

  // Analysis: the focus is the bridge; no loops yet; a path from transport to loneliness.
  await page.getByRole('button', { name: 'Analyse the map' }).click();
  await expect(page.getByText('All ideas are joined up.')).toBeVisible();
  await expect(page.locator('.analysis ol').first().locator('li').first()).toContainText('People with low agency');
  await expect(page.getByText('No loops')).toBeVisible();
  // Plain lines go both ways; the new arrow only from transport to health.
  await page.getByRole('button', { name: 'Find a path between two ideas…' }).click();
  const finder = page.locator('.analysis form.stack');
  await finder.getByRole('combobox', { name: 'From', exact: true }).selectOption({ label: 'Transport and cost' });
  await finder.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: 'Loneliness and isolation' });
  await finder.getByRole('button', { name: 'Find the path' }).click();
  await expect(page.getByText('3 steps: Transport and cost → Health inequalities in rural areas → People with low agency → Loneliness and isolation')).toBeVisible();
  await expect(page.locator('.map-canvas .node.traced')).toHaveCount(4);
  await finder.getByRole('combobox', { name: 'From', exact: true }).selectOption({ label: 'Loneliness and isolation' });
  await finder.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: 'Transport and cost' });
  await finder.getByRole('button', { name: 'Find the path' }).click();
  await expect(page.getByText('No path along the arrows')).toBeVisible();
  await finder.getByLabel('Follow the arrows').uncheck();
  await finder.getByRole('button', { name: 'Find the path' }).click();
  await expect(page.getByText('3 steps: Loneliness and isolation → People with low agency → Health inequalities in rural areas → Transport and cost')).toBeVisible();
  await expect(page.locator('.map-canvas .node.traced')).toHaveCount(4);

  // Force layout moves nodes (animated), and one undo puts every one back.
  const before = await m.place('Transport and cost');
  await page.getByRole('button', { name: 'Force-directed' }).click();
  await expect.poll(() => m.place('Transport and cost')).not.toEqual(before);
  await expect.poll(async () => (await m.saved()).nodes.find((n) => n.label === 'Transport and cost')!.x).not.toBe(before.x);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => m.place('Transport and cost')).toEqual(before);
});

test('the relational cycle template is one reinforcing loop that can be traced', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Cycle' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('positive relational cycle');
  await expect(m.nodes).toHaveCount(9);
  await page.getByRole('button', { name: 'Analyse the map' }).click();
  const loops = page.locator('.loops > li');
  await expect(loops).toHaveCount(1);
  await expect(loops.first()).toContainText('Reinforcing');
  await loops.first().getByRole('button', { name: 'Trace' }).click();
  await expect(page.locator('.map-canvas .node.traced')).toHaveCount(8);
  await expect(page.locator('.map-canvas .link.traced')).toHaveCount(8);
  // One link turned negative makes it balancing.
  await page.locator('.map-canvas .link').first().locator('path.line').click({ force: true });
  await page.getByLabel('Polarity').selectOption('negative');
  await expect(loops.first()).toContainText('Balancing');
});

test('shift-click and rubber band select several, which move together', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Selection' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('team vision map');
  await page.getByRole('button', { name: 'Fit' }).click();
  const a = await m.centre('Health inequalities');
  const b = await m.centre('Poorly managed diseases');
  await page.mouse.click(a.x, a.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: '2 nodes selected' })).toBeVisible();
  // Exactly the selected ones are drawn selected, with their link handles showing; the others'
  // handles appear only under the pointer.
  const drawnSelected = page.locator('.map-canvas .nodes .node.selected');
  await expect(drawnSelected).toHaveCount(2);
  await expect(m.node('Health inequalities')).toHaveClass(/\bselected\b/);
  await expect(m.node('Poorly managed diseases').locator('.handle')).toBeVisible();
  const other = page.locator('.map-canvas .nodes .node:not(.selected)').first();
  await expect(other.locator('.handle')).toBeHidden();
  await other.locator('rect').hover();
  await expect(other.locator('.handle')).toBeVisible();
  const pa = await m.place('Health inequalities');
  const pb = await m.place('Poorly managed diseases');
  const zoom = parseFloat((await m.zoom.textContent())!) / 100;
  const from = await m.centre('Health inequalities');
  // While the pointer is down the two nodes and their links are drawn on the lift layer, and
  // their copies on the map are hidden and keep still; at release they land on the map.
  const lift = page.locator('svg.map-lift');
  const onMap = m.node('Health inequalities');
  const still = await onMap.locator('rect').getAttribute('x');
  await expect(lift).toBeHidden();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y, { steps: 6 });
  await expect(lift).toBeVisible();
  await expect(lift.locator('.node')).toHaveCount(2);
  expect(await lift.locator('.link').count()).toBeGreaterThan(0);
  await expect(lift.locator('[data-node], [tabindex]')).toHaveCount(0);
  await expect(onMap).toHaveClass(/\blifted\b/);
  await expect(onMap.locator('rect')).toHaveAttribute('x', still!);
  await page.mouse.move(from.x + 100, from.y, { steps: 6 });
  await page.mouse.up();
  await expect(lift).toBeHidden();
  await expect(onMap).not.toHaveClass(/\blifted\b/);
  await expect(onMap.locator('rect')).not.toHaveAttribute('x', still!);
  await expect.poll(async () => (await m.place('Health inequalities')).x).toBeCloseTo(pa.x + 100 / zoom, 0);
  await expect.poll(async () => (await m.place('Poorly managed diseases')).x).toBeCloseTo(pb.x + 100 / zoom, 0);

  // A band around the whole canvas selects all six.
  await m.inView();
  const box = (await m.canvas.boundingBox())!;
  await page.keyboard.down('Shift');
  await m.drag({ x: box.x + 5, y: box.y + 5 }, { x: box.x + box.width - 5, y: box.y + box.height - 5 });
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: '6 nodes selected' })).toBeVisible();
  await expect(drawnSelected).toHaveCount(6);
  // Escape clears the selection, and no node is drawn selected.
  await page.keyboard.press('Escape');
  await expect(drawnSelected).toHaveCount(0);
});

test('labels are text, never markup', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Hostile' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('blank map');
  await m.addByDoubleClick(300, 200, '<img src=x onerror=alert(1)>');
  await expect(page.locator('.map-canvas img')).toHaveCount(0);
  await expect(m.node('<img src=x')).toHaveCount(1);
});

test('maps are accessible in both themes; screenshots of canvas, outline and analysis', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Looks' });
  const m = new MapsPage(page);
  await m.open();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'maps-templates');
  await m.start('team vision map');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Fit' }).click();
  await m.node('Health inequalities').locator('rect').click();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'maps-canvas-standard');
  await page.getByRole('button', { name: 'Analyse the map' }).click();
  await page.getByLabel('Show as halos on the map').check();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'maps-analysis-standard');
  await m.show('Outline').click();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'maps-outline-standard');

  const app = new App(page);
  await app.setTheme('projector');
  await m.show('Canvas').click();
  await page.getByRole('button', { name: 'Fit' }).click();
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'maps-canvas-projector');
  await app.setScheme('dark');
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'maps-canvas-projector-dark');
});

test('touch: one finger drags a node, two fingers pinch to zoom', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Touch' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('team vision map');
  await page.getByRole('button', { name: 'Fit' }).click();
  await m.inView();
  // Touch pointer events as a tablet sends them (Playwright's touchscreen only taps).
  const touch = (type: string, id: number, x: number, y: number, target?: string) =>
    page.evaluate(({ type, id, x, y, target }) => {
      const el = target ? document.querySelector(target)! : document.querySelector('.map-canvas-wrap')!;
      el.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: id, pointerType: 'touch', isPrimary: id === 1, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y }));
    }, { type, id, x, y, target });
  const c = await m.centre('Health inequalities');
  const before = await m.place('Health inequalities');
  const zoom = parseFloat((await m.zoom.textContent())!) / 100;
  const id = await m.node('Health inequalities').getAttribute('data-node');
  await touch('pointerdown', 1, c.x, c.y, `.map-canvas [data-node="${id}"] rect`);
  for (let i = 1; i <= 10; i++) await touch('pointermove', 1, c.x - 6 * i, c.y);
  await touch('pointerup', 1, c.x - 60, c.y);
  await expect.poll(async () => (await m.place('Health inequalities')).x).toBeCloseTo(before.x - 60 / zoom, 0);

  // Two fingers on the background, moving apart: the map zooms in.
  const box = (await m.canvas.boundingBox())!;
  const [x1, y1, x2, y2] = [box.x + 60, box.y + 40, box.x + 160, box.y + 40];
  await touch('pointerdown', 1, x1, y1);
  await touch('pointerdown', 2, x2, y2);
  for (let i = 1; i <= 10; i++) await touch('pointermove', 2, x2 + 10 * i, y2);
  await touch('pointerup', 2, x2 + 100, y2);
  await touch('pointerup', 1, x1, y1);
  const after = parseFloat((await m.zoom.textContent())!) / 100;
  expect(after / zoom).toBeCloseTo(2, 1);
});

test('leaving the map right after panning it: the page carries on and the view is kept', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Pan and leave' });
  const m = new MapsPage(page);
  await m.open();
  await m.start('team vision map');
  await m.inView();
  const box = (await m.canvas.boundingBox())!;
  const before = await m.centre('Health inequalities');
  // A pan, then another section at once: the view is saved after a pause, when the map
  // editor is already gone.
  await m.drag({ x: box.x + 12, y: box.y + 12 }, { x: box.x + 112, y: box.y + 62 }, 3);
  const nav = page.getByRole('navigation', { name: 'Workshop sections' });
  await nav.getByRole('link', { name: 'Boundary critique' }).click();
  await expect(page.getByRole('heading', { name: 'Boundary critique', level: 2 })).toBeVisible();
  await page.waitForTimeout(800); // past the view's 400 ms pause
  await expect(page.locator('#crash')).toBeHidden();
  await nav.getByRole('link', { name: 'Concept maps' }).click();
  const after = await m.centre('Health inequalities');
  expect(after.x - before.x).toBeCloseTo(100, -1);
  expect(after.y - before.y).toBeCloseTo(50, -1);
});
